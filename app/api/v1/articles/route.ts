import { connection } from "next/server";
import { editorRoute } from "@/app/_lib/editor-route";
import { publicAnswerHeaders } from "@/app/_lib/public-cache";
import { cachedPublishedArticles } from "@/app/_lib/reader-cache";
import { LIST_TAGS } from "@/db/cache-tags";
import { createArticle } from "@/db/articles/create-article";
import { articleInput } from "@/lib/validation";

/** POST /api/v1/articles: create an article (editors). */
export const POST = editorRoute({ schema: articleInput, input: (body) => body, run: createArticle });

/** GET /api/v1/articles: published articles, newest first, with their claim counts. */
export async function GET(): Promise<Response> {
  await connection();
  return Response.json({ articles: await cachedPublishedArticles() }, { headers: publicAnswerHeaders(LIST_TAGS, 30) });
}
