import "server-only";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { asyncHandle } from "../engines/sqlite/open-sqlite";
import { ON_POSTGRES } from "../sql-dialect";

export interface ReadSnapshot {
  db: Db;
  /** Ends the read transaction and gives back its connection (done when this settles); safe to call more than once. */
  close(): Promise<void>;
}

/**
 * A read transaction of its own, for a read that spans many event-loop turns (a streamed
 * export): it sees the database as it was at its first read while editors go on writing.
 * The process's shared handle cannot hold a transaction across turns, since every other
 * request would run inside it.
 */
export function openReadSnapshot(): Promise<ReadSnapshot> {
  return ON_POSTGRES ? postgresSnapshot() : Promise.resolve(sqliteSnapshot());
}

/**
 * SQLite: a read-only connection of its own holding one read transaction (in WAL mode, a
 * snapshot). An in-memory database cannot be opened twice; there (tests) the shared
 * connection is used without a snapshot.
 */
function sqliteSnapshot(): ReadSnapshot {
  const shared = getDb();
  if (shared.$client.memory) return { db: shared, close: () => Promise.resolve() };
  const sqlite = new Database(shared.$client.name, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.exec("BEGIN");
  let open = true;
  return {
    db: asyncHandle(sqlite),
    close() {
      if (!open) return Promise.resolve();
      open = false;
      try {
        sqlite.exec("COMMIT");
      } finally {
        sqlite.close();
      }
      return Promise.resolve();
    },
  };
}

/**
 * PostgreSQL: a REPEATABLE READ READ ONLY transaction on one pooled client, held until close():
 * the handle's own transaction (REPEATABLE READ, one snapshot from its first read) whose work
 * hands its transaction out and waits for close(); it then commits and the client goes back
 * to the pool. Other requests use the pool's other clients meanwhile.
 */
async function postgresSnapshot(): Promise<ReadSnapshot> {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let handOver!: (db: Db) => void;
  const opened = new Promise<Db>((resolve) => (handOver = resolve));
  const transaction = getDb().transaction(async (tx) => {
    await tx.run(sql`SET TRANSACTION READ ONLY`);
    handOver(tx);
    await finished;
  });
  // Opening fails before the hand-over (then this throws); a failed commit of a read after it loses nothing.
  const db = await Promise.race([opened, transaction.then(() => opened)]);
  const released = transaction.then(
    () => undefined,
    () => undefined,
  );
  let open = true;
  return {
    db,
    close() {
      if (open) finish();
      open = false;
      return released;
    },
  };
}
