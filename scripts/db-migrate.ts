// npm run db:migrate — applies pending migrations to DATABASE_URL (the server also does this on start):
// the schema ones (SQLite as the database opens, PostgreSQL in prepareDatabase), then the data
// migrations that need the app's code.
// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
import { closeDb, getDb, prepareDatabase } from "../db/client";
import { runDataMigrations } from "../db/data-migrations/run-data-migrations";

async function main() {
  await prepareDatabase();
  const ran = await runDataMigrations(getDb());
  await closeDb();
  console.log(ran.length > 0 ? `Migrations applied; data migrations run: ${ran.join(", ")}.` : "Migrations applied.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
