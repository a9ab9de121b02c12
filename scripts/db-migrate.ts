// npm run db:migrate — applies pending migrations to DATABASE_URL (the server also does this on start).
import { closeDb, getDb } from "../db/client";

getDb();
closeDb();
console.log("Migrations applied.");
