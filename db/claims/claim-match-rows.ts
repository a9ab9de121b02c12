import "server-only";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { articles, claims, mentions } from "../schema";

/** Shared by the claim-matching reads (similar claims, likely duplicates). Callers have authorised the actor. */

export interface MatchedArticleDto {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published";
}

/** A claim as the matching screens show it. */
export interface MatchedClaimDto {
  id: number;
  statement: string;
  currentStatus: string;
  /** Every article with a live mention of the claim, drafts included, in order of first mention. */
  articles: MatchedArticleDto[];
}

export interface ClaimWithQuotes extends MatchedClaimDto {
  quotes: { mentionId: number; exact: string }[];
}

/**
 * Live claims (not deleted, not merged away) matching `where`, with their live mentions'
 * quotes and articles, in one statement. Editors see drafts too.
 */
export async function loadClaimsWithQuotes(db: Db, where?: SQL): Promise<ClaimWithQuotes[]> {
  const rows = await db
    .select({
      id: claims.id,
      statement: claims.statement,
      currentStatus: claims.currentStatus,
      mentionId: mentions.id,
      exact: mentions.exact,
      articleId: articles.id,
      slug: articles.slug,
      title: articles.title,
      articleStatus: articles.status,
    })
    .from(claims)
    .leftJoin(mentions, and(eq(mentions.claimId, claims.id), isNull(mentions.deletedAt)))
    .leftJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(isNull(claims.deletedAt), where))
    .orderBy(asc(claims.id), asc(mentions.id));
  const byId = new Map<number, ClaimWithQuotes>();
  for (const row of rows) {
    let claim = byId.get(row.id);
    if (!claim) {
      claim = { id: row.id, statement: row.statement, currentStatus: row.currentStatus, articles: [], quotes: [] };
      byId.set(row.id, claim);
    }
    if (row.mentionId !== null && row.exact !== null) claim.quotes.push({ mentionId: row.mentionId, exact: row.exact });
    if (row.articleId !== null && !claim.articles.some((a) => a.id === row.articleId)) {
      claim.articles.push({ id: row.articleId, slug: row.slug!, title: row.title!, status: row.articleStatus! });
    }
  }
  return [...byId.values()];
}

/** The DTO without the quotes. */
export function matchedClaim({ quotes: _quotes, ...claim }: ClaimWithQuotes): MatchedClaimDto {
  return claim;
}
