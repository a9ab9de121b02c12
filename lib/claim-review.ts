import type { ClaimantType } from "./claim-rules";
import { linkHref } from "./link-href";

/**
 * schema.org ClaimReview structured data for a claim page, so search engines and fact-check
 * aggregators can read the verdict. Built only from the reader view of a claim (published
 * appearances and published events), so nothing editor-only can reach it.
 */

/**
 * The fields of PublicClaimDto this reads. Declared here rather than imported so that lib/
 * stays free of the data layer; PublicClaimDto satisfies it as it is.
 */
export interface ReviewedClaim {
  id: number;
  statement: string;
  claimant: string | null;
  /** Null when the desk did not say: written as an Organization (see itemReviewed.author below). */
  claimantType: ClaimantType | null;
  claimDate: string | null;
  appearances: readonly {
    articleSlug: string;
    articleTitle: string;
    outlet: string | null;
    publishedDate: string | null;
    sourceUrl: string | null;
  }[];
  /** Published events only, as in PublicClaimDto.timeline. */
  timeline: readonly { recordedAt: string }[];
}

/** The fields of StatusDto this reads. */
export interface ReviewStatus {
  labelEn: string;
  ratingValue: number | null;
}

interface Organization {
  "@type": "Organization";
  name: string;
  url?: string;
}

interface Person {
  "@type": "Person";
  name: string;
}

interface CreativeWork {
  "@type": "CreativeWork";
  url: string;
  headline: string;
  datePublished?: string;
  publisher?: Organization;
}

export interface ClaimReviewJsonLd {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished?: string;
  dateModified?: string;
  author: Organization;
  reviewRating: { "@type": "Rating"; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    "@type": "Claim";
    author?: Organization | Person;
    datePublished?: string;
    appearance: CreativeWork[];
    firstAppearance?: CreativeWork;
  };
}

export function claimReviewJsonLd(claim: ReviewedClaim, status: ReviewStatus, options: { siteUrl: string; publisherName: string }): ClaimReviewJsonLd {
  const recordedDays = claim.timeline.map((e) => e.recordedAt.slice(0, 10)).sort();
  const appearances = appearanceWorks(claim, options.siteUrl);
  const rating = status.ratingValue;
  const rated = rating !== null && Number.isInteger(rating) && rating >= 1 && rating <= 5;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${options.siteUrl}/claims/${claim.id}`,
    claimReviewed: singleLine(claim.statement),
    // The review was published when its first event was; before any event, the claim date is all there is.
    ...optional("datePublished", recordedDays[0] ?? claim.claimDate ?? undefined),
    ...optional("dateModified", recordedDays.at(-1)),
    author: { "@type": "Organization", name: singleLine(options.publisherName), url: options.siteUrl },
    reviewRating: {
      "@type": "Rating",
      // Statuses such as "Unprovable" or "Outdated" are verdicts without a place on the 1–5 scale: label only.
      ...(rated ? { ratingValue: rating, bestRating: 5, worstRating: 1 } : {}),
      alternateName: status.labelEn,
    },
    itemReviewed: {
      "@type": "Claim",
      ...optional("author", claimAuthor(claim)),
      ...optional("datePublished", claim.claimDate ?? undefined),
      appearance: appearances,
      ...optional("firstAppearance", appearances[0]),
    },
  };
}

/**
 * One CreativeWork per article that makes the claim, earliest first (undated last). Several
 * mentions in one article are one appearance of the claim in that work, not several.
 */
function appearanceWorks(claim: ReviewedClaim, siteUrl: string): CreativeWork[] {
  const firstPerArticle = new Map<string, ReviewedClaim["appearances"][number]>();
  for (const a of claim.appearances) if (!firstPerArticle.has(a.articleSlug)) firstPerArticle.set(a.articleSlug, a);
  const byDate = [...firstPerArticle.values()]
    .map((a, index) => ({ a, index }))
    .sort((x, y) => compareDatesUndatedLast(x.a.publishedDate, y.a.publishedDate) || x.index - y.index)
    .map(({ a }) => a);
  return byDate.map((a) => ({
    "@type": "CreativeWork",
    // The original is what the claim appeared in; our copy stands in when we do not know where that is.
    url: linkHref(a.sourceUrl) ?? `${siteUrl}/articles/${encodeURIComponent(a.articleSlug)}`,
    headline: singleLine(a.articleTitle),
    ...optional("datePublished", a.publishedDate ?? undefined),
    ...optional("publisher", a.outlet && singleLine(a.outlet) ? ({ "@type": "Organization", name: singleLine(a.outlet) } satisfies Organization) : undefined),
  }));
}

/**
 * Who made the claim, typed as the desk recorded it. Google's ClaimReview guidance and
 * schema.org both type Claim.author as a Person or an Organization, and an untyped author
 * fails their checks, so a claimant whose type was not said is an Organization: the desk's
 * claimants are mostly outlets, companies and groups ("UBS analysts"), and it is what every
 * claim said before the desk could choose.
 */
function claimAuthor(claim: ReviewedClaim): Organization | Person | undefined {
  const name = claim.claimant ? singleLine(claim.claimant) : "";
  if (!name) return undefined;
  return claim.claimantType === "person" ? { "@type": "Person", name } : { "@type": "Organization", name };
}

/**
 * A name, headline or statement as one line: search engines show these fields as single lines,
 * so a line break or run of spaces typed into a statement becomes one space.
 */
function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function compareDatesUndatedLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** `{ [key]: value }` when there is a value, else nothing: absent beats `null` in structured data. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Characters that could end or confuse an inline <script> (or an HTML comment inside it), or break old JS parsers. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for an inline `<script type="application/ld+json">`. JSON.stringify alone would let
 * "</script>" in a statement close the tag; each unsafe character becomes its \uXXXX escape,
 * which is the same string to any JSON parser.
 */
export function serializeJsonLd(value: object): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
