import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_EDITOR, signIn, unique } from "./fixtures";

// Created by scripts/e2e-server.mjs from ADMIN_EMAIL / ADMIN_PASSWORD, with the default name.
const ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password" };
// Words no other spec's claim has: these articles are published into the shared e2e desk, and
// the tracker and reader specs count the demo's own claims by words ("parameters").
const QUOTE = "the Rottnest ferry carries 2,500 passengers a day";

// The second-approval switch is desk-wide: these tests run in order and leave it off.
test.describe.configure({ mode: "serial" });

/** A draft article with one claim, made by the signed-in editor through the JSON API. */
async function draftWithClaim(page: Page): Promise<{ id: number; slug: string; title: string; claimId: number }> {
  const title = unique("Preview and publish");
  const created = await page.request.post("/api/v1/articles", { data: { title, language: "en", body: `Reports say ${QUOTE}, more than last year.` } });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const claim = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: QUOTE, statement: "The Rottnest ferry carries 2,500 passengers a day" } });
  expect(claim.status()).toBe(201);
  return { id: article.id, slug: article.slug, title, claimId: (await claim.json()).claimId };
}

/** What a reader without a session gets (a fresh context: no cookies). */
async function anonymous(baseURL: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

async function setSecondApproval(browser: Browser, on: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN, "/editor/desk");
  const box = page.getByLabel("Require a second editor’s approval before publishing");
  await box.setChecked(on);
  await page.getByRole("button", { name: "Save desk settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Desk settings saved." })).toBeVisible();
  await context.close();
}

test("an editor previews a draft as readers will see it, then publishes it with the Publish button", async ({ page, baseURL }) => {
  await signIn(page);
  const article = await draftWithClaim(page);
  const reader = await anonymous(baseURL);

  await page.goto(`/editor/articles/${article.id}`);
  const bar = page.getByTestId("publish-bar");
  await expect(bar.getByTestId("article-state")).toHaveText("Draft");
  // The readiness summary: the new claim has no status yet (a warning, not a blocker).
  await expect(bar.getByTestId("readiness")).toContainText("No status yet: 1");

  await bar.getByRole("link", { name: "Preview" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/articles/${article.id}/preview$`));
  await expect(page.getByRole("note", { name: "Preview" })).toContainText("Preview");
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  // Highlighted as on the reader page: the quoted words marked, with the claim's status marker.
  await expect(page.getByTestId("article-body").locator("mark")).toHaveText(QUOTE);
  await expect(page.getByRole("button", { name: "Unverified: The Rottnest ferry carries 2,500 passengers a day" })).toBeVisible();

  // Never cached, never indexed, never shown to readers.
  const preview = await page.request.get(`/editor/articles/${article.id}/preview`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["cache-control"]).toMatch(/private/);
  expect(preview.headers()["cache-control"]).toMatch(/no-store/);
  expect(preview.headers()["x-robots-tag"]).toContain("noindex");
  const signedOut = await reader.get(`/editor/articles/${article.id}/preview`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain("/sign-in");
  expect((await reader.get(`/articles/${article.slug}`)).status()).toBe(404);

  await page.getByRole("link", { name: "Back to the workbench" }).click();
  await bar.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(bar.getByTestId("article-state")).toHaveText("Published");
  await expect(bar.getByRole("button", { name: "Unpublish" })).toBeVisible();
  const published = await reader.get(`/articles/${article.slug}`);
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain(article.title);
  await reader.dispose();
});

test("with a second approval required, the author's publish waits until another editor approves it, and the approval is audited", async ({ page, browser, baseURL }) => {
  // Four people's sessions (admin twice, author, reviewer) on a shared two-core machine.
  test.setTimeout(180_000);
  await setSecondApproval(browser, true);
  try {
    // A second editor, added by the admin on the users page.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, ADMIN, "/editor/users");
    const reviewerName = unique("Riley Reviewer");
    const reviewer = { email: `riley-${reviewerName.split(" ").pop()}@e2e.claimline.local`, password: "a long reviewer password" };
    const addUser = admin.getByRole("region", { name: "Add a user" });
    await addUser.getByLabel("Name").fill(reviewerName);
    await addUser.getByLabel("Email").fill(reviewer.email);
    await addUser.getByLabel("Role").selectOption("editor");
    await addUser.getByLabel("Initial password").fill(reviewer.password);
    await addUser.getByRole("button", { name: "Add user" }).click();
    await expect(addUser.getByRole("status")).toContainText("User added");

    // The author submits: no Publish button, and readers still get nothing.
    await signIn(page, DEMO_EDITOR);
    const article = await draftWithClaim(page);
    const reader = await anonymous(baseURL);
    await page.goto(`/editor/articles/${article.id}`);
    const bar = page.getByTestId("publish-bar");
    await expect(bar.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await bar.getByRole("button", { name: "Submit for review" }).click();
    await expect(bar.getByTestId("article-state")).toHaveText("Waiting for review");
    await expect(bar).toContainText("You cannot approve your own.");
    await expect(bar.getByRole("button", { name: /Approve/ })).toHaveCount(0);
    expect((await reader.get(`/articles/${article.slug}`)).status()).toBe(404);

    // Another editor finds it first on /editor and approves it.
    const reviewerContext = await browser.newContext();
    const second = await reviewerContext.newPage();
    await signIn(second, reviewer);
    const waiting = second.getByRole("region", { name: /Waiting for my review/ });
    const item = waiting.getByRole("listitem").filter({ hasText: article.title });
    await expect(item).toBeVisible();
    await item.getByRole("button", { name: `Approve and publish: ${article.title}` }).click();
    // Decided, it leaves the reviewer's list.
    await expect(item).toHaveCount(0);
    const published = await reader.get(`/articles/${article.slug}`);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain(article.title);

    // A status the author records now is held too: readers (and the API) see it only once approved.
    const recorded = await page.request.post(`/api/v1/claims/${article.claimId}/events`, { data: { statusKey: "true", effectiveDate: "2023-05-17", rationale: "Checked." } });
    expect(recorded.status()).toBe(201);
    expect(await recorded.json()).toMatchObject({ held: true });
    const publicTimeline = async () => (await (await reader.get(`/api/v1/claims/${article.claimId}`)).json()).timeline as unknown[];
    expect(await publicTimeline()).toEqual([]);
    await second.goto("/editor");
    const heldEvent = waiting.getByRole("listitem").filter({ hasText: "Status to publish" });
    await heldEvent.getByRole("button", { name: /^Approve and publish/ }).click();
    await expect(heldEvent).toHaveCount(0);
    expect(await publicTimeline()).toHaveLength(1);

    // The approval is in the audit log, by the reviewer.
    await admin.goto("/editor/audit?entityType=review");
    const approval = admin.getByTestId("audit-entry").filter({ hasText: "review.approve_article" }).first();
    await expect(approval).toBeVisible();
    await expect(approval).toContainText(reviewerName);
    await reader.dispose();
    await reviewerContext.close();
    await adminContext.close();
  } finally {
    await setSecondApproval(browser, false);
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the publish bar, the preview, /editor and the desk settings have no serious axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await signIn(page, ADMIN, "/editor");
    const article = await draftWithClaim(page);
    for (const path of [`/editor/articles/${article.id}`, `/editor/articles/${article.id}/preview`, "/editor", "/editor/desk"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ path, id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      expect(serious).toEqual([]);
    }
  });
}
