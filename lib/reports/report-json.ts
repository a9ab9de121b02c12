/**
 * A verification report as JSON, for data desks and archives. Stable: the same data gives
 * the same bytes, so two exports can be compared with diff. Struct-like objects keep their
 * declared field order (the loader builds them the same way every time); the one object built
 * from a map, the scorecard, has its keys sorted.
 */
import type { ReportData, ReportHead } from "./report-model";
import { ITEMS, jsonArrayStream, type ReportWriter, writeWhole } from "./report-writer";

export const REPORT_JSON_FORMAT = "claimline-report/1";

export function reportJsonWriter(head: ReportHead): ReportWriter {
  const { totals, ...meta } = head;
  const counts = Object.fromEntries(Object.entries(totals.byStatus).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // Field order as in ReportData: the claims come between the articles and the statuses.
  const { statuses, ...beforeClaims } = meta;
  const json = jsonArrayStream({ format: REPORT_JSON_FORMAT, ...beforeClaims, claims: ITEMS, statuses, scorecard: counts });
  return {
    head: json.open,
    claims: (batch) => batch.map((claim) => json.item(claim)).join(""),
    tail: () => `${json.close()}\n`,
  };
}

export function reportJson(data: ReportData): string {
  return writeWhole(reportJsonWriter, data, undefined);
}
