/**
 * A verification report as JSON, for data desks and archives. Stable: the same data gives
 * the same bytes, so two exports can be compared with diff. Struct-like objects keep their
 * declared field order (the loader builds them the same way every time); the one object built
 * from a map, the scorecard, has its keys sorted.
 */
import { type ReportData, scorecard } from "./report-model";

export const REPORT_JSON_FORMAT = "claimline-report/1";

export function reportJson(data: ReportData): string {
  const counts = Object.fromEntries(
    scorecard(data)
      .map((row) => [row.key, row.count] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const document = { format: REPORT_JSON_FORMAT, ...data, scorecard: counts };
  return `${JSON.stringify(document, null, 2)}\n`;
}
