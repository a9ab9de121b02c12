// npm run db:backup [-- path] — a consistent copy of the live SQLite database (DATABASE_URL),
// safe while the app runs. Default destination: data/backups/claimline-YYYYMMDD-HHMMSS.db (UTC).
// npm run db:backup -- restore <backup.db> — puts such a copy's content back into the live
// database, also while the app runs: every app process shows it on its next request
// (db/backup/online-restore.ts).
// Run through tsx with `--conditions react-server`, so db/'s `import "server-only"` resolves
// to its empty module outside Next.
import { backupDatabase, defaultBackupPath } from "../db/backup/online-backup";
import { restoreDatabase } from "../db/backup/online-restore";
import { WHOLE_DESK_TAGS } from "../db/cache-tags";
import { DEFAULT_DATABASE_URL } from "../db/client";
import { settings } from "../db/settings";
import { purgeCacheTags } from "../lib/cache-purge";

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

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const [command, file] = process.argv.slice(2);

// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
if (command === "restore") {
  if (!file) {
    console.error("Usage: npm run db:backup -- restore <backup.db>");
    process.exitCode = 2;
  } else {
    restoreDatabase(databaseUrl, file).then(
      async (result) => {
        console.log(`Restored ${result.source} into ${result.destination}`);
        // The app's own caches see the restore by the change counter; a shared cache in front is told.
        const { CACHE_PURGE_URL, CACHE_PURGE_TOKEN } = settings();
        if (CACHE_PURGE_URL) await purgeCacheTags({ url: CACHE_PURGE_URL, token: CACHE_PURGE_TOKEN }, WHOLE_DESK_TAGS);
      },
      (error: unknown) => {
        console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  }
} else {
  backupDatabase(databaseUrl, command || defaultBackupPath()).then(
    (result) => console.log(`Backup written: ${result.destination}, ${formatSize(result.bytes)}`),
    (error: unknown) => {
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
