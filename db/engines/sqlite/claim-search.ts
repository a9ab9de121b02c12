import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { ClaimSearch } from "../claim-search-types";

/*
 * SQLite's side of claim search (db/engines/claim-search.ts): the FTS5 table `claim_search`
 * with the trigram tokenizer (migrations 0005, 0010), keyed by the claim id as its rowid.
 */

/** The trigram index needs three characters to match anything; shorter text is searched with LIKE. */
const TRIGRAM_LENGTH = 3;

/** User text as an FTS5 string literal: a phrase, so `"`, `*`, `OR` or `NEAR(` are plain characters. */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** `%text%` for LIKE … ESCAPE '\', with the user's own %, _ and \ matched literally. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const sqliteClaimSearch: ClaimSearch = {
  matchingClaimIds(q: string): SQL {
    const text = q.trim();
    if (Array.from(text).length >= TRIGRAM_LENGTH) {
      return sql`SELECT rowid AS id FROM claim_search WHERE claim_search MATCH ${ftsPhrase(text)}`;
    }
    // Two Chinese characters (开源) are a whole word, but below the trigram size: scan instead.
    // SQLite's LIKE folds ASCII case, as the trigram tokenizer folds case.
    const pattern = likeContains(text);
    return sql`SELECT rowid AS id FROM claim_search
      WHERE statement LIKE ${pattern} ESCAPE '\\' OR quotes LIKE ${pattern} ESCAPE '\\' OR titles LIKE ${pattern} ESCAPE '\\'`;
  },

  rankedTrigramMatches(trigrams: readonly string[], limit: number): SQL {
    // The trigrams OR-ed, each a phrase; bm25 (`rank`) puts the claims sharing most, and the rarest, first.
    const query = trigrams.map(ftsPhrase).join(" OR ");
    return sql`SELECT rowid AS id FROM claim_search WHERE claim_search MATCH ${query} ORDER BY rank LIMIT ${limit}`;
  },
};
