/**
 * A report's mentions as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one
 * "assessing" annotation per place a claim is made, so annotation tools (Hypothesis and the
 * like) can show our verdicts on the article itself.
 */
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

export interface WebAnnotation {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created?: string;
  body: [
    { type: "TextualBody"; value: string; format: "text/plain"; purpose: "assessing" },
    { id: string; type: "Text"; format: "text/html" },
  ];
  target: { source: string; selector: (TextQuoteSelector | TextPositionSelector)[] };
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
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [{ type: "TextQuoteSelector", exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix }];
  // Offsets count code points of the article's text as we hold it; annotation clients take a
  // position as a hint and fall back to the quote where the original's text differs. An
  // orphaned mention's offsets point at nothing, so it gets the quote alone.
  if (mention.anchorState === "anchored") selector.push({ type: "TextPositionSelector", start: mention.start, end: mention.end });
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
    target: { source: mention.articleUrl ?? articlePageUrl(siteUrl, mention.articleSlug), selector },
  };
}

/** When the assessment was first made: the first event's recorded time, else the claim date. */
function createdAt(claim: ReportClaim): string | null {
  const first = claim.timeline.map((e) => e.recordedAt).sort()[0];
  if (first) return first;
  return claim.claimDate ? `${claim.claimDate}T00:00:00Z` : null;
}
