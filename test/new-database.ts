import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { closeDb } from "../db/client";
import { engineOfUrl } from "../db/engine-kind";
import { createDatabaseAt } from "./postgres/cluster";

/**
 * Closes the test's database and makes the next getDb() open a new, empty (migrated) one, as a
 * fresh install has: on SQLite a new in-memory database; on PostgreSQL a new copy of the
 * migrated template (test/postgres/engine-setup.ts), since reopening the URL would find the
 * same rows.
 */
export async function openNewDatabase(): Promise<void> {
  await closeDb();
  if (engineOfUrl(process.env.DATABASE_URL ?? "") !== "postgres") return;
  const admin = inject("postgresUrl");
  const template = inject("postgresTemplate");
  if (!admin || !template) throw new Error("The postgres project needs test/postgres/engine-global-setup.ts as its globalSetup.");
  process.env.DATABASE_URL = await createDatabaseAt(admin, `t_${randomBytes(6).toString("hex")}`, template);
}
