import { expect, type APIRequestContext, test } from "@playwright/test";

interface Figure {
  text: string;
  value: number;
  unit: string;
  qualifier: string;
}

interface SuggestionBody {
  text: string;
  quantities: Figure[];
  claim: { kind: string; quantity: { value: number; unit: string; qualifier: string } | null };
}

async function suggest(request: APIRequestContext, text: string): Promise<SuggestionBody[]> {
  const response = await request.post("/api/v1/suggest", { data: { text } });
  expect(response.status()).toBe(200);
  return (await response.json()).suggestions;
}

const figures = (suggestion: SuggestionBody | undefined) => suggestion?.quantities.map(({ value, unit, qualifier }) => ({ value, unit, qualifier }));

test("POST /api/v1/suggest reads 大约 20，000 小时 as one figure: 20000 hours, about", async ({ request }) => {
  const suggestions = await suggest(request, "大约 20，000 小时的人工反馈");
  expect(suggestions).toHaveLength(1);
  const [suggestion] = suggestions;
  // Before: two figures, "大约 20" (20) and "000 小时" (0 hours).
  expect(figures(suggestion)).toEqual([{ value: 20000, unit: "hours", qualifier: "~" }]);
  expect(suggestion!.quantities[0]!.text).toBe("大约 20，000 小时");
  expect(suggestion!.claim.kind).toBe("quantity");
  expect(suggestion!.claim.quantity).toEqual({ value: 20000, unit: "hours", qualifier: "~" });
});

test("POST /api/v1/suggest reads full-width, mixed and spelled Chinese figures in news sentences", async ({ request }) => {
  const caixin = "财报显示，腾讯第三季度营收为1,546.25亿元人民币，同比增长百分之三十五点五。";
  const xinhua = "据新华社报道，今年以来全国共有逾百万家企业完成数字化转型，较去年增加２０，０００家。";
  const suggestions = await suggest(request, `${caixin}\n\n${xinhua}`);
  const about = (words: string) => suggestions.find((s) => s.text.includes(words));

  expect(figures(about("腾讯"))).toEqual([
    { value: 154_625_000_000, unit: "CNY", qualifier: "=" },
    { value: 35.5, unit: "percent", qualifier: "=" },
  ]);
  expect(about("腾讯")!.claim.quantity).toEqual({ value: 154_625_000_000, unit: "CNY", qualifier: "=" });
  // "今年" is not a figure; 逾 bounds the count from below; the full-width grouping is one number.
  expect(figures(about("新华社"))).toEqual([
    { value: 1_000_000, unit: "companies", qualifier: ">=" },
    { value: 20_000, unit: "", qualifier: "=" },
  ]);
});
