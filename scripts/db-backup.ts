// npm run db:backup [-- path] — a consistent copy of the live SQLite database (DATABASE_URL),
// safe while the app runs. Default destination: data/backups/claimline-YYYYMMDD-HHMMSS.db (UTC).
// Run through tsx with `--conditions react-server`, so db/'s `import "server-only"` resolves
// to its empty module outside Next.
import { backupDatabase, defaultBackupPath } from "../db/backup/online-backup";
import { DEFAULT_DATABASE_URL } from "../db/client";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB"];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
backupDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, process.argv[2] || defaultBackupPath()).then(
  (result) => console.log(`Backup written: ${result.destination}, ${formatSize(result.bytes)}`),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
