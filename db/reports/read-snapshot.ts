import "server-only";
import Database from "better-sqlite3";
import { type Db, getDb } from "../client";
import { asyncHandle } from "../engines/sqlite/open-sqlite";

export interface ReadSnapshot {
  db: Db;
  /** Ends the read transaction and closes the connection; safe to call more than once. */
  close(): void;
}

/**
 * A read-only connection holding one read transaction, for a read that spans many event-loop
 * turns (a streamed export). The process's shared connection cannot hold a transaction
 * across turns, since every other request would run inside it. In WAL mode this snapshot
 * sees the database as it was at its first read while editors go on writing.
 *
 * An in-memory database cannot be opened twice; there (tests) the shared connection is used
 * without a snapshot.
 */
export function openReadSnapshot(): ReadSnapshot {
  const shared = getDb();
  if (shared.$client.memory) return { db: shared, close: () => {} };
  const sqlite = new Database(shared.$client.name, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.exec("BEGIN");
  let open = true;
  return {
    db: asyncHandle(sqlite),
    close() {
      if (!open) return;
      open = false;
      try {
        sqlite.exec("COMMIT");
      } finally {
        sqlite.close();
      }
    },
  };
}
