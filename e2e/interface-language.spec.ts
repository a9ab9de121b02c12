import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_SLUG } from "./fixtures";

/**
 * Issue 16's first "done when", reader half: a Chinese-preferring browser that made no choice
 * gets the reader pages and sign-in in Chinese, each on its own `?lang=zh-Hans` URL; the
 * language switch gives English and is remembered for URLs without `lang`.
 */
test.use({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });

const CHINESE_URL = /[?&]lang=zh-Hans(?:&|#|$)/;

async function expectSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  expect(serious).toEqual([]);
}

test("a Chinese-preferring reader gets the tracker, an article, a claim and sign-in in Chinese", async ({ page }) => {
  const tracker = await page.goto("/");
  await expect(page).toHaveURL(CHINESE_URL);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新闻说了什么，后来是否成立");
  await expect(page.getByLabel("搜索说法、引文和文章标题")).toBeVisible();
  await expect(page.getByRole("button", { name: "搜索", exact: true })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText(/^共 \d+ 条说法$/);
  await expect(page.getByRole("link", { name: "按文章浏览" })).toHaveAttribute("href", "/articles?lang=zh-Hans");
  // Both languages' URLs for search engines, on the Chinese page itself.
  const alternates = tracker!.headers()["link"] ?? "";
  expect(alternates).toContain('hreflang="zh-Hans"');
  expect(alternates).toContain('hreflang="en"');
  expect(alternates).toContain('hreflang="x-default"');
  await expectSeriousAxeViolations(page);

  // The filter form keeps the language: a search answers in Chinese too.
  await page.getByLabel("搜索说法、引文和文章标题").fill("GPT-3");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/q=GPT-3/);
  await expect(page).toHaveURL(CHINESE_URL);
  await expect(page.getByTestId("result-count")).toHaveText(/^与“GPT-3”匹配的说法共 \d+ 条$/);

  await page.goto(`/articles/${DEMO_SLUG}`);
  await expect(page).toHaveURL(CHINESE_URL);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { name: /^本文中的说法（\d+）$/ })).toBeVisible();
  await expect(page.getByTestId("scorecard")).toContainText("已核查 6 条说法");
  await expect(page.getByTestId("exports").locator("summary")).toHaveText("导出核查报告");
  await expect(page.getByTestId("status-legend").locator("summary")).toHaveText("高亮颜色的含义");
  await expect(page.getByRole("form", { name: "查看此文章在其他日期的情况" })).toBeVisible();
  await expectSeriousAxeViolations(page);

  // A claim page reached from the article stays in Chinese.
  await page.getByRole("link", { name: "GPT-3 has 175 billion parameters", exact: true }).click();
  await expect(page).toHaveURL(/\/claims\/\d+\?lang=zh-Hans$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { name: "状态随时间的变化" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "时间线（最新在前）" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^见于 \d+ 篇文章/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "核查时间线" })).toBeVisible();
  await expect(page.getByText(/^记录于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d UTC/).first()).toBeVisible();

  await page.goto("/sign-in");
  await expect(page).toHaveURL(CHINESE_URL);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
  await expect(page.getByLabel("电子邮箱")).toBeVisible();
  await expect(page.getByLabel("密码")).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await expect(page).toHaveTitle(/^登录 · /);
});

test("the language switch gives English, and English is remembered for URLs without lang", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveURL(CHINESE_URL);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  // The browser still prefers Chinese, but the choice wins: no redirect to ?lang=zh-Hans.
  await page.goto(`/articles/${DEMO_SLUG}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${DEMO_SLUG}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("scorecard")).toContainText("6 claims checked");

  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What the news said, and how it held up");
});
