import { randomBytes } from "node:crypto";
import { beforeEach, inject } from "vitest";
import { createDatabaseAt } from "./cluster";

/*
 * The `postgres` vitest project runs the data-access tests on PostgreSQL. As on SQLite, where
 * each test opens a fresh in-memory database (test/setup.ts closes it after), each test gets a
 * fresh database here: a copy of the migrated template (test/postgres/engine-global-setup.ts).
 */
beforeEach(async () => {
  const admin = inject("postgresUrl");
  const template = inject("postgresTemplate");
  if (!admin || !template) throw new Error("The postgres project needs test/postgres/engine-global-setup.ts as its globalSetup.");
  process.env.DATABASE_URL = await createDatabaseAt(admin, `t_${randomBytes(6).toString("hex")}`, template);
});
