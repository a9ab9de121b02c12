import type Database from "better-sqlite3";
import { SEARCH_TERMS } from "../corpus";
import { type InsertCounts, insertDesk } from "./insert";
import { planDesk } from "./plan";

export const DEFAULT_SEED = 20250805;

export interface DeskSummary extends InsertCounts {
  /** Slugs and ids the bench requests: a typical article (median number of mentions) and one of its claims. */
  sampleArticleSlug: string;
  sampleClaimId: number;
  searchTerms: typeof SEARCH_TERMS;
  generateMs: number;
}

/**
 * Generates a synthetic desk of `claims` claims into an open, migrated Claimline database.
 * The same seed and size give the same desk, so runs compare.
 */
export function generateDesk(sqlite: Database.Database, options: { claims: number; seed?: number }): DeskSummary {
  const started = performance.now();
  const plan = planDesk(options.claims, options.seed ?? DEFAULT_SEED);
  const claimBase = (sqlite.prepare("SELECT coalesce(max(id), 0) AS n FROM claim").get() as { n: number }).n;
  const articleBase = (sqlite.prepare("SELECT coalesce(max(id), 0) AS n FROM article").get() as { n: number }).n;
  const counts = insertDesk(sqlite, plan);
  const mentionCount = new Map<number, number>();
  for (const m of plan.mentions) mentionCount.set(m.articleId, (mentionCount.get(m.articleId) ?? 0) + 1);
  const bySize = [...plan.articles].sort((a, b) => mentionCount.get(a.id)! - mentionCount.get(b.id)! || a.id - b.id);
  const typical = bySize[Math.floor(bySize.length / 2)]!;
  return {
    ...counts,
    // Read back rather than rebuilt, so the bench requests exactly what was stored.
    sampleArticleSlug: (sqlite.prepare("SELECT slug FROM article WHERE id = ?").get(articleBase + typical.id) as { slug: string }).slug,
    sampleClaimId: claimBase + typical.claimIds[0]!,
    searchTerms: SEARCH_TERMS,
    generateMs: performance.now() - started,
  };
}
