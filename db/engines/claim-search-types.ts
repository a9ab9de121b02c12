import type { SQL } from "drizzle-orm";

/**
 * What the public claim search index answers, written once per engine (db/engines/<engine>/
 * claim-search.ts) because SQLite's FTS5 trigram table and PostgreSQL's pg_trgm table are
 * queried differently. Both index the same rows: readable claims' statements, their live quotes
 * in published articles and those articles' titles.
 */
export interface ClaimSearch {
  /**
   * A subquery of one column `id`: the claims whose statement, quoted words or article titles
   * contain `q` as typed (trimmed), case-insensitively for Latin letters, whatever its length
   * (a one- or two-character Chinese word included).
   */
  matchingClaimIds(q: string): SQL;
  /**
   * A subquery of one column `id`: up to `limit` claims containing any of `trigrams` (three-
   * character pieces of a text, lowercase), those sharing most with the text first.
   */
  rankedTrigramMatches(trigrams: readonly string[], limit: number): SQL;
}
