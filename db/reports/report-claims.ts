import "server-only";
import { and, eq } from "drizzle-orm";
import type { ClaimantType, ClaimKind } from "../../lib/claim-rules";
import type { ReportClaim, ReportMention } from "../../lib/reports/report-model";
import { ALL_CLAIM_PARTS, type ClaimParts } from "../../lib/reports/report-writer";
import type { Db } from "../client";
import { loadTimelines } from "../events/timeline";
import { inIds } from "../sql-dialect";
import { rawRows } from "../raw-rows";
import { articles, claims, mentions } from "../schema";
import { MENTION_ORDER, type ReportPlan, reportMentionsWhere } from "./report-plan";

/**
 * The full claims of one batch of a plan (at most REPORT_BATCH_SIZE ids), in the plan's order:
 * their mentions in the report's articles and their published timelines, in three statements
 * (mentions, events, sources) whatever the batch holds. `parts` leaves out what a format does
 * not write (see ClaimParts): without mentions, the first statement reads each claim once.
 *
 * Rows are read raw and mapped once, here, into the report's shape: a whole-desk export reads
 * half a million events, and drizzle's row objects cost more than SQLite's reading.
 */
export async function loadReportClaims(db: Db, plan: ReportPlan, ids: readonly number[], parts: ClaimParts = ALL_CLAIM_PARTS): Promise<ReportClaim[]> {
  if (ids.length === 0) return [];
  const rows = parts.mentions ? await mentionRows(db, plan, ids) : await claimRows(db, plan, ids);
  const timelines = await loadTimelines(db, [...ids], "public", { view: plan.view, withSources: parts.sources, withAuthors: parts.authors });
  const labels = new Map(plan.head.statuses.map((s) => [s.key, s]));

  const byId = new Map<number, ReportClaim>();
  for (const row of rows) {
    const [claimId, statement, claimant, claimantType, claimDate, kind] = row;
    let claim = byId.get(claimId);
    if (!claim) {
      const currentStatus = plan.statusById.get(claimId)!;
      const status = labels.get(currentStatus);
      claim = {
        id: claimId,
        statement,
        claimant,
        claimantType,
        claimDate,
        kind,
        currentStatus,
        statusLabel: status?.labelEn ?? currentStatus,
        rating: status?.ratingValue ?? null,
        mentions: [],
        timeline: timelines.get(claimId) ?? [],
      };
      byId.set(claimId, claim);
    }
    if (row.length > CLAIM_COLUMNS) {
      const [, , , , , , mentionId, articleSlug, articleTitle, articleUrl, exact, prefix, suffix, start, end, anchorState] = row as MentionRow;
      claim.mentions.push({ mentionId, articleSlug, articleTitle, articleUrl, exact, prefix, suffix, start, end, anchorState });
    }
  }
  // Read in the snapshot the plan was made in, every planned claim is found; the check keeps a
  // report made without one (an in-memory database) from writing a claim deleted meanwhile.
  return ids.map((id) => byId.get(id)).filter((claim): claim is ReportClaim => claim !== undefined);
}

type ClaimRow = [claimId: number, statement: string, claimant: string | null, claimantType: ClaimantType | null, claimDate: string | null, kind: ClaimKind];

type MentionRow = [
  ...ClaimRow,
  mentionId: ReportMention["mentionId"],
  articleSlug: ReportMention["articleSlug"],
  articleTitle: ReportMention["articleTitle"],
  articleUrl: ReportMention["articleUrl"],
  exact: ReportMention["exact"],
  prefix: ReportMention["prefix"],
  suffix: ReportMention["suffix"],
  start: ReportMention["start"],
  end: ReportMention["end"],
  anchorState: ReportMention["anchorState"],
];

/** A mention row starts with its claim's columns. */
const CLAIM_COLUMNS = 6;
const CLAIM_FIELDS = { claimId: claims.id, statement: claims.statement, claimant: claims.claimant, claimantType: claims.claimantType, claimDate: claims.claimDate, kind: claims.kind };

/** The batch's included mentions, in report order, each with its claim. */
function mentionRows(db: Db, plan: ReportPlan, ids: readonly number[]): Promise<MentionRow[]> {
  return rawRows<MentionRow>(
    db,
    db
      .select({
        ...CLAIM_FIELDS,
        mentionId: mentions.id,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        articleUrl: articles.sourceUrl,
        exact: mentions.exact,
        prefix: mentions.prefix,
        suffix: mentions.suffix,
        start: mentions.startOffset,
        end: mentions.endOffset,
        anchorState: mentions.anchorState,
      })
      .from(mentions)
      .innerJoin(claims, eq(claims.id, mentions.claimId))
      .innerJoin(articles, eq(articles.id, mentions.articleId))
      .where(batchMentionsWhere(plan, ids))
      .orderBy(...MENTION_ORDER),
  );
}

/** The batch's claims that have an included mention, once each, without their mentions. */
function claimRows(db: Db, plan: ReportPlan, ids: readonly number[]): Promise<ClaimRow[]> {
  return rawRows<ClaimRow>(
    db,
    db
      .select(CLAIM_FIELDS)
      .from(mentions)
      .innerJoin(claims, eq(claims.id, mentions.claimId))
      .innerJoin(articles, eq(articles.id, mentions.articleId))
      .where(batchMentionsWhere(plan, ids))
      .groupBy(claims.id),
  );
}

function batchMentionsWhere(plan: ReportPlan, ids: readonly number[]) {
  return reportMentionsWhere(plan.recordedBy, and(inIds(claims.id, ids), plan.articleId === null ? undefined : eq(mentions.articleId, plan.articleId)));
}
