import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { searchTerms, type SearchTerms } from "../../lib/claim-match/search-terms";
import { featureSimilarity, type MatchSpan, matchingSpans, prepareText, type TextFeatures, textFeatures } from "../../lib/claim-match/similarity";
import type { SimilarClaimsInput } from "../../lib/workbench-input";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { claimSearch } from "../engines/claim-search";
import { claims } from "../schema";
import { containsText, joinLines } from "../sql-dialect";
import { type ClaimWithQuotes, loadClaimsWithQuotes, matchedClaim, type MatchedClaimDto } from "./claim-match-rows";

export interface SimilarClaimDto extends MatchedClaimDto {
  /** 0..1, see lib/claim-match/similarity.ts. */
  score: number;
  /** The stretches of `statement` that match the text: code point offsets, end exclusive. */
  highlights: MatchSpan[];
  /** The claim's quote that matched best, when it matched better than its statement. */
  bestQuote: { mentionId: number; exact: string; highlights: MatchSpan[] } | null;
}

/** Below this, claims share a name or a common word, not a proposition (see the tests for examples). */
export const SIMILAR_CLAIM_MIN_SCORE = 0.2;
const DEFAULT_LIMIT = 10;
/** Only so much of the text is compared: a claim is a sentence, not an article. */
const MAX_TEXT_LENGTH = 500;
/** How many candidates each kind of lookup passes to scoring. */
const FTS_CANDIDATES = 100;
const SCAN_CANDIDATES = 100;

/**
 * The ids of claims worth scoring, in one subquery of two lookups:
 * - the trigram index (db/engines/claim-search.ts), claims sharing most trigrams first. It
 *   holds only claims readers can see, and no term shorter than three characters;
 * - so also a substring scan (instr / strpos, so the text needs no escaping) of every live
 *   claim's statement and live quotes, drafts included, for the CJK bigrams and words, most
 *   terms found first. It reads each live claim once (MATERIALIZED: inlined, each instr would
 *   rebuild the text): some tens of milliseconds at 10,000 claims.
 */
function candidateIds(terms: SearchTerms): SQL | null {
  const lookups: SQL[] = [];
  if (terms.trigrams.length > 0) {
    lookups.push(sql`SELECT id FROM (${claimSearch.rankedTrigramMatches(terms.trigrams, FTS_CANDIDATES)}) AS indexed`);
  }
  if (terms.substrings.length > 0) {
    const hits = sql.join(terms.substrings.map((term) => sql`(CASE WHEN ${containsText(sql`hay`, term)} THEN 1 ELSE 0 END)`), sql` + `);
    lookups.push(sql`SELECT id FROM (
      WITH live_text(id, hay) AS MATERIALIZED (
        SELECT c.id, lower(c.statement) || ${"\n"} || coalesce((
          SELECT ${joinLines(sql`lower(m.exact)`)} FROM mention m WHERE m.claim_id = c.id AND m.deleted_at IS NULL
        ), '')
        FROM claim c WHERE c.deleted_at IS NULL
      ),
      scored(id, hits) AS MATERIALIZED (SELECT id, ${hits} FROM live_text)
      SELECT id FROM scored WHERE hits > 0 ORDER BY hits DESC, id DESC LIMIT ${SCAN_CANDIDATES}
    ) AS scanned`);
  }
  return lookups.length === 0 ? null : sql.join(lookups, sql` UNION `);
}

/** The claim scored by its statement or its best quote, whichever is closer to the text. */
function scoreClaim(query: TextFeatures, claim: ClaimWithQuotes): SimilarClaimDto {
  const statement = prepareText(claim.statement);
  const statementScore = featureSimilarity(query, statement);
  let bestQuote: SimilarClaimDto["bestQuote"] = null;
  let score = statementScore;
  for (const quote of claim.quotes) {
    const prepared = prepareText(quote.exact);
    const quoteScore = featureSimilarity(query, prepared);
    if (quoteScore > score) {
      score = quoteScore;
      bestQuote = { ...quote, highlights: matchingSpans(query, prepared) };
    }
  }
  return { ...matchedClaim(claim), score, highlights: matchingSpans(query, statement), bestQuote };
}

/**
 * Live claims (drafts included) that say much the same as `text`, best first: what an editor
 * sees before adding a claim, to link the words to an existing claim instead. Runs two SQL
 * statements (the actor, then candidates with their quotes and articles) whatever the data size.
 * `excludeClaimId` is the claim being edited, so it does not find itself.
 */
export async function findSimilarClaims(actor: Actor | null, input: SimilarClaimsInput): Promise<SimilarClaimDto[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const text = Array.from(input.text.trim()).slice(0, MAX_TEXT_LENGTH).join("");
  const candidates = candidateIds(searchTerms(text));
  if (candidates === null) return [];
  const query = textFeatures(text);
  const minScore = input.minScore ?? SIMILAR_CLAIM_MIN_SCORE;
  const exclude = input.excludeClaimId ?? null;
  return (await loadClaimsWithQuotes(db, sql`${claims.id} IN (${candidates})`))
    .filter((claim) => claim.id !== exclude)
    .map((claim) => scoreClaim(query, claim))
    .filter((claim) => claim.score >= minScore && claim.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, input.limit ?? DEFAULT_LIMIT);
}
