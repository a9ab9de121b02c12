import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { ClaimKind } from "../../lib/claim-rules";
import { NotFoundError } from "../../lib/errors";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { type EditorTimelineEventDto, loadTimelines } from "../events/timeline";
import { articles, claims, mentions } from "../schema";
import { firstRow } from "../rows";

export interface EditorClaimDto {
  id: number;
  statement: string;
  claimant: string | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  version: number;
  quantityUnit: string | null;
  recheckBy: string | null;
  /** The editor the claim is assigned to, if any. */
  assigneeId: string | null;
  mentions: { mentionId: number; exact: string; articleId: number; articleTitle: string; articleStatus: "draft" | "published"; anchorState: "anchored" | "orphaned" }[];
  timeline: EditorTimelineEventDto[];
}

export async function getClaimForEditor(actor: Actor | null, id: number): Promise<EditorClaimDto> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const claim = await firstRow(db.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))));
  if (!claim) throw new NotFoundError("The claim");
  const claimMentions = await db
    .select({
      mentionId: mentions.id,
      exact: mentions.exact,
      articleId: articles.id,
      articleTitle: articles.title,
      articleStatus: articles.status,
      anchorState: mentions.anchorState,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(eq(mentions.claimId, id), isNull(mentions.deletedAt)))
    .orderBy(asc(mentions.id));
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimDate: claim.claimDate,
    kind: claim.kind,
    currentStatus: claim.currentStatus,
    version: claim.version,
    quantityUnit: claim.quantityUnit,
    recheckBy: claim.recheckBy,
    assigneeId: claim.assigneeId,
    mentions: claimMentions,
    timeline: (await loadTimelines(db, [id], "editor")).get(id) ?? [],
  };
}
