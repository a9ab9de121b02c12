import { connection } from "next/server";
import { toHttpResponse } from "@/app/_lib/errors";
import { clientKey } from "@/app/_lib/rate-limit";
import { formerSlugRedirect } from "@/app/_lib/former-slug";
import { cachedPublishedArticle } from "@/app/_lib/reader-cache";
import { reportPdf } from "@/app/_lib/report-pdf";
import { requestLocale } from "@/app/_lib/translate-error";
import { TIME_AXIS_PARAM, timeViewOfSearch } from "@/lib/as-of";
import { attachmentHeader, downloadName } from "@/lib/download-name";
import { DomainError } from "@/lib/errors";
import { decodePathSegment } from "@/lib/path-segment";

/**
 * GET /articles/:slug/report.pdf[?asof= | ?published=][&lang=zh-Hans]: the article's verification
 * report as a PDF, as of a day or as published on a day, in a language. Only those are read: any other query
 * parameter gets the same (cached) PDF. Printing is limited
 * (app/_lib/report-pdf.ts): past the limits the answer is 503 or 429 with Retry-After.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  const slug = decodePathSegment((await context.params).slug);
  if (slug === null) return Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  const parsed = timeViewOfSearch(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: "invalid", message: parsed.message }, { status: 400 });
  const view = parsed.view;
  const article = await cachedPublishedArticle(slug, { view });
  if (!article) return (await formerSlugRedirect(request, slug, (current) => `/articles/${encodeURIComponent(current)}/report.pdf`)) ?? Response.json({ error: "not_found", message: "No published article has that address." }, { status: 404 });
  const locale = requestLocale(request);
  try {
    const { pdf, source } = await reportPdf(slug, view, clientKey(request), locale);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": attachmentHeader(downloadName(article.title, `${view ? `${TIME_AXIS_PARAM[view.axis]}-${view.day}-` : ""}report`, ".pdf", article.slug)),
        // Whether this request printed the PDF, shared another's print or got a kept copy.
        "x-claimline-pdf": source,
      },
    });
  } catch (error) {
    // Unavailable (no Chromium), busy (503) or rate limited (429), with Retry-After for the last two.
    if (error instanceof DomainError) return toHttpResponse(error, locale);
    console.error(error);
    return Response.json({ error: "internal", message: "The PDF could not be made; the HTML report can be printed instead." }, { status: 500 });
  }
}
