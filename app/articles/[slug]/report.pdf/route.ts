import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { clientKey } from "@/app/_lib/rate-limit";
import { cachedPublishedArticle } from "@/app/_lib/reader-cache";
import { reportPdf } from "@/app/_lib/report-pdf";
import { INVALID_AS_OF_MESSAGE, parseAsOf } from "@/lib/as-of";
import { DomainError } from "@/lib/errors";
import { decodePathSegment } from "@/lib/path-segment";

/**
 * GET /articles/:slug/report.pdf[?asof=]: the article's verification report as a PDF. Only
 * `asof` is read: any other query parameter gets the same (cached) PDF. Printing is limited
 * (app/_lib/report-pdf.ts): past the limits the answer is 503 or 429 with Retry-After.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const slug = decodePathSegment((await context.params).slug);
  if (slug === null) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  const asOfParameter = new URL(request.url).searchParams.get("asof");
  const asOf = parseAsOf(asOfParameter);
  if (asOfParameter && !asOf) return Response.json({ error: "invalid", message: INVALID_AS_OF_MESSAGE }, { status: 400 });
  if (!(await cachedPublishedArticle(slug, { asOf }))) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  try {
    const { pdf, source } = await reportPdf(slug, asOf, clientKey(request));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${slug.replace(/[^\w-]/g, "_")}${asOf ? `-asof-${asOf}` : ""}-report.pdf"`,
        // Whether this request printed the PDF, shared another's print or got a kept copy.
        "x-claimline-pdf": source,
      },
    });
  } catch (error) {
    // Unavailable (no Chromium), busy (503) or rate limited (429), with Retry-After for the last two.
    if (error instanceof DomainError) return toHttpResponse(error);
    console.error(error);
    return Response.json({ error: "internal", message: "The PDF could not be made; the HTML report can be printed instead." }, { status: 500 });
  }
}
