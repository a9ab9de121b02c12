import { execFileSync } from "node:child_process";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { DEMO_CLAIMS } from "../db/seed/demo-article";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

// The PDF is printed by the running app's Chromium (app/_lib/render-pdf.ts), so its text is
// checked here, against the production build, as a reader downloads it: with pdf.js, the
// extractor of Firefox and of most web PDF viewers.

/** Radicals, Kangxi radicals and compatibility ideographs: look-alikes nobody types in Chinese prose. */
const COMPATIBILITY = /[\u{2E80}-\u{2FDF}\u{F900}-\u{FAFF}\u{2F800}-\u{2FA1F}]/gu;

/** The PDF's text as pdf.js extracts it, lines joined without a separator (Chinese wraps mid-sentence). */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str;
  }
  await document.destroy();
  return text;
}

async function reportPdf(reader: APIRequestContext, slug: string): Promise<Buffer> {
  const response = await reader.get(`/articles/${encodeURIComponent(slug)}/report.pdf`, { timeout: 60_000 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return response.body();
}

test("the demo report's PDF holds every Chinese quote exactly as written, with no look-alike radicals", async ({ baseURL }) => {
  const reader = await playwrightRequest.newContext({ baseURL });
  const text = await pdfText(await reportPdf(reader, DEMO_SLUG));
  expect(text.normalize("NFC")).toBe(text);
  for (const { quote } of DEMO_CLAIMS) expect(text, quote).toContain(quote.normalize("NFC"));
  // The demo's own words (演示 in the outlet's name was 演⽰ before the repair) and nothing else.
  expect(text).toContain("演示编辑部");
  expect(text.match(COMPATIBILITY)).toBeNull();
  await reader.dispose();
});

test("a character beyond the server's fonts is printed, or named in a note, never left as a silent box", async ({ page, baseURL }) => {
  // 𠀀 U+20000 (CJK Extension B) is not in Noto CJK; a font such as fonts-hanazono would have it.
  const rare = "\u{20000}";
  const quote = `${rare}字在古籍中很少见`;
  await signIn(page);
  const created = await page.request.post("/api/v1/articles", {
    data: { title: unique("Rare ideograph report"), language: "zh-Hans", status: "published", body: `据说，${quote}，今天的报刊几乎不用。` },
  });
  expect(created.status()).toBe(201);
  const article = (await created.json()) as { id: number; slug: string };
  const claim = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote, statement: unique("A rare character is rarely printed") } });
  expect(claim.status()).toBe(201);

  const reader = await playwrightRequest.newContext({ baseURL });
  const text = await pdfText(await reportPdf(reader, article.slug));
  const serverHasFont = execFileSync("fc-list", [":charset=20000", "file"], { encoding: "utf8" }).trim() !== "";
  if (serverHasFont) {
    expect(text).toContain(quote);
    expect(text).not.toContain("Not printed");
  } else {
    // Printed as a box, so the quote's other characters are there and the note says which one is not.
    expect(text).toContain("字在古籍中很少见");
    expect(text).toMatch(/Not printed: the server has no font for U\+20000\b/);
  }
  expect(text.match(COMPATIBILITY)).toBeNull();
  await reader.dispose();
});
