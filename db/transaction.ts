import "server-only";
import { getDb, type Tx } from "./client";

/**
 * Runs a write in one IMMEDIATE transaction: the write lock is taken up front, so two
 * writers queue on the busy timeout instead of one failing mid-way when it upgrades from a
 * read lock. Everything inside (the change and its audit row) commits or rolls back together.
 * Await nothing but statements inside `work`: other requests wait while the transaction is open.
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(work, { behavior: "immediate" });
}
