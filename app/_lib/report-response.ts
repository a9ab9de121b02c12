import "server-only";
import { streamReport } from "@/db/reports/report-data";
import { siteUrl } from "@/db/site-url";
import { INVALID_AS_OF_MESSAGE, parseAsOf } from "@/lib/as-of";
import { annotationsWriter } from "@/lib/reports/report-annotations";
import { claimReviewWriter } from "@/lib/reports/report-claimreview";
import { claimsCsvWriter, eventsCsvWriter } from "@/lib/reports/report-csv";
import { reportJsonWriter } from "@/lib/reports/report-json";
import { reportMarkdownWriter } from "@/lib/reports/report-markdown";
import type { ReportHead } from "@/lib/reports/report-model";
import type { ReportWriter, ReportWriterFactory } from "@/lib/reports/report-writer";

/** Every export format, by the file name it is served as. */
const FORMATS: Record<string, { type: string; writer: (head: ReportHead, base: string) => ReportWriter } & Pick<ReportWriterFactory, "claimsOnly" | "reads">> = {
  "report.md": { type: "text/markdown; charset=utf-8", writer: (head, base) => reportMarkdownWriter(head, { siteUrl: base }) },
  "events.csv": { type: "text/csv; charset=utf-8", writer: (head) => eventsCsvWriter(head), claimsOnly: eventsCsvWriter.claimsOnly, reads: eventsCsvWriter.reads },
  "claims.csv": { type: "text/csv; charset=utf-8", writer: (head) => claimsCsvWriter(head), claimsOnly: claimsCsvWriter.claimsOnly, reads: claimsCsvWriter.reads },
  "report.json": { type: "application/json; charset=utf-8", writer: (head) => reportJsonWriter(head) },
  "claimreview.jsonld": { type: "application/ld+json; charset=utf-8", writer: (head, base) => claimReviewWriter(head, { siteUrl: base }) },
  "annotations.jsonld": { type: "application/ld+json; charset=utf-8", writer: (head, base) => annotationsWriter(head, { siteUrl: base }) },
};

export const REPORT_FILES = Object.keys(FORMATS);

/**
 * Serves one export of a report, streamed a batch of claims at a time (see streamReport).
 * The same data and as-of date give the same bytes, so the body is all that varies between
 * requests; the file name says the scope and the as-of day. `X-Report-Claims` tells a client
 * showing progress how many claims are coming before the first byte of the body.
 */
export function reportResponse(scope: Parameters<typeof streamReport>[0], file: string, request: Request, namePrefix: string): Response {
  const url = new URL(request.url);
  const format = FORMATS[file];
  if (!format) return Response.json({ error: "not_found", message: `Unknown export. Use one of: ${REPORT_FILES.join(", ")}.` }, { status: 404 });
  const asOf = parseAsOf(url.searchParams.get("asof"));
  if (url.searchParams.get("asof") && !asOf) return Response.json({ error: "invalid", message: INVALID_AS_OF_MESSAGE }, { status: 422 });
  const base = siteUrl();
  const report = streamReport(scope, asOf, Object.assign((head: ReportHead) => format.writer(head, base), { claimsOnly: format.claimsOnly, reads: format.reads }), undefined);
  if (!report) return Response.json({ error: "not_found", message: "Nothing public matches that report." }, { status: 404 });
  const [stem, extension] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf("."))];
  const name = `${namePrefix.replace(/[^\w-]/g, "_")}-${stem}${asOf ? `-asof-${asOf}` : ""}${extension}`;
  // Next answers HEAD with this handler and never reads the body: cancel it, which closes the
  // read snapshot at once instead of leaving it (and a growing write-ahead log) to the GC.
  if (request.method === "HEAD") void report.body.cancel();
  return new Response(request.method === "HEAD" ? null : report.body, {
    headers: {
      "content-type": format.type,
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "public, max-age=30",
      "x-report-claims": String(report.plan.head.totals.claims),
    },
  });
}
