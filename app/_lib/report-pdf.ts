import "server-only";
import { readerGeneration } from "@/app/_lib/reader-cache";
import { sharedClientBudget } from "@/app/_lib/rate-limit";
import { renderPdf, setBrowserIdleMs } from "@/app/_lib/render-pdf";
import { type PdfSettings, parsePdfSettings } from "@/lib/pdf-settings";
import { createRenderGate, type GateSource, type RenderGate } from "@/lib/render-gate/render-gate";
import { type TimeView, withTimeView } from "@/lib/as-of";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import { withLocale } from "@/lib/i18n/locale-href";
import { todayIso } from "@/lib/today";

/**
 * Every PDF report goes through one gate per server process (see lib/render-gate): a bounded
 * number of Chromium prints at a time behind a bounded queue, a per-client budget of new
 * prints, and the printed PDFs kept until the next change, so a burst of requests for the
 * same report makes one PDF.
 */
const holder = globalThis as unknown as { __claimlinePdfGate?: RenderGate<Buffer>; __claimlinePdfSettings?: PdfSettings };

/** The settings, read once per process; instrumentation.ts reads them at start, so bad values stop it. */
export function pdfSettings(): PdfSettings {
  return (holder.__claimlinePdfSettings ??= parsePdfSettings(process.env));
}

function createPdfGate(): RenderGate<Buffer> {
  const settings = pdfSettings();
  setBrowserIdleMs(settings.browserIdleMs);
  return createRenderGate<Buffer>({
    concurrency: settings.concurrency,
    maxWaiting: settings.queue,
    // Counted in the database: every server process takes from the same budget.
    perClient: sharedClientBudget("pdf-client", settings.perMinute, 60),
    cacheBytes: settings.cacheBytes,
    sizeOf: (pdf) => pdf.length,
    generation: readerGeneration,
    // The demo report prints in about a second on two cores; a first guess until timed here.
    expectedRenderMs: 2000,
  });
}

/** The report of a published article as a PDF, as of a day, as published on a day, or current (today's), in a language. */
export async function reportPdf(slug: string, view: TimeView | null, client: string, locale: Locale = "en"): Promise<{ pdf: Buffer; source: GateSource }> {
  const gate = (holder.__claimlinePdfGate ??= createPdfGate());
  // The current report says "current as of" today and charts up to today: a new day, a new PDF.
  // The axis is part of the key: the same day on the two axes is two different reports.
  // The language too: the Chinese report is another PDF.
  const key = `${slug}\u0000${view ? `${view.axis} ${view.day}` : `current ${todayIso()}`}${locale === "en" ? "" : `\u0000${locale}`}`;
  const path = withLocale(withTimeView(`/articles/${encodeURIComponent(slug)}/report`, view), locale);
  const { value, source } = await gate.get(key, client, () => renderPdf(path));
  return { pdf: value, source };
}
