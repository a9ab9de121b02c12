import "server-only";
import type { SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "../client";
import { inIds } from "../sql-dialect";
import { articles } from "../schema";

/**
 * Which articles a data migration looks at: every article (the migrate step, on the live
 * database), or only the ids a backup import has just written (their rows may be as old as
 * the backup, whatever this database's data_migration table says).
 */
export type ArticleScope = "all" | readonly number[];

/** The WHERE condition for a scope; undefined means no condition. */
export function inArticleScope(scope: ArticleScope): SQL | undefined {
  return scope === "all" ? undefined : inIds(articles.id, scope);
}

/**
 * Applies `change` to each article id and returns the ids it changed. Given the database, each
 * article is its own IMMEDIATE transaction: a long migration never holds the write lock for
 * long, and one interrupted keeps what it finished (every step is idempotent). Given a
 * transaction (a backup import), the changes join it, so the import stays all or nothing.
 */
export async function changeEachArticle(db: Db | Tx, ids: readonly number[], change: (tx: Tx, id: number) => Promise<boolean>): Promise<number[]> {
  const changed: number[] = [];
  for (const id of ids) {
    const inTransaction = db instanceof SQLiteTransaction || db instanceof PgTransaction;
    const done = inTransaction ? await change(db as Tx, id) : await (db as Db).transaction(async (tx) => change(tx, id), { behavior: "immediate" });
    if (done) changed.push(id);
  }
  return changed;
}
