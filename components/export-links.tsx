"use client";

import { useLocale } from "next-intl";
import { type MouseEvent, useEffect, useRef, useState } from "react";
import { type TimeView, timeViewQuery } from "@/lib/as-of";
import { formatDate } from "@/lib/format";
import { type DownloadProgress, fetchDownload, formatBytes, saveFile } from "./exports/fetch-download";

const FILES = [
  { file: "report.md", label: "Markdown" },
  { file: "events.csv", label: "CSV: every status event (full history)" },
  { file: "claims.csv", label: "CSV: one row per claim" },
  { file: "report.json", label: "JSON" },
  { file: "claimreview.jsonld", label: "ClaimReview JSON-LD" },
  { file: "annotations.jsonld", label: "W3C Web Annotations (JSON-LD)" },
];

/** Exports quicker than this finish without a progress display flashing up. */
const SHOW_PROGRESS_AFTER_MS = 1000;

interface ExportLinksProps {
  /** Where the data exports live, e.g. /api/v1/articles/<slug> or /api/v1/reports/tracker. */
  apiBase: string;
  /** Extra query string for every link (the tracker's filters), without "?". */
  query?: string;
  /** The day (and axis) the page shows: the exports stand on the same. */
  view: TimeView | null;
  /** The printable HTML report and its PDF, when the scope has them. */
  htmlReport?: string;
  pdfReport?: string;
}

type Download = { label: string; progress: DownloadProgress; slow: boolean } | { label: string; error: string };

/**
 * Downloads of a report in every format, for the as-of day being shown. They are plain links,
 * so they work without JavaScript; with it, a download runs through fetch so that an export
 * taking more than a second shows how far it has got and can be cancelled.
 */
export function ExportLinks({ apiBase, query, view, htmlReport, pdfReport }: ExportLinksProps) {
  // A Chinese page asks for Chinese reports (Markdown, CSV headers, HTML and PDF); English URLs stay as they were.
  const locale = useLocale();
  const search = [query, timeViewQuery(view), locale === "en" ? null : `lang=${locale}`].filter(Boolean).join("&");
  const withSearch = (path: string) => (search ? `${path}?${search}` : path);
  const { download, start, cancel } = useTrackedDownload();
  const downloads = [...(pdfReport ? [{ href: withSearch(pdfReport), label: "Report (PDF)" }] : []), ...FILES.map(({ file, label }) => ({ href: withSearch(`${apiBase}/${file}`), label }))];

  return (
    <details className="text-sm" data-testid="exports">
      <summary className="cursor-pointer font-medium">Export a verification report{view ? (view.axis === "effective" ? ` as of ${formatDate(view.day)}` : ` as published on ${formatDate(view.day)}`) : ""}</summary>
      <ul className="mt-2 flex flex-col gap-1.5">
        {htmlReport ? (
          <li>
            <a href={withSearch(htmlReport)} className="text-[var(--color-accent)] underline">
              Report (HTML, ready to print)
            </a>
          </li>
        ) : null}
        {downloads.map(({ href, label }) => (
          <li key={label}>
            <a href={href} className="text-[var(--color-accent)] underline" download onClick={(event) => start(event, href, label)}>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <DownloadState download={download} onCancel={cancel} />
    </details>
  );
}

function DownloadState({ download, onCancel }: { download: Download | null; onCancel: () => void }) {
  if (download && "error" in download) {
    return (
      <p role="alert" className="mt-2 text-[var(--color-ink)]">
        <strong>{download.label} could not be exported.</strong> {download.error}
      </p>
    );
  }
  // Always in the page, so screen readers announce what is put into it.
  return (
    <div role="status" className="mt-2" data-testid="export-progress">
      {download?.slow ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-[var(--color-rule)] p-3">
          <progress className="h-2 w-40" aria-label={`Exporting ${download.label}`} />
          <span>
            Exporting {download.label}:{" "}
            {download.progress.receivedBytes === 0 ? "preparing the report" : `${formatBytes(download.progress.receivedBytes)} received`}
            {download.progress.claims === null ? "" : ` (${download.progress.claims.toLocaleString("en")} claims)`}…
          </span>
          <button type="button" onClick={onCancel} className="text-[var(--color-accent)] underline">
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}

function useTrackedDownload() {
  const [download, setDownload] = useState<Download | null>(null);
  const running = useRef<{ controller: AbortController; timer: ReturnType<typeof setTimeout> } | null>(null);

  const stop = () => {
    if (!running.current) return;
    clearTimeout(running.current.timer);
    running.current.controller.abort();
    running.current = null;
  };
  useEffect(() => stop, []);

  async function start(event: MouseEvent<HTMLAnchorElement>, href: string, label: string) {
    // A new tab, a save-as or any modified click is left to the browser.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    stop();
    const controller = new AbortController();
    const timer = setTimeout(() => setDownload((current) => (current && "progress" in current ? { ...current, slow: true } : current)), SHOW_PROGRESS_AFTER_MS);
    const mine = { controller, timer };
    running.current = mine;
    setDownload({ label, progress: { receivedBytes: 0, claims: null }, slow: false });
    try {
      const file = await fetchDownload(href, controller.signal, (progress) => {
        if (running.current === mine) setDownload((current) => (current && "progress" in current ? { ...current, progress } : current));
      });
      if (running.current !== mine) return;
      saveFile(file);
      setDownload(null);
    } catch (error) {
      if (running.current !== mine) return;
      setDownload({ label, error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === mine) {
        clearTimeout(timer);
        running.current = null;
      }
    }
  }

  function cancel() {
    stop();
    setDownload(null);
  }

  return { download, start, cancel };
}
