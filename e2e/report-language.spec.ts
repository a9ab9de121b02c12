import { expect, test } from "@playwright/test";
import { DEMO_SLUG } from "./fixtures";

const EVENT_HEADER_ZH = "说法 ID,说法,提出者,提出日期,类型,状态记录 ID,状态键,状态,生效日期,日期精度,记录于,理由,更正的状态记录 ID,来源";

test("a Chinese article page exports Chinese reports: CSV header row, Markdown headings, the HTML report", async ({ page, request }) => {
  await page.goto(`/articles/${DEMO_SLUG}?lang=zh-Hans`);
  const exports = page.getByTestId("exports");
  await exports.locator("summary").click();
  const csvHref = await exports.locator('a[href*="/events.csv"]').getAttribute("href");
  expect(csvHref).toContain("lang=zh-Hans");

  const chineseCsv = await (await request.get(csvHref!)).text();
  // The byte-order mark, then the header row (Excel needs the mark to read UTF-8).
  expect(chineseCsv.split("\r\n")[0]).toBe(`\uFEFF${EVENT_HEADER_ZH}`);
  const englishCsv = await (await request.get(csvHref!.replace(/[?&]lang=zh-Hans/, ""))).text();
  expect(englishCsv.split("\r\n")[0]).toBe("\uFEFFclaim_id,statement,claimant,claim_date,kind,event_id,status_key,status_label,effective_date,precision,recorded_at,rationale,corrects_event_id,sources");
  // Only the header row differs: the cells are data.
  expect(chineseCsv.slice(chineseCsv.indexOf("\r\n"))).toBe(englishCsv.slice(englishCsv.indexOf("\r\n")));

  const markdownHref = await exports.locator('a[href*="/report.md"]').getAttribute("href");
  const markdown = await (await request.get(markdownHref!)).text();
  expect(markdown).toContain("## 状态统计");
  expect(markdown).toContain("#### 时间线");
  expect(markdown).not.toContain("## Scorecard");

  await exports.locator('a[href*="/report?"]').click();
  const report = page.getByTestId("report");
  await expect(report).toContainText("Claimline 核查报告");
  await expect(page.getByTestId("report-as-of")).toContainText(/截至 \d{4}年\d{1,2}月\d{1,2}日的最新情况。/);
  await expect(report).toContainText("说法 1");
  await expect(page).toHaveTitle(/核查报告/);
  await expect(report.getByRole("link", { name: "返回文章" })).toHaveAttribute("href", `/articles/${DEMO_SLUG}?lang=zh-Hans`);
});

test("a form's error is in the page's language", async ({ page }) => {
  await page.goto("/sign-in?lang=zh-Hans");
  await page.locator('input[name="email"]').fill("nobody@example.org");
  await page.locator('input[name="password"]').fill("not the password");
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByText("邮箱与密码不匹配。")).toBeVisible();

  await page.goto("/sign-in");
  await page.locator('input[name="email"]').fill("nobody@example.org");
  await page.locator('input[name="password"]').fill("not the password");
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByText("Email and password do not match.")).toBeVisible();
});
