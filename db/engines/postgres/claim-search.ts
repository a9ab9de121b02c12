import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { ClaimSearch } from "../claim-search-types";

/*
 * PostgreSQL's side of claim search (db/engines/claim-search.ts): the plain table
 * `claim_search` with pg_trgm GIN indexes on its three columns (migration 0004), where ILIKE
 * '%…%' of three characters or more reads the indexes and shorter text scans the table.
 */

/** `%text%` for ILIKE (whose escape character is \), with the user's own %, _ and \ matched literally. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const postgresClaimSearch: ClaimSearch = {
  matchingClaimIds(q: string): SQL {
    // claim_search_matches (migration 0004) trims and escapes `q` itself: one query for every length.
    return sql`SELECT matched AS id FROM claim_search_matches(${q.trim()}) AS matched`;
  },

  rankedTrigramMatches(trigrams: readonly string[], limit: number): SQL {
    // FTS5 ranks by bm25; here the claims containing most of the text's trigrams come first (the
    // scorer in lib/claim-match re-ranks the candidates anyway). `ILIKE ANY` reads each trigram's
    // GIN posting lists (a bitmap scan per array element), so only claims sharing one are counted.
    const patterns = sql`${sql.param(trigrams.map(likeContains))}::text[]`;
    return sql`SELECT ranked.id FROM (
      SELECT s.claim_id AS id, (
        SELECT count(*) FROM unnest(${patterns}) AS p(pattern)
        WHERE s.statement ILIKE p.pattern OR s.quotes ILIKE p.pattern OR s.titles ILIKE p.pattern
      ) AS shared
      FROM claim_search s
      WHERE s.statement ILIKE ANY(${patterns}) OR s.quotes ILIKE ANY(${patterns}) OR s.titles ILIKE ANY(${patterns})
      ORDER BY shared DESC, s.claim_id DESC LIMIT ${limit}
    ) AS ranked`;
  },
};
