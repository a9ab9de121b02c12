import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { ClaimKind } from "../../lib/claim-rules";
import { getDb } from "../client";
import { loadTimelines, type TimelineEventDto } from "../events/timeline";
import { articles, claims, mentions } from "../schema";

export interface ClaimAppearanceDto {
  mentionId: number;
  exact: string;
  articleSlug: string;
  articleTitle: string;
  articleLanguage: string;
  outlet: string | null;
  publishedDate: string | null;
  sourceUrl: string | null;
}

export interface PublicClaimDto {
  id: number;
  statement: string;
  claimant: string | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  updatedAt: string;
  appearances: ClaimAppearanceDto[];
  timeline: TimelineEventDto[];
}

/**
 * A claim as readers see it: only when it is not deleted and appears in at least one
 * published article; only its appearances in published articles; only published events.
 */
export function getPublicClaim(id: number): PublicClaimDto | null {
  const db = getDb();
  const claim = db.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))).get();
  if (!claim) return null;
  const appearances = db
    .select({
      mentionId: mentions.id,
      exact: mentions.exact,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      articleLanguage: articles.language,
      outlet: articles.outlet,
      publishedDate: articles.publishedDate,
      sourceUrl: articles.sourceUrl,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(eq(mentions.claimId, id), isNull(mentions.deletedAt), eq(articles.status, "published")))
    .orderBy(asc(articles.publishedDate), asc(mentions.id))
    .all();
  if (appearances.length === 0) return null;
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimDate: claim.claimDate,
    kind: claim.kind,
    currentStatus: claim.currentStatus,
    updatedAt: claim.updatedAt.toISOString(),
    appearances,
    timeline: loadTimelines(db, [id], "public").get(id) ?? [],
  };
}
