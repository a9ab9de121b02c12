import { editorReadRoute } from "@/app/_lib/editor-read-route";
import { suggestForArticle } from "@/db/suggestions/suggest-for-article";
import { idFromPath } from "@/lib/path-segment";

/** GET /api/v1/articles/:id/suggestions: ranked check-worthy sentences not yet claimed or dismissed (editors). */
export const GET = editorReadRoute(async (actor, params) => suggestForArticle(actor, idFromPath(params.id, "The article")));
