import "server-only";
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { repairPdfText, unprintableCharacters } from "@/app/_lib/pdf-fonts";
import { DomainError, RetryLaterError } from "@/lib/errors";

/** The Chromium that prints reports: CHROMIUM_PATH, else Debian's, else none (PDF export is then unavailable). */
function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export class PdfUnavailableError extends DomainError {
  constructor(message: string) {
    super(message, 503, "unavailable");
  }
}

/**
 * One Chromium kept open for every PDF, a fresh browser context (no cookies, no cache shared
 * between prints) per PDF. A launch per PDF made each print about 1.7 s slower (demo report on
 * two busy cores: 4.4 s against 2.7 s) and cost a whole browser's processes per concurrent
 * request; how many print at once is limited in front of this (app/_lib/report-pdf.ts). The browser is closed after `idleMs` with nothing to print,
 * replaced when it crashes or is killed, and killed with the server (Playwright kills the
 * browsers it launched when the Node process exits).
 */
interface KeptBrowser {
  launching: Promise<Browser> | null;
  printing: number;
  idleTimer: NodeJS.Timeout | null;
  idleMs: number;
}

// On the process's global object, like the reader cache: one browser per server process
// even if the bundler gives this module more than one copy.
const holder = globalThis as unknown as { __claimlinePdfBrowser?: KeptBrowser };
const kept = (holder.__claimlinePdfBrowser ??= { launching: null, printing: 0, idleTimer: null, idleMs: 60_000 });

/** How long the browser stays open with nothing to print (0: closed after every print). */
export function setBrowserIdleMs(ms: number): void {
  kept.idleMs = ms;
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfUnavailableError("PDF export needs Chromium on the server (set CHROMIUM_PATH). Print the HTML report to PDF from your browser instead.");
  const { chromium } = await import("playwright-core");
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return chromium.launch({
    executablePath,
    timeout: 30_000,
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", ...(runningAsRoot ? ["--no-sandbox"] : [])],
    // The server's own signal handlers decide how it stops; Playwright still kills the browser on exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

function keptBrowser(): Promise<Browser> {
  if (kept.launching) return kept.launching;
  const launching = launch();
  kept.launching = launching;
  // Crashed, killed or closed, or never launched: the next print launches a new one.
  const forget = () => {
    if (kept.launching === launching) kept.launching = null;
  };
  launching.then((browser) => browser.on("disconnected", forget), forget);
  return launching;
}

function closeWhenIdle(): void {
  if (kept.printing > 0) return;
  kept.idleTimer = setTimeout(() => {
    kept.idleTimer = null;
    const launching = kept.launching;
    if (kept.printing > 0 || !launching) return;
    kept.launching = null;
    void launching.then((browser) => browser.close()).catch(() => {});
  }, kept.idleMs);
  // An idle browser is no reason to keep the process alive.
  kept.idleTimer.unref();
}

/** The most a print may take, launch excluded; past it the browser is deemed wedged and replaced. */
const PRINT_DEADLINE_MS = 30_000;

/** The browser went away under a print. */
class BrowserGoneError extends Error {}

/** Printing failed for a reason that may pass (a crash, a wedged browser): 503, come back later. */
export class PrintFailedError extends RetryLaterError {
  constructor(message: string) {
    super(message, 503, "print_failed", 10);
  }
}

async function print(browser: Browser, url: string): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.emulateMedia({ media: "print", colorScheme: "light" });
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`The report page answered ${response?.status()}.`);
    await noteUnprintableCharacters(page);
    const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" } });
    return repairPdfText(pdf);
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Characters no font on the server has (such as 𠀀 U+20000, beyond Noto CJK) would print as
 * empty boxes with nothing to say so; the PDF names them in a note at the end instead. Added
 * to the printed page only: the HTML report is printed with the reader's own fonts.
 */
async function noteUnprintableCharacters(page: Page): Promise<void> {
  const missing = unprintableCharacters(await page.locator("body").innerText());
  if (missing.length === 0) return;
  const list = missing.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} (${char})`).join(", ");
  await page.evaluate((text) => {
    const note = document.createElement("p");
    note.setAttribute("role", "note");
    note.dataset.testid = "unprintable-characters";
    note.style.marginTop = "2rem";
    note.style.fontSize = "0.875rem";
    note.textContent = text;
    (document.querySelector("[data-testid=report]") ?? document.body).append(note);
  }, `Not printed: the server has no font for ${list}; these show as empty boxes above. The HTML report shows them where your browser has a font for them.`);
}

/**
 * A print that ends, one way or another: with the PDF, with the browser's death, or at the
 * deadline. Playwright's own calls can wait forever when the browser dies at the wrong moment
 * (a newPage pending while the browser is killed never settles), so they are not trusted to.
 */
async function printOrGiveUp(browser: Browser, url: string): Promise<Buffer> {
  if (!browser.isConnected()) throw new BrowserGoneError();
  let onDisconnected = () => {};
  let timer: NodeJS.Timeout | undefined;
  const printing = print(browser, url);
  const died = new Promise<never>((_, reject) => {
    onDisconnected = () => reject(new BrowserGoneError());
    browser.once("disconnected", onDisconnected);
  });
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintFailedError("Making the PDF took too long. Try again later, or print the HTML report from your browser.")), PRINT_DEADLINE_MS);
  });
  // Whichever loses the race must not end as an unhandled rejection.
  for (const promise of [printing, died, timedOut]) promise.catch(() => {});
  try {
    return await Promise.race([printing, died, timedOut]);
  } finally {
    browser.off("disconnected", onDisconnected);
    clearTimeout(timer);
  }
}

/**
 * Prints one of our own pages to PDF with headless Chromium, the same engine readers print
 * with, so the PDF is exactly the print-ready HTML report. Only ever pointed at this server's
 * own loopback address; the browser runs with networking extras off.
 */
export async function renderPdf(path: string): Promise<Buffer> {
  const url = `http://127.0.0.1:${process.env.PORT || 3000}${path}`;
  kept.printing++;
  if (kept.idleTimer) clearTimeout(kept.idleTimer);
  kept.idleTimer = null;
  try {
    for (let attempt = 1; ; attempt++) {
      const launching = keptBrowser();
      try {
        return await printOrGiveUp(await launching, url);
      } catch (error) {
        if (error instanceof PdfUnavailableError) throw error;
        const browserFailed = error instanceof BrowserGoneError || error instanceof PrintFailedError || (await launching.then(() => false, () => true));
        if (!browserFailed) throw error;
        // Crashed, killed, failed to start or wedged: forget this browser (closing it, if it is
        // still there) and, after a crash, print once more on a new one.
        if (kept.launching === launching) kept.launching = null;
        void launching.then((browser) => browser.close()).catch(() => {});
        if (attempt === 1 && !(error instanceof PrintFailedError)) continue;
        throw error instanceof PrintFailedError ? error : new PrintFailedError("The PDF printer failed twice in a row. Try again later, or print the HTML report from your browser.");
      }
    }
  } finally {
    kept.printing--;
    closeWhenIdle();
  }
}
