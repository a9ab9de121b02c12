import { type SQL, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { OpenDb } from "../../db-types";
import * as schema from "./schema";

/*
 * The PostgreSQL handle (issue 19): node-postgres' pool under drizzle, shaped like the SQLite
 * handle the data-access layer is written against (db/db-types.ts). drizzle's PostgreSQL
 * database already builds and awaits the same queries; what it lacks is added here:
 *
 * - `all`, `get`, `run` and `values` for raw `sql` statements, as SQLite's handle has them;
 * - `transaction(work, { behavior })` with SQLite's options: a write transaction (`immediate`)
 *   waits for the desk's write lock as SQLite's BEGIN IMMEDIATE does; any other runs on one
 *   snapshot (REPEATABLE READ). See runTransaction.
 */

// int8 (bigint, count(*)) arrives as a string by default; every int8 Claimline reads is a count
// or an epoch-millisecond value, well inside a double's exact range, as SQLite returns them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
type PgTx = Parameters<Parameters<PgDb["transaction"]>[0]>[0];
type Handle = PgDb | PgTx;

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected
const ATTEMPTS = 5;

export function openPostgres(url: string): OpenDb {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10 });
  // An idle client's error (the server restarted) must not crash the process: the pool drops
  // that client and the next query opens a new one.
  pool.on("error", (error) => console.warn(`Claimline: PostgreSQL connection lost: ${error.message}`));
  const db = withSqliteShape(drizzle(pool, { schema }) as PgDb);
  // `{ behavior: "immediate" }` (writeTransaction) is a write transaction, under the desk's
  // write lock; any other is a snapshot read (runTransaction). Inside one, tx.transaction() is
  // drizzle's savepoint.
  const transaction = db.transaction.bind(db);
  (db as unknown as Record<string, unknown>).transaction = (work: (tx: PgTx) => Promise<unknown>, config?: { behavior?: string }) =>
    runTransaction(transaction, work, config?.behavior === "immediate" ? "write" : "snapshot");
  return db as unknown as OpenDb;
}

function withSqliteShape<H extends Handle>(handle: H): H {
  const shaped = handle as unknown as Record<string, unknown>;
  shaped.all = async (query: SQL) => (await handle.execute(query)).rows;
  shaped.get = async (query: SQL) => (await handle.execute(query)).rows[0];
  shaped.run = async (query: SQL) => ({ changes: (await handle.execute(query)).rowCount ?? 0 });
  shaped.values = (query: SQL) => rowsAsArrays(handle, query);
  return handle;
}

/**
 * Rows as arrays of column values, as SQLite's `values()` gives them. drizzle runs these in
 * array mode already; the result mapper only has to hand the arrays over. `session` and
 * `dialect` are drizzle internals, reached here and nowhere else.
 */
async function rowsAsArrays(handle: Handle, query: SQL): Promise<unknown[][]> {
  const internals = handle as unknown as {
    session: { prepareQuery(query: unknown, fields: undefined, name: undefined, arrayMode: boolean, mapper: (rows: unknown[][]) => unknown): { execute(): Promise<unknown[][]> } };
    dialect: { sqlToQuery(query: SQL): unknown };
  };
  return internals.session.prepareQuery(internals.dialect.sqlToQuery(query), undefined, undefined, true, (rows) => rows).execute();
}

/**
 * Write transactions keep SQLite's guarantee: one writer at a time, so what a writer read to
 * authorise and check versions is still true when it writes, and no update is lost. Each takes
 * the desk's write lock (a transaction-level advisory lock, released at COMMIT or ROLLBACK) as
 * its first statement, then runs at READ COMMITTED: every statement after the lock sees every
 * write committed before it. (REPEATABLE READ would fix the snapshot when the lock statement
 * starts, before it waits, and every writer would then fail on the change counter's one row
 * that all their triggers update.) Other transactions read one snapshot (REPEATABLE READ) and
 * take no lock: a report or a feed reads consistently while editors write. Either kind runs
 * again from the start after a serialization failure or a deadlock; its work awaits nothing but
 * statements, so running it again is safe.
 */
async function runTransaction<T>(transaction: PgDb["transaction"], work: (tx: PgTx) => Promise<T>, kind: "write" | "snapshot"): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (kind === "snapshot") return await transaction(async (tx) => work(withSqliteShape(tx)), { isolationLevel: "repeatable read" });
      return await transaction(
        async (tx) => {
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`);
          return work(withSqliteShape(tx));
        },
        { isolationLevel: "read committed" },
      );
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** The key of the desk's write lock: any constant every node agrees on. */
const DESK_WRITE_LOCK = 1_927_191;

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Closes the pool's connections (tests and scripts; a server keeps its pool). */
export async function closePostgres(db: OpenDb): Promise<void> {
  await (db.$client as unknown as pg.Pool).end();
}
