import "server-only";
import { engineOfUrl } from "../engine-kind";

/**
 * db:backup and db:restore copy SQLite database files with SQLite's online backup API. A
 * PostgreSQL desk has no such file: its backups are the server's (pg_dump / pg_restore, or a
 * managed service's snapshots), and the JSON export works on both engines.
 */
export function refusePostgres(databaseUrl: string, verb: "back up" | "restore"): void {
  if (engineOfUrl(databaseUrl) !== "postgres") return;
  throw new Error(
    `DATABASE_URL names a PostgreSQL database: db:backup and db:restore ${verb === "back up" ? "back up" : "restore"} SQLite files only. ` +
      `Use pg_dump / pg_restore (or your provider's managed backups), or the JSON export and import in the admin screens.`,
  );
}
