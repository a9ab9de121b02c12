import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "./anchor";
import { extractQuantities, type Qualifier, type Quantity } from "./quantities";
import { parseChineseNumber } from "./quantities/chinese-numerals";
import { parseEnglishNumber } from "./quantities/english-numbers";

type Expected = Pick<Quantity, "text" | "value" | "unit" | "qualifier">;

function q(text: string, value: number, unit: string, qualifier: Qualifier = "="): Expected {
  return { text, value, unit, qualifier };
}

function expectOne(input: string, expected: Expected) {
  const found = extractQuantities(input);
  expect(found.map(({ text, unit, qualifier }) => ({ text, unit, qualifier }))).toEqual([
    { text: expected.text, unit: expected.unit, qualifier: expected.qualifier },
  ]);
  const [quantity] = found;
  // Ratios such as 1/3 are not exact in binary; everything else must be.
  if (Number.isInteger(expected.value * 1000)) expect(quantity!.value).toBe(expected.value);
  else expect(quantity!.value).toBeCloseTo(expected.value, 12);
  expect(sliceCodePoints(input, quantity!.start, quantity!.end)).toBe(quantity!.text);
}

describe("extractQuantities: money", () => {
  it.each<[string, Expected]>([
    ["$27 billion", q("$27 billion", 27e9, "USD")],
    ["270亿美元", q("270亿美元", 27e9, "USD")],
    ["valued at US$1.5bn last year", q("US$1.5bn", 1.5e9, "USD")],
    ["a €3m grant", q("€3m", 3e6, "EUR")],
    ["融资¥500亿", q("¥500亿", 5e10, "CNY")],
    ["投资500亿元", q("500亿元", 5e10, "CNY")],
    ["投资500亿人民币", q("500亿人民币", 5e10, "CNY")],
    ["人民币500亿元", q("人民币500亿元", 5e10, "CNY")],
    ["RMB 100 million in funding", q("RMB 100 million", 1e8, "CNY")],
    ["a billion dollars", q("a billion dollars", 1e9, "USD")],
    ["约为270亿美元", q("约为270亿美元", 27e9, "USD", "~")],
    ["数十亿美元的投入", q("数十亿美元", 1e9, "USD", ">=")],
    ["more than $27 billion", q("more than $27 billion", 27e9, "USD", ">=")],
    ["Revenue hit $1.2B in Q3 2023", q("$1.2B", 1.2e9, "USD")],
  ])("%s", (input, expected) => expectOne(input, expected));
});

describe("extractQuantities: percentages, multipliers and ratios", () => {
  it.each<[string, Expected]>([
    ["<2%", q("<2%", 2, "percent", "<=")],
    ["under 2% of users", q("under 2%", 2, "percent", "<=")],
    ["不到2%的用户", q("不到2%", 2, "percent", "<=")],
    ["less than 2 percent", q("less than 2 percent", 2, "percent", "<=")],
    ["about 20% of them", q("about 20%", 20, "percent", "~")],
    ["约20%的人", q("约20%", 20, "percent", "~")],
    ["近两成受访者", q("近两成", 20, "percent", "~")],
    ["百分之二十", q("百分之二十", 20, "percent")],
    ["20%以上", q("20%以上", 20, "percent", ">=")],
    ["up to 40 percent", q("up to 40 percent", 40, "percent", "<=")],
    ["twenty-five percent", q("twenty-five percent", 25, "percent")],
    ["增长15.6个百分点", q("15.6个百分点", 15.6, "percentage points")],
    ["提升了10倍", q("10倍", 10, "times")],
    ["a 10x speed-up", q("10x", 10, "times")],
    ["ten times faster", q("ten times", 10, "times")],
    ["a tenfold rise", q("tenfold", 10, "times")],
    ["a 10-fold increase", q("10-fold", 10, "times")],
    ["三分之一的参数", q("三分之一", 1 / 3, "ratio")],
    ["one third of users", q("one third", 1 / 3, "ratio")],
    ["two-thirds of voters", q("two-thirds", 2 / 3, "ratio")],
  ])("%s", (input, expected) => expectOne(input, expected));
});

describe("extractQuantities: counts", () => {
  it.each<[string, Expected]>([
    ["1750亿+个参数", q("1750亿+个参数", 175e9, "parameters", ">=")],
    ["175 billion+ parameters", q("175 billion+ parameters", 175e9, "parameters", ">=")],
    ["more than 175 billion parameters", q("more than 175 billion parameters", 175e9, "parameters", ">=")],
    ["超过1750亿个参数", q("超过1750亿个参数", 175e9, "parameters", ">=")],
    ["20,000小时的音频", q("20,000小时", 20000, "hours")],
    ["20,000 hours of audio", q("20,000 hours", 20000, "hours")],
    ["100 million users", q("100 million users", 1e8, "users")],
    ["1亿月活跃用户", q("1亿月活跃用户", 1e8, "monthly active users")],
    ["月活跃用户就突破了1亿", q("突破了1亿", 1e8, "", ">=")],
    ["两千万", q("两千万", 2e7, "")],
    ["三百五十万", q("三百五十万", 3.5e6, "")],
    ["一亿两千万", q("一亿两千万", 1.2e8, "")],
    ["十二", q("十二", 12, "")],
    ["1.2万", q("1.2万", 12000, "")],
    ["3.5亿", q("3.5亿", 3.5e8, "")],
    ["1,000,000", q("1,000,000", 1e6, "")],
    ["２７０亿美元", q("２７０亿美元", 27e9, "USD")],
    ["共有十二个国家参加", q("十二个国家", 12, "countries")],
    ["8块GPU", q("8块GPU", 8, "GPUs")],
    ["1万亿个token", q("1万亿个token", 1e12, "tokens")],
    ["100多万人", q("100多万人", 1e6, "people", ">=")],
    ["十余年", q("十余年", 10, "years", ">=")],
    ["3年多", q("3年多", 3, "years", ">=")],
    ["1亿人左右", q("1亿人左右", 1e8, "people", "~")],
    ["7B parameters", q("7B parameters", 7e9, "parameters")],
    ["10k users", q("10k users", 10000, "users")],
    ["two million people", q("two million people", 2e6, "people")],
    ["at least 5 companies", q("at least 5 companies", 5, "companies", ">=")],
    ["as many as 10,000 people", q("as many as 10,000 people", 10000, "people", "<=")],
    ["some 20 people", q("some 20 people", 20, "people", "~")],
    ["一天能处理1.1亿次请求", q("1.1亿", 110000000, "")],
  ])("%s", (input, expected) => expectOne(input, expected));
});

