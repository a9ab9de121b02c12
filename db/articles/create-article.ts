import "server-only";
import { type DerivedArticleBody, deriveArticleBody } from "../../lib/article-doc/derive-body";
import { deriveArticleBodyOffThread } from "../../lib/article-doc/derive-body-off-thread";
import type { ArticleInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb, type Tx } from "../client";
import { articles } from "../schema";
import { parseTimeLimitMs } from "../settings";
import { writeTransaction } from "../transaction";
import { type ArticleDto, toArticleDto } from "./article-dto";
import type { RequestContext } from "../request-context";
import { assertMayPublishWithoutReview } from "../reviews/second-approval-setting";
import { resolveSlug } from "./unique-slug";
import { returnedRow } from "../rows";

/**
 * Inserts an article and its audit row; the caller has authorised `actorId` (null = system).
 * `derived` is the body already parsed off the request thread; scripts (seed) let it be derived here.
 */
export async function insertArticle(tx: Tx, actorId: string | null, input: ArticleInput, derived: DerivedArticleBody = deriveArticleBody(input)): Promise<ArticleDto> {
  const { slug: requestedSlug, language: _language, ...fields } = input;
  const row = await returnedRow(tx
    .insert(articles)
    .values({
      ...fields,
      ...derived,
      slug: await resolveSlug(tx, input.title, requestedSlug),
      createdBy: actorId,
      updatedBy: actorId,
    })
    .returning());
  await recordAudit(tx, { actorId, action: "article.create", entityType: "article", entityId: row.id, after: row });
  return toArticleDto(row);
}

/**
 * The body is parsed in a worker before the transaction (which cannot wait for it); the actor
 * is authorised before that too, so nobody who could not save makes the server parse.
 */
export async function createArticle(actor: Actor | null, input: ArticleInput, request: RequestContext = {}): Promise<ArticleDto> {
  await authorize(getDb(), actor, EDITOR_ROLES);
  const derived = await deriveArticleBodyOffThread(input, { limitMs: parseTimeLimitMs(), signal: request.signal });
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    if (input.status === "published") await assertMayPublishWithoutReview(tx);
    return insertArticle(tx, editor.id, input, derived);
  });
}
