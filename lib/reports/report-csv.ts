/**
 * A verification report as CSV, for spreadsheets and data desks: `eventsCsv` has the full
 * history (one row per published status event), `claimsCsv` one row per claim with its status.
 *
 * RFC 4180 (fields quoted when they hold a comma, quote or line break; CRLF between records),
 * UTF-8 with a byte-order mark (csv-fields.ts). A batch of claims becomes one string, written
 * field by field: a whole-desk export is half a million rows, and building a list of cells per
 * row, then reading it back, cost as much as reading the rows from SQLite.
 */
import type { Locale } from "../i18n/locale-choice.mjs";
import { BOM, headerRecord, numberField, RECORD_END, textField } from "./csv-fields";
import type { ReportClaim, ReportData, ReportHead } from "./report-model";
import { type ReportKey, reportText } from "./report-text";
import { type ClaimParts, type ReportWriter, type ReportWriterFactory, writeWhole } from "./report-writer";

/** A CSV's language: its header row only. The cells are data and stay as they are. */
// `void` as well: a factory called with no options (the tests, whole-file helpers) writes English.
export type CsvOptions = { locale?: Locale } | void;

/** A column's header in a language: `claim_id` in English (the column's name), 说法 ID in Chinese. */
export function columnHeader(column: string, locale: Locale = "en"): string {
  const key = `csv.${column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}` as ReportKey;
  return reportText(locale)(key);
}

export { neutraliseFormula } from "./csv-fields";

/** Several values in one cell: the separator is unlikely inside a title or URL. */
const LIST_SEPARATOR = " | ";

/** `recordsOf` returns a claim's records, each ended by CRLF, so pieces written one after another make one valid file. */
function csvWriter(columns: readonly string[], reads: ClaimParts, recordsOf: (head: ReportHead) => (claim: ReportClaim) => string): ReportWriterFactory<CsvOptions> {
  const factory = (head: ReportHead, options: CsvOptions): ReportWriter => {
    const records = recordsOf(head);
    const locale = (options ? options.locale : undefined) ?? "en";
    return {
      head: () => BOM + headerRecord(locale === "en" ? columns : columns.map((column) => columnHeader(column, locale))),
      claims(batch) {
        let text = "";
        for (const claim of batch) text += records(claim);
        return text;
      },
      tail: () => "",
    };
  };
  return Object.assign(factory, { claimsOnly: true, reads });
}

const CLAIM_COLUMNS = ["claim_id", "statement", "claimant", "claim_date", "kind"] as const;

/** The claim's own cells, the start of each of its records, with the comma that follows them. */
function claimFields(claim: ReportClaim): string {
  return `${numberField(claim.id)},${textField(claim.statement)},${textField(claim.claimant)},${textField(claim.claimDate)},${textField(claim.kind)},`;
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
export const eventsCsvWriter = csvWriter(EVENT_COLUMNS, { mentions: false, sources: true, authors: false }, (head) => {
  // A status's key and label cells, formatted once per report rather than once per event.
  const statusFields = new Map(head.statuses.map((s) => [s.key, `${textField(s.key)},${textField(s.labelEn)}`]));
  return (claim) => {
    if (claim.timeline.length === 0) return "";
    const start = claimFields(claim);
    let text = "";
    for (const event of claim.timeline) {
      const status = statusFields.get(event.statusKey) ?? `${textField(event.statusKey)},${textField(event.statusKey)}`;
      text += `${start}${numberField(event.id)},${status},${textField(event.effectiveDate)},${textField(event.effectivePrecision)},${textField(event.recordedAt)},${textField(event.rationale)},${numberField(event.correctsEventId)},${textField(sourcesCell(event.sources))}${RECORD_END}`;
    }
    return text;
  };
});

function sourcesCell(sources: ReportClaim["timeline"][number]["sources"]): string {
  let cell = "";
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    cell += (i === 0 ? "" : LIST_SEPARATOR) + (source.title ? `${source.url} ${source.title}` : source.url);
  }
  return cell;
}

export const CLAIM_CSV_COLUMNS = [...CLAIM_COLUMNS, "status_key", "status_label", "rating", "event_count", "last_recorded_at", "articles", "quotes"] as const;

/** One row per claim with its status as of the report's day. */
export const claimsCsvWriter = csvWriter(CLAIM_CSV_COLUMNS, { mentions: true, sources: false, authors: false }, () => (claim) => {
  // ISO times of one format: the greatest string is the latest.
  let lastRecordedAt: string | null = null;
  for (const event of claim.timeline) if (lastRecordedAt === null || event.recordedAt > lastRecordedAt) lastRecordedAt = event.recordedAt;
  const articles = [...new Set(claim.mentions.map((m) => m.articleTitle))].join(LIST_SEPARATOR);
  const quotes = claim.mentions.map((m) => m.exact).join(LIST_SEPARATOR);
  return `${claimFields(claim)}${textField(claim.currentStatus)},${textField(claim.statusLabel)},${numberField(claim.rating)},${numberField(claim.timeline.length)},${textField(lastRecordedAt)},${textField(articles)},${textField(quotes)}${RECORD_END}`;
});

export function eventsCsv(data: ReportData, locale: Locale = "en"): string {
  return writeWhole(eventsCsvWriter, data, { locale });
}

export function claimsCsv(data: ReportData, locale: Locale = "en"): string {
  return writeWhole(claimsCsvWriter, data, { locale });
}
