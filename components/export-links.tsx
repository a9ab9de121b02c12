"use client";

import { useLocale, useTranslations } from "next-intl";
import { type MouseEvent, useEffect, useRef, useState } from "react";
import { type TimeView, timeViewQuery } from "@/lib/as-of";
import { formatDate } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";
import { DownloadError, type DownloadProgress, fetchDownload, formatBytes, saveFile } from "./exports/fetch-download";

const FILES = [
  { file: "report.md", label: "markdown" },
  { file: "events.csv", label: "eventsCsv" },
  { file: "claims.csv", label: "claimsCsv" },
  { file: "report.json", label: "json" },
  { file: "claimreview.jsonld", label: "claimReview" },
  { file: "annotations.jsonld", label: "annotations" },
] as const;

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

type Download = { label: string; progress: DownloadProgress; slow: boolean } | { label: string; error: unknown };

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
  const t = useTranslations("readerExports");
  const downloads = [...(pdfReport ? [{ href: withSearch(pdfReport), label: t("pdfReport") }] : []), ...FILES.map(({ file, label }) => ({ href: withSearch(`${apiBase}/${file}`), label: t(label) }))];
  const date = view ? formatDate(view.day, "day", locale) : "";

  return (
    <details className="text-sm" data-testid="exports">
      <summary className="cursor-pointer font-medium">{view ? (view.axis === "effective" ? t("summaryAsOf", { date }) : t("summaryPublished", { date })) : t("summary")}</summary>
      <ul className="mt-2 flex flex-col gap-1.5">
        {htmlReport ? (
          <li>
            <a href={withLocale(withSearch(htmlReport), locale)} className="text-[var(--color-accent)] underline">
              {t("htmlReport")}
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
  const t = useTranslations("readerExports");
  if (download && "error" in download) {
    const { error } = download;
    const reason = error instanceof DownloadError ? (error.serverMessage ?? t("httpFailed", { status: error.status })) : error instanceof Error ? error.message : String(error);
    return (
      <p role="alert" className="mt-2 text-[var(--color-ink)]">
        {t.rich("failed", { label: download.label, error: reason, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
    );
  }
  // Always in the page, so screen readers announce what is put into it.
  return (
    <div role="status" className="mt-2" data-testid="export-progress">
      {download?.slow ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-[var(--color-rule)] p-3">
          <progress className="h-2 w-40" aria-label={t("exportingLabel", { label: download.label })} />
          <span>{progressText(download.label, download.progress, t)}</span>
          <button type="button" onClick={onCancel} className="text-[var(--color-accent)] underline">
            {t("cancel")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function progressText(label: string, { receivedBytes, claims }: DownloadProgress, t: ReturnType<typeof useTranslations<"readerExports">>): string {
  if (receivedBytes === 0) return claims === null ? t("preparing", { label }) : t("preparingClaims", { label, claims });
  const size = formatBytes(receivedBytes);
  return claims === null ? t("received", { label, size }) : t("receivedClaims", { label, size, claims });
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
      setDownload({ label, error });
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
