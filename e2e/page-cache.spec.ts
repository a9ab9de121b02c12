import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { signIn, unique } from "./fixtures";

/**
 * The page cache in front of Next (server/serve.mjs): readers get rendered pages from memory,
 * the same bytes for everyone, under a policy that allows exactly the page's own scripts by
 * their hashes (they run: React hydrates), and an editor's change shows on the very next view.
 */

async function json(response: APIResponse) {
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** What a reader's browser got: the cache's verdict, the script policy, the body's digest, and that React hydrated under it. */
async function readerView(page: Page, path: string) {
  const response = (await page.goto(path))!;
  const policy = response.headers()["content-security-policy"] ?? "";
  // React marks the elements it hydrated; only scripts that ran under the policy could do so.
  await expect.poll(() => page.locator("main").evaluate((main) => Object.keys(main).some((key) => key.startsWith("__reactFiber")))).toBe(true);
  return { cache: response.headers()["x-claimline-cache"], policy, body: await response.text(), cacheControl: response.headers()["cache-control"] };
}

// Statuses "true" then "unprovable": the tracker spec counts "false" claims in the shared database.
test("readers get the same cached page, whose own scripts run under a hash policy, and see an editor's change on the next view", async ({ page, browser, baseURL }) => {
  const title = unique("Cached page article");
  const statement = unique("The cache keeps pages until a change");
  await signIn(page);
  await page.getByRole("link", { name: "New article" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("en");
  await page.getByLabel("State").selectOption("published");
  await page.getByLabel("Body", { exact: true }).fill("The desk said the cache keeps every page until something changes.");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  const articleId = page.url().split("/").at(-1)!;
  const api = { headers: { origin: baseURL! } };
  const claim = await json(await page.request.post(`/api/v1/articles/${articleId}/claims`, { ...api, data: { quote: "the cache keeps every page until something changes", statement } }));
  await json(await page.request.post(`/api/v1/claims/${claim.claimId}/events`, { ...api, data: { statusKey: "true", effectiveDate: "2026-11-01", rationale: "Seen in the code." } }));

  const reader = await (await browser.newContext()).newPage();
  const violations: string[] = [];
  reader.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const path = `/claims/${claim.claimId}`;
  const first = await readerView(reader, path);
  expect(first.cache).toBe("miss");
  await expect(reader.getByTestId("current-status")).toHaveText(/True/);

  const second = await readerView(reader, path);
  expect(second.cache).toBe("hit");
  // One page for everyone, so a shared cache may keep it: same bytes, same policy, public.
  expect(second.body).toBe(first.body);
  expect(second.policy).toBe(first.policy);
  expect(second.policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
  expect(second.policy).not.toContain("nonce-");
  expect(second.cacheControl).toMatch(/^public, max-age=0, s-maxage=\d+/);
  await expect(reader.getByTestId("current-status")).toHaveText(/True/);

  // The editor changes the verdict: the next reader view is rendered again and shows it.
  await json(await page.request.post(`/api/v1/claims/${claim.claimId}/events`, { ...api, data: { statusKey: "unprovable", effectiveDate: "2026-11-20", rationale: "The cache forgot nothing." } }));
  const afterChange = await readerView(reader, path);
  expect(afterChange.cache).toBe("miss");
  await expect(reader.getByTestId("current-status")).toHaveText(/Unprovable/);
  await expect(reader.getByText("The cache forgot nothing.")).toBeVisible();
  expect((await readerView(reader, path)).cache).toBe("hit");
  await expect(reader.getByTestId("current-status")).toHaveText(/Unprovable/);
  expect(violations).toEqual([]);

  // A signed-in editor is never served a reader's copy (the header names them), and their
  // page is private, with a nonce of its own.
  const editorView = (await page.goto(path))!;
  expect(editorView.headers()["x-claimline-cache"]).toBeUndefined();
  expect(editorView.headers()["cache-control"]).toMatch(/private/);
  expect(editorView.headers()["content-security-policy"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  await expect(page.getByRole("link", { name: "Editor", exact: true })).toBeVisible();
});