describe("extractQuantities: things that are not quantities", () => {
  it.each([
    "2023年",
    "2019 年",
    "May 2023",
    "on May 5, 2023",
    "2023年5月3日",
    "二〇二三年五月三日",
    "in 2019 the company",
    "九十年代",
    "二十世纪",
    "GPT-3",
    "GPT-2 and GPT-4o",
    "gpt-oss-120b",
    "Qwen2.5-72B",
    "Llama 3",
    "A100 and H100 GPUs",
    "COVID-19",
    "5G phones, 4K video, the 1990s, the 3rd time",
    "version 3.5.1 at 10:30",
    "a 7B model",
    "一些人认为这是唯一的办法，万一失败",
    "第一个",
    "一成不变",
    "在过去的一年里",
    "It was one of the first models.",
    "最近",
    "下午三点五十分",
    "千万不要错过",
    "请拨打13812345678",
    "工号：2023001",
  ])("%s", (input) => {
    expect(extractQuantities(input)).toEqual([]);
  });

  it("keeps the count when a year-like number has a unit or a qualifier", () => {
    expect(extractQuantities("2000 people").map((x) => x.value)).toEqual([2000]);
    expect(extractQuantities("about 2000").map((x) => x.qualifier)).toEqual(["~"]);
  });

  it("does not read 最近 (recently) as 近 (nearly)", () => {
    expectOne("最近10年", q("10年", 10, "years"));
  });
});

describe("extractQuantities: offsets and order", () => {
  it("counts astral characters as one code point", () => {
    const text = "😀𠀀 收入270亿美元，增长10倍";
    const found = extractQuantities(text);
    expect(found.map((x) => [x.text, x.start, x.end])).toEqual([
      ["270亿美元", 5, 11],
      ["10倍", 14, 17],
    ]);
    for (const x of found) expect(sliceCodePoints(text, x.start, x.end)).toBe(x.text);
  });

  it("returns every quantity of a paragraph in order, without overlaps", () => {
    const text = "报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。作为对比，GPT-3 拥有1750亿个参数。";
    const found = extractQuantities(text);
    expect(found.map((x) => [x.text, x.value, x.unit, x.qualifier])).toEqual([
      ["约为270亿美元", 27e9, "USD", "~"],
      ["1750亿个参数", 175e9, "parameters", "="],
    ]);
    expect(found[0]!.end).toBeLessThanOrEqual(found[1]!.start);
  });

  it("reads an ideographic comma as a thousands separator only inside a well-formed grouping", () => {
    expect(extractQuantities("大约 20，000 小时").map((x) => [x.text, x.value])).toEqual([["大约 20，000 小时", 20000]]);
    expect(extractQuantities("分别为100，200，30").map((x) => x.value)).toEqual([100, 200, 30]);
    expect(extractQuantities("增长3，其中12，345").map((x) => x.value)).toEqual([3, 12345]);
    expect(extractQuantities("2019，2020年").map((x) => x.value)).toEqual([]);
  });

  it("takes the longest reading rather than a piece of it", () => {
    expect(extractQuantities("1750亿+个参数 and 175 billion+ parameters").map((x) => x.text)).toEqual([
      "1750亿+个参数",
      "175 billion+ parameters",
    ]);
  });
});

describe("parseChineseNumber", () => {
  it.each<[string, number]>([
    ["两千万", 2e7],
    ["三百五十万", 3.5e6],
    ["一亿两千万", 1.2e8],
    ["十二", 12],
    ["一千零五", 1005],
    ["三万五", 35000],
    ["5万亿", 5e12],
    ["1亿2000万", 1.2e8],
    ["三十五点五", 35.5],
    ["一点七五万亿", 1.75e12],
    ["零点五", 0.5],
  ])("%s = %d", (input, value) => {
    expect(parseChineseNumber(input)).toBe(value);
  });

  it.each(["一一", "三五", "千百", "三十百", "abc", "", "点五", "三点", "三点五十"])("refuses %j", (input) => {
    expect(parseChineseNumber(input)).toBeNull();
  });
});

describe("parseEnglishNumber", () => {
  it("reads spelled-out numbers and refuses word salad", () => {
    expect(parseEnglishNumber("twenty-five")).toBe(25);
    expect(parseEnglishNumber("two hundred fifty")).toBe(250);
    expect(parseEnglishNumber("one two")).toBeNull();
  });
});
