/**
 * Reports are written in pieces so that a desk of 100,000 claims streams with constant memory:
 * first the head (what the report covers, its totals), then the claims a batch at a time, then
 * the tail. Each format is a `ReportWriter`; writing the whole report at once is the same
 * calls over a single batch, so streamed and in-memory exports are the same bytes.
 */
import { type ReportClaim, type ReportData, type ReportHead, statusCounts } from "./report-model";

export interface ReportWriter {
  head(): string;
  /** The next claims in report order. A writer may keep state (numbering, separators) between calls. */
  claims(batch: readonly ReportClaim[]): string;
  tail(): string;
}

export type ReportWriterFactory<Options = void> = ((head: ReportHead, options: Options) => ReportWriter) & {
  /** True for formats that write claims only (the CSVs): planning can skip what only a head says. */
  claimsOnly?: boolean;
  /** The parts of each claim the format writes, when not all of them (see ClaimParts). */
  reads?: ClaimParts;
};

/**
 * Parts of a claim a format may not write. A whole-desk export reads half a million events:
 * a CSV that never writes a mention, a source or an event's author is spared reading them, and
 * gets empty lists and nulls in their place. Tests compare every format's streamed bytes with
 * the whole report's, so a format that writes a part it says it does not read fails them.
 */
export interface ClaimParts {
  mentions: boolean;
  sources: boolean;
  authors: boolean;
}

export const ALL_CLAIM_PARTS: ClaimParts = { mentions: true, sources: true, authors: true };

/** The head of a report held in memory: its totals are counted from its claims. */
export function headOf(data: ReportData): ReportHead {
  const { claims, ...rest } = data;
  return {
    ...rest,
    totals: {
      claims: claims.length,
      mentions: claims.reduce((sum, claim) => sum + claim.mentions.length, 0),
      byStatus: statusCounts(claims.map((c) => c.currentStatus)),
    },
  };
}

/** A whole report in one string, through the same writer that streams it. */
export function writeWhole<Options>(factory: ReportWriterFactory<Options>, data: ReportData, options: Options): string {
  const writer = factory(headOf(data), options);
  return writer.head() + writer.claims(data.claims) + writer.tail();
}

/**
 * Writes `JSON.stringify(document, null, 2)` with one array inside it filled item by item.
 * `document` holds `ITEMS` where the array goes; the bytes equal stringifying the document with
 * the full array in place, so a streamed export and an in-memory one cannot differ.
 */
export function jsonArrayStream(document: unknown) {
  // A marker made for this call: any fixed text could also be in a title the document holds.
  const placeholder = `claimline-items-${crypto.randomUUID()}`;
  const whole = JSON.stringify(document, (_key, value: unknown) => (value === ITEMS ? placeholder : value), 2);
  const marker = JSON.stringify(placeholder);
  const at = whole.indexOf(marker);
  if (at < 0) throw new Error("jsonArrayStream: the document has no ITEMS placeholder");
  const lineStart = whole.lastIndexOf("\n", at) + 1;
  // The placeholder is a value on its own line ("key": ITEMS) or the whole document: its line's indentation is the array's.
  const indent = /^ */.exec(whole.slice(lineStart))![0];
  const itemIndent = `${indent}  `;
  let count = 0;
  return {
    open: () => `${whole.slice(0, at)}[`,
    item(value: unknown): string {
      const text = JSON.stringify(value, null, 2).replaceAll("\n", `\n${itemIndent}`);
      return `${count++ === 0 ? "\n" : ",\n"}${itemIndent}${text}`;
    },
    close: () => `${count === 0 ? "]" : `\n${indent}]`}${whole.slice(at + marker.length)}`,
  };
}

/** Stands where the streamed array goes in a document given to `jsonArrayStream` (a symbol: no text can equal it). */
export const ITEMS: unknown = Symbol("report items");
