import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "./anchor";
import { detectSentenceLanguage, type ReasonKind, type Suggestion, suggestClaims } from "./suggest";

const OPENAI_ZH =
  "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型。报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。作为对比，GPT-3 拥有1750亿个参数。";

function kinds(suggestion: Suggestion): ReasonKind[] {
  return [...new Set(suggestion.reasons.map((r) => r.kind))].sort();
}

/** Every offset must point back at the words it claims, in the whole text. */
function expectOffsetsSliceBack(text: string, suggestions: Suggestion[]) {
  for (const s of suggestions) {
    expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
    for (const q of s.quantities) expect(sliceCodePoints(text, q.start, q.end)).toBe(q.text);
  }
}

describe("suggestClaims: Chinese", () => {
  it("puts the valuation sentence near the top, with its figure", () => {
    const suggestions = suggestClaims(OPENAI_ZH);
    const top2 = suggestions.slice(0, 2);
    const valuation = top2.find((s) => s.text.includes("270亿美元"));
    expect(valuation?.text).toBe("报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。");
    expect(valuation!.reasons.some((r) => r.kind === "figure" && r.match.includes("270亿美元"))).toBe(true);
    expect(valuation!.quantities).toContainEqual(expect.objectContaining({ value: 27e9, unit: "USD" }));
    expect(suggestions).toHaveLength(3);
    expectOffsetsSliceBack(OPENAI_ZH, suggestions);
  });

  it("explains each reason with the words that triggered it", () => {
    const [first, second, third] = suggestClaims(OPENAI_ZH);
    expect(kinds(first!)).toEqual(["attribution", "figure", "superlative"]);
    expect(first!.reasons.find((r) => r.kind === "superlative")?.match).toBe("最大");
    expect(kinds(second!)).toEqual(["attribution", "prediction"]);
    expect(second!.reasons.find((r) => r.kind === "attribution")).toEqual({
      kind: "attribution",
      match: "据路透社援引知情人士报道",
      label: "Cites a source: “据路透社援引知情人士报道”",
    });
    // GPT-3 is a model name; the figure is the parameter count.
    expect(third!.quantities.map((q) => [q.text, q.value, q.unit])).toEqual([["1750亿个参数", 175e9, "parameters"]]);
  });

  it("ends sentences at the Chinese semicolon and skips very short ones", () => {
    const text = "最大。公司计划明年上市；营收增长了30%。";
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => s.text)).toEqual(["营收增长了30%。", "公司计划明年上市；"]);
    expectOffsetsSliceBack(text, suggestions);
  });

  it("does not read 最近 (recently) as a superlative", () => {
    expect(suggestClaims("最近他一直在写代码。")).toEqual([]);
  });
});

describe("suggestClaims: English", () => {
  const text =
    "OpenAI plans to release an open model, Reuters reported. The company is valued at about $27 billion, according to people familiar with the matter. " +
    "It is the largest investment Microsoft has made. The weather was nice. Critics said little.";

  it("ranks figures with sources above sources alone and leaves out sentences with no reason", () => {
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => s.text)).toEqual([
      "The company is valued at about $27 billion, according to people familiar with the matter.",
      "OpenAI plans to release an open model, Reuters reported.",
      "It is the largest investment Microsoft has made.",
      "Critics said little.",
    ]);
    expect(kinds(suggestions[0]!)).toEqual(["attribution", "figure"]);
    expect(suggestions[0]!.quantities).toEqual([
      expect.objectContaining({ text: "about $27 billion", value: 27e9, unit: "USD", qualifier: "~" }),
    ]);
    expect(suggestions[0]!.reasons[0]!.label).toBe("Contains a figure: “about $27 billion”");
    expectOffsetsSliceBack(text, suggestions);
  });

  it("weighs a figure above any single other reason, and more kinds above fewer", () => {
    const scoreOf = (sentence: string) => suggestClaims(sentence)[0]?.score ?? 0;
    const figure = scoreOf("Revenue reached 20 million users.");
    const prediction = scoreOf("The company will change its name.");
    const superlative = scoreOf("It is the fastest car on the road.");
    const comparison = scoreOf("It is cheaper than the old car.");
    const attribution = scoreOf("The spokesman said nothing about it.");
    expect(figure).toBeGreaterThan(prediction);
    expect(prediction).toBeGreaterThan(superlative);
    expect(superlative).toBeGreaterThan(comparison);
    expect(comparison).toBeGreaterThan(attribution);
    expect(scoreOf("The spokesman said revenue reached 20 million users.")).toBeGreaterThan(figure);
    // Two distinct kinds of reason outrank any single one, even a figure.
    expect(scoreOf("Critics said it was cheaper than the old car.")).toBeGreaterThan(figure);
  });

  it("breaks ties by position and honours the limit", () => {
    const text = "Alice said hello there. Bob said goodbye now. Carol said nothing much.";
    expect(suggestClaims(text).map((s) => s.text.split(" ")[0])).toEqual(["Alice", "Bob", "Carol"]);
    expect(suggestClaims(text, { limit: 2 })).toHaveLength(2);
    expect(suggestClaims(text, { limit: 0 })).toEqual([]);
  });
});

