/* The serving reads each engine implements (db/serving-reads.ts picks one), apart so the engines import no module that imports them. */

/**
 * The few reads the serving layer makes before every cached answer (db/change-counter.ts,
 * db/cache-tags.ts): the change counter and which cache tags moved. They bypass drizzle because
 * they run per request: on SQLite they are prepared statements answered synchronously (a few
 * microseconds, as before the engine split); on PostgreSQL, named prepared statements on the
 * pool, one round trip each. Each engine's SQL is in its folder; callers await either.
 */
export interface ServingReads {
  /** The change counter's value now (a primary-key read of the one row). */
  changeCount(): number | Promise<number>;
  articleIdBySlug(slug: string): number | undefined | Promise<number | undefined>;
  /** Every claim the article mentions (live mentions) and the claims whose timeline they join. */
  claimsOfArticle(articleId: number): number[] | Promise<number[]>;
  /** The claim, its timeline owner and every claim sharing that timeline; empty for no such claim. */
  familyOfClaim(claimId: number): number[] | Promise<number[]>;
  /** The articles with a live mention of any of the claims. */
  articlesOfClaims(claimIds: readonly number[]): number[] | Promise<number[]>;
  /** Whether any of the tags was stamped after the counter stood at `counter`. */
  anyTagChangedSince(tags: readonly string[], counter: number): boolean | Promise<boolean>;
  /** Every tag stamped after the counter stood at `counter`, in order. */
  tagsChangedSince(counter: number): string[] | Promise<string[]>;
}
