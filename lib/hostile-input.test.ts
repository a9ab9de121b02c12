import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { IMPOSSIBLE_DATES, NON_HTTP_URLS, REPLACEMENT_CHARACTER, UNICODE_EDGE_CASES } from "../test/hostile-corpus";
import { parseAsOf } from "./as-of";
import { parseAuditQuery } from "./audit-query";
import { observationInput } from "./observation-input";
import { recheckByInput } from "./recheck-input";
import { statusFields } from "./status-input";
import { trackerQuery } from "./tracker-query";
import { articleInput, claimWithMentionInput, MAX_BODY_BYTES, sourceInput, statusEventInput, utf8Length } from "./validation";
import { claimFields, claimFromSpanInput, dismissSuggestionInput } from "./workbench-input";

/** The message of the one issue at `path`, or a failure naming what was accepted. */
function messageAt(schema: z.ZodType, input: unknown, path: string): string {
  const result = schema.safeParse(input);
  expect(result.success, `${path} accepted ${JSON.stringify(input)}`).toBe(false);
  const issue = result.error!.issues.find((i) => i.path.join(".") === path);
  expect(issue, `no issue at ${path}: ${JSON.stringify(result.error!.issues)}`).toBeDefined();
  return issue!.message;
}

const ARTICLE = { title: "t", body: "b" };
const CLAIM = { articleId: 1, quote: "q", statement: "s" };
const EVENT = { claimId: 1, statusKey: "true", effectiveDate: "2025-08-05" };
const SOURCE = { url: "https://example.com/a" };

