import type Database from "better-sqlite3";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { BaseSQLiteDatabase, SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema/sqlite-tables";

/*
 * The database handle's types, apart from db/client.ts (which opens it), so that code
 * db/client.ts runs as the database opens can name them without importing the module that
 * imports it (issue 19: no import circles). db/client.ts re-exports them, which is where the
 * data-access layer imports them from.
 *
 * The handle is asynchronous: every statement is awaited, so the same data-access code runs on
 * SQLite (db/engines/sqlite/gated-session.ts) and on PostgreSQL.
 */

type Tables = ExtractTablesWithRelations<typeof schema>;

/** What the data-access layer reads and writes through: the database, or a transaction on it. */
export type Db = BaseSQLiteDatabase<"async", Database.RunResult, typeof schema, Tables>;
/** The database as opened (db/client.ts), with its connection for the few engine-level needs. */
export type OpenDb = Db & { $client: Database.Database };
/** The transaction handle `db.transaction(async (tx) => …)` passes to its work. */
export type Tx = SQLiteTransaction<"async", Database.RunResult, typeof schema, Tables>;
