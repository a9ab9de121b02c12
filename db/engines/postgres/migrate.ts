import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { DEFAULT_STATUSES } from "../../../lib/status-scale";
import { statuses } from "./schema";

export const POSTGRES_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "engines", "postgres", "migrations");

/**
 * Applies the PostgreSQL migrations (drizzle-kit's and the hand-written trigger ones) to the
 * database at `url`. Each runs in drizzle's one migration transaction, so a failed migration
 * leaves the database as it was.
 */
export async function migratePostgres(url: string): Promise<void> {
  // One connection, so the advisory lock and the migration share a session: app nodes starting
  // together wait for the first to migrate instead of applying the same migration twice.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(pool), { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
    // The default status scale, as SQLite's open installs it (db/engines/sqlite/open-sqlite.ts);
    // rows admins edited are left alone.
    for (const status of DEFAULT_STATUSES) {
      await drizzle(pool).insert(statuses).values({ ...status }).onConflictDoNothing();
    }
    await pool.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  } finally {
    await pool.end();
  }
}

/** Any constant both sides agree on: the key of the session lock migrations hold. */
const MIGRATION_LOCK = 1_927_190;
