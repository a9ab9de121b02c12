import { expect, type Page, test } from "@playwright/test";
import { selectWords } from "./body-selection";
import { signIn, unique } from "./fixtures";

const QUOTED_PLAN = "“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”";
const PARAGRAPHS = [
  QUOTED_PLAN,
  "报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。",
  "作为对比，GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍。",
  "据悉，OpenAI 估值达到270亿美元。",
  "另据知情人士透露，OpenAI 目前的估值约为270亿美元。",
];

interface WorkbenchClaim {
  statement: string;
  kind: string;
  quantityValue: number | null;
  quantityUnit: string | null;
  quantityQualifier: string | null;
}

async function savedClaims(page: Page, articleId: string): Promise<WorkbenchClaim[]> {
  const response = await page.request.get(`/api/v1/articles/${articleId}/workbench`);
  expect(response.status()).toBe(200);
  return (await response.json()).claims;
}

test("accepted suggestions and a hand selection become clean claims, and look-alikes fold under the claim they repeat", async ({ page }) => {
  await signIn(page, undefined, "/editor/articles/new");
  await page.getByLabel("Title").fill(unique("小米芯片与 OpenAI 估值"));
  await page.getByLabel("Body", { exact: true }).fill(PARAGRAPHS.join("\n\n"));
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  const articleId = page.url().split("/").pop()!;

  await page.getByRole("button", { name: "Suggest claims" }).click();
  const suggestions = page.getByRole("list", { name: "Suggested claims" });
  await expect(suggestions.locator("[data-suggestion]").filter({ hasText: "估值" })).toHaveCount(3);

  // Each suggestion shows the figure as read and why it was picked.
  const valuation = suggestions.locator("[data-suggestion]").filter({ hasText: "报道称，OpenAI 目前估值约为270亿美元" });
  await expect(valuation.getByTestId("suggestion-figures")).toHaveText("about 27,000,000,000 USD");
  await expect(valuation.getByTestId("suggestion-kind")).toContainText("Quantity");
  await expect(valuation.getByRole("list", { name: "Why it was picked:" }).locator('[data-reason="figure"]')).toHaveText("Contains a figure: “约为270亿美元”");
  const parameters = suggestions.locator("[data-suggestion]").filter({ hasText: "1750亿+个参数" });
  await expect(parameters.getByTestId("suggestion-figures")).toHaveText("at least 175,000,000,000 parameters · at least 100 times");

  // The quoted plan: its statement loses the quotation marks, its kind is a prediction.
  const claimList = page.getByRole("list", { name: "Claims in this article" });
  await suggestions.locator("[data-suggestion]").filter({ hasText: "小米正计划明年" }).getByRole("button", { name: "Accept" }).click();
  await expect(claimList.getByTestId("claim-statement")).toHaveText(["作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片"]);

  // The valuation: a quantity claim; its two look-alikes fold under it, still there when expanded.
  await valuation.getByRole("button", { name: "Accept" }).click();
  await expect(claimList.locator("[data-claim-item]")).toHaveCount(2);
  await expect(suggestions.locator("[data-suggestion]")).toHaveCount(1);
  await expect(suggestions).toContainText("1750亿+个参数");
  const folded = page.locator("details[data-folded-under]");
  await expect(folded).toHaveCount(1);
  await expect(folded.locator("summary")).toHaveText("2 suggestions repeat the claim “OpenAI 目前估值约为270亿美元，微软是其最大的投资方”");
  const repeats = folded.getByRole("list", { name: "Suggestions like the claim “OpenAI 目前估值约为270亿美元，微软是其最大的投资方”" });
  await expect(repeats).toBeHidden();
  await folded.locator("summary").click();
  await expect(repeats.locator("[data-suggestion]")).toHaveText([/据悉，OpenAI 估值达到270亿美元/, /另据知情人士透露，OpenAI 目前的估值约为270亿美元/]);
  // …and they stay folded, and open, once the server's own list is back (real claim ids).
  await expect.poll(async () => (await savedClaims(page, articleId)).length).toBe(2);
  await expect(folded).toHaveAttribute("data-folded-under", /^[1-9]\d*$/);
  await expect(repeats.locator("[data-suggestion]")).toHaveCount(2);

  // A mouse-drag selection of a few words proposes its sentence's clean statement, kind and figure.
  await selectWords(page, "1750亿+个参数");
  await expect(page.getByTestId("selection-quote")).toHaveText("“1750亿+个参数”");
  await page.getByRole("button", { name: "Add claim" }).click();
  const form = page.getByRole("region", { name: "Selection" });
  await expect(form.getByLabel("Statement")).toHaveValue("GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍");
  await expect(form.getByLabel("Kind")).toHaveValue("quantity");
  await expect(form.getByLabel("Qualifier")).toHaveValue(">=");
  await expect(form.getByLabel("Value")).toHaveValue("175000000000");
  await expect(form.getByLabel("Unit")).toHaveValue("parameters");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(claimList.locator("[data-claim-item]")).toHaveCount(3);

  await expect.poll(async () => (await savedClaims(page, articleId)).length).toBe(3);
  const saved = await savedClaims(page, articleId);
  expect(saved.map(({ statement, kind, quantityValue, quantityUnit, quantityQualifier }) => ({ statement, kind, quantityValue, quantityUnit, quantityQualifier }))).toEqual(
    expect.arrayContaining([
      { statement: "作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片", kind: "prediction", quantityValue: null, quantityUnit: null, quantityQualifier: null },
      { statement: "OpenAI 目前估值约为270亿美元，微软是其最大的投资方", kind: "quantity", quantityValue: 27_000_000_000, quantityUnit: "USD", quantityQualifier: "~" },
      { statement: "GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍", kind: "quantity", quantityValue: 175_000_000_000, quantityUnit: "parameters", quantityQualifier: ">=" },
    ]),
  );
  // The selection's sentence is not lost either: it folds under the claim made from it.
  await expect(page.locator("details[data-folded-under]")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Suggested claims" })).toHaveCount(0);
  await expect(page.getByText("No new suggestions: the rest repeat claims already made.")).toBeVisible();
});

test("POST /api/v1/suggest proposes each suggestion's claim: clean statement, kind and figure", async ({ request }) => {
  const response = await request.post("/api/v1/suggest", { data: { text: `记者写道。${QUOTED_PLAN}报道称，OpenAI 目前估值约为270亿美元。` } });
  expect(response.status()).toBe(200);
  const { suggestions } = await response.json();
  const claimOf = (words: string) => suggestions.find((s: { text: string }) => s.text.includes(words))?.claim;
  // The sentence splitter leaves the opening “ with the sentence before and the closing ” with this one: both go.
  expect(claimOf("小米正计划明年")).toEqual({ statement: "作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片", kind: "prediction", quantity: null, claimant: null });
  expect(claimOf("270亿美元")).toEqual({ statement: "OpenAI 目前估值约为270亿美元", kind: "quantity", quantity: { value: 27_000_000_000, unit: "USD", qualifier: "~" }, claimant: null });
});
