import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures";

/**
 * The desk's everyday catch-up (issue 15): today an editor enters an article of 16 May 2023
 * and the history of its claim (Pending from 16 May 2023, True from 5 Aug 2025). Readers see
 * that history on the days it took effect ("as of"), while "as published" shows what
 * Claimline itself said then: nothing yet, said in words, never a 404.
 */
test("history entered today shows on the days it took effect; as published then, the claim was not tracked yet", async ({ page, browser }) => {
  await signIn(page);
  const statement = unique("Xiaomi plans to release its first in-house phone chip next year");
  const created = await page.request.post("/api/v1/articles", {
    data: {
      title: unique("小米自研芯片"),
      language: "zh-Hans",
      body: "据报道，作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。",
      publishedDate: "2023-05-16",
      status: "published",
    },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const claim = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: "小米正计划明年发布其第一款自研手机芯片", statement } });
  expect(claim.status()).toBe(201);
  const { claimId } = await claim.json();
  for (const data of [
    { statusKey: "pending", effectiveDate: "2023-05-16", rationale: "Announced; nothing shipped yet." },
    { statusKey: "true", effectiveDate: "2025-08-05", rationale: "The chip shipped." },
  ]) {
    expect((await page.request.post(`/api/v1/claims/${claimId}/events`, { data })).status()).toBe(201);
  }

  const reader = await (await browser.newContext()).newPage();
  const claimPath = `/claims/${claimId}`;
  const articlePath = `/articles/${encodeURIComponent(article.slug)}`;

  // The claim page, through its own control: as of 1 Jan 2024 (what was true then) it was Pending.
  await reader.goto(claimPath);
  await expect(reader.getByTestId("current-status")).toHaveText(/True/);
  const control = reader.getByRole("form", { name: "See this claim on another day" });
  await control.getByLabel("See this claim on").fill("2024-01-01");
  await control.getByRole("radio", { name: "As of (what was true then)" }).check();
  await control.getByRole("button", { name: "Show" }).click();
  await expect(reader).toHaveURL(new RegExp(`${claimPath}\\?asof=2024-01-01$`));
  await expect(reader.getByTestId("as-of-notice")).toContainText("as of 1 Jan 2024");
  await expect(reader.getByTestId("current-status")).toHaveText(/Pending/);
  await expect(reader.getByRole("list", { name: "Verification timeline" }).locator(":scope > li")).toHaveCount(1);
  await expect(reader.getByText("The chip shipped.")).toHaveCount(0);
  await reader.screenshot({ path: "test-results/two-time-axes-claim-asof.png" });

  // The API says the same.
  const asOf = await reader.request.get(`/api/v1/claims/${claimId}?asof=2024-01-01`);
  expect(asOf.status()).toBe(200);
  expect(await asOf.json()).toMatchObject({ asOf: "2024-01-01", published: null, tracked: true, currentStatus: "pending", statusAsOf: "pending", firstMadeOn: "2023-05-16" });

  // As published on 1 Jan 2024: Claimline had not started tracking it. Said, not a 404.
  const audit = await reader.request.get(`/api/v1/claims/${claimId}?published=2024-01-01`);
  expect(audit.status()).toBe(200);
  const auditBody = await audit.json();
  expect(auditBody).toMatchObject({ published: "2024-01-01", tracked: false, statusAsOf: null, timeline: [] });
  expect(auditBody.notice).toMatch(/^Claimline started tracking this claim on \d{1,2} \w{3} \d{4}: it was not tracked yet on 1 Jan 2024\.$/);
  await reader.getByRole("radio", { name: "As published by Claimline then" }).check();
  await reader.getByRole("button", { name: "Show" }).click();
  await expect(reader).toHaveURL(new RegExp(`${claimPath}\\?published=2024-01-01$`));
  await expect(reader.getByTestId("as-of-notice")).toContainText("as Claimline published it on 1 Jan 2024");
  await expect(reader.getByTestId("claim-notice")).toHaveText(auditBody.notice);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(statement);
  await reader.screenshot({ path: "test-results/two-time-axes-claim-published.png" });

  // The article page as of the same day highlights the claim as Pending; after 5 Aug 2025, True.
  const marker = (label: string) => reader.getByRole("button", { name: `${label}: ${statement}` });
  await reader.goto(`${articlePath}?asof=2024-01-01`);
  await expect(reader.locator(`mark[data-claim-id="${claimId}"]`)).toHaveText("小米正计划明年发布其第一款自研手机芯片");
  await expect(marker("Pending")).toBeVisible();
  await expect(reader.locator(`#claim-${claimId}`).getByTestId("current-status")).toHaveText(/Pending/);
  await reader.goto(`${articlePath}?asof=2025-09-01`);
  await expect(marker("True")).toBeVisible();
  expect((await (await reader.request.get(`/api/v1/claims/${claimId}?asof=2025-09-01`)).json()).currentStatus).toBe("true");
  // Before it was made, the claim page says when it was.
  await reader.goto(`${claimPath}?asof=2023-05-15`);
  await expect(reader.getByTestId("claim-notice")).toHaveText("This claim was first made on 16 May 2023, after 15 May 2023: it had no status yet on that day.");

  // Both meanings at once: 422 on the API and exports, a clear message on the page.
  for (const path of [`/api/v1/claims/${claimId}?asof=2024-01-01&published=2024-01-01`, `/api/v1/articles/${encodeURIComponent(article.slug)}/events.csv?asof=2024-01-01&published=2024-01-01`]) {
    const both = await reader.request.get(path);
    expect(both.status(), path).toBe(422);
    expect((await both.json()).message).toContain("not both");
  }
  await reader.goto(`${claimPath}?asof=2024-01-01&published=2024-01-01`);
  await expect(reader.getByTestId("as-of-problem")).toContainText("not both");
});

test("the as-of control offers both meanings and fits a 390 px screen", async ({ browser }) => {
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const article = (await (await reader.request.get("/api/v1/articles")).json()).articles[0];
  await reader.goto(`/articles/${encodeURIComponent(article.slug)}?published=2026-01-01`);
  const control = reader.getByRole("form", { name: "See this article on another day" });
  await expect(control.getByRole("radio", { name: "As published by Claimline then" })).toBeChecked();
  await expect(control.getByRole("radio", { name: "As of (what was true then)" })).not.toBeChecked();
  for (const target of [control.getByRole("radio").first(), control.getByRole("button", { name: "Show" }), control.getByLabel("See this article on")]) {
    const box = (await target.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await reader.screenshot({ path: "test-results/two-time-axes-390.png", fullPage: false });
});