describe("suggestClaims: mixed text, astral characters and paragraphs", () => {
  it("finds Chinese and English claims in one text", () => {
    const text = "OpenAI said GPT-3 has 175 billion parameters. 报道称，微软将投资100亿美元。The sky is blue.";
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => s.text)).toEqual([
      "报道称，微软将投资100亿美元。",
      "OpenAI said GPT-3 has 175 billion parameters.",
    ]);
    expect(suggestions[0]!.quantities[0]).toMatchObject({ value: 1e10, unit: "USD" });
    expectOffsetsSliceBack(text, suggestions);
  });

  it("keeps offsets right after emoji and characters outside the BMP", () => {
    const text = "😀🎉𠀀𠀁 Intro line!\n\n😀 The firm said sales rose 12% in 2023. 𠀀𠀀据报道，该公司估值约为270亿美元。";
    const suggestions = suggestClaims(text);
    // Same reasons (a figure and a source), so text order decides.
    expect(suggestions.map((s) => s.text)).toEqual([
      "😀 The firm said sales rose 12% in 2023.",
      "𠀀𠀀据报道，该公司估值约为270亿美元。",
    ]);
    const [english, chinese] = suggestions;
    expect([english!.start, english!.end]).toEqual([18, 57]);
    expect(english!.quantities.map((q) => [q.text, q.start, q.end])).toEqual([["12%", 45, 48]]);
    expect(chinese!.start).toBe(58);
    expect(chinese!.quantities.map((q) => [q.text, q.start, q.end])).toEqual([["约为270亿美元", 69, 77]]);
    expectOffsetsSliceBack(text, suggestions);
  });

  it("ends a sentence at a blank line even without punctuation", () => {
    const text = "Revenue grew 20% last year\n   \nThe company will hire 100 engineers\n\n\nOK";
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => [s.text, s.start, s.end])).toEqual([
      ["The company will hire 100 engineers", 31, 66],
      ["Revenue grew 20% last year", 0, 26],
    ]);
  });

  it("detects Chinese from a 30% share of Han letters", () => {
    expect(detectSentenceLanguage(OPENAI_ZH)).toBe("zh");
    expect(detectSentenceLanguage("OpenAI released GPT-4 in March, 据报道.")).toBe("en");
    expect(detectSentenceLanguage("")).toBe("en");
  });

  it("falls back to detection when the language tag is unusable", () => {
    expect(suggestClaims(OPENAI_ZH, { language: "not a tag!" }).map((s) => s.text)).toEqual(
      suggestClaims(OPENAI_ZH).map((s) => s.text),
    );
    expect(suggestClaims(OPENAI_ZH, { language: "zh-Hans" })).toHaveLength(3);
  });
});

describe("suggestClaims: long articles", () => {
  it("handles a 100,000-character mixed article", () => {
    const filler = ["The weather was mild that day.", "这是一个普通的句子，没有任何需要核查的内容。", "😀 Nothing to see here at all."];
    const claims = ["Officials said the budget is $3 billion.", "据报道，该项目投资约为50亿元。"];
    const needle = "据新华社报道，该公司将成为史上最大的企业，估值超过10000亿美元，比对手高出10倍。";
    const paragraphs: string[] = [];
    let length = 0;
    let claimCount = 0;
    for (let i = 0; length < 100_000; i++) {
      const paragraph = [filler[i % 3], claims[i % 2], filler[(i + 1) % 3]].join(" ");
      claimCount++;
      if (i === 150) paragraphs.push(`${paragraph} ${needle}`);
      else paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThanOrEqual(100_000);

    const all = suggestClaims(text, { limit: Number.MAX_SAFE_INTEGER });
    expect(all).toHaveLength(claimCount + 1);
    expect(all[0]!.text).toBe(needle);
    expect(kinds(all[0]!)).toEqual(["attribution", "comparison", "figure", "prediction", "superlative"]);

    const points = Array.from(text);
    for (const s of all) {
      expect(points.slice(s.start, s.end).join("")).toBe(s.text);
      for (const q of s.quantities) expect(points.slice(q.start, q.end).join("")).toBe(q.text);
    }
    // The rest are the two claim sentences, in text order within equal scores.
    const rest = all.slice(1);
    expect(new Set(rest.map((s) => s.text))).toEqual(new Set(claims));
    for (let i = 1; i < rest.length; i++) {
      const [a, b] = [rest[i - 1]!, rest[i]!];
      expect(a.score > b.score || (a.score === b.score && a.start < b.start)).toBe(true);
    }
    expect(suggestClaims(text)).toHaveLength(20);
  });

  it("splits a 100,000-character paragraph with no blank lines into its sentences", () => {
    const sentence = "据报道，营收增长了12%。";
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const all = suggestClaims(text, { limit: Number.MAX_SAFE_INTEGER });
    expect(all).toHaveLength(text.length / sentence.length);
    expect(all.every((s) => s.text === sentence)).toBe(true);
    expect(all.at(-1)!.end).toBe(text.length);
  });
});
