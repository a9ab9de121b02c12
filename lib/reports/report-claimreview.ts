/**
 * schema.org ClaimReview JSON-LD for every claim of a report, built by the same function as
 * the claim pages' structured data, so the two cannot disagree.
 */
import { type ClaimReviewJsonLd, claimReviewJsonLd, type ReviewedClaim } from "../claim-review";
import type { ReportArticle, ReportClaim, ReportData, ReportHead } from "./report-model";
import { ITEMS, jsonArrayStream, type ReportWriter, writeWhole } from "./report-writer";

/** A report claim in the shape claimReviewJsonLd reads: its mentions become appearances in their articles. */
function toReviewedClaim(articles: ReadonlyMap<string, ReportArticle>, claim: ReportClaim): ReviewedClaim {
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimantType: claim.claimantType,
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

interface ClaimReviewOptions {
  siteUrl: string;
  publisherName?: string;
}

function claimReviewOf(articles: ReadonlyMap<string, ReportArticle>, claim: ReportClaim, options: ClaimReviewOptions): ClaimReviewJsonLd {
  const settings = { siteUrl: options.siteUrl, publisherName: options.publisherName ?? "Claimline" };
  return claimReviewJsonLd(toReviewedClaim(articles, claim), { labelEn: claim.statusLabel, ratingValue: claim.rating }, settings);
}

/** One ClaimReview per claim, in report order. */
export function reportClaimReviews(data: ReportData, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const articles = new Map(data.articles.map((a) => [a.slug, a]));
  return data.claims.map((claim) => claimReviewOf(articles, claim, options));
}

/** The same array as JSON text, written a batch of claims at a time. */
export function claimReviewWriter(head: ReportHead, options: ClaimReviewOptions): ReportWriter {
  const articles = new Map(head.articles.map((a) => [a.slug, a]));
  const json = jsonArrayStream(ITEMS);
  return {
    head: json.open,
    claims: (batch) => batch.map((claim) => json.item(claimReviewOf(articles, claim, options))).join(""),
    tail: () => `${json.close()}\n`,
  };
}

export function reportClaimReviewsJson(data: ReportData, options: ClaimReviewOptions): string {
  return writeWhole(claimReviewWriter, data, options);
}
