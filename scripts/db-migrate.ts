// npm run db:migrate — applies pending migrations to DATABASE_URL (the server also does this on start):
// the SQL ones as the database opens, then the data migrations that need the app's code.
import { closeDb, getDb } from "../db/client";
import { runDataMigrations } from "../db/data-migrations/run-data-migrations";

const ran = await runDataMigrations(getDb());
closeDb();
console.log(ran.length > 0 ? `Migrations applied; data migrations run: ${ran.join(", ")}.` : "Migrations applied.");
