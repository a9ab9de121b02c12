import { editorRoute } from "@/app/_lib/editor-route";
import { createArticle } from "@/db/articles/create-article";
import { articleInput } from "@/lib/validation";

/** POST /api/v1/articles: create an article (editors). */
export const POST = editorRoute({ schema: articleInput, input: (body) => body, run: createArticle });
