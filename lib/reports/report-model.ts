/**
 * The plain data a verification report is built from (db/reports/report-data.ts loads it),
 * and the small helpers every export format shares. Declared in lib/ so that the formats stay
 * pure: they see only what readers may see (published articles, published events, no notes).
 */
import type { ClaimantType, ClaimKind } from "../claim-rules";
import type { SourceDto, TimelineEventDto } from "../timeline-types";
import type { Locale } from "../i18n/locale-choice.mjs";
import type { TrackerQuery } from "../tracker-query";
import { ENGLISH, type ReportText } from "./report-text";

export type ReportScope = { kind: "article"; slug: string } | { kind: "tracker"; query: TrackerQuery } | { kind: "desk" };

export interface ReportArticle {
  slug: string;
  title: string;
  summary: string | null;
  outlet: string | null;
  byline: string | null;
  language: string;
  publishedDate: string | null;
  sourceUrl: string | null;
}

export interface ReportMention {
  /** Stable: the claim page's `#mention-{id}` anchor and the annotation id use it. */
  mentionId: number;
  articleSlug: string;
  articleTitle: string;
  /** Where the article was originally published, when known. */
  articleUrl: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** Unicode code points of the article's rendered text. */
  start: number;
  end: number;
  /** An orphaned mention's words are gone from the text: its offsets no longer point at them. */
  anchorState: "anchored" | "orphaned";
}

/** Reports use exactly what the public timeline shows. */
export type ReportSource = SourceDto;
export type ReportEvent = TimelineEventDto;

export interface ReportClaim {
  id: number;
  statement: string;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  kind: ClaimKind;
  /** The status as of the report's as-of day (the current one without it). */
  currentStatus: string;
  statusLabel: string;
  /** ClaimReview rating 1–5, or null when the status is not rated. */
  rating: number | null;
  mentions: ReportMention[];
  /** Published events only, oldest first. */
  timeline: ReportEvent[];
}

export interface ReportStatus {
  key: string;
  labelEn: string;
  labelZh: string;
  color: string;
  icon: string;
  resolved: boolean;
  ratingValue: number | null;
  retired: boolean;
}

export interface ReportData {
  title: string;
  scope: ReportScope;
  scopeDescription: string;
  /**
   * The day the report stands on (YYYY-MM-DD), or null for "everything recorded so far". By
   * recorded time (what Claimline had published by the end of that day) unless `timeAxis` says
   * "effective".
   */
  asOf: string | null;
  /**
   * Present, as "effective", only in a report as of a day by effective date (the status each
   * claim had on that day, as known now). Absent otherwise, so an as-published report is the
   * same bytes it always was.
   */
  timeAxis?: "effective";
  /**
   * What the report stands on, instead of a "generated at" time (which would make two exports
   * of the same data differ): the as-of day, or the ISO time of the latest record included.
   */
  generatedFor: string;
  articles: ReportArticle[];
  claims: ReportClaim[];
  /** The whole scale in display order, retired statuses included. */
  statuses: ReportStatus[];
}

/**
 * What a report says before its claims: everything but the claims themselves, and their
 * totals, so a streamed export can write its scorecard and counts before the first claim.
 */
export interface ReportHead extends Omit<ReportData, "claims"> {
  totals: {
    claims: number;
    /** Mentions of those claims in the report's articles (one annotation each). */
    mentions: number;
    /** Claims per status key (as of the report's day). */
    byStatus: Record<string, number>;
  };
}

export interface ScorecardRow {
  key: string;
  label: string;
  count: number;
}

/** How many claims have each status, keys in first-seen order. */
export function statusCounts(statusKeys: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of statusKeys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/**
 * Claims per status, in the scale's order, statuses with no claim left out. A key missing
 * from the scale (should not happen) still counts, after the known ones, by key.
 */
export function scorecard(report: Pick<ReportData, "statuses"> & ({ claims: ReportClaim[] } | { totals: ReportHead["totals"] }), locale: Locale = "en"): ScorecardRow[] {
  const counts = new Map(Object.entries("totals" in report ? report.totals.byStatus : statusCounts(report.claims.map((c) => c.currentStatus))));
  const known = report.statuses.filter((s) => counts.has(s.key)).map((s) => ({ key: s.key, label: locale === "en" ? s.labelEn : s.labelZh, count: counts.get(s.key)! }));
  const unknown = [...counts.keys()]
    .filter((key) => !report.statuses.some((s) => s.key === key))
    .sort()
    .map((key) => ({ key, label: key, count: counts.get(key)! }));
  return [...known, ...unknown];
}

/** A status key's label from the scale (English, or the Chinese label in Chinese); the key itself when the scale does not know it. */
export function statusLabel(data: Pick<ReportData, "statuses">, key: string, locale: Locale = "en"): string {
  const status = data.statuses.find((s) => s.key === key);
  return (locale === "en" ? status?.labelEn : status?.labelZh) ?? key;
}

/** The reader page of a claim. */
export function claimUrl(siteUrl: string, claimId: number): string {
  return `${siteUrl}/claims/${claimId}`;
}

/** Our reader page of an article. */
export function articlePageUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}/articles/${encodeURIComponent(slug)}`;
}

/** A report's title, in the language of `t`. */
export function reportTitle(scope: ReportScope, article: Pick<ReportArticle, "title"> | null, t: ReportText = ENGLISH): string {
  if (article) return t("title.article", { title: article.title });
  return scope.kind === "desk" ? t("title.desk") : t("title.tracker");
}

/** One line saying which claims a report covers, in words, in the language of `t`. */
export function describeScope(scope: ReportScope, article: Pick<ReportArticle, "title" | "outlet" | "publishedDate"> | null, t: ReportText = ENGLISH): string {
  if (scope.kind === "desk") return t("scope.desk");
  if (scope.kind === "article") {
    const about = [article?.outlet, article?.publishedDate].filter(Boolean).join(t("scope.aboutSeparator"));
    const title = article?.title ?? scope.slug;
    return about ? t("scope.articleAbout", { title, about }) : t("scope.article", { title });
  }
  const { q, status, kind, article: slug, claimant, from, to } = scope.query;
  const or = t("scope.or");
  const filters = [
    q ? t("scope.matching", { q }) : null,
    status.length > 0 ? t("scope.status", { statuses: status.join(or) }) : null,
    kind.length > 0 ? t("scope.kind", { kinds: kind.join(or) }) : null,
    slug ? t("scope.inArticle", { slug }) : null,
    claimant ? t("scope.claimant", { claimant }) : null,
    from ? t("scope.from", { date: from }) : null,
    to ? t("scope.to", { date: to }) : null,
  ].filter((f): f is string => f !== null);
  return filters.length === 0 ? t("scope.trackerAll") : t("scope.trackerFiltered", { filters: filters.join(t("scope.filterSeparator")) });
}
