import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { type Suggestion, suggestClaims } from "../../lib/suggest";
import { claimInArticle, type Grouped, groupUnderClaims } from "../../lib/suggestion-groups";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, claims, mentions, suggestionDismissals } from "../schema";
import { firstRow } from "../rows";

export type ArticleSuggestion = Grouped<Suggestion>;

/**
 * Ranked check-worthy sentences of an article for the workbench, leaving out the ones an
 * editor dismissed and the ones a claim's mention already holds whole; the ones that overlap a
 * claim's words or repeat it come marked with that claim, for the workbench to fold under it.
 */
export async function suggestForArticle(actor: Actor | null, articleId: number): Promise<ArticleSuggestion[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const article = await firstRow(db.select({ bodyText: articles.bodyText, language: articles.language }).from(articles).where(eq(articles.id, articleId)));
  if (!article) throw new NotFoundError("The article");
  const dismissed = new Set((await db.select({ sentence: suggestionDismissals.sentence }).from(suggestionDismissals).where(eq(suggestionDismissals.articleId, articleId))).map((d) => d.sentence));
  const claimed = await db
    .select({
      claimId: claims.id,
      statement: claims.statement,
      quantityValue: claims.quantityValue,
      quantityUnit: claims.quantityUnit,
      exact: mentions.exact,
      start: mentions.startOffset,
      end: mentions.endOffset,
      anchorState: mentions.anchorState,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt), isNull(claims.deletedAt)))
    .orderBy(asc(mentions.position), asc(mentions.id));
  const suggestions = suggestClaims(article.bodyText, { language: article.language, limit: 50 }).filter((s) => !dismissed.has(s.text));
  return groupUnderClaims(suggestions, claimed.map(claimInArticle));
}
