import { connection } from "next/server";
import { cachedPublishedArticle } from "@/app/_lib/reader-cache";
import { PdfUnavailableError, renderPdf } from "@/app/_lib/render-pdf";
import { parseAsOf } from "@/lib/as-of";

/** GET /articles/:slug/report.pdf[?asof=]: the article's verification report as a PDF. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const slug = decodeURIComponent((await context.params).slug);
  const asOf = parseAsOf(new URL(request.url).searchParams.get("asof"));
  if (!(await cachedPublishedArticle(slug, { asOf }))) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  try {
    const pdf = await renderPdf(`/articles/${encodeURIComponent(slug)}/report${asOf ? `?asof=${asOf}` : ""}`);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${slug.replace(/[^\w-]/g, "_")}${asOf ? `-asof-${asOf}` : ""}-report.pdf"`,
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) return Response.json({ error: "unavailable", message: error.message }, { status: 503 });
    console.error(error);
    return Response.json({ error: "internal", message: "The PDF could not be made; the HTML report can be printed instead." }, { status: 500 });
  }
}
