/**
 * A report's mentions as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one
 * "assessing" annotation per place a claim is made, so annotation tools (Hypothesis and the
 * like) can show our verdicts on the article itself.
 */
import { ARTICLE_BODY_ELEMENT_ID } from "../article-doc/text";
import { articlePageUrl, claimUrl, type ReportClaim, type ReportData, type ReportHead, type ReportMention } from "./report-model";
import { ITEMS, jsonArrayStream, type ReportWriter, writeWhole } from "./report-writer";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** An element of the page, chosen by a CSS selector, and the words within it (§4.2.2, §4.2.9). */
interface CssSelector {
  type: "CssSelector";
  value: string;
  refinedBy: (TextQuoteSelector | TextPositionSelector)[];
}

/** A page and alternative ways to the same words on it (§4.2: several selectors are alternatives). */
interface AnnotationTarget {
  source: string;
  selector: (CssSelector | TextQuoteSelector)[];
}

export interface WebAnnotation {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created?: string;
  body: [
    { type: "TextualBody"; value: string; format: "text/plain"; purpose: "assessing" },
    { id: string; type: "Text"; format: "text/html" },
  ];
  /** Our article page first, where the words anchor exactly; then the original article, where known. */
  target: AnnotationTarget[];
}

export interface WebAnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; partOf: string; startIndex: 0; items: WebAnnotation[] };
}

/**
 * All annotations of the report in one collection, claims in report order, each claim's
 * mentions in theirs.
 */
export function reportAnnotations(data: ReportData, options: AnnotationOptions): WebAnnotationCollection {
  const items = data.claims.flatMap((claim) => claim.mentions.map((mention) => mentionAnnotation(claim, mention, options.siteUrl)));
  return collection(data.title, items.length, items, options);
}

interface AnnotationOptions {
  siteUrl: string;
  /**
   * The URL the collection is served at. The Web Annotation Data Model requires an id on a
   * collection (§5.1) and on each of its pages (§5.2); the one page is embedded, so it is named
   * by a fragment of the collection's URL.
   */
  collectionId: string;
}

function collection<Items>(label: string, total: number, items: Items, options: AnnotationOptions) {
  return {
    "@context": ANNOTATION_CONTEXT as typeof ANNOTATION_CONTEXT,
    id: options.collectionId,
    type: "AnnotationCollection" as const,
    label,
    total,
    first: { id: `${options.collectionId}#page-1`, type: "AnnotationPage" as const, partOf: options.collectionId, startIndex: 0 as const, items },
  };
}

/** The same collection as JSON text, written a batch of claims at a time; the total comes from the head. */
export function annotationsWriter(head: ReportHead, options: AnnotationOptions): ReportWriter {
  const json = jsonArrayStream(collection(head.title, head.totals.mentions, ITEMS, options));
  return {
    head: json.open,
    claims: (batch) => batch.flatMap((claim) => claim.mentions.map((mention) => json.item(mentionAnnotation(claim, mention, options.siteUrl)))).join(""),
    tail: () => `${json.close()}\n`,
  };
}

export function reportAnnotationsJson(data: ReportData, options: AnnotationOptions): string {
  return writeWhole(annotationsWriter, data, options);
}

function mentionAnnotation(claim: ReportClaim, mention: ReportMention, siteUrl: string): WebAnnotation {
  const page = claimUrl(siteUrl, claim.id);
  const created = createdAt(claim);
  const quote: TextQuoteSelector = { type: "TextQuoteSelector", exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix };
  return {
    // The mention id, not its index: it stays the same when other mentions come and go.
    id: `${page}#mention-${mention.mentionId}`,
    type: "Annotation",
    motivation: "assessing",
    ...(created ? { created } : {}),
    body: [
      { type: "TextualBody", value: `${claim.statusLabel}: ${claim.statement}`, format: "text/plain", purpose: "assessing" },
      { id: page, type: "Text", format: "text/html" },
    ],
    target: [
      { source: articlePageUrl(siteUrl, mention.articleSlug), selector: ourPageSelectors(mention, quote) },
      // The original's text is not ours (its markup, its whitespace, what we left out), so its
      // clients get the quote alone, which they search for.
      ...(mention.articleUrl ? [{ source: mention.articleUrl, selector: [quote] }] : []),
    ],
  };
}

/**
 * Where the words are on our article page. The article body element's DOM text is exactly the
 * text the mention's offsets count (components/article-body.tsx), so a client that follows
 * the refinement finds them by position (Unicode code points, as §4.2.4 requires, counted
 * within that element) or by quote, prefix and suffix, and both give the same words. The
 * quote also stands alone, over the whole page, for clients that do not follow refinements
 * (Hypothesis knows only quote, position and range selectors); its prefix and suffix tell
 * the body's copy from the one in the list of claims.
 *
 * An orphaned mention's words are gone from the text: its offsets point at nothing, so it gets
 * the quote within the body alone, which finds nothing there (a client shows it as orphaned)
 * and, unlike a quote over the whole page, cannot land on the list of claims instead.
 */
function ourPageSelectors(mention: ReportMention, quote: TextQuoteSelector): AnnotationTarget["selector"] {
  const body = `#${ARTICLE_BODY_ELEMENT_ID}`;
  if (mention.anchorState !== "anchored") return [{ type: "CssSelector", value: body, refinedBy: [quote] }];
  return [{ type: "CssSelector", value: body, refinedBy: [quote, { type: "TextPositionSelector", start: mention.start, end: mention.end }] }, quote];
}

/** When the assessment was first made: the first event's recorded time, else the claim date. */
function createdAt(claim: ReportClaim): string | null {
  const first = claim.timeline.map((e) => e.recordedAt).sort()[0];
  if (first) return first;
  return claim.claimDate ? `${claim.claimDate}T00:00:00Z` : null;
}
