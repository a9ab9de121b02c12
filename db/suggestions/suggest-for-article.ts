import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { type Suggestion, suggestClaims } from "../../lib/suggest";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, mentions, suggestionDismissals } from "../schema";

/**
 * Ranked check-worthy sentences of an article for the workbench, leaving out the ones an
 * editor dismissed and the ones that already hold a claim's mention.
 */
export function suggestForArticle(actor: Actor | null, articleId: number): Suggestion[] {
  const db = getDb();
  authorize(db, actor, EDITOR_ROLES);
  const article = db.select({ bodyText: articles.bodyText, language: articles.language }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) throw new NotFoundError("The article");
  const dismissed = new Set(db.select({ sentence: suggestionDismissals.sentence }).from(suggestionDismissals).where(eq(suggestionDismissals.articleId, articleId)).all().map((d) => d.sentence));
  const claimed = db
    .select({ start: mentions.startOffset, end: mentions.endOffset })
    .from(mentions)
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt), eq(mentions.anchorState, "anchored")))
    .all();
  return suggestClaims(article.bodyText, { language: article.language, limit: 50 })
    .filter((s) => !dismissed.has(s.text))
    .filter((s) => !claimed.some((m) => m.start < s.end && m.end > s.start));
}
