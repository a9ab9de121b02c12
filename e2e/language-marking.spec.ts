import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures";

/**
 * Issue 16, item 2: what users wrote carries its language. On the tracker, an article page and
 * a claim page, in the English and the Chinese interface, every text node with Han characters
 * sits in an element whose language is zh-*, and (in the Chinese interface) every English text
 * an editor wrote sits in lang="en"; axe finds no serious violation (valid-lang, html-has-lang…).
 */

// Words no other spec uses: the e2e database is shared.
const tag = `lm${Date.now().toString(36)}`;
const ZH_STATEMENT = `星海电池新工厂年产八十万块电池 ${tag}`;
const EN_STATEMENT = `Xinghai's new factory runs entirely on solar power ${tag}`;
const EN_QUOTE = "the factory runs entirely on solar power";
const ZH_RATIONALE = "星海电池公司年报显示新工厂产能为八十万块，与说法一致。";
const EN_RATIONALE = "The grid operator's records show the plant draws power from the grid at night.";
const ZH_SOURCE = "星海电池二〇二五年年度报告";
const EN_SOURCE = "Grid operator load records for the Xinghai plant";
const ENGLISH_USER_TEXT = [EN_STATEMENT, EN_QUOTE, EN_RATIONALE, EN_SOURCE];

let articleSlug = "";
let zhClaimId = 0;
let enClaimId = 0;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  const created = await page.request.post("/api/v1/articles", {
    data: {
      title: `星海电池新工厂调查 ${tag}`,
      language: "zh-Hans",
      status: "published",
      publishedDate: "2025-03-01",
      body: `星海电池公司表示，其新工厂每年生产八十万块电池。\n\nIts founder told reporters in English that ${EN_QUOTE}, day and night.\n\n分析人士认为这一说法仍需核实。`,
    },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  articleSlug = article.slug;
  const add = async (quote: string, statement: string) => {
    const response = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote, statement } });
    expect(response.status()).toBe(201);
    return (await response.json()).claimId as number;
  };
  zhClaimId = await add("其新工厂每年生产八十万块电池", ZH_STATEMENT);
  enClaimId = await add(EN_QUOTE, EN_STATEMENT);
  const record = async (claimId: number, statusKey: string, rationale: string, title: string) => {
    const response = await page.request.post(`/api/v1/claims/${claimId}/events`, {
      data: { statusKey, effectiveDate: "2025-03-10", rationale, sources: [{ url: `https://example.com/${tag}/${claimId}`, title }] },
    });
    expect(response.status()).toBe(201);
  };
  await record(zhClaimId, "true", ZH_RATIONALE, ZH_SOURCE);
  await record(enClaimId, "in_progress", EN_RATIONALE, EN_SOURCE);
  await page.close();
});

interface Offender {
  text: string;
  lang: string | null;
}

/** Text nodes with Han characters whose closest [lang] is not a Chinese one (script and style left out). */
function hanOutsideChinese(page: Page): Promise<Offender[]> {
  return page.evaluate(() => {
    const offenders: { text: string; lang: string | null }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template")) continue;
      if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? null;
      if (!lang || !/^zh(-|$)/i.test(lang)) offenders.push({ text: node.textContent!.trim().slice(0, 80), lang });
    }
    return offenders;
  });
}

/** For each of `texts`: the closest [lang] of every text node holding it (none found: an empty list). */
function languagesOf(page: Page, texts: string[]): Promise<Record<string, (string | null)[]>> {
  return page.evaluate((wanted) => {
    const found: Record<string, (string | null)[]> = Object.fromEntries(wanted.map((t) => [t, []]));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template")) continue;
      for (const text of wanted) {
        if (node.textContent?.includes(text)) found[text]!.push(parent.closest("[lang]")?.getAttribute("lang") ?? null);
      }
    }
    return found;
  }, texts);
}

async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

const PAGES = [
  { name: "the tracker", path: () => `/?q=${tag}`, english: [EN_STATEMENT, EN_QUOTE] },
  { name: "an article page", path: () => `/articles/${encodeURIComponent(articleSlug)}`, english: ENGLISH_USER_TEXT },
  { name: "a Chinese claim's page", path: () => `/claims/${zhClaimId}`, english: [] },
  { name: "an English claim's page", path: () => `/claims/${enClaimId}`, english: ENGLISH_USER_TEXT },
];

for (const interfaceLanguage of ["en", "zh-Hans"] as const) {
  test.describe(`in the ${interfaceLanguage} interface`, () => {
    for (const { name, path, english } of PAGES) {
      test(`${name} marks what users wrote with its language, and passes axe`, async ({ page }) => {
        const url = interfaceLanguage === "en" ? path() : `${path()}${path().includes("?") ? "&" : "?"}lang=zh-Hans`;
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("lang", interfaceLanguage);
        // The fixture's own Chinese is on the page (not an empty page passing by default).
        await expect(page.getByText(name.includes("English") ? EN_STATEMENT : ZH_STATEMENT, { exact: true }).first()).toBeAttached();

        expect(await hanOutsideChinese(page)).toEqual([]);
        if (interfaceLanguage === "zh-Hans") {
          const languages = await languagesOf(page, english);
          for (const text of english) {
            expect(languages[text], text).not.toEqual([]);
            expect(new Set(languages[text]), text).toEqual(new Set(["en"]));
          }
        }
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  });
}
