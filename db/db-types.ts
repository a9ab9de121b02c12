import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema";

/*
 * The database handle's types, apart from db/client.ts (which opens it), so that code
 * db/client.ts runs as the database opens (the default status scale) can name them without
 * importing the module that imports it (issue 19: no import circles). db/client.ts re-exports
 * them, which is where the data-access layer imports them from.
 */

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The transaction handle drizzle passes to `db.transaction(tx => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
