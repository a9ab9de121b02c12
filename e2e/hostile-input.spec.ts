import { expect, type APIRequestContext, type Page, test } from "@playwright/test";
import { parse as parseCsv } from "csv-parse/sync";
import { Marked } from "marked";
import { ALL_XSS, NON_HTTP_URLS, REPLACEMENT_CHARACTER, UNICODE_EDGE_CASES as U, XSS_PAYLOADS as XSS } from "../test/hostile-corpus";
import { signIn, unique } from "./fixtures";

// With the Content Security Policy left out, an injected script or handler would run: so what
// is tested is that the markup itself is inert, not the policy that backs it up.
test.use({ bypassCSP: true });

const ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password" };

/** Counts dialogs (alert, confirm, prompt) a page opens; any is a payload that ran. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * Fails when the page holds anything a payload could run from: the marker set, an inline
 * event handler, a javascript: (or HTML data:) URL, a frame, a script that is neither ours
 * (with the request's nonce, or a bundle of ours) nor JSON-LD data that parses.
 */
async function expectInert(page: Page, dialogs: string[], where: string) {
  const findings = await page.evaluate(() => {
    const problems: string[] = [];
    const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"]);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) problems.push(`<${element.localName} ${name}="${attribute.value}">`);
        // React's own placeholder action on forms it submits itself is not ours to judge.
        const reactForm = name === "action" && attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
        if (urlAttributes.has(name) && /^(javascript|vbscript|data:text\/html)/.test(value) && !reactForm) problems.push(`<${element.localName} ${name}="${attribute.value}">`);
      }
    }
    for (const frame of Array.from(document.querySelectorAll("iframe, frame, object, embed, base"))) problems.push(frame.outerHTML.slice(0, 120));
    for (const script of Array.from(document.scripts)) {
      if (script.type === "application/ld+json") {
        try {
          JSON.parse(script.textContent ?? "");
        } catch {
          problems.push(`JSON-LD that does not parse: ${script.textContent?.slice(0, 120)}`);
        }
      } else if (!script.nonce && !new URL(script.src || "x:", location.href).pathname.startsWith("/_next/")) {
        problems.push(`a script that is not ours: ${script.outerHTML.slice(0, 120)}`);
      }
    }
    return { problems, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
  expect(findings.problems, where).toEqual([]);
  expect(findings.pwned, where).toBeUndefined();
  expect(dialogs, where).toEqual([]);
}

/**
 * Payloads that open an element and never close it go last: in HTML and Markdown bodies an
 * unclosed <svg> or <!-- takes the rest of the body with it (as it would in a browser), and the
 * test still wants to see the text of the others.
 */
function markupLast(payloads: string[]): string[] {
  const unclosed = (p: string) => /<svg|<!--|<noscript/.test(p);
  return [...payloads.filter((p) => !unclosed(p)), ...payloads.filter(unclosed)];
}

async function created<T>(response: Promise<import("@playwright/test").APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as T;
}

/** Text an XML feed entry carries as type="html": the escaped HTML, parsed, must be text only (title) or inert markup (content). */
async function feedEntries(page: Page, xml: string) {
  return page.evaluate((source) => {
    const feed = new DOMParser().parseFromString(source, "application/xml");
    if (feed.querySelector("parsererror")) return { error: feed.querySelector("parsererror")!.textContent };
    const asHtml = (text: string) => new DOMParser().parseFromString(text, "text/html").body;
    return {
      entries: Array.from(feed.getElementsByTagName("entry")).map((entry) => {
        const title = asHtml(entry.getElementsByTagName("title")[0]?.textContent ?? "");
        const content = asHtml(entry.getElementsByTagName("content")[0]?.textContent ?? "");
        const live = Array.from(content.querySelectorAll("*")).filter(
          (el) => ["script", "img", "svg", "iframe", "object", "embed"].includes(el.localName) || Array.from(el.attributes).some((a) => a.name.startsWith("on") || /^\s*javascript:/i.test(a.value)),
        );
        return { title: title.textContent ?? "", titleElements: title.querySelectorAll("*").length, content: content.textContent ?? "", liveContent: live.map((el) => el.outerHTML) };
      }),
    };
  }, xml);
}

test("payloads in every text field are refused or rendered inert on every page, feed and export, and the internal note stays private", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = unique("HOSTILE").replace(/\s+/g, "");
  const noteTag = `NOTE${tag}`;
  const lone = `${U.loneHighSurrogate} after-surrogate ${tag}`;
  const storedLone = `${REPLACEMENT_CHARACTER} after-surrogate ${tag}`;

  // What an editor types, field by field, each within its length limit.
  const fields = {
    title: `${tag} title ${XSS.attributeBreak} ${XSS.imgOnerror} ${XSS.templateLiteral}`,
    summary: `${tag} summary ${ALL_XSS}`,
    outlet: `${tag} outlet ${XSS.svgOnload} ${XSS.singleQuoteAttributeBreak}`,
    byline: `${tag} byline ${XSS.scriptClose} ${XSS.htmlEntities}`,
  };
  const quoteA = `${XSS.attributeBreak} ${XSS.scriptClose} ${tag}`;
  const quoteB = `${XSS.markdownLink} ${XSS.markdownImage} ${tag}`;
  const statementA = `${XSS.csvFormula} ${XSS.scriptClose} ${tag}`;
  const claimantA = `${XSS.csvFormulaPlus} ${XSS.imgOnerror}`;
  const statementB = `${XSS.csvFormulaAt} ${XSS.markdownLink} ${tag}`;
  const claimantB = `-2+3 ${XSS.svgOnload}`;
  const rationale = `${tag} rationale ${ALL_XSS}`;
  const note = `${noteTag} ${ALL_XSS}`;
  const source = { url: "https://example.com/report?q=%3Cscript%3E", title: `${tag} source ${XSS.attributeBreak}`, publisher: `${XSS.csvFormula} ${XSS.imgOnerror}` };
  const plainBody = [...Object.values(XSS), quoteA, quoteB, `${U.rightToLeft} ${U.zeroWidth} ${U.astral} ${lone}.`].join("\n\n");

  const editorDialogs = watchDialogs(page);
  await signIn(page);
  const api = page.request;
  const article = await created<{ id: number; slug: string; title: string }>(api.post("/api/v1/articles", { data: { ...fields, bodyFormat: "plain", body: plainBody, status: "published", language: "en", publishedDate: "2023-05-15" } }));
  expect(article.title).toBe(fields.title);
  const markdown = await created<{ slug: string }>(
    api.post("/api/v1/articles", { data: { title: `${tag} markdown ${XSS.scriptTag}`, bodyFormat: "markdown", body: markupLast(Object.values(XSS)).join("\n\n"), status: "published", language: "en" } }),
  );
  const html = await created<{ slug: string }>(
    api.post("/api/v1/articles", {
      data: { title: `${tag} html ${XSS.iframeSrcdoc}`, bodyFormat: "html", body: `<p onclick="window.__pwned=1"><a href="javascript:window.__pwned=1">${tag} link</a></p><p>${ALL_XSS}</p>`, status: "published", language: "en" },
    }),
  );

  const claimA = await created<{ claimId: number }>(api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: quoteA, statement: statementA, claimant: claimantA, claimDate: "2023-05-15" } }));
  const claimB = await created<{ claimId: number }>(api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: quoteB, statement: statementB, claimant: claimantB } }));
  // The lone surrogate arrives as JSON's "\ud800" and is stored as U+FFFD, in the quote as in the body.
  const claimC = await created<{ claimId: number }>(api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: lone, statement: `After a lone surrogate ${tag}` } }));
  await created(api.post(`/api/v1/claims/${claimA.claimId}/events`, { data: { statusKey: "unprovable", effectiveDate: "2024-01-02", rationale, internalNote: note, sources: [source] } }));

  // Only http(s) sources: each other scheme is refused with a message, and nothing is recorded.
  for (const url of NON_HTTP_URLS) {
    const refused = await api.post(`/api/v1/claims/${claimA.claimId}/events`, { data: { statusKey: "true", effectiveDate: "2024-02-02", sources: [{ url }] } });
    expect(refused.status(), url).toBe(422);
    expect((await refused.json()).fields["sources.0.url"], url).toBe("Enter a full http:// or https:// address.");
  }
  const articleSource = await api.post("/api/v1/articles", { data: { title: tag, body: tag, sourceUrl: "javascript:alert(1)" } });
  expect(articleSource.status()).toBe(422);
  expect((await articleSource.json()).fields.sourceUrl).toBe("Enter a full http:// or https:// address.");
  // Impossible dates are refused with a message, through the API as in the forms.
  const badDate = await api.post(`/api/v1/claims/${claimA.claimId}/events`, { data: { statusKey: "true", effectiveDate: "2023-02-30" } });
  expect(badDate.status()).toBe(422);
  expect((await badDate.json()).fields.effectiveDate).toBe("Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.");
  const badClaimDate = await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: quoteA, statement: "s", claimDate: "2023-13-01" } });
  expect((await badClaimDate.json()).fields.claimDate).toBe("Enter a real date as YYYY-MM-DD.");
  expect((await (await api.get(`/api/v1/claims/${claimA.claimId}`)).json()).timeline, "only the first event was recorded").toHaveLength(1);

  // The editor's own pages.
  const editorPages: [string, () => Promise<void>][] = [
    [`/editor/articles/${article.id}`, async () => {
      await expect(page.getByTestId("claim-statement").filter({ hasText: statementA })).toHaveText(statementA);
      await expect(page.getByTestId("article-body")).toContainText(XSS.scriptTag);
    }],
    [`/editor/claims/${claimA.claimId}`, async () => {
      await expect(page.getByText(`Internal note: ${note}`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(statementA);
    }],
    ["/editor", async () => await expect(page.getByText(fields.title, { exact: true }).first()).toBeVisible()],
  ];
  for (const [path, check] of editorPages) {
    await page.goto(path);
    await check();
    await expectInert(page, editorDialogs, path);
  }

  // Readers: every page, without an account.
  const readerContext = await browser.newContext({ bypassCSP: true });
  const reader = await readerContext.newPage();
  const readerDialogs = watchDialogs(reader);
  // The check itself: with the policy bypassed, markup parsed as HTML does run, and is caught.
  await reader.goto("/articles");
  await reader.evaluate((payload) => document.body.insertAdjacentHTML("beforeend", payload), XSS.imgOnerror);
  await expect.poll(() => reader.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(1);
  const searchText = `${XSS.scriptClose} ${tag}`;
  const readerPages: [string, () => Promise<void>][] = [
    [`/articles/${article.slug}`, async () => {
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(fields.title);
      expect(await reader.title()).toContain(fields.title);
      await expect(reader.getByText(fields.summary, { exact: true })).toBeVisible();
      for (const text of [fields.outlet, fields.byline]) await expect(reader.locator("article header")).toContainText(text);
      const body = reader.getByTestId("article-body");
      for (const payload of Object.values(XSS)) await expect(body).toContainText(payload);
      // Each claim's words are highlighted exactly, after the edge cases as before them.
      await expect(body.locator(`mark[data-claim-id="${claimA.claimId}"]`)).toHaveText(quoteA);
      await expect(body.locator(`mark[data-claim-id="${claimB.claimId}"]`)).toHaveText(quoteB);
      await expect(body.locator(`mark[data-claim-id="${claimC.claimId}"]`)).toHaveText(storedLone);
      await expect(body).toContainText(`${U.rightToLeft} ${U.zeroWidth} ${U.astral} ${storedLone}.`);
      await expect(reader.getByRole("heading", { level: 3, name: statementA })).toBeVisible();
    }],
    [`/articles/${markdown.slug}`, async () => {
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${tag} markdown ${XSS.scriptTag}`);
      // Markdown's entities decode to text; its javascript: link keeps its words and loses its target.
      await expect(reader.getByTestId("article-body")).toContainText("<img src=x onerror=alert(1)>");
      await expect(reader.getByTestId("article-body")).toContainText("read more");
    }],
    [`/articles/${html.slug}`, async () => {
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${tag} html ${XSS.iframeSrcdoc}`);
      await expect(reader.getByTestId("article-body")).toContainText(`${tag} link`);
    }],
    [`/claims/${claimA.claimId}`, async () => {
      await expect(reader.getByRole("heading", { level: 1 })).toContainText(statementA);
      await expect(reader.getByText(claimantA).first()).toBeVisible();
      await expect(reader.getByText(`${tag} rationale`)).toBeVisible();
      await expect(reader.getByRole("link", { name: source.title })).toHaveAttribute("href", source.url);
      await expect(reader.getByText(source.publisher)).toBeVisible();
      const jsonLd = (await reader.locator('script[type="application/ld+json"]').allTextContents()).map((s) => JSON.parse(s));
      const review = jsonLd.find((j) => j["@type"] === "ClaimReview");
      expect(review).toMatchObject({ claimReviewed: statementA, itemReviewed: { author: { name: claimantA } } });
    }],
    ["/", async () => await expect(reader.getByTestId("tracker-item").filter({ hasText: tag }).first()).toBeVisible()],
    [`/?q=${encodeURIComponent(searchText)}`, async () => {
      await expect(reader.getByTestId("result-count")).toHaveText(`1 claim matching “${searchText}”`);
      await expect(reader.getByTestId("tracker-item")).toContainText(statementA);
    }],
    ["/articles", async () => await expect(reader.getByText(fields.title, { exact: true })).toBeVisible()],
    [`/articles/${article.slug}/report`, async () => {
      const report = reader.getByTestId("report");
      for (const text of [statementA, statementB, quoteA, `${tag} rationale`]) await expect(report).toContainText(text);
    }],
    // An impossible as-of date is refused with a message that shows what was typed, as text.
    [`/articles/${article.slug}?asof=${encodeURIComponent(XSS.imgOnerror)}`, async () => {
      await expect(reader.getByRole("alert").filter({ hasText: "is not a date" })).toHaveText(`“${XSS.imgOnerror}” is not a date (use YYYY-MM-DD), so this page shows today.`);
    }],
    [`/claims/${claimA.claimId}?asof=2023-02-30`, async () => {
      await expect(reader.getByRole("alert").filter({ hasText: "is not a date" })).toHaveText("“2023-02-30” is not a date (use YYYY-MM-DD), so this page shows today.");
    }],
  ];
  for (const [path, check] of readerPages) {
    const response = await reader.goto(path);
    expect(await response!.text(), path).not.toContain(noteTag);
    await check();
    await expectInert(reader, readerDialogs, path);
  }

  // The admin's audit log shows every value that was written, as text.
  const adminContext = await browser.newContext({ bypassCSP: true });
  const admin = await adminContext.newPage();
  const adminDialogs = watchDialogs(admin);
  await signIn(admin, ADMIN, "/editor/audit");
  await expect(admin.getByTestId("audit-entry").filter({ hasText: tag }).first()).toBeVisible();
  await expectInert(admin, adminDialogs, "/editor/audit");
  await adminContext.close();

  await checkExports(reader, reader.request, { slug: article.slug, claimId: claimA.claimId, noteTag, tag, statementA, statementB, claimantA, claimantB, quoteA, rationale, lone: storedLone });
  await expectInert(reader, readerDialogs, "report.md rendered as HTML");
  await readerContext.close();
});

