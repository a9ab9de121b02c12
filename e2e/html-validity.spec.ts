import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { ALL_XSS, SQL_METACHARACTERS as SQL, UNICODE_EDGE_CASES as U, XSS_PAYLOADS as XSS } from "../test/hostile-corpus";
import { DEMO_SLUG, signIn, unique } from "./fixtures";
import { checkAtom, checkHtml, listFindings, type Document, type Finding, requireValidators } from "./validators";

const ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password" };

/**
 * The only error allowed, and only where React puts it: React 19 renders every form whose
 * action is a Server Action as <form action="" encType="multipart/form-data" method="POST">
 * (react-dom/server, `customFields.action || ""`), so the form submits before hydration. HTML
 * requires a non-empty action, but an empty one submits to the page's own URL exactly as an
 * omitted one does. No component can change it short of overriding React's private
 * $$FORM_ACTION protocol or rewriting the streamed HTML in the server, or giving up forms that
 * work without JavaScript. A hand-written action="" (without React's encType and method) is
 * still an error.
 */
function isReactServerActionForm(finding: Finding): boolean {
  return finding.message === "Bad value “” for attribute “action” on element “form”: Must be non-empty." && /<form [^>]*action="" encType="multipart\/form-data" method="POST">/.test(finding.extract);
}

/**
 * Warnings allowed, each for a reason; any other fails until it is judged. Only one: a page that
 * calls notFound() (an unknown claim or article) is sent as Next's bare error shell,
 * <html id="__next_error__"> with an empty body, which the browser fills in from the RSC payload
 * (with lang="en" then). Next renders it so for every dynamic route (vercel/next.js#62228); an
 * app/not-found.tsx does not change it. A 404 for an unknown route is the real page, checked too.
 */
const ALLOWED_WARNINGS: ((finding: Finding) => boolean)[] = [
  (finding) => finding.message.startsWith("Consider adding a “lang” attribute to the “html” start tag") && finding.extract.includes('<html id="__next_error__">'),
];

/** The raw HTML the server sends (what a validator sees, not the DOM after scripts ran). */
async function html(request: APIRequestContext, path: string, status = 200): Promise<Document> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  expect(response.headers()["content-type"], path).toContain("text/html");
  return { name: path, body: await response.text() };
}

async function feed(request: APIRequestContext, path: string): Promise<Document> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toContain("atom+xml");
  return { name: path, body: await response.text() };
}

async function created<T>(response: Promise<APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as T;
}

