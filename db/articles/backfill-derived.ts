import "server-only";
import { eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { articles } from "../schema";
import { deriveBody } from "../../lib/article-doc/derive-body";
import { reanchorMentions } from "./update-article";

/**
 * Articles saved before bodies were parsed into documents (migration 0002) get their
 * document and rendered text on first open; mentions follow if the text changed. Idempotent.
 */
export function backfillDerivedBodies(db: Db): void {
  const pending = db.select({ id: articles.id, body: articles.body, bodyFormat: articles.bodyFormat }).from(articles).where(isNull(articles.bodyDoc)).all();
  for (const article of pending) {
    db.transaction((tx) => {
      const derived = deriveBody(article.body, article.bodyFormat);
      tx.update(articles).set({ bodyDoc: derived.bodyDoc, bodyText: derived.bodyText }).where(eq(articles.id, article.id)).run();
      if (derived.bodyText !== article.body) reanchorMentions(tx, null, article.id, derived.bodyText);
    });
  }
}