async function checkExports(
  page: Page,
  request: APIRequestContext,
  x: { slug: string; claimId: number; noteTag: string; tag: string; statementA: string; statementB: string; claimantA: string; claimantB: string; quoteA: string; rationale: string; lone: string },
) {
  const get = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toContain(x.noteTag);
    return text;
  };
  const base = `/api/v1/articles/${x.slug}`;

  // JSON: parses, and every string comes back exactly as typed.
  const report = JSON.parse(await get(`${base}/report.json`));
  const reported = JSON.stringify(report);
  for (const text of [x.statementA, x.statementB, x.claimantA, x.quoteA, x.rationale]) expect(reported).toContain(JSON.stringify(text).slice(1, -1));
  const reviews = JSON.parse(await get(`${base}/claimreview.jsonld`));
  expect(reviews.map((r: { claimReviewed: string }) => r.claimReviewed)).toEqual(expect.arrayContaining([x.statementA, x.statementB]));

  // Annotations: each selector's offsets are code points of the article's text, lone surrogate or not.
  const { bodyText } = await (await request.get(base)).json();
  const annotations = JSON.parse(await get(`${base}/annotations.jsonld`));
  // The collection and its page have ids (Data Model §5.1, §5.2): the file's public URL, which
  // names the slug percent-encoded however odd it is.
  expect(annotations.id).toMatch(new RegExp(`/api/v1/articles/[^/]+/annotations\\.jsonld$`));
  expect(new URL(annotations.id).pathname).toBe(new URL(`http://x${base}/annotations.jsonld`).pathname);
  expect(annotations.first.id).toBe(`${annotations.id}#page-1`);
  const targets = JSON.stringify(annotations);
  for (const quote of [x.quoteA, x.lone]) expect(targets).toContain(JSON.stringify(quote).slice(1, -1));
  // Within the article body of our page (e2e/annotation-anchoring.spec.ts places them there).
  type Selector = { type: string; exact?: string; start?: number; end?: number };
  const selectors: Selector[][] = annotations.first.items.map((a: { target: { selector: { refinedBy: Selector[] }[] }[] }) => a.target[0]!.selector[0]!.refinedBy);
  expect(selectors).toHaveLength(3);
  for (const selector of selectors) {
    const quote = selector.find((s) => s.type === "TextQuoteSelector")!;
    const position = selector.find((s) => s.type === "TextPositionSelector")!;
    expect(Array.from(bodyText as string).slice(position.start, position.end).join("")).toBe(quote.exact);
  }

  // CSV: no cell a spreadsheet would run as a formula; the text is all there behind an apostrophe.
  // (Only claim A has an event, so only it is in the events file.)
  for (const [file, texts] of [["events.csv", [x.statementA, x.claimantA]], ["claims.csv", [x.statementA, x.statementB, x.claimantA, x.claimantB]]] as const) {
    const rows: string[][] = parseCsv(await get(`${base}/${file}`), { bom: true });
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)), file).toEqual([]);
    for (const text of texts) expect(cells, file).toContain(`'${text}`);
  }

  // Markdown: escaped so that any Markdown renderer shows the text, and nothing runs.
  const markdown = await get(`${base}/report.md`);
  const rendered = new Marked({ gfm: true, async: false }).parse(markdown, { async: false });
  await page.setContent(rendered);
  for (const text of [x.statementA, x.statementB, x.quoteA, x.claimantA]) await expect(page.locator("body")).toContainText(text);
  await expect(page.locator("a[href]")).toHaveCount(await page.locator('a[href^="http"]').count());

  // Feeds: well-formed XML whose entries show the text as text.
  for (const path of ["/feeds/desk.atom", `/feeds/articles/${x.slug}`, `/feeds/claims/${x.claimId}`]) {
    const feed = await feedEntries(page, await get(path));
    expect(feed.error, path).toBeUndefined();
    const entry = feed.entries!.find((e) => e.title.includes(x.tag));
    expect(entry, path).toBeDefined();
    expect(entry!.title).toBe(`Unprovable: ${x.statementA}`);
    expect(entry!.titleElements).toBe(0);
    expect(entry!.content).toContain(x.rationale);
    expect(entry!.liveContent).toEqual([]);
  }

  // The public JSON API, which also refuses an impossible as-of day with a message.
  for (const path of [base, `/api/v1/claims/${x.claimId}`, `/api/v1/claims?q=${encodeURIComponent(x.tag)}`]) await get(path);
  for (const path of [`${base}?asof=2023-02-30`, `/api/v1/claims/${x.claimId}?asof=0000-00-00`, `${base}/report.json?asof=yesterday`]) {
    const refused = await request.get(path);
    expect(refused.status(), path).toBe(422);
    expect((await refused.json()).message).toBe("asof must be a real date as YYYY-MM-DD.");
  }
}

