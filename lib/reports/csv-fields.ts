/**
 * CSV fields and records formatted by hand, for exports of hundreds of thousands of rows.
 * csv-stringify did the same at a fifth of the speed: it allocates a context, a result pair and
 * a list of separators per cell, and that per-cell work was most of a whole-desk export's
 * formatting time. The bytes are the library's (report-csv.test.ts compares them over the
 * hostile corpus).
 *
 * RFC 4180: a field is quoted when it holds a comma, a quote or a line break (CR or LF alone
 * too, which spreadsheets need quoted), quotes inside are doubled, and records end with CRLF.
 */

/** A cell as the exports write it: text, a number we produced ourselves (an id, a rating), or nothing. */
export type Cell = string | number | null;

export const RECORD_END = "\r\n";

/** The byte-order mark: without it Excel reads the file in the system's legacy code page and Chinese turns into mojibake. */
export const BOM = "\uFEFF";

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (and
 * strip a leading tab or CR before looking), so a statement such as `=HYPERLINK("http://…")`
 * could fetch URLs or run commands when an editor opens the export (CSV injection). A leading
 * apostrophe makes it text in Excel, LibreOffice and Google Sheets. Numbers we write ourselves
 * (ids, ratings) are never prefixed.
 */
export function neutraliseFormula(value: string): string {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
      return `'${value}`;
    default:
      return value;
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell: formula-protected, then quoted if it must be. Null is an empty cell. */
export function textField(value: string | null): string {
  if (value === null) return "";
  const text = neutraliseFormula(value);
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/** A number we wrote ourselves: never quoted or prefixed. Null is an empty cell. */
export function numberField(value: number | null): string {
  return value === null ? "" : String(value);
}

export function field(value: Cell): string {
  return typeof value === "number" ? numberField(value) : textField(value);
}

/** A header line (names as they are: no formula protection), with its record end. */
export function headerRecord(columns: readonly string[]): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i]!;
    line += (i === 0 ? "" : ",") + (NEEDS_QUOTES.test(name) ? `"${name.replaceAll('"', '""')}"` : name);
  }
  return line + RECORD_END;
}
