import { editorReadRoute } from "@/app/_lib/editor-read-route";
import { getWorkbench } from "@/db/articles/workbench";
import { idParam } from "@/lib/validation";

/** GET /api/v1/articles/:id/workbench: the article, its claims and mentions, for the workbench (editors). */
export const GET = editorReadRoute((actor, params) => getWorkbench(actor, idParam.parse(params.id)));
