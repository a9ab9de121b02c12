/**
 * schema.org ClaimReview JSON-LD for every claim of a report, built by the same function as
 * the claim pages' structured data, so the two cannot disagree.
 */
import { type ClaimReviewJsonLd, claimReviewJsonLd, type ReviewedClaim } from "../claim-review";
import type { ReportClaim, ReportData } from "./report-model";

/** A report claim in the shape claimReviewJsonLd reads: its mentions become appearances in their articles. */
function toReviewedClaim(data: ReportData, claim: ReportClaim): ReviewedClaim {
  const articles = new Map(data.articles.map((a) => [a.slug, a]));
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimDate: claim.claimDate,
    appearances: claim.mentions.map((m) => ({
      articleSlug: m.articleSlug,
      articleTitle: m.articleTitle,
      outlet: articles.get(m.articleSlug)?.outlet ?? null,
      publishedDate: articles.get(m.articleSlug)?.publishedDate ?? null,
      sourceUrl: m.articleUrl,
    })),
    timeline: claim.timeline,
  };
}

/** One ClaimReview per claim, in report order. */
export function reportClaimReviews(data: ReportData, options: { siteUrl: string; publisherName?: string }): ClaimReviewJsonLd[] {
  const publisherName = options.publisherName ?? "Claimline";
  return data.claims.map((claim) =>
    claimReviewJsonLd(toReviewedClaim(data, claim), { labelEn: claim.statusLabel, ratingValue: claim.rating }, { siteUrl: options.siteUrl, publisherName }),
  );
}
