import path from "node:path";
import { type APIRequestContext, type APIResponse, type Browser, expect, test } from "@playwright/test";
import { build } from "esbuild";
import { SQL_METACHARACTERS as SQL, UNICODE_EDGE_CASES as U, XSS_PAYLOADS as XSS } from "../test/hostile-corpus";
import type { CssSelector, Placement, Target, TextQuoteSelector } from "./anchoring-client";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

/**
 * Our Web Annotations anchor in a real browser with a real client's libraries: each is placed
 * on the page its target names, and it must land on exactly the words of its mention, by
 * position and by quote alike, and on nothing but that mention's highlight.
 */

interface Annotation {
  id: string;
  target: Target[];
}

declare global {
  interface Window {
    ClaimlineAnchoring: { place: (target: Target, mentionId: number) => Placement };
  }
}

/** The page-side client, bundled with its libraries (never committed: built for each run). */
let client = "";
test.beforeAll(async () => {
  const result = await build({ entryPoints: [path.join(__dirname, "anchoring-client.ts")], bundle: true, write: false, format: "iife", globalName: "ClaimlineAnchoring", platform: "browser", logLevel: "silent" });
  // Init scripts may run in a scope of their own: the global is set explicitly.
  client = `${result.outputFiles[0]!.text}\nwindow.ClaimlineAnchoring = ClaimlineAnchoring;`;
});

async function created<T>(response: Promise<APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as T;
}

