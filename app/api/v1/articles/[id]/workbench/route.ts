import { editorReadRoute } from "@/app/_lib/editor-read-route";
import { getWorkbench } from "@/db/articles/workbench";
import { idFromPath } from "@/lib/path-segment";

/** GET /api/v1/articles/:id/workbench: the article, its claims and mentions, for the workbench (editors). */
export const GET = editorReadRoute(async (actor, params) => getWorkbench(actor, idFromPath(params.id, "The article")));
