import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite-tables.ts",
  out: "./db/migrations",
  dbCredentials: { url: (process.env.DATABASE_URL || "file:./data/claimline.db").replace(/^file:/, "") },
  strict: true,
  verbose: true,
});
