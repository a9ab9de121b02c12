import { expect, test } from "@playwright/test";
import { selectWords } from "./body-selection";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

const DEMO_CLAIM = "OpenAI plans to release an open-source language model";

test("a second article repeating a demo claim in other words is linked to it, and one event shows on both articles", async ({ page }) => {
  await signIn(page, undefined, "/editor/articles/new");
  const title = unique("Echo of the open-source report");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body", { exact: true }).fill("据报道，OpenAI 正计划向公众发布第一个开源语言模型。\n\n消息人士称，发布时间尚未确定。");
  await page.getByLabel("State").selectOption("published");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);

  // The editor adds the claim; the workbench offers the desk's look-alike, words marked.
  await selectWords(page, "OpenAI 正计划向公众发布第一个开源语言模型");
  await page.getByRole("button", { name: "Add claim" }).click();
  await page.getByLabel("Statement").fill("OpenAI 计划发布开源模型");
  await page.getByRole("button", { name: "Save claim" }).click();
  const panel = page.getByTestId("similar-claims");
  const match = panel.getByTestId("similar-claim").filter({ hasText: DEMO_CLAIM });
  await expect(match).toBeVisible();
  await expect(panel.getByTestId("similar-claim").first()).toContainText(DEMO_CLAIM);
  await expect(match.locator("mark").first()).toBeVisible();
  await expect(match).toContainText(/\d+% alike/);
  await match.getByRole("button", { name: /Same claim/ }).click();
  await expect(page.getByText(`Linked to the existing claim “${DEMO_CLAIM}”`)).toBeVisible();

  // One claim now: the new article's mention belongs to the demo claim.
  const claims = await (await page.request.get(`/api/v1/claims?article=${DEMO_SLUG}&q=${encodeURIComponent("open-source language model")}`)).json();
  const claimId = claims.items.find((c: { statement: string }) => c.statement === DEMO_CLAIM).id;
  const rationale = unique("Recorded once for both articles");
  // Effective before the verdict (so the current status other tests read stays) and after
  // 2024-01-01 (so the demo claim as of that day, which timelines.spec reads, stays Pending).
  const recorded = await page.request.post(`/api/v1/claims/${claimId}/events`, { data: { statusKey: "in_progress", effectiveDate: "2024-06-01", rationale } });
  expect(recorded.status()).toBe(201);

  const secondArticle = (await page.getByRole("link", { name: "Reader view" }).getAttribute("href"))!;
  for (const href of [`/articles/${DEMO_SLUG}`, secondArticle]) {
    await page.goto(href);
    await expect(page.locator(`#claim-${claimId}`).first()).toBeAttached();
    await expect(page.getByText(rationale).first()).toBeAttached();
  }
  await page.goto(`/claims/${claimId}`);
  await expect(page.getByRole("heading", { name: /Reported in 2 articles/ })).toBeVisible();
  await expect(page.getByText(rationale)).toBeVisible();
});

test("merging a duplicate keeps both timelines on one claim, and the old claim's URL redirects to it", async ({ page }) => {
  await signIn(page);
  const created = await page.request.post("/api/v1/articles", {
    data: { title: unique("Duplicate pair"), language: "en", status: "published", body: "Analysts said the model was trained on 13 trillion tokens. Others wrote that it saw 13tn tokens." },
  });
  const article = await created.json();
  const add = (quote: string, statement: string) => page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote, statement } }).then((r) => r.json());
  // Wording no other test searches for: the tracker tests count their matches.
  const kept = await add("trained on 13 trillion tokens", unique("The model was trained on 13 trillion tokens"));
  const merged = await add("saw 13tn tokens", unique("The model saw 13tn tokens"));
  const rationale = unique("Event on the claim that is merged away");
  expect((await page.request.post(`/api/v1/claims/${merged.claimId}/events`, { data: { statusKey: "true", effectiveDate: "2023-05-20", rationale } })).status()).toBe(201);

  await page.goto(`/editor/articles/${article.id}`);
  // In the workbench: merge the second claim into the first (the form's default target).
  await page.getByRole("button", { name: "Merge", exact: true }).last().click();
  await page.getByRole("button", { name: "Merge claims" }).click();
  await expect.poll(async () => (await page.request.get(`/claims/${merged.claimId}`, { maxRedirects: 0 })).status()).toBe(308);

  await page.goto(`/claims/${merged.claimId}`);
  await expect(page).toHaveURL(new RegExp(`/claims/${kept.claimId}$`));
  await expect(page.getByText(rationale)).toBeVisible();
});
