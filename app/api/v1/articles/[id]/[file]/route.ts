import { connection } from "next/server";
import { formerSlugRedirect } from "@/app/_lib/former-slug";
import { reportResponse } from "@/app/_lib/report-response";
import { decodePathSegment } from "@/lib/path-segment";

/**
 * GET /api/v1/articles/:slug/{report.md,events.csv,claims.csv,report.json,claimreview.jsonld,annotations.jsonld}[?asof= | ?published=]
 * The article's verification report in each export format (published data only).
 */
export async function GET(request: Request, context: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  await connection();
  const { id: slug, file } = await context.params;
  const decoded = decodePathSegment(slug);
  if (decoded === null) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  const moved = await formerSlugRedirect(request, decoded, (current) => `/api/v1/articles/${encodeURIComponent(current)}/${encodeURIComponent(file)}`);
  return moved ?? await reportResponse({ kind: "article", slug: decoded }, file, request, decoded);
}