test("every page is valid HTML (Nu HTML Checker) and every feed valid Atom (RFC 4287's schema), on the demo data and on hostile content", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  requireValidators();
  const pages: Document[] = [];
  const feeds: Document[] = [];
  // The server's day (UTC), which "as published on" days are counted in.
  const today = new Date().toISOString().slice(0, 10);

  // The demo data, as a reader sees it.
  const demo = (await (await request.get(`/api/v1/articles/${DEMO_SLUG}`)).json()) as { id: number; claims: { claimId: number }[] };
  const demoClaim = demo.claims[0]!.claimId;
  for (const path of ["/", `/articles/${DEMO_SLUG}`, `/claims/${demoClaim}`, "/trends", `/articles/${DEMO_SLUG}/report`, "/articles", "/sign-in"]) pages.push(await html(request, path));
  // A refused as-of date (its message shows what was typed) and a page that is not there.
  pages.push(await html(request, `/articles/${DEMO_SLUG}?asof=${encodeURIComponent(XSS.imgOnerror)}`));
  pages.push(await html(request, "/claims/999999999", 404));
  pages.push(await html(request, "/no-such-page", 404));
  for (const path of ["/feeds/desk.atom", `/feeds/articles/${DEMO_SLUG}`, `/feeds/claims/${demoClaim}`]) {
    // Live, and each kind of dated feed: as of a day, as published today, and one of a day before anything was recorded (no entries).
    for (const query of ["", "?asof=2024-01-01", `?published=${today}`, "?published=2001-01-01"]) feeds.push(await feed(request, `${path}${query}`));
  }

  // The editor's pages, signed in: the request context shares the browser's cookies.
  await signIn(page);
  const editor = page.request;
  for (const path of ["/editor", `/editor/articles/${demo.id}`, `/editor/claims/${demoClaim}`, "/editor/account", "/editor/articles/new", "/editor/queue"]) pages.push(await html(editor, path));

  // Hostile content, through the API as a client would send it.
  const tag = unique("VALID").replace(/\s+/g, "");
  const article = await created<{ id: number; slug: string }>(
    editor.post("/api/v1/articles", {
      data: {
        title: `${tag} ${XSS.attributeBreak} ${XSS.imgOnerror} ${U.rightToLeft}`,
        summary: `${tag} ${ALL_XSS}`,
        outlet: `${XSS.svgOnload} ${XSS.singleQuoteAttributeBreak} ${SQL.dropTable}`,
        byline: `${XSS.scriptClose} ${XSS.htmlEntities} ${U.zeroWidth}`,
        bodyFormat: "plain",
        body: [...Object.values(XSS), ...Object.values(SQL), `${U.rightToLeft} ${U.zeroWidth} ${U.astral} ${U.loneHighSurrogate} ${tag}.`].join("\n\n"),
        status: "published",
        language: "en",
        publishedDate: "2023-05-15",
      },
    }),
  );
  const markdown = await created<{ slug: string }>(
    editor.post("/api/v1/articles", { data: { title: `${tag} markdown ${XSS.scriptTag}`, bodyFormat: "markdown", body: `# ${XSS.scriptClose}\n\n${Object.values(XSS).join("\n\n")}\n\n- ${U.astral}\n- ${XSS.markdownLink}`, status: "published", language: "en" } }),
  );
  const htmlArticle = await created<{ slug: string }>(
    editor.post("/api/v1/articles", {
      data: { title: `${tag} html ${XSS.iframeSrcdoc}`, bodyFormat: "html", body: `<p onclick="window.__pwned=1"><a href="javascript:window.__pwned=1">${tag} link</a></p><p>${ALL_XSS}</p><table><tr><td>${XSS.mutation}</td></tr></table>`, status: "published", language: "en" },
    }),
  );
  const claimA = await created<{ claimId: number }>(
    editor.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: XSS.attributeBreak, statement: `${XSS.csvFormula} ${XSS.scriptClose} ${tag}`, claimant: `${XSS.imgOnerror} ${U.rightToLeft}`, claimDate: "2023-05-15" } }),
  );
  await created(editor.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: U.loneHighSurrogate, statement: `${U.astral} ${XSS.templateLiteral}` } }));
  await created(
    editor.post(`/api/v1/claims/${claimA.claimId}/events`, {
      data: {
        statusKey: "unprovable",
        effectiveDate: "2024-01-02",
        rationale: `${tag} ${ALL_XSS}\n\n**${XSS.markdownImage}**`,
        internalNote: ALL_XSS,
        sources: [{ url: "https://example.com/report?q=\"quoted\" <b>&x=1 中文", title: `${XSS.attributeBreak} ${tag}`, publisher: `${XSS.csvFormula} ${U.zeroWidth}` }],
      },
    }),
  );
  for (const path of [`/articles/${article.slug}`, `/articles/${markdown.slug}`, `/articles/${htmlArticle.slug}`, `/claims/${claimA.claimId}`, `/articles/${article.slug}/report`, `/?q=${encodeURIComponent(tag)}`, "/"]) pages.push(await html(request, path));
  for (const path of [`/editor/articles/${article.id}`, `/editor/claims/${claimA.claimId}`, "/editor"]) pages.push({ ...(await html(editor, path)), name: `${path} (hostile content)` });
  for (const path of ["/feeds/desk.atom", `/feeds/articles/${article.slug}`, `/feeds/claims/${claimA.claimId}`]) {
    for (const query of ["", "?asof=2024-01-02", `?published=${today}`]) {
      const document = await feed(request, `${path}${query}`);
      // The hostile event (effective 2024-01-02, recorded today) is in each, so its text is validated on every kind of feed.
      expect(document.body, `${path}${query}`).toContain(tag);
      feeds.push({ ...document, name: `${path}${query} (hostile content)` });
    }
  }

  // The admin's pages, which list every user and every change (the hostile ones too).
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, ADMIN, "/editor/users");
  for (const path of ["/editor/users", "/editor/audit", "/editor/statuses", "/editor/tokens", "/editor/duplicates", "/editor/backup"]) pages.push(await html(adminPage.request, path));
  await adminContext.close();

  // The checks themselves: a page and a feed with one known fault each are reported as such.
  const faultyPage = { name: "(known-faulty page)", body: '<!DOCTYPE html><html lang="en"><title>t</title><div aria-label="x">x</div></html>' };
  const faultyFeed = { name: "(known-faulty feed)", body: feeds[0]!.body.replace(/<id>[^<]*<\/id>/, "") };

  const { errors: allErrors, warnings } = checkHtml([...pages, faultyPage]);
  expect(allErrors.filter((f) => f.document === faultyPage.name).map((f) => f.message)).toEqual([expect.stringContaining("The “aria-label” attribute must not be specified on any “div” element")]);
  const errors = allErrors.filter((f) => f.document !== faultyPage.name);
  const unexpected = errors.filter((finding) => !isReactServerActionForm(finding));
  expect(unexpected, `The Nu HTML Checker found errors:\n${listFindings(unexpected)}`).toEqual([]);
  const unjudged = warnings.filter((finding) => !ALLOWED_WARNINGS.some((allowed) => allowed(finding)));
  expect(unjudged, `The Nu HTML Checker warned:\n${listFindings(unjudged)}`).toEqual([]);

  const atomFindings = checkAtom([...feeds, faultyFeed]);
  expect(atomFindings.filter((f) => f.document === faultyFeed.name).map((f) => f.message)).toEqual([expect.stringContaining('missing required element "id"')]);
  const invalidFeeds = atomFindings.filter((f) => f.document !== faultyFeed.name);
  expect(invalidFeeds, `Feeds that are not valid Atom (RFC 4287):\n${listFindings(invalidFeeds)}`).toEqual([]);
});
