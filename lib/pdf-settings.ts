import { z } from "zod";

/**
 * The PDF export's limits, from the environment. Read once at start (instrumentation.ts), so a
 * bad value stops the server with a message naming it, instead of surfacing on the first PDF.
 */
export interface PdfSettings {
  /** Chromium renders at a time, across the server. */
  concurrency: number;
  /** Renders that may wait for a place; past that the answer is 503 with Retry-After. */
  queue: number;
  /** New renders per client address per minute; past that the answer is 429 with Retry-After. */
  perMinute: number;
  /** Bytes of rendered PDFs kept until the next change. */
  cacheBytes: number;
  /** How long the kept browser stays open with nothing to print. */
  browserIdleMs: number;
}

/** A whole number in [min, max], or `fallback` when the variable is unset or empty. */
function wholeNumber(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
    z
      .string()
      .regex(/^\d+$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
      .default(fallback),
  );
}

const pdfEnv = z.object({
  // 1 by default: on a two-core server one print already keeps a core busy (Chromium) while
  // the other serves the report page it prints. Two at once were measured 15-25% faster for a
  // burst of six different PDFs, but each print took about 1.7 times as long and readers were
  // left no core; PDFs are kept until the next change, so repeat requests cost no print anyway.
  PDF_CONCURRENCY: wholeNumber(1, 16, 1),
  PDF_QUEUE: wholeNumber(0, 1000, 5),
  PDF_PER_MINUTE: wholeNumber(1, 10_000, 6),
  PDF_CACHE_MB: wholeNumber(0, 4096, 32),
  PDF_BROWSER_IDLE_SECONDS: wholeNumber(0, 86_400, 60),
});

export class SettingsError extends Error {}

export function parsePdfSettings(env: Record<string, string | undefined>): PdfSettings {
  const parsed = pdfEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message} (got "${env[String(issue.path[0])]}")`);
    throw new SettingsError(`Claimline: invalid PDF settings. ${problems.join("; ")}.`);
  }
  const s = parsed.data;
  return {
    concurrency: s.PDF_CONCURRENCY,
    queue: s.PDF_QUEUE,
    perMinute: s.PDF_PER_MINUTE,
    cacheBytes: s.PDF_CACHE_MB * 1024 * 1024,
    browserIdleMs: s.PDF_BROWSER_IDLE_SECONDS * 1000,
  };
}
