import { Feed } from "feed";
import { type TimeView, withTimeView } from "../as-of";
import type { DatePrecision } from "../dates";
import { formatDate } from "../format";
import { linkHref } from "../link-href";
import { entryTagId } from "./tag-uri";
import { langOf } from "../article-doc/text-language";

/**
 * Atom 1.0 feeds of status events, written by the `feed` package. It emits entry titles,
 * summaries and contents as type="html" in CDATA sections, so every piece of our text is
 * HTML-escaped here first: a statement like "<b>" then reads as those characters, and no
 * "]]>" can reach a CDATA section (its XML writer, xml-js, only defuses the first one).
 * Characters XML cannot carry at all are dropped, since neither library does it.
 */

export interface AtomSource {
  url: string;
  title: string | null;
  /** The title's language (null or absent: detected). */
  titleLanguage?: string | null;
  publisher: string | null;
  publishedDate: string | null;
  archivedUrl: string | null;
}

/** One published status event, as a feed entry. */
export interface AtomStatusEntry {
  eventId: number;
  /** Absolute URL of the claim page that shows the event. */
  claimUrl: string;
  statement: string;
  /** The status's reader-facing label, e.g. "True". */
  statusLabel: string;
  correctsEventId: number | null;
  effectiveDate: string;
  effectivePrecision: DatePrecision;
  /** Shown as plain text: the feed does not render the rationale's Markdown. */
  rationale: string | null;
  /** The rationale's language (null or absent: detected), marked on its paragraphs. */
  rationaleLanguage?: string | null;
  /** ISO timestamp. */
  recordedAt: string;
  sources: readonly AtomSource[];
}

export interface AtomFeedInput {
  title: string;
  /** The feed's permanent id (lib/feeds/tag-uri.ts' feedTagId): never its URL, which moves with the host. */
  id: string;
  /** The authority of the entries' tag: ids, fixed once per desk like the feed id's. */
  idAuthority: string;
  selfUrl: string;
  /** The page the feed follows. */
  alternateUrl: string;
  /** ISO timestamp; defaults to the newest entry's recorded time, or now for an empty feed. */
  updated?: string;
  author: { name: string; uri: string };
  entries: readonly AtomStatusEntry[];
}

export function buildAtomFeed(input: AtomFeedInput): string {
  const feed = new Feed({
    id: textNode(input.id),
    title: textNode(input.title),
    updated: new Date(input.updated ?? newestRecordedAt(input.entries) ?? Date.now()),
    link: input.alternateUrl,
    feed: input.selfUrl,
    author: { name: textNode(input.author.name), link: input.author.uri },
    generator: false,
  });
  for (const entry of input.entries) {
    feed.addItem({
      id: entryTagId(input.idAuthority, entry.eventId),
      title: escapeHtml(entryTitle(entry)),
      link: `${entry.claimUrl}#event-${entry.eventId}`,
      date: new Date(entry.recordedAt),
      description: escapeHtml(entrySummary(entry)),
      content: entryContentHtml(entry),
    });
  }
  return feed.atom1();
}

function newestRecordedAt(entries: readonly AtomStatusEntry[]): string | undefined {
  return entries.map((e) => e.recordedAt).sort().at(-1);
}

/** The fields of a published status event (db/feeds' FeedEventDto) that an entry is made from. */
export interface FeedStatusEvent {
  id: number;
  claimId: number;
  statement: string;
  statusKey: string;
  correctsEventId: number | null;
  effectiveDate: string;
  effectivePrecision: DatePrecision;
  rationale: string | null;
  rationaleLanguage?: string | null;
  recordedAt: string;
  sources: readonly AtomSource[];
}

/**
 * Entries for events, linking each to the claim page that shows it under `siteUrl` (on the
 * feed's day, for a dated feed). `statuses` is the whole scale, retired ones included; an
 * unknown key shows as itself rather than failing.
 */
