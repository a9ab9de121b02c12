import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { ReportClaim, ReportMention } from "../../lib/reports/report-model";
import type { Db } from "../client";
import { loadTimelines } from "../events/timeline";
import { articles, claims, mentions } from "../schema";
import { MENTION_ORDER, type ReportPlan, reportMentionsWhere } from "./report-plan";

/**
 * The full claims of one batch of a plan (at most REPORT_BATCH_SIZE ids), in the plan's order:
 * their mentions in the report's articles and their published timelines, in three statements
 * (mentions, events, sources) whatever the batch holds.
 */
export function loadReportClaims(db: Db, plan: ReportPlan, ids: readonly number[]): ReportClaim[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      claimId: claims.id,
      statement: claims.statement,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      kind: claims.kind,
      mention: {
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
      },
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(reportMentionsWhere(plan.recordedBy, and(inArray(claims.id, [...ids]), plan.articleId === null ? undefined : eq(mentions.articleId, plan.articleId))))
    .orderBy(...MENTION_ORDER)
    .all() satisfies { mention: ReportMention }[];
  const timelines = loadTimelines(db, [...ids], "public", { asOf: plan.head.asOf });
  const labels = new Map(plan.head.statuses.map((s) => [s.key, s]));

  const byId = new Map<number, ReportClaim>();
  for (const row of rows) {
    let claim = byId.get(row.claimId);
    if (!claim) {
      const currentStatus = plan.statusById.get(row.claimId)!;
      const status = labels.get(currentStatus);
      claim = {
        id: row.claimId,
        statement: row.statement,
        claimant: row.claimant,
        claimDate: row.claimDate,
        kind: row.kind,
        currentStatus,
        statusLabel: status?.labelEn ?? currentStatus,
        rating: status?.ratingValue ?? null,
        mentions: [],
        timeline: timelines.get(row.claimId) ?? [],
      };
      byId.set(row.claimId, claim);
    }
    claim.mentions.push(row.mention);
  }
  // Read in the snapshot the plan was made in, every planned claim is found; the check keeps a
  // report made without one (an in-memory database) from writing a claim deleted meanwhile.
  return ids.map((id) => byId.get(id)).filter((claim): claim is ReportClaim => claim !== undefined);
}
