import "server-only";
import { z } from "zod";
import { fetchArticleFromUrl } from "../../lib/intake/fetch-article";
import { httpUrl } from "../../lib/validation";
import { insertArticle } from "../articles/create-article";
import type { ArticleDto } from "../articles/article-dto";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import type { RequestContext } from "../request-context";
import { parseTimeLimitMs, settings } from "../settings";
import { writeTransaction } from "../transaction";

export const importUrlInput = z.object({ url: httpUrl });
export type ImportUrlInput = z.infer<typeof importUrlInput>;

/**
 * Creates a draft article from a web page: the page is fetched and extracted first (outside
 * any transaction), then the article is written in one transaction, so a failure at any step
 * saves nothing. The actor is authorised before anything is fetched: the server never fetches
 * on behalf of someone who could not save the result.
 */
export async function importArticleFromUrl(actor: Actor | null, input: ImportUrlInput, request: RequestContext = {}): Promise<ArticleDto> {
  await authorize(getDb(), actor, EDITOR_ROLES);
  const page = await fetchArticleFromUrl(input.url, {
    allowPrivateAddresses: settings().INTAKE_ALLOW_PRIVATE_ADDRESSES,
    parseLimitMs: parseTimeLimitMs(),
    signal: request.signal,
  });
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    return insertArticle(tx, editor.id, {
      title: page.title.slice(0, 300) || page.sourceUrl,
      slug: null,
      summary: null,
      sourceUrl: page.sourceUrl,
      outlet: page.outlet?.slice(0, 200) ?? null,
      byline: page.byline?.slice(0, 300) ?? null,
      language: page.language,
      publishedDate: page.publishedDate,
      bodyFormat: "html",
      body: page.html,
      status: "draft",
    });
  });
}
