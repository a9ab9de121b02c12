/**
 * A verification report as Markdown: readable as plain text, and safe to render. Every piece
 * of text that came from users (statements, quotes, titles, rationales) is escaped, so a
 * statement such as `[click](javascript:…)` or `<img onerror=…>` stays literal text.
 */
import { CLAIM_KIND_LABELS } from "../claim-rules";
import { formatDate, formatTimestamp } from "../format";
import type { Locale } from "../i18n/locale-choice.mjs";
import { linkHref } from "../link-href";
import { claimUrl, describeScope, type ReportClaim, type ReportData, type ReportEvent, type ReportHead, type ReportSource, reportTitle, scorecard, statusLabel } from "./report-model";
import { type ReportText, reportText } from "./report-text";
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
export type MarkdownOptions = { siteUrl: string; locale?: Locale };

/**
 * The report's own words come from the `reports` catalogue in `options.locale` (English by
 * default: the bytes of an export asked for without `?lang=` do not change). In another
 * language the title, scope line and status labels are that language's too: the head's
 * English title and scope line are written anew from the scope, and statuses show their
 * Chinese label (from the scale, not translated here).
 */
export function reportMarkdownWriter(head: ReportHead, options: MarkdownOptions): ReportWriter {
  const t = reportText(options.locale);
  let numbered = 0;
  const piece = (lines: string[]) => lines.join("\n").trimEnd();
  const english = t.locale === "en";
  const scopeArticle = head.scope.kind === "article" ? (head.articles.find((a) => a.slug === (head.scope as { slug: string }).slug) ?? null) : null;
  const title = english ? head.title : reportTitle(head.scope, scopeArticle, t);
  const scopeDescription = english ? head.scopeDescription : describeScope(head.scope, scopeArticle, t);
  return {
    head() {
      const lines: string[] = [`# ${escapeMarkdown(title)}`, "", escapeMarkdown(scopeDescription), "", asOfSentence(head, t), ""];
      lines.push(`## ${t("markdown.scorecard")}`, "", `| ${t("markdown.statusColumn")} | ${t("markdown.claimsColumn")} |`, "| --- | ---: |");
      for (const row of scorecard(head, t.locale)) lines.push(`| ${escapeMarkdown(row.label)} | ${row.count} |`);
      lines.push(`| ${t("markdown.total")} | ${head.totals.claims} |`, "");
      if (head.articles.length > 0) {
        lines.push(`## ${t("markdown.articles")}`, "");
        for (const a of head.articles) {
          const about = [a.outlet, a.publishedDate ? formatDate(a.publishedDate, "day", t.locale) : null].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
          lines.push(`- ${a.sourceUrl ? link(a.title, a.sourceUrl) : escapeMarkdown(a.title)}${about.length ? ` — ${about.join(t("markdown.aboutSeparator"))}` : ""}`);
        }
        lines.push("");
      }
      lines.push(`## ${t("markdown.claims")}`, "");
      if (head.totals.claims === 0) lines.push(t("markdown.noClaims"));
      return piece(lines);
    },
    claims: (batch) => batch.map((claim) => `\n\n${piece(claimSection(head, claim, ++numbered, options.siteUrl, t))}`).join(""),
    tail: () => "\n",
  };
}

export function reportMarkdown(data: ReportData, options: MarkdownOptions): string {
  return writeWhole(reportMarkdownWriter, data, options);
}

function asOfSentence(data: Pick<ReportData, "asOf" | "timeAxis" | "generatedFor">, t: ReportText): string {
  if (data.asOf && data.timeAxis === "effective") return t("markdown.asOfEffective", { date: formatDate(data.asOf, "day", t.locale) });
  if (data.asOf) return t("markdown.asOfRecorded", { date: formatDate(data.asOf, "day", t.locale) });
  return t("markdown.asRecorded", { time: formatTimestamp(data.generatedFor, t.locale) });
}

function claimSection(data: Pick<ReportData, "statuses">, claim: ReportClaim, n: number, siteUrl: string, t: ReportText): string[] {
  const status = `**${escapeMarkdown(t.locale === "en" ? claim.statusLabel : statusLabel(data, claim.currentStatus, t.locale))}**`;
  const kind = t.locale === "en" ? claim.kind : (CLAIM_KIND_LABELS[claim.kind]?.zh ?? claim.kind);
  const lines = [
    `### ${n}. ${escapeMarkdown(claim.statement)}`,
    "",
    `- ${claim.rating === null ? t("markdown.status", { status }) : t("markdown.statusRated", { status, rating: claim.rating })}`,
    ...(claim.claimant ? [`- ${t("markdown.claimant", { claimant: escapeMarkdown(claim.claimant) })}`] : []),
    ...(claim.claimDate ? [`- ${t("markdown.claimDate", { date: formatDate(claim.claimDate, "day", t.locale) })}`] : []),
    `- ${t("markdown.kind", { kind })}`,
    // Our own address (a checked base URL and a number), so an autolink is safe and reads best.
    `- ${t("markdown.claimPage", { url: `<${claimUrl(siteUrl, claim.id)}>` })}`,
    "",
  ];
  for (const m of claim.mentions) {
    lines.push(`> ${escapeMarkdown(m.exact)}`, ">", `> — ${m.articleUrl ? link(m.articleTitle, m.articleUrl) : escapeMarkdown(m.articleTitle)}`, "");
  }
  lines.push(`#### ${t("markdown.timeline")}`, "");
  if (claim.timeline.length === 0) lines.push(t("markdown.noStatus"), "");
  claim.timeline.forEach((event, index) => lines.push(...eventItem(data, event, index + 1, t)));
  return lines;
}

/** A numbered list item; its continuation lines are indented to stay inside the item. */
function eventItem(data: Pick<ReportData, "statuses">, event: ReportEvent, n: number, t: ReportText): string[] {
  const indent = " ".repeat(`${n}. `.length);
  const date = `**${formatDate(event.effectiveDate, event.effectivePrecision, t.locale)}**`;
  const status = escapeMarkdown(statusLabel(data, event.statusKey, t.locale));
  const lines = [
    `${n}. ${event.correctsEventId === null ? t("markdown.event", { date, status }) : t("markdown.correction", { date, status, id: event.correctsEventId })}`,
    `${indent}${t("markdown.recorded", { id: event.id, time: formatTimestamp(event.recordedAt, t.locale) })}`,
  ];
  // Each line its own paragraph: plain line breaks would run the lines together when rendered.
  if (event.rationale) for (const line of escapeLines(event.rationale)) lines.push("", `${indent}${line}`);
  if (event.sources.length > 0) {
    lines.push("", `${indent}${t("markdown.sources")}`, "");
    for (const source of event.sources) lines.push(`${indent}- ${sourceText(source, t)}`);
  }
  lines.push("");
  return lines;
}

function sourceText(source: ReportSource, t: ReportText): string {
  const about = [source.publisher, source.publishedDate ? formatDate(source.publishedDate, "day", t.locale) : null].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
  const archived = source.archivedUrl ? ` (${link(t("markdown.archivedCopy"), source.archivedUrl)})` : "";
  return `${link(source.title || source.url, source.url)}${about.length ? ` — ${about.join(t("markdown.aboutSeparator"))}` : ""}${archived}`;
}
