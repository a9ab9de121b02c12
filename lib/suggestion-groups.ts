/**
 * Once a sentence is a claim, the suggestions that repeat it should stop asking for attention,
 * without being lost: an article says its key figure in the lede, the body and a caption.
 * A suggestion is collapsed under an article's claim when it shares words with the claim's
 * mention (their spans overlap), or says the same thing (its text is a near-duplicate of the
 * claim's quoted words or statement, or it states the claim's figure in like words). A
 * suggestion whose every word is already inside a mention is claimed, and left out. Pure.
 */

import { featureSimilarity, type TextFeatures, textFeatures } from "./claim-match/similarity";

/** A claim of the article as the grouping sees it. */
export interface ClaimInArticle {
  claimId: number;
  statement: string;
  /** The mention's quoted words and code point span; null span for an orphaned mention. */
  exact: string;
  start: number | null;
  end: number | null;
  quantity: { value: number; unit: string } | null;
}

export interface SuggestionLike {
  text: string;
  start: number;
  end: number;
  quantities: readonly { value: number; unit: string }[];
}

export interface CollapsedUnder {
  claimId: number;
  statement: string;
}

export type Grouped<S> = S & { collapsedUnder: CollapsedUnder | null };

/** claimSimilarity at which two sentences say the same thing (a paraphrase with a detail more or less scores 0.5-0.8). */
export const NEAR_DUPLICATE = 0.45;
/** With the same figure, less in common suffices: the figure is what would be checked. */
const SAME_FIGURE_NEAR_DUPLICATE = 0.25;

function overlaps(s: SuggestionLike, c: ClaimInArticle): boolean {
  return c.start !== null && c.end !== null && c.start < s.end && c.end > s.start;
}

function covers(c: ClaimInArticle, s: SuggestionLike): boolean {
  return c.start !== null && c.end !== null && c.start <= s.start && c.end >= s.end;
}

function sameFigure(s: SuggestionLike, c: ClaimInArticle): boolean {
  return c.quantity !== null && c.quantity.unit !== "" && s.quantities.some((q) => q.value === c.quantity!.value && q.unit === c.quantity!.unit);
}

interface Prepared {
  claim: ClaimInArticle;
  exact: TextFeatures;
  statement: TextFeatures;
}

function saysTheSame(s: SuggestionLike, text: TextFeatures, c: Prepared): boolean {
  const similarity = Math.max(featureSimilarity(text, c.exact), featureSimilarity(text, c.statement));
  return similarity >= NEAR_DUPLICATE || (similarity >= SAME_FIGURE_NEAR_DUPLICATE && sameFigure(s, c.claim));
}

/**
 * The suggestions not yet claimed, in their order, each marked with the claim it repeats (the
 * first claim whose span it overlaps, else the first it says the same as), or null.
 */
export function groupUnderClaims<S extends SuggestionLike>(suggestions: readonly S[], claims: readonly ClaimInArticle[]): Grouped<S>[] {
  // Features once per text: an article with a hundred claims compares each with fifty suggestions.
  const prepared = claims.map((claim) => ({ claim, exact: textFeatures(claim.exact), statement: textFeatures(claim.statement) }));
  const grouped: Grouped<S>[] = [];
  for (const suggestion of suggestions) {
    if (claims.some((c) => covers(c, suggestion))) continue;
    const text = textFeatures(suggestion.text);
    const under = claims.find((c) => overlaps(suggestion, c)) ?? prepared.find((c) => saysTheSame(suggestion, text, c))?.claim;
    grouped.push({ ...suggestion, collapsedUnder: under ? { claimId: under.claimId, statement: under.statement } : null });
  }
  return grouped;
}

/** A mention row of the article's claims (the workbench's and the data-access layer's) as the grouping sees it. */
export function claimInArticle(row: {
  claimId: number;
  statement: string;
  exact: string;
  start: number;
  end: number;
  anchorState: "anchored" | "orphaned";
  quantityValue: number | null;
  quantityUnit: string | null;
}): ClaimInArticle {
  const anchored = row.anchorState === "anchored";
  return {
    claimId: row.claimId,
    statement: row.statement,
    exact: row.exact,
    // An orphaned mention's offsets point at words that are gone; its text still counts.
    start: anchored ? row.start : null,
    end: anchored ? row.end : null,
    quantity: row.quantityValue === null ? null : { value: row.quantityValue, unit: row.quantityUnit ?? "" },
  };
}
