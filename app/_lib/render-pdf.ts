import "server-only";
import fs from "node:fs";

/** The Chromium that prints reports: CHROMIUM_PATH, else Debian's, else none (PDF export is then unavailable). */
function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export class PdfUnavailableError extends Error {}

/**
 * Prints one of our own pages to PDF with headless Chromium, the same engine readers print
 * with, so the PDF is exactly the print-ready HTML report. Only ever pointed at this server's
 * own loopback address; the browser runs with networking extras off and closes after each PDF.
 */
export async function renderPdf(path: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfUnavailableError("PDF export needs Chromium on the server (set CHROMIUM_PATH). Print the HTML report to PDF from your browser instead.");
  const { chromium } = await import("playwright-core");
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const browser = await chromium.launch({
    executablePath,
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", ...(runningAsRoot ? ["--no-sandbox"] : [])],
  });
  try {
    const page = await browser.newPage();
    await page.emulateMedia({ media: "print", colorScheme: "light" });
    const response = await page.goto(`http://127.0.0.1:${process.env.PORT || 3000}${path}`, { waitUntil: "load", timeout: 20_000 });
    if (!response?.ok()) throw new Error(`The report page answered ${response?.status()}.`);
    return await page.pdf({ format: "A4", printBackground: true, margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" } });
  } finally {
    await browser.close();
  }
}
