const FILES = [
  { file: "report.md", label: "Markdown" },
  { file: "events.csv", label: "CSV: every status event (full history)" },
  { file: "claims.csv", label: "CSV: one row per claim" },
  { file: "report.json", label: "JSON" },
  { file: "claimreview.jsonld", label: "ClaimReview JSON-LD" },
  { file: "annotations.jsonld", label: "W3C Web Annotations (JSON-LD)" },
];

interface ExportLinksProps {
  /** Where the data exports live, e.g. /api/v1/articles/<slug> or /api/v1/reports/tracker. */
  apiBase: string;
  /** Extra query string for every link (the tracker's filters), without "?". */
  query?: string;
  asOf: string | null;
  /** The printable HTML report and its PDF, when the scope has them. */
  htmlReport?: string;
  pdfReport?: string;
}

/** Downloads of a report in every format, for the as-of day being shown. Plain links: no JavaScript needed. */
export function ExportLinks({ apiBase, query, asOf, htmlReport, pdfReport }: ExportLinksProps) {
  const search = [query, asOf ? `asof=${asOf}` : ""].filter(Boolean).join("&");
  const withSearch = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <details className="text-sm" data-testid="exports">
      <summary className="cursor-pointer font-medium">Export a verification report{asOf ? ` as of ${asOf}` : ""}</summary>
      <ul className="mt-2 flex flex-col gap-1.5">
        {htmlReport ? (
          <li>
            <a href={withSearch(htmlReport)} className="text-[var(--color-accent)] underline">
              Report (HTML, ready to print)
            </a>
          </li>
        ) : null}
        {pdfReport ? (
          <li>
            <a href={withSearch(pdfReport)} className="text-[var(--color-accent)] underline" download>
              Report (PDF)
            </a>
          </li>
        ) : null}
        {FILES.map(({ file, label }) => (
          <li key={file}>
            <a href={withSearch(`${apiBase}/${file}`)} className="text-[var(--color-accent)] underline" download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
