import "server-only";
import type { ArticleInput } from "../../lib/validation";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import type { Tx } from "../client";
import { articles } from "../schema";
import { writeTransaction } from "../transaction";
import { type ArticleDto, toArticleDto } from "./article-dto";
import { deriveBody, resolveLanguage } from "./derive-body";
import { resolveSlug } from "./unique-slug";

/** Inserts an article and its audit row; the caller has authorised `actorId` (null = system). */
export function insertArticle(tx: Tx, actorId: string | null, input: ArticleInput): ArticleDto {
  const { slug: requestedSlug, language, ...fields } = input;
  const derived = deriveBody(input.body, input.bodyFormat);
  const row = tx
    .insert(articles)
    .values({
      ...fields,
      ...derived,
      language: resolveLanguage(language, derived.bodyText),
      slug: resolveSlug(tx, input.title, requestedSlug),
      createdBy: actorId,
      updatedBy: actorId,
    })
    .returning()
    .get();
  recordAudit(tx, { actorId, action: "article.create", entityType: "article", entityId: row.id, after: row });
  return toArticleDto(row);
}

export function createArticle(actor: Actor | null, input: ArticleInput): ArticleDto {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    return insertArticle(tx, editor.id, input);
  });
}
