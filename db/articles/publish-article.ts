import "server-only";
import { and, eq } from "drizzle-orm";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { closeReview, findOpenReview, openReview } from "../reviews/review-requests";
import { assertMayPublishWithoutReview } from "../reviews/second-approval-setting";
import { type Article, articles } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow, returnedRow } from "../rows";

/** An article and the version the editor's screen showed: a change made since is a conflict, as in updateArticle. */
export interface ArticleRef {
  id: number;
  version: number;
}

export interface PublishResultDto {
  id: number;
  slug: string;
  status: "draft" | "published";
  version: number;
  /** True when the article now waits for a second editor instead of being published. */
  pendingReview: boolean;
}

async function loadAt(tx: Tx, ref: ArticleRef): Promise<Article> {
  const article = await firstRow(tx.select().from(articles).where(eq(articles.id, ref.id)));
  if (!article) throw new NotFoundError("The article");
  if (article.version !== ref.version) {
    throw new ConflictError("Someone else changed this article after you opened it. Reload the page to see their version, then try again.", {
      currentVersion: article.version,
    });
  }
  return article;
}

/** Sets the article's state, bumping its version, with the audit row; the caller has authorised `actorId`. */
export async function setArticleState(tx: Tx, actorId: string, before: Article, status: Article["status"], action: string): Promise<Article> {
  const after = await returnedRow(tx
    .update(articles)
    .set({ status, version: before.version + 1, updatedBy: actorId, updatedAt: new Date() })
    .where(and(eq(articles.id, before.id), eq(articles.version, before.version)))
    .returning());
  await recordAudit(tx, { actorId, action, entityType: "article", entityId: before.id, before: { status: before.status, version: before.version }, after: { status, version: after.version } });
  return after;
}

const result = (article: Article, pendingReview = false): PublishResultDto => ({ id: article.id, slug: article.slug, status: article.status, version: article.version, pendingReview });

/** Publishes a draft for readers. Refused while the desk requires a second approval (see submitArticleForReview). */
export async function publishArticle(actor: Actor | null, ref: ArticleRef): Promise<PublishResultDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadAt(tx, ref);
    if (before.status === "published") return result(before);
    await assertMayPublishWithoutReview(tx);
    // A review opened before the switch was turned off is settled by this publish.
    const open = await findOpenReview(tx, "article", before.id);
    if (open) await closeReview(tx, editor.id, open, "withdrawn", "Published directly: the desk no longer requires a second approval.");
    return result(await setArticleState(tx, editor.id, before, "published", "article.publish"));
  });
}

/** Takes an article back from readers (no review needed to hide something). */
export async function unpublishArticle(actor: Actor | null, ref: ArticleRef): Promise<PublishResultDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadAt(tx, ref);
    if (before.status === "draft") return result(before, await findOpenReview(tx, "article", before.id) !== undefined);
    return result(await setArticleState(tx, editor.id, before, "draft", "article.unpublish"));
  });
}

/**
 * The author's "Submit for review": the article stays a draft (readers cannot see it) until
 * another editor approves the version submitted (db/reviews/decide-review.ts).
 */
export async function submitArticleForReview(actor: Actor | null, ref: ArticleRef): Promise<PublishResultDto> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadAt(tx, ref);
    if (before.status === "published") throw new ValidationError("This article is already published.");
    // Submitting an edited article again replaces the review of the older version.
    const open = await findOpenReview(tx, "article", before.id);
    if (open && open.subjectVersion !== before.version) await closeReview(tx, editor.id, open, "withdrawn", "A newer version was submitted.");
    await openReview(tx, editor.id, { type: "article", id: before.id, version: before.version });
    return result(before, true);
  });
}