/** Places every annotation of the article's export on the page it targets, in a reader's browser. */
async function anchorEvery(browser: Browser, request: APIRequestContext, slug: string, expectedCount: number) {
  const base = `/api/v1/articles/${encodeURIComponent(slug)}`;
  const { bodyText } = (await (await request.get(base)).json()) as { bodyText: string };
  const annotations = (await (await request.get(`${base}/annotations.jsonld`)).json()) as { first: { items: Annotation[] } };
  const items = annotations.first.items;
  expect(items).toHaveLength(expectedCount);

  const context = await browser.newContext();
  const page = await context.newPage();
  // As an extension's content script would be: outside the page's Content Security Policy.
  await page.addInitScript({ content: client });
  const source = items[0]!.target[0]!.source;
  expect(new URL(source).pathname).toBe(`/articles/${encodeURIComponent(slug)}`);
  await page.goto(source);

  // The element the annotations refine to holds exactly the text their offsets count.
  const body = page.locator("#article-body");
  expect(await body.evaluate((element) => element.textContent)).toBe(bodyText);
  // Every highlighted mention on the page has its annotation.
  const highlighted = await body.locator("mark[data-mention-ids]").evaluateAll((marks) => [...new Set(marks.flatMap((m) => (m as HTMLElement).dataset.mentionIds!.split(" ")))].sort());
  const mentionOf = (annotation: Annotation) => Number(annotation.id.match(/#mention-(\d+)$/)![1]);
  expect(items.map((a) => String(mentionOf(a))).sort()).toEqual(highlighted);

  for (const annotation of items) {
    const [ours] = annotation.target;
    expect(ours!.source, annotation.id).toBe(source);
    const selectors = Array.isArray(ours!.selector) ? ours!.selector : [ours!.selector];
    const css = selectors.find((s): s is CssSelector => s.type === "CssSelector")!;
    const refinements = Array.isArray(css.refinedBy) ? css.refinedBy : [css.refinedBy];
    const words = refinements.find((s): s is TextQuoteSelector => s?.type === "TextQuoteSelector")!.exact;
    const placed = await page.evaluate(([target, mentionId]) => window.ClaimlineAnchoring.place(target, mentionId), [ours!, mentionOf(annotation)] as const);
    const where = `${annotation.id} (${JSON.stringify(words)})`;
    // By position (code points within the body): exactly the words.
    expect(placed.positionText, where).toBe(words);
    // By quote, prefix and suffix: the same words in the same place.
    expect(placed.quoteText, where).toBe(words);
    expect(placed.quoteSpan, where).toEqual(placed.positionSpan);
    // By the quote alone over the whole page (a client that ignores refinements): the same place.
    expect(placed.pageQuoteSpan, where).toEqual(placed.positionSpan);
    // And that place is the mention's highlight: all of it, and nothing else but block separators.
    expect(placed.highlightCount, where).toBeGreaterThan(0);
    expect(placed.outsideHighlight, where).toEqual([]);
    expect(placed.highlightLeftOut, where).toEqual([]);
  }
  await context.close();
}

test("every annotation of the demo article lands on its exact words in Chromium", async ({ browser, request }) => {
  const demo = (await (await request.get(`/api/v1/articles/${DEMO_SLUG}`)).json()) as { claims: unknown[] };
  expect(demo.claims.length).toBeGreaterThan(0);
  await anchorEvery(browser, request, DEMO_SLUG, demo.claims.length);
});

test("every annotation of articles made of the hostile corpus lands on its exact words in Chromium", async ({ browser, page, request }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const editor = page.request;
  const tag = unique("ANCHOR").replace(/\s+/g, "");

  // Plain text: astral characters before the mentions (code points and UTF-16 units part ways),
  // right-to-left text, zero-width characters, a lone surrogate, payloads, repeated words.
  const plain = await created<{ id: number; slug: string }>(
    editor.post("/api/v1/articles", {
      data: {
        title: `${tag} plain ${XSS.attributeBreak}`,
        bodyFormat: "plain",
        body: [
          `${U.astral} ${U.zeroWidth} opening ${tag}`,
          `${XSS.attributeBreak} ${XSS.scriptClose}`,
          `${U.rightToLeft} ${U.astral} ${U.loneHighSurrogate} after the astral ones ${tag}`,
          `${SQL.dropTable} repeated words ${SQL.likeWildcards}`,
          `${XSS.htmlEntities} repeated words ${XSS.templateLiteral}`,
          `${XSS.markdownLink} ${XSS.imgOnerror} closing`,
        ].join("\n\n"),
        status: "published",
        language: "en",
      },
    }),
  );
  const plainQuotes: { quote: string; occurrence?: number }[] = [
    { quote: U.astral, occurrence: 2 },
    { quote: `${XSS.attributeBreak} ${XSS.scriptClose}` },
    { quote: "after the astral ones" },
    { quote: "repeated words", occurrence: 2 },
    { quote: U.loneHighSurrogate },
    // Nested in and overlapping each other.
    { quote: U.zeroWidth },
    { quote: "width \u{1F468}" },
    { quote: `join\uFEFFed opening ${tag}` },
    // Across a block separator.
    { quote: `${XSS.templateLiteral}\n\n${XSS.markdownLink}` },
  ];
  for (const [i, { quote, occurrence }] of plainQuotes.entries()) {
    await created(editor.post(`/api/v1/articles/${plain.id}/claims`, { data: { quote, occurrence, statement: `${tag} plain claim ${i} ${XSS.scriptClose}` } }));
  }

  // Markdown: headings, lists, an image (a block without text), a quotation, inline marks.
  const markdown = await created<{ id: number; slug: string }>(
    editor.post("/api/v1/articles", {
      data: {
        title: `${tag} markdown`,
        bodyFormat: "markdown",
        body: [
          `# Heading ${U.astral} ${tag}`,
          `First paragraph with **bold ${U.astral}** and [a link](https://example.com/a) and \`code\`.`,
          `- item one ${U.rightToLeft}`,
          `- item two ${SQL.dropTable}`,
          "",
          "![a chart](https://example.com/chart.png)",
          "",
          `> quoted ${U.zeroWidth}`,
          "",
          `1. first ${SQL.likeWildcards}`,
          "2. second",
        ].join("\n"),
        status: "published",
        language: "en",
      },
    }),
  );
  const markdownQuotes = [`Heading ${U.astral}`, `bold ${U.astral} and a link and code`, `item two ${SQL.dropTable}`, `${U.rightToLeft}\n\nitem two`, `quoted ${U.zeroWidth}`, "second"];
  for (const [i, quote] of markdownQuotes.entries()) {
    await created(editor.post(`/api/v1/articles/${markdown.id}/claims`, { data: { quote, statement: `${tag} markdown claim ${i}` } }));
  }

  await anchorEvery(browser, request, plain.slug, plainQuotes.length);
  await anchorEvery(browser, request, markdown.slug, markdownQuotes.length);
});
