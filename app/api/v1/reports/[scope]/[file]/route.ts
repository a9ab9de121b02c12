import { connection } from "next/server";
import { reportResponse } from "@/app/_lib/report-response";
import { parseTrackerQuery } from "@/lib/tracker-query";

/**
 * GET /api/v1/reports/desk/<file>[?asof= | ?published=] — the whole desk;
 * GET /api/v1/reports/tracker/<file>?<tracker filters>[&asof= | &published=] — every claim the tracker's filters select.
 */
export async function GET(request: Request, context: { params: Promise<{ scope: string; file: string }> }): Promise<Response> {
  await connection();
  const { scope, file } = await context.params;
  const url = new URL(request.url);
  if (scope === "desk") return reportResponse({ kind: "desk" }, file, request, "desk");
  if (scope === "tracker") return reportResponse({ kind: "tracker", query: parseTrackerQuery(url.searchParams) }, file, request, "tracker");
  return Response.json({ error: "not_found", message: "Reports cover the desk or a tracker selection." }, { status: 404 });
}
