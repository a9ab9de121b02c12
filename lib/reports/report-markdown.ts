/**
 * A verification report as Markdown: readable as plain text, and safe to render. Every piece
 * of text that came from users (statements, quotes, titles, rationales) is escaped, so a
 * statement such as `[click](javascript:…)` or `<img onerror=…>` stays literal text.
 */
import { formatDate, formatTimestamp } from "../format";
import { linkHref } from "../link-href";
import { claimUrl, type ReportClaim, type ReportData, type ReportEvent, type ReportHead, type ReportSource, scorecard, statusLabel } from "./report-model";
import { type ReportWriter, writeWhole } from "./report-writer";

/**
 * Characters that start inline Markdown or HTML wherever they stand: emphasis, code, links and
 * images (`[`), raw HTML and autolinks (`<`), tables, strikethrough, entities, headings, and
 * the `@` of GFM's e-mail autolinks. CommonMark lets any ASCII punctuation be backslash-escaped,
 * and renders `\x` as `x`, so readers see the words as written. Punctuation that only matters
 * at the start of a line (`-`, `+`, `=`, `1.`) is escaped there only, to keep prose readable.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&#@]/g;

/** User text as literal Markdown on one line: line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

function escapeLine(line: string): string {
  return (
    line
      .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
      // GFM links bare URLs ("https://…", "www.…") without any brackets.
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/\b(www)\./gi, "$1\\.")
      // A list item, setext underline, thematic break or ordered list when the text starts a line.
      .replace(/^([-+=])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}

/** Multi-line user text (a rationale) as literal Markdown lines, each escaped, blank lines dropped. */
function escapeLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map(escapeLine);
}

/**
 * A link only for http(s) URLs; the destination goes in angle brackets with the characters
 * that could end it percent-encoded. Anything else is shown as escaped text, never linked.
 */
function link(text: string, url: string): string {
  const href = linkHref(url);
  if (href === null) return `${escapeMarkdown(text)} (${escapeMarkdown(url)})`;
  const destination = href.replace(/[<>\s\\]/g, (ch) => encodeURIComponent(ch));
  return `[${escapeMarkdown(text)}](<${destination}>)`;
}

/**
 * Pieces are separated by one blank line: each piece is written without its own trailing blank
 * line, and the separator goes before the next, so the file ends in exactly one line break
 * however it was cut into batches.
 */
export function reportMarkdownWriter(head: ReportHead, options: { siteUrl: string }): ReportWriter {
  let numbered = 0;
  const piece = (lines: string[]) => lines.join("\n").trimEnd();
  return {
    head() {
      const lines: string[] = [`# ${escapeMarkdown(head.title)}`, "", escapeMarkdown(head.scopeDescription), "", asOfSentence(head), ""];
      lines.push("## Scorecard", "", "| Status | Claims |", "| --- | ---: |");
      for (const row of scorecard(head)) lines.push(`| ${escapeMarkdown(row.label)} | ${row.count} |`);
      lines.push(`| Total | ${head.totals.claims} |`, "");
      if (head.articles.length > 0) {
        lines.push("## Articles", "");
        for (const a of head.articles) {
          const about = [a.outlet, a.publishedDate ? formatDate(a.publishedDate) : null].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
          lines.push(`- ${a.sourceUrl ? link(a.title, a.sourceUrl) : escapeMarkdown(a.title)}${about.length ? ` — ${about.join(", ")}` : ""}`);
        }
        lines.push("");
      }
      lines.push("## Claims", "");
      if (head.totals.claims === 0) lines.push("No claims.");
      return piece(lines);
    },
    claims: (batch) => batch.map((claim) => `\n\n${piece(claimSection(head, claim, ++numbered, options.siteUrl))}`).join(""),
    tail: () => "\n",
  };
}

export function reportMarkdown(data: ReportData, options: { siteUrl: string }): string {
  return writeWhole(reportMarkdownWriter, data, options);
}

function asOfSentence(data: Pick<ReportData, "asOf" | "timeAxis" | "generatedFor">): string {
  if (data.asOf && data.timeAxis === "effective") return `As of ${formatDate(data.asOf)}: the status each claim had on that day, by the dates things happened, as Claimline knows it now.`;
  if (data.asOf) return `As of ${formatDate(data.asOf)}: only what had been recorded by the end of that day (UTC) counts, statuses included.`;
  return `As recorded up to ${formatTimestamp(data.generatedFor)}.`;
}

function claimSection(data: Pick<ReportData, "statuses">, claim: ReportClaim, n: number, siteUrl: string): string[] {
  const rating = claim.rating === null ? "" : ` (rating ${claim.rating}/5)`;
  const lines = [
    `### ${n}. ${escapeMarkdown(claim.statement)}`,
    "",
    `- Status: **${escapeMarkdown(claim.statusLabel)}**${rating}`,
    ...(claim.claimant ? [`- Claimant: ${escapeMarkdown(claim.claimant)}`] : []),
    ...(claim.claimDate ? [`- Claim date: ${formatDate(claim.claimDate)}`] : []),
    `- Kind: ${claim.kind}`,
    // Our own address (a checked base URL and a number), so an autolink is safe and reads best.
    `- Claim page: <${claimUrl(siteUrl, claim.id)}>`,
    "",
  ];
  for (const m of claim.mentions) {
    lines.push(`> ${escapeMarkdown(m.exact)}`, ">", `> — ${m.articleUrl ? link(m.articleTitle, m.articleUrl) : escapeMarkdown(m.articleTitle)}`, "");
  }
  lines.push("#### Timeline", "");
  if (claim.timeline.length === 0) lines.push("No status recorded yet.", "");
  claim.timeline.forEach((event, index) => lines.push(...eventItem(data, event, index + 1)));
  return lines;
}

/** A numbered list item; its continuation lines are indented to stay inside the item. */
function eventItem(data: Pick<ReportData, "statuses">, event: ReportEvent, n: number): string[] {
  const indent = " ".repeat(`${n}. `.length);
  const correction = event.correctsEventId === null ? "" : ` (correction of event ${event.correctsEventId})`;
  const lines = [
    `${n}. **${formatDate(event.effectiveDate, event.effectivePrecision)}**: ${escapeMarkdown(statusLabel(data, event.statusKey))}${correction}`,
    `${indent}Event ${event.id}, recorded ${formatTimestamp(event.recordedAt)}.`,
  ];
  // Each line its own paragraph: plain line breaks would run the lines together when rendered.
  if (event.rationale) for (const line of escapeLines(event.rationale)) lines.push("", `${indent}${line}`);
  if (event.sources.length > 0) {
    lines.push("", `${indent}Sources:`, "");
    for (const source of event.sources) lines.push(`${indent}- ${sourceText(source)}`);
  }
  lines.push("");
  return lines;
}

function sourceText(source: ReportSource): string {
  const about = [source.publisher, source.publishedDate ? formatDate(source.publishedDate) : null].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
  const archived = source.archivedUrl ? ` (${link("archived copy", source.archivedUrl)})` : "";
  return `${link(source.title || source.url, source.url)}${about.length ? ` — ${about.join(", ")}` : ""}${archived}`;
}
