import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { TimeView } from "../../lib/as-of";
import { claimStanding } from "../../lib/claim-on-day";
import { getDb } from "../client";
import { loadObservations } from "../events/observations";
import { loadTimelines, statusOfTimeline } from "../events/timeline";
import { claims } from "../schema";
import { loadClaimAppearances } from "./claim-appearances";
import { loadClaimOrigins } from "./claim-origins";
import { mergedInto } from "./merged-claims";
import type { PublicClaimDto } from "./public-claim-dto";
import { firstRow } from "../rows";

/**
 * A claim as readers see it: only when it is not deleted and appears in at least one
 * published article today; only its appearances in published articles; only published events.
 * With a view, what it was on that day on either axis (see lib/as-of.ts): a claim that did not
 * exist yet on the day is still answered, with `tracked: false` and a notice saying why, never
 * as if it were unknown.
 */
export async function getPublicClaim(id: number, options: { view?: TimeView | null } = {}): Promise<PublicClaimDto | null> {
  const db = getDb();
  const view = options.view ?? null;
  const claim = await firstRow(db.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))));
  if (!claim) return null;
  const origin = (await loadClaimOrigins(db, [id])).get(id);
  // No public mention today: not a public claim, whatever the day.
  if (!origin) return null;
  const standing = claimStanding(origin, view);
  const published = view?.axis === "published";
  // As published on a day before it was tracked, nothing of it had been shown: its words and where it is made now are what can be shown.
  const shownThen = published && standing.existed;
  const appearances = await loadClaimAppearances(db, id, { view: shownThen ? view : null });
  const timeline = !view || standing.existed || !published ? ((await loadTimelines(db, [id], "public", { view })).get(id) ?? []) : [];
  const status = view ? statusOfTimeline(timeline, view) : claim.currentStatus;
  return {
    id: claim.id,
    statement: claim.statement,
    statementLanguage: claim.statementLanguage,
    claimant: claim.claimant,
    claimantType: claim.claimantType,
    claimDate: claim.claimDate,
    kind: claim.kind,
    currentStatus: status,
    // An as-published view must not reveal later activity: its "last updated" is the last thing recorded by then.
    updatedAt: shownThen ? [claim.createdAt.toISOString(), ...timeline.map((e) => e.recordedAt)].sort().at(-1)! : claim.updatedAt.toISOString(),
    quantity: claim.quantityValue === null ? null : { value: claim.quantityValue, unit: claim.quantityUnit, qualifier: claim.quantityQualifier, asOf: claim.quantityAsOf },
    appearances,
    timeline,
    observations: published && !standing.existed ? [] : await loadObservations(db, id, view),
    asOf: view?.axis === "effective" ? view.day : null,
    published: published ? view.day : null,
    tracked: standing.existed,
    statusAsOf: standing.existed ? status : null,
    notice: standing.notice,
    firstMadeOn: origin.firstMadeOn,
    trackedSince: new Date(origin.trackedSinceMs).toISOString().slice(0, 10),
  };
}

/** The live claim a merged claim's page now redirects to, or null (see mergedInto). */
export async function publicMergeTarget(claimId: number): Promise<number | null> {
  return mergedInto(getDb(), claimId);
}
