import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { ClaimantType, ClaimKind, QuantityQualifier } from "../../lib/claim-rules";
import { NotFoundError } from "../../lib/errors";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles, claims, mentions } from "../schema";
import { type AssigneeDto, activeEditors } from "../claims/assign-claim";
import { type ArticleDto, toArticleDto } from "./article-dto";
import { firstRow } from "../rows";

export interface WorkbenchClaimDto {
  mentionId: number;
  claimId: number;
  claimVersion: number;
  /** The mention's version: re-attaching it carries it, so two editors cannot move it over each other. */
  mentionVersion: number;
  statement: string;
  /** BCP 47; null on claims older than migration 0016. */
  statementLanguage: string | null;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  kind: ClaimKind;
  currentStatus: string;
  quantityValue: number | null;
  quantityUnit: string | null;
  quantityQualifier: QuantityQualifier | null;
  quantityAsOf: string | null;
  exact: string;
  start: number;
  end: number;
  anchorState: "anchored" | "orphaned";
  /** The published event the current status comes from; null while the claim has no status yet (the publish bar's readiness summary). */
  currentStatusEventId?: number | null;
  /** The editor the claim is assigned to, if any. */
  assigneeId?: string | null;
}

export interface WorkbenchDto {
  article: ArticleDto;
  claims: WorkbenchClaimDto[];
  /** Deleted claims that were made in this article, restorable. */
  deleted: { claimId: number; statement: string }[];
  /** Who a claim can be assigned to (active editors and admins). */
  editors?: AssigneeDto[];
}

/** Everything the claim-splitting workbench shows for one article, in three queries. */
export async function getWorkbench(actor: Actor | null, articleId: number): Promise<WorkbenchDto> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const article = await firstRow(db.select().from(articles).where(eq(articles.id, articleId)));
  if (!article) throw new NotFoundError("The article");
  const rows = await db
    .select({
      mentionId: mentions.id,
      claimId: claims.id,
      claimVersion: claims.version,
      mentionVersion: mentions.version,
      statement: claims.statement,
      statementLanguage: claims.statementLanguage,
      claimant: claims.claimant,
      claimantType: claims.claimantType,
      claimDate: claims.claimDate,
      kind: claims.kind,
      currentStatus: claims.currentStatus,
      currentStatusEventId: claims.currentStatusEventId,
      assigneeId: claims.assigneeId,
      quantityValue: claims.quantityValue,
      quantityUnit: claims.quantityUnit,
      quantityQualifier: claims.quantityQualifier,
      quantityAsOf: claims.quantityAsOf,
      exact: mentions.exact,
      start: mentions.startOffset,
      end: mentions.endOffset,
      anchorState: mentions.anchorState,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt), isNull(claims.deletedAt)))
    .orderBy(asc(mentions.position), asc(mentions.id));
  const deletedIds = (await db
    .selectDistinct({ claimId: mentions.claimId })
    .from(mentions)
    .where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt))))
    .map((r) => r.claimId);
  const deleted =
    deletedIds.length === 0
      ? []
      : await db
          .select({ claimId: claims.id, statement: claims.statement })
          .from(claims)
          .where(and(inArray(claims.id, deletedIds), isNotNull(claims.deletedAt), isNull(claims.mergedIntoId)));
  return { article: toArticleDto(article), claims: rows, deleted, editors: await activeEditors(db) };
}
