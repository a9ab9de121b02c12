/**
 * A verification report as CSV, for spreadsheets and data desks: `eventsCsv` has the full
 * history (one row per published status event), `claimsCsv` one row per claim with its status.
 *
 * RFC 4180 (fields quoted when they hold a comma, quote or line break; CRLF between records),
 * UTF-8 with a byte-order mark: without it Excel reads the file in the system's legacy code
 * page and Chinese turns into mojibake.
 */
import { stringify } from "csv-stringify/sync";
import type { ReportClaim, ReportData, ReportHead } from "./report-model";
import { statusLabel } from "./report-model";
import { type ReportWriter, type ReportWriterFactory, writeWhole } from "./report-writer";

type Cell = string | number | null;

/** Several values in one cell: the separator is unlikely inside a title or URL. */
const LIST_SEPARATOR = " | ";

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (and
 * strip a leading tab or CR before looking), so a statement such as `=HYPERLINK("http://…")`
 * could fetch URLs or run commands when an editor opens the export (CSV injection). A leading
 * apostrophe makes it text in Excel, LibreOffice and Google Sheets. Numbers we write ourselves
 * (ids, ratings) are never prefixed.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR,
// which RFC 4180 and spreadsheets need quoted too (rationales are multi-line).
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/** The byte-order mark and the header line. */
function csvHeader(columns: readonly string[]): string {
  return stringify([[...columns]], { ...CSV_OPTIONS, bom: true });
}

/** Records, each ended by CRLF, so pieces written one after another make one valid file. */
function csvRows(rows: Cell[][]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell))),
    CSV_OPTIONS,
  );
}

function csvWriter(columns: readonly string[], rowsOf: (head: ReportHead, claim: ReportClaim) => Cell[][]): ReportWriterFactory {
  const factory = (head: ReportHead): ReportWriter => ({
    head: () => csvHeader(columns),
    claims: (batch) => csvRows(batch.flatMap((claim) => rowsOf(head, claim))),
    tail: () => "",
  });
  return Object.assign(factory, { claimsOnly: true });
}

const CLAIM_COLUMNS = ["claim_id", "statement", "claimant", "claim_date", "kind"] as const;

function claimCells(claim: ReportClaim): Cell[] {
  return [claim.id, claim.statement, claim.claimant, claim.claimDate, claim.kind];
}

export const EVENT_COLUMNS = [
  ...CLAIM_COLUMNS,
  "event_id",
  "status_key",
  "status_label",
  "effective_date",
  "precision",
  "recorded_at",
  "rationale",
  "corrects_event_id",
  "sources",
] as const;

/** One row per published status event, claims in report order, each timeline oldest first. */
export const eventsCsvWriter = csvWriter(EVENT_COLUMNS, (head, claim) =>
  claim.timeline.map((event): Cell[] => [
    ...claimCells(claim),
    event.id,
    event.statusKey,
    statusLabel(head, event.statusKey),
    event.effectiveDate,
    event.effectivePrecision,
    event.recordedAt,
    event.rationale,
    event.correctsEventId,
    event.sources.map((s) => (s.title ? `${s.url} ${s.title}` : s.url)).join(LIST_SEPARATOR),
  ]),
);

export const CLAIM_CSV_COLUMNS = [...CLAIM_COLUMNS, "status_key", "status_label", "rating", "event_count", "last_recorded_at", "articles", "quotes"] as const;

/** One row per claim with its status as of the report's day. */
export const claimsCsvWriter = csvWriter(CLAIM_CSV_COLUMNS, (_head, claim) => [
  [
    ...claimCells(claim),
    claim.currentStatus,
    claim.statusLabel,
    claim.rating,
    claim.timeline.length,
    claim.timeline.map((e) => e.recordedAt).sort().at(-1) ?? null,
    [...new Set(claim.mentions.map((m) => m.articleTitle))].join(LIST_SEPARATOR),
    claim.mentions.map((m) => m.exact).join(LIST_SEPARATOR),
  ],
]);

export function eventsCsv(data: ReportData): string {
  return writeWhole(eventsCsvWriter, data, undefined);
}

export function claimsCsv(data: ReportData): string {
  return writeWhole(claimsCsvWriter, data, undefined);
}
