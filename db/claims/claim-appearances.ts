import "server-only";
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { recordedCutoff, type TimeView } from "../../lib/as-of";
import type { Db } from "../client";
import { articles, mentions } from "../schema";
import type { ClaimAppearanceDto } from "./public-claim-dto";
import { onTimelineOf } from "./timeline-owner";

/**
 * Where readers see a claim made: every live mention in a published article, of the claim and
 * of every claim merged into it (directly or in a chain), earliest article first (by published
 * date, undated articles last, then article id), and in text order within an article. One
 * statement. As published on a day, only mentions recorded by the end of that day; as of a day
 * (effective axis), every one known now: where a claim was made does not change with the axis.
 */
export async function loadClaimAppearances(db: Db, claimId: number, options: { view?: TimeView | null } = {}): Promise<ClaimAppearanceDto[]> {
  const cutoff = recordedCutoff(options.view ?? null);
  return db
    .select({
      mentionId: mentions.id,
      exact: mentions.exact,
      quoteLanguage: mentions.language,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      articleLanguage: articles.language,
      outlet: articles.outlet,
      publishedDate: articles.publishedDate,
      sourceUrl: articles.sourceUrl,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(
      and(
        sql`${mentions.claimId} IN (SELECT claim.id FROM claim WHERE ${onTimelineOf(sql`${claimId}`)})`,
        isNull(mentions.deletedAt),
        eq(articles.status, "published"),
        cutoff ? lte(mentions.createdAt, cutoff) : undefined,
      ),
    )
    .orderBy(sql`${articles.publishedDate} IS NULL`, asc(articles.publishedDate), asc(articles.id), asc(mentions.startOffset), asc(mentions.id));
}