test("an article body over 2 MB gets a 413 with its size and the limit; a request body over the request limit too", async ({ page }) => {
  await signIn(page);
  const title = unique("Too large");
  // Bytes, not characters: 700,000 Chinese characters are 2.1 MB of UTF-8.
  for (const body of ["a".repeat(2 * 1024 * 1024 + 1), "字".repeat(700_000)]) {
    const response = await page.request.post("/api/v1/articles", { data: { title, body, status: "published" } });
    expect(response.status()).toBe(413);
    const answer = await response.json();
    expect(answer.error).toBe("too_large");
    expect(answer.message).toMatch(/^The article body is 2\.\d MB; the limit is 2 MB\./);
  }
  const huge = await page.request.post("/api/v1/articles", { data: { title, body: "a".repeat(5 * 1024 * 1024), status: "published" } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).message).toMatch(/^Request bodies are limited to 4\.\d MB\.$/);
  // Nothing was saved.
  expect(JSON.stringify(await (await page.request.get("/api/v1/articles")).json())).not.toContain(title);
});

// The second line of defence, with the policy on: reader pages are stored and shared, so their
// policy names the hashes of the page's own inline scripts instead of a per-response nonce.
test.describe("under the reader pages' script policy", () => {
  test.use({ bypassCSP: false });

  test("markup injected into a cached reader page cannot run script: the policy allows only its own scripts' hashes, not the render's nonce, and no handlers", async ({ page }) => {
    // The page as every reader and a shared cache get it: no per-response nonce.
    await page.goto("/");
    const stored = (await page.goto("/"))!;
    expect(stored.headers()["x-claimline-cache"]).toBe("hit");
    const policy = stored.headers()["content-security-policy"] ?? "";
    const scriptSources = /script-src ([^;]+)/.exec(policy)![1]!.split(" ");
    expect(scriptSources[0]).toBe("'self'");
    expect(scriptSources.slice(1).length).toBeGreaterThan(0);
    expect(scriptSources.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
    expect(policy).not.toContain("nonce-");
    expect(policy).not.toContain("strict-dynamic");
    // The render's nonce is still written in the bytes (React's payload names it): a payload
    // that copies it must not run either.
    const renderNonce = await page.locator("script[id='_R_']").evaluate((el) => (el as HTMLScriptElement).nonce || el.getAttribute("nonce"));

    // As if a payload had slipped into the server's HTML: the page keeps its real policy header.
    await page.route((url) => url.pathname === "/", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      const payload = [
        '<script>window.__injected = "script"</script>',
        `<script nonce="${renderNonce}">window.__injected = "old nonce"</script>`,
        "<img src=\"/nowhere.png\" onerror=\"window.__injected = 'handler'\">",
      ].join("");
      await route.fulfill({ response, body: (await response.text()).replace("</body>", `${payload}</body>`) });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The page's own scripts ran under the policy: React hydrated the page.
    await expect.poll(() => page.locator("main").evaluate((main) => Object.keys(main).some((key) => key.startsWith("__reactFiber")))).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    // Each payload was refused by the policy (and nothing of ours was).
    expect(violations.length).toBeGreaterThanOrEqual(3);
  });
});
