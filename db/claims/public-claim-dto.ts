import type { ClaimantType, ClaimKind } from "../../lib/claim-rules";
import type { SourceDto, TimelineEventDto } from "../events/timeline";

/*
 * What a reader is sent about a claim (getPublicClaim, db/claims/public-claim.ts). Types only,
 * in a module of their own: the loaders that fill a part (claim-appearances.ts,
 * db/events/observations.ts) and the components that render it import them from here, not from
 * the module that imports those loaders (issue 19: no import circles).
 */

export interface ClaimAppearanceDto {
  mentionId: number;
  exact: string;
  /** The quoted words' language (null: detect it, against the article's). */
  quoteLanguage?: string | null;
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
  /** BCP 47, or null on claims older than migration 0016 (detected when rendered). */
  statementLanguage?: string | null;
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
  /** The day of an "as of" view (effective dates), or null. */
  asOf: string | null;
  /** The day of an "as published" view (recorded time), or null. */
  published: string | null;
  /**
   * False when the claim did not exist yet on the view's day: not yet made (as of a day) or not
   * yet on Claimline (as published on a day). The claim is still answered, with `notice`.
   */
  tracked: boolean;
  /** The status on the view's day (today's without a view); null when the claim did not exist yet. */
  statusAsOf: string | null;
  /** Why there is no status, in words ("This claim was first made on 16 May 2023, …"), or null. */
  notice: string | null;
  /** The day the claim was first made (its claim date, else its earliest published article's date), when known. */
  firstMadeOn: string | null;
  /** The day (UTC) Claimline started showing this claim. */
  trackedSince: string;
}