describe("impossible dates are refused with a message", () => {
  it.each(IMPOSSIBLE_DATES)("%s as a claim date, article date, source date, as-of day, re-check date and observation date", (bad) => {
    const dayMessage = /real date as YYYY-MM-DD/;
    expect(messageAt(claimWithMentionInput, { ...CLAIM, claimDate: bad }, "claimDate")).toMatch(dayMessage);
    expect(messageAt(claimFields, { statement: "s", claimDate: bad }, "claimDate")).toMatch(dayMessage);
    expect(messageAt(claimFromSpanInput, { articleId: 1, start: 0, end: 1, statement: "s", quantityAsOf: bad }, "quantityAsOf")).toMatch(dayMessage);
    expect(messageAt(articleInput, { ...ARTICLE, publishedDate: bad }, "publishedDate")).toMatch(dayMessage);
    expect(messageAt(sourceInput, { ...SOURCE, publishedDate: bad }, "publishedDate")).toMatch(dayMessage);
    expect(messageAt(recheckByInput, { claimId: 1, recheckBy: bad }, "recheckBy")).toMatch(dayMessage);
    expect(messageAt(observationInput, { claimId: 1, value: 1, observedOn: bad }, "observedOn")).toMatch(dayMessage);
    // As-of views show today with a notice (pages) or answer 422 (API, exports): never a made-up day.
    expect(parseAsOf(bad)).toBeNull();
    expect(parseAuditQuery({ from: bad, to: bad }).invalid).toEqual(["from", "to"]);
  });

  it.each(IMPOSSIBLE_DATES)("%s as a status event's effective date", (bad) => {
    expect(messageAt(statusEventInput, { ...EVENT, effectiveDate: bad }, "effectiveDate")).toMatch(/real date as YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it("also refuses impossible months and days at month precision, and accepts leap days", () => {
    for (const bad of ["2023-13", "2023-00", "0000-00"]) expect(statusEventInput.safeParse({ ...EVENT, effectiveDate: bad }).success, bad).toBe(false);
    expect(statusEventInput.parse({ ...EVENT, effectiveDate: "2024-02-29" }).effectiveDate).toEqual({ date: "2024-02-29", precision: "day" });
    expect(claimWithMentionInput.parse({ ...CLAIM, claimDate: "2024-02-29" }).claimDate).toBe("2024-02-29");
    expect(parseAsOf("2024-02-29")).toBe("2024-02-29");
  });
});

describe("only http and https URLs are accepted", () => {
  it.each(NON_HTTP_URLS)("refuses %j for a source, its archived copy, an article's source and an observation's source", (bad) => {
    const message = /full http:\/\/ or https:\/\/ address/;
    expect(messageAt(sourceInput, { url: bad }, "url")).toMatch(message);
    expect(messageAt(sourceInput, { ...SOURCE, archivedUrl: bad }, "archivedUrl")).toMatch(message);
    expect(messageAt(statusEventInput, { ...EVENT, sources: [{ url: bad }] }, "sources.0.url")).toMatch(message);
    expect(messageAt(articleInput, { ...ARTICLE, sourceUrl: bad }, "sourceUrl")).toMatch(message);
    expect(messageAt(observationInput, { claimId: 1, value: 1, observedOn: "2025-01-01", source: { url: bad } }, "source.url")).toMatch(message);
  });

  it("accepts http and https in any case, trimmed", () => {
    expect(sourceInput.parse({ url: " https://example.com/a?b=1#c\n" }).url).toBe("https://example.com/a?b=1#c");
    expect(sourceInput.parse({ url: "HTTP://EXAMPLE.COM/" }).url).toBe("HTTP://EXAMPLE.COM/");
  });
});

describe("size limits", () => {
  it("refuses an article body over 2 MB of UTF-8 with its size and the limit, flagged as too large (HTTP 413)", () => {
    const justFits = "a".repeat(MAX_BODY_BYTES);
    expect(articleInput.safeParse({ ...ARTICLE, body: justFits }).success).toBe(true);
    const result = articleInput.safeParse({ ...ARTICLE, body: `${justFits}a` });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === "body")!;
    expect(issue.message).toMatch(/is 2\.0 MB; the limit is 2 MB/);
    expect((issue as { params?: { tooLarge?: boolean } }).params?.tooLarge).toBe(true);
  });

  it("counts bytes, not characters: 700,000 Chinese characters are 2.1 MB", () => {
    const body = "字".repeat(700_000);
    expect(utf8Length(body)).toBe(2_100_000);
    expect(messageAt(articleInput, { ...ARTICLE, body }, "body")).toMatch(/the limit is 2 MB/);
  });
});

describe("unpaired surrogates", () => {
  const { loneHighSurrogate: high, loneLowSurrogate: low } = UNICODE_EDGE_CASES;
  const hostile = `a${high}b${low}c${low}${high}d`;
  const stored = `a${REPLACEMENT_CHARACTER}b${REPLACEMENT_CHARACTER}c${REPLACEMENT_CHARACTER}${REPLACEMENT_CHARACTER}d`;

  // Every free-text field that is stored, with the input around it.
  const fields: [string, z.ZodType, (text: string) => unknown, (parsed: never) => unknown][] = [
    ["article title", articleInput, (t) => ({ ...ARTICLE, title: t }), (p: { title: string }) => p.title],
    ["article summary", articleInput, (t) => ({ ...ARTICLE, summary: t }), (p: { summary: string }) => p.summary],
    ["article outlet", articleInput, (t) => ({ ...ARTICLE, outlet: t }), (p: { outlet: string }) => p.outlet],
    ["article byline", articleInput, (t) => ({ ...ARTICLE, byline: t }), (p: { byline: string }) => p.byline],
    ["article body", articleInput, (t) => ({ ...ARTICLE, body: t }), (p: { body: string }) => p.body],
    ["claim quote", claimWithMentionInput, (t) => ({ ...CLAIM, quote: t }), (p: { quote: string }) => p.quote],
    ["claim statement", claimWithMentionInput, (t) => ({ ...CLAIM, statement: t }), (p: { statement: string }) => p.statement],
    ["claimant", claimFields, (t) => ({ statement: "s", claimant: t }), (p: { claimant: string }) => p.claimant],
    ["quantity unit", claimFields, (t) => ({ statement: "s", quantityUnit: t }), (p: { quantityUnit: string }) => p.quantityUnit],
    ["rationale", statusEventInput, (t) => ({ ...EVENT, rationale: t }), (p: { rationale: string }) => p.rationale],
    ["internal note", statusEventInput, (t) => ({ ...EVENT, internalNote: t }), (p: { internalNote: string }) => p.internalNote],
    ["source title", sourceInput, (t) => ({ ...SOURCE, title: t }), (p: { title: string }) => p.title],
    ["source publisher", sourceInput, (t) => ({ ...SOURCE, publisher: t }), (p: { publisher: string }) => p.publisher],
    ["observation note", observationInput, (t) => ({ claimId: 1, value: 1, observedOn: "2025-01-01", note: t }), (p: { note: string }) => p.note],
    ["dismissed sentence", dismissSuggestionInput, (t) => ({ articleId: 1, sentence: t }), (p: { sentence: string }) => p.sentence],
    ["status label", statusFields, (t) => ({ labelEn: t, labelZh: "中", color: "#15803d", icon: "check" }), (p: { labelEn: string }) => p.labelEn],
    ["tracker search", trackerQuery, (t) => ({ q: t }), (p: { q: string }) => p.q],
  ];

  it.each(fields)("become U+FFFD in the %s, so the text stored is the text validated", (_, schema, input, pick) => {
    const parsed = pick(schema.parse(input(hostile)) as never) as string;
    expect(parsed).toBe(stored);
    expect(parsed.isWellFormed()).toBe(true);
    // One code point for one: offsets counted before and after the replacement agree.
    expect(Array.from(parsed)).toHaveLength(Array.from(hostile).length);
  });

  it("leave real pairs (astral characters) and the other edge cases untouched", () => {
    const { rightToLeft, zeroWidth, astral } = UNICODE_EDGE_CASES;
    const text = `${rightToLeft} ${zeroWidth} ${astral}`;
    expect(articleInput.parse({ ...ARTICLE, body: text }).body).toBe(text);
    // Halves on either side of Markdown markup never pair up into one character once the markup is parsed away.
    expect(articleInput.parse({ ...ARTICLE, body: `x${high}**${low}**` }).body).toBe(`x${REPLACEMENT_CHARACTER}**${REPLACEMENT_CHARACTER}**`);
  });
});
