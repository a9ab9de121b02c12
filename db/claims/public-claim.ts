import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { recordedBy } from "../../lib/as-of";
import type { ClaimantType, ClaimKind } from "../../lib/claim-rules";
import { getDb } from "../client";
import { loadObservations } from "../events/observations";
import { loadTimelines, type SourceDto, statusOfTimeline, type TimelineEventDto } from "../events/timeline";
import { claims } from "../schema";
import { loadClaimAppearances } from "./claim-appearances";
import { mergedInto } from "./merged-claims";

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

export interface ObservationDto {
  id: number;
  value: number;
  unit: string;
  observedOn: string;
  note: string | null;
  source: SourceDto | null;
}

export interface PublicClaimDto {
  id: number;
  statement: string;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  updatedAt: string;
  quantity: { value: number; unit: string | null; qualifier: string | null; asOf: string | null } | null;
  appearances: ClaimAppearanceDto[];
  timeline: TimelineEventDto[];
  /** Later values of the figure, oldest first (quantity claims). */
  observations: ObservationDto[];
  /** The day this view stands on, when it is an as-of view. */
  asOf: string | null;
}

/**
 * A claim as readers see it: only when it is not deleted and appears in at least one
 * published article; only its appearances in published articles; only published events.
 * With `asOf`, only what had been recorded by the end of that day counts, status included.
 */
export function getPublicClaim(id: number, options: { asOf?: string | null } = {}): PublicClaimDto | null {
  const db = getDb();
  const asOf = options.asOf ?? null;
  const claim = db.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))).get();
  if (!claim || !recordedBy(claim.createdAt, asOf)) return null;
  const appearances = loadClaimAppearances(db, id, { asOf });
  if (appearances.length === 0) return null;
  const timeline = loadTimelines(db, [id], "public", { asOf }).get(id) ?? [];
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimantType: claim.claimantType,
    claimDate: claim.claimDate,
    kind: claim.kind,
    currentStatus: asOf ? statusOfTimeline(timeline) : claim.currentStatus,
    // An as-of view must not reveal later activity: its "last updated" is the last thing recorded by then.
    updatedAt: asOf ? [claim.createdAt.toISOString(), ...timeline.map((e) => e.recordedAt)].sort().at(-1)! : claim.updatedAt.toISOString(),
    quantity: claim.quantityValue === null ? null : { value: claim.quantityValue, unit: claim.quantityUnit, qualifier: claim.quantityQualifier, asOf: claim.quantityAsOf },
    appearances,
    timeline,
    observations: loadObservations(db, id, asOf),
    asOf,
  };
}

/** The live claim a merged claim's page now redirects to, or null (see mergedInto). */
export function publicMergeTarget(claimId: number): number | null {
  return mergedInto(getDb(), claimId);
}
