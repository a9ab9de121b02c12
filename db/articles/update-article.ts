import "server-only";
import { and, eq } from "drizzle-orm";
import { deriveArticleBodyOffThread } from "../../lib/article-doc/derive-body-off-thread";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { reanchor } from "../../lib/reanchor";
import type { ArticleUpdateInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb, type Tx } from "../client";
import { articles } from "../schema";
import { parseTimeLimitMs } from "../settings";
import { writeTransaction } from "../transaction";
import { moveArticleMentions } from "../mentions/move-mentions";
import { type ArticleDto, toArticleDto } from "./article-dto";
import type { RequestContext } from "../request-context";
import { assertMayPublishWithoutReview } from "../reviews/second-approval-setting";
import { keepFormerSlug } from "./slug-aliases";
import { resolveSlug } from "./unique-slug";
import { firstRow, returnedRow } from "../rows";

/** Moves every live mention of the article onto the edited text, or flags it orphaned. */
export async function reanchorMentions(tx: Tx, actorId: string | null, articleId: number, text: string): Promise<void> {
  await moveArticleMentions(tx, actorId, articleId, (mention) => {
    const result = reanchor(text, { start: mention.startOffset, end: mention.endOffset, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix });
    return result.state === "anchored" ? { startOffset: result.anchor.start, endOffset: result.anchor.end, prefix: result.anchor.prefix, suffix: result.anchor.suffix } : null;
  });
}

/**
 * Saves an edit made from `input.version`. If someone saved in between, nothing is written
 * and a ConflictError carries the current version so the editor can see it and reapply.
 * The body is parsed in a worker first, after the actor is authorised (see createArticle).
 */
export async function updateArticle(actor: Actor | null, input: ArticleUpdateInput, request: RequestContext = {}): Promise<ArticleDto> {
  await authorize(getDb(), actor, EDITOR_ROLES);
  const derived = await deriveArticleBodyOffThread(input, { limitMs: parseTimeLimitMs(), signal: request.signal });
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await firstRow(tx.select().from(articles).where(eq(articles.id, input.id)));
    if (!before) throw new NotFoundError("The article");
    if (before.version !== input.version) {
      throw new ConflictError("Someone else saved this article after you opened it. Review their version, then reapply your edit.", {
        current: toArticleDto(before),
      });
    }
    if (before.status !== "published" && input.status === "published") await assertMayPublishWithoutReview(tx);
    const { id, version, slug: requestedSlug, language: _language, ...fields } = input;
    const after = await returnedRow(tx
      .update(articles)
      .set({
        ...fields,
        ...derived,
        // Left out: the slug stays. Cleared (null): made afresh from the title, as the form's hint says.
        slug: await resolveSlug(tx, input.title, requestedSlug === undefined ? before.slug : requestedSlug, id),
        version: version + 1,
        updatedBy: editor.id,
        updatedAt: new Date(),
      })
      .where(and(eq(articles.id, id), eq(articles.version, version)))
      .returning());
    await keepFormerSlug(tx, editor.id, id, before.slug, after.slug);
    if (before.bodyText !== after.bodyText) await reanchorMentions(tx, editor.id, id, after.bodyText);
    await recordAudit(tx, { actorId: editor.id, action: "article.update", entityType: "article", entityId: id, before, after });
    return toArticleDto(after);
  });
}