export function statusEntries(
  events: readonly FeedStatusEvent[],
  statuses: readonly { key: string; labelEn: string }[],
  siteUrl: string,
  view: TimeView | null = null,
): AtomStatusEntry[] {
  const labels = new Map(statuses.map((s) => [s.key, s.labelEn]));
  return events.map(({ id, claimId, statusKey, ...event }) => ({
    ...event,
    eventId: id,
    claimUrl: withTimeView(`${siteUrl}/claims/${claimId}`, view),
    statusLabel: labels.get(statusKey) ?? statusKey,
  }));
}

/** Response headers for every feed: readers poll, so a minute of shared caching spares the database. */
export const ATOM_HEADERS = { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } as const;

/** "True: OpenAI plans to …", or "Correction — True: …" for an event that corrects an earlier one. */
export function entryTitle(entry: Pick<AtomStatusEntry, "statusLabel" | "statement" | "correctsEventId">): string {
  return `${entry.correctsEventId === null ? "" : "Correction — "}${entry.statusLabel}: ${entry.statement}`;
}

function entrySummary(entry: AtomStatusEntry): string {
  const when = `Effective ${formatDate(entry.effectiveDate, entry.effectivePrecision)}.`;
  return entry.rationale ? `${when} ${entry.rationale}` : when;
}

function entryContentHtml(entry: AtomStatusEntry): string {
  const parts: string[] = [];
  if (entry.correctsEventId !== null) {
    parts.push(`<p>This corrects an <a href="${escapeHtml(`${entry.claimUrl}#event-${entry.correctsEventId}`)}">earlier entry</a>.</p>`);
  }
  if (entry.rationale) {
    // The rationale is in its writer's language, whatever the feed's: a reader shows it with the right voice and fonts.
    const lang = langAttribute(entry.rationale, entry.rationaleLanguage);
    for (const paragraph of entry.rationale.split(/\n{2,}/)) parts.push(`<p${lang}>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`);
  }
  parts.push(`<p>Effective ${escapeHtml(formatDate(entry.effectiveDate, entry.effectivePrecision))}.</p>`);
  if (entry.sources.length > 0) parts.push(`<p>Sources:</p><ul>${entry.sources.map(sourceItemHtml).join("")}</ul>`);
  return parts.join("");
}

function sourceItemHtml(source: AtomSource): string {
  const label = escapeHtml(source.title || source.url);
  const link = safeHref(source.url);
  const details = [source.publisher, source.publishedDate ? formatDate(source.publishedDate) : null].filter((d): d is string => Boolean(d));
  const archived = safeHref(source.archivedUrl);
  return (
    `<li>${link ? `<a href="${link}"${source.title ? langAttribute(source.title, source.titleLanguage) : ""}>${label}</a>` : label}` +
    (details.length > 0 ? ` (${escapeHtml(details.join(", "))})` : "") +
    (archived ? ` · <a href="${archived}">archived copy</a>` : "") +
    `</li>`
  );
}

/** ` lang="zh-Hans"` for user text in the feed's HTML, or nothing when its language cannot be told. */
function langAttribute(text: string, stored: string | null | undefined): string {
  const lang = langOf(text, stored);
  return lang ? ` lang="${escapeHtml(lang)}"` : "";
}

/** Only http(s) links reach a feed reader (a javascript: URL there could run in a lax reader), percent-encoded. */
function safeHref(url: string | null): string | null {
  const href = linkHref(url);
  return href === null ? null : escapeHtml(href);
}

/** Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function clean(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/**
 * Text for the plain elements (feed id, title, author name). xml-js escapes them, but first
 * turns every "&amp;" back into "&" to avoid double escaping, which would show a literal
 * "&amp;" as "&"; pre-escaping exactly that sequence makes the round trip exact.
 */
function textNode(text: string): string {
  return clean(text).replace(/&amp;/g, "&amp;amp;");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}
