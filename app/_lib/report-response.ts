import "server-only";
import { publicAnswerHeaders } from "@/app/_lib/public-cache";
import { scopeTags } from "@/db/cache-tags";
import { streamReport } from "@/db/reports/report-data";
import { siteUrl } from "@/db/site-url";
import { TIME_AXIS_PARAM, timeViewOfSearch, timeViewQuery } from "@/lib/as-of";
import { DEFAULT_LOCALE, LOCALE_PARAM, type Locale, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { annotationsWriter } from "@/lib/reports/report-annotations";
import { claimReviewWriter } from "@/lib/reports/report-claimreview";
import { claimsCsvWriter, eventsCsvWriter } from "@/lib/reports/report-csv";
import { reportJsonWriter } from "@/lib/reports/report-json";
import { reportMarkdownWriter } from "@/lib/reports/report-markdown";
import type { ReportHead } from "@/lib/reports/report-model";
import { attachmentHeader, downloadName } from "@/lib/download-name";
import type { ReportWriterFactory } from "@/lib/reports/report-writer";

/** A writer factory with its options bound, keeping what it declares about what it reads. */
function bound<Options>(factory: ReportWriterFactory<Options>, options: Options): ReportWriterFactory {
  return Object.assign((head: ReportHead) => factory(head, options), { claimsOnly: factory.claimsOnly, reads: factory.reads });
}

type Format = { type: string; writer: (base: string, fileUrl: string, locale: Locale) => ReportWriterFactory };

/**
 * Every export format, by the file name it is served as; `writer` takes the site's public URL,
 * the public URL of the file itself (what names the annotation collection) and the language
 * the Markdown report and the CSV headers are written in (`?lang=zh-Hans`; JSON keys,
 * ClaimReview and Web Annotation are data and standards, the same in every language).
 * A Map, not an object literal: the file name comes from the path, and an object would answer
 * "constructor", "__proto__" or "toString" with what it inherits.
 */
const FORMATS = new Map<string, Format>(Object.entries({
  "report.md": { type: "text/markdown; charset=utf-8", writer: (base, _file, locale) => bound(reportMarkdownWriter, { siteUrl: base, locale }) },
  "events.csv": { type: "text/csv; charset=utf-8", writer: (_base, _file, locale) => bound(eventsCsvWriter, { locale }) },
  "claims.csv": { type: "text/csv; charset=utf-8", writer: (_base, _file, locale) => bound(claimsCsvWriter, { locale }) },
  "report.json": { type: "application/json; charset=utf-8", writer: () => reportJsonWriter },
  "claimreview.jsonld": { type: "application/ld+json; charset=utf-8", writer: (base) => bound(claimReviewWriter, { siteUrl: base }) },
  "annotations.jsonld": { type: "application/ld+json; charset=utf-8", writer: (base, fileUrl) => bound(annotationsWriter, { siteUrl: base, collectionId: fileUrl }) },
} satisfies Record<string, Format>));

export const REPORT_FILES = [...FORMATS.keys()];

/**
 * Serves one export of a report, streamed a batch of claims at a time (see streamReport).
 * The same data and day give the same bytes (as published on a day: whenever asked), so the body is all that varies between
 * requests; the file name says the scope (an article's title, Chinese kept; else `namePrefix`) and the as-of day. `X-Report-Claims` tells a client
 * showing progress how many claims are coming before the first byte of the body.
 */
export async function reportResponse(scope: Parameters<typeof streamReport>[0], file: string, request: Request, namePrefix: string): Promise<Response> {
  const url = new URL(request.url);
  const format = FORMATS.get(file);
  if (!format) return Response.json({ error: "not_found", message: `Unknown export. Use one of: ${REPORT_FILES.join(", ")}.` }, { status: 404 });
  const parsed = timeViewOfSearch(url.searchParams);
  if (!parsed.ok) return Response.json({ error: "invalid", message: parsed.message }, { status: 422 });
  const view = parsed.view;
  // The file's public address: the site's, not the server's own (request.url names localhost).
  const site = siteUrl();
  const fileUrl = `${site}${url.pathname}${view ? `?${timeViewQuery(view)}` : ""}`;
  const locale = parseLocale(url.searchParams.get(LOCALE_PARAM)) ?? DEFAULT_LOCALE;
  const report = await streamReport(scope, view, format.writer(site, fileUrl, locale), undefined);
  if (!report) return Response.json({ error: "not_found", message: "Nothing public matches that report." }, { status: 404 });
  const [stem, extension] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf("."))];
  const article = scope.kind === "article" ? report.plan.head.articles[0] : undefined;
  const name = downloadName(article?.title ?? namePrefix, `${stem}${view ? `-${TIME_AXIS_PARAM[view.axis]}-${view.day}` : ""}`, extension, article?.slug);
  // Next answers HEAD with this handler and never reads the body: cancel it, which closes the
  // read snapshot at once instead of leaving it (and a growing write-ahead log) to the GC.
  if (request.method === "HEAD") void report.body.cancel();
  return new Response(request.method === "HEAD" ? null : report.body, {
    headers: {
      "content-type": format.type,
      "content-disposition": attachmentHeader(name),
      ...publicAnswerHeaders(await scopeTags(scope), 30),
      "x-report-claims": String(report.plan.head.totals.claims),
    },
  });
}
