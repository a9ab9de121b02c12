import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export const POSTGRES_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "engines", "postgres", "migrations");

/**
 * Applies the PostgreSQL migrations (drizzle-kit's and the hand-written trigger ones) to the
 * database at `url`. Each runs in drizzle's one migration transaction, so a failed migration
 * leaves the database as it was.
 */
export async function migratePostgres(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
  } finally {
    await pool.end();
  }
}
