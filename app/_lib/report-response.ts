import "server-only";
import { loadReport } from "@/db/reports/report-data";
import { siteUrl } from "@/db/site-url";
import { parseAsOf } from "@/lib/as-of";
import { reportAnnotations } from "@/lib/reports/report-annotations";
import { reportClaimReviews } from "@/lib/reports/report-claimreview";
import { claimsCsv, eventsCsv } from "@/lib/reports/report-csv";
import { reportJson } from "@/lib/reports/report-json";
import { reportMarkdown } from "@/lib/reports/report-markdown";
import type { ReportData, ReportScope } from "@/lib/reports/report-model";

/** Every export format, by the file name it is served as. */
const FORMATS: Record<string, { type: string; render: (data: ReportData, base: string) => string }> = {
  "report.md": { type: "text/markdown; charset=utf-8", render: (data, base) => reportMarkdown(data, { siteUrl: base }) },
  "events.csv": { type: "text/csv; charset=utf-8", render: (data) => eventsCsv(data) },
  "claims.csv": { type: "text/csv; charset=utf-8", render: (data) => claimsCsv(data) },
  "report.json": { type: "application/json; charset=utf-8", render: (data) => reportJson(data) },
  "claimreview.jsonld": { type: "application/ld+json; charset=utf-8", render: (data, base) => `${JSON.stringify(reportClaimReviews(data, { siteUrl: base }), null, 2)}\n` },
  "annotations.jsonld": { type: "application/ld+json; charset=utf-8", render: (data, base) => `${JSON.stringify(reportAnnotations(data, { siteUrl: base }), null, 2)}\n` },
};

export const REPORT_FILES = Object.keys(FORMATS);

/**
 * Serves one export of a report. The same data and as-of date give the same bytes, so the
 * body is all that varies between requests; the file name says the scope and the as-of day.
 */
export function reportResponse(scope: ReportScope, file: string, url: URL, namePrefix: string): Response {
  const format = FORMATS[file];
  if (!format) return Response.json({ error: "not_found", message: `Unknown export. Use one of: ${REPORT_FILES.join(", ")}.` }, { status: 404 });
  const asOf = parseAsOf(url.searchParams.get("asof"));
  if (url.searchParams.get("asof") && !asOf) return Response.json({ error: "invalid", message: "asof must be a real date as YYYY-MM-DD." }, { status: 422 });
  const data = loadReport(scope, { asOf });
  if (!data) return Response.json({ error: "not_found", message: "Nothing public matches that report." }, { status: 404 });
  const [base, extension] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf("."))];
  const name = `${namePrefix.replace(/[^\w-]/g, "_")}-${base}${asOf ? `-asof-${asOf}` : ""}${extension}`;
  return new Response(format.render(data, siteUrl()), {
    headers: { "content-type": format.type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "public, max-age=30" },
  });
}
