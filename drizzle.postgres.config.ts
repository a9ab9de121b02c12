import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit for the PostgreSQL engine (issue 19): `npx drizzle-kit generate --config
 * drizzle.postgres.config.ts` writes db/engines/postgres/migrations from
 * db/engines/postgres/schema. Triggers, search and NOTIFY are hand-written migrations in the
 * same folder (`generate --custom --name …`), each naming the SQLite migration it mirrors.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/engines/postgres/schema/index.ts",
  out: "./db/engines/postgres/migrations",
  dbCredentials: { url: process.env.POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/claimline" },
  strict: true,
  verbose: true,
});
