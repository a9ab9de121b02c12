import { describe, expect, it } from "vitest";
import { cleanStatement, describeQuantity, inferClaimKind, proposeClaim, speakerOf, statementFromQuote } from "./claim-proposal";
import { STATEMENT_MAX_LENGTH } from "./claim-rules";
import { proposeClaimForSelection } from "./selection-claim";
import { sentenceAround, suggestClaims } from "./suggest";

const length = (text: string) => Array.from(text).length;

describe("cleanStatement", () => {
  it("drops the quotation marks around a quoted sentence and its full stop (issue 15)", () => {
    const claim = proposeClaim("“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”");
    expect(claim.statement).toBe("作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片");
    expect(claim.statement).not.toMatch(/[“”「」『』"‘’]/);
    expect(claim.kind).toBe("prediction");
    expect(claim.quantity).toBeNull();
  });

  it.each([
    ["「小米计划明年发布自研芯片。」", "小米计划明年发布自研芯片"],
    ["『小米计划明年发布自研芯片。』", "小米计划明年发布自研芯片"],
    ["‘The chip ships next year.’", "The chip ships next year"],
    ['"The chip ships next year."', "The chip ships next year"],
    ["（据新华社报道，中国GDP增长5.2%。）", "据新华社报道，中国GDP增长5.2%"],
    ["【快讯】", "快讯"],
    // Nested quotes, each wrapping the whole sentence.
    ["“‘小米将发布芯片’”", "小米将发布芯片"],
    // The sentence splitter leaves an opening mark whose close fell into the next sentence.
    ["“小米正计划明年发布其第一款自研手机芯片。", "小米正计划明年发布其第一款自研手机芯片"],
    // …or the previous sentence's closing mark.
    ["”小米正计划明年发布芯片。", "小米正计划明年发布芯片"],
    ["小米正计划明年发布芯片。”", "小米正计划明年发布芯片"],
  ])("unwraps %s", (sentence, statement) => {
    expect(cleanStatement(sentence)).toBe(statement);
  });

  it("keeps the quotation, not who said it, when a speaker is written next to it", () => {
    expect(cleanStatement("“他说：‘我们将在明年发布。’”")).toBe("我们将在明年发布");
    expect(cleanStatement("雷军表示：“小米将在明年发布自研芯片。”")).toBe("小米将在明年发布自研芯片");
    expect(cleanStatement("“我们将在明年发布芯片，”雷军说。")).toBe("我们将在明年发布芯片");
    expect(cleanStatement('"We will ship the chip in 2025," the CEO said.')).toBe("We will ship the chip in 2025");
    expect(cleanStatement('The CEO said: "We will ship the chip in 2025."')).toBe("We will ship the chip in 2025");
    expect(proposeClaim('OpenAI told Reuters: "We have 100 million users."')).toEqual({
      statement: "We have 100 million users",
      kind: "quantity",
      quantity: { value: 100_000_000, unit: "users", qualifier: "=" },
      claimant: "OpenAI",
    });
    // The kind is read from the whole sentence.
    expect(proposeClaim("“我们将在明年发布芯片，”雷军说。").kind).toBe("prediction");
  });

  it("keeps quotation marks that are part of the sentence, and a speaker with no quotation", () => {
    expect(cleanStatement("他称“芯片已量产”，但未透露产量。")).toBe("他称“芯片已量产”，但未透露产量");
    expect(cleanStatement("The minister said the deal had closed.")).toBe("The minister said the deal had closed");
    expect(cleanStatement("报告指出，“双碳”目标推动了新能源投资。")).toBe("报告指出，“双碳”目标推动了新能源投资");
    expect(cleanStatement("《流浪地球》")).toBe("《流浪地球》");
  });

  it("keeps a sentence that is all quote, and an empty quote as it is", () => {
    expect(cleanStatement("“这是一句完整的引语。”")).toBe("这是一句完整的引语");
    expect(cleanStatement("“”")).toBe("“”");
    expect(cleanStatement("。")).toBe("。");
  });

  it("drops opening discourse markers and anonymous lead-ins, keeps named sources", () => {
    expect(cleanStatement("报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。")).toBe("OpenAI 目前估值约为270亿美元，微软是其最大的投资方");
    expect(cleanStatement("作为对比，GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍。")).toBe("GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍");
    expect(cleanStatement("此外，该公司去年营收增长了30%。")).toBe("该公司去年营收增长了30%");
    expect(cleanStatement("However, OpenAI is valued at about $27 billion.")).toBe("OpenAI is valued at about $27 billion");
    expect(cleanStatement("And the company says it will double its staff.")).toBe("the company says it will double its staff");
    expect(cleanStatement("据路透社报道，OpenAI 正准备发布开源模型。")).toBe("据路透社报道，OpenAI 正准备发布开源模型");
    expect(cleanStatement("According to Reuters, the firm has 175 billion parameters.")).toBe("According to Reuters, the firm has 175 billion parameters");
    // "So far" is not the connective "So".
    expect(cleanStatement("So far, 12 countries have signed.")).toBe("So far, 12 countries have signed");
  });

  it("drops list markers and trailing connectives and punctuation", () => {
    expect(cleanStatement("• OpenAI plans to release a model.")).toBe("OpenAI plans to release a model");
    expect(cleanStatement("1. OpenAI plans to release a model;")).toBe("OpenAI plans to release a model");
    expect(cleanStatement("（三）小米计划明年发布芯片；")).toBe("小米计划明年发布芯片");
    expect(cleanStatement("OpenAI is valued at about $27 billion, and")).toBe("OpenAI is valued at about $27 billion");
    expect(cleanStatement("小米正计划发布芯片，而")).toBe("小米正计划发布芯片");
    expect(cleanStatement("小米正计划发布芯片……")).toBe("小米正计划发布芯片");
    expect(cleanStatement("Is OpenAI worth $27 billion?!")).toBe("Is OpenAI worth $27 billion");
    expect(cleanStatement("What is that?")).toBe("What is that");
    expect(cleanStatement("Who did the company partner with?")).toBe("Who did the company partner with");
    expect(cleanStatement("The deal closed, which")).toBe("The deal closed");
    expect(cleanStatement("Sales rose 5% and")).toBe("Sales rose 5%");
    expect(cleanStatement("  The   Eiffel\nTower is in Paris.  ")).toBe("The Eiffel Tower is in Paris");
  });

  it("keeps the full stop of an abbreviation and the figures' own punctuation", () => {
    expect(cleanStatement("The company was founded in the U.S.")).toBe("The company was founded in the U.S.");
    expect(cleanStatement("营收增长了5.2%。")).toBe("营收增长了5.2%");
    expect(cleanStatement("GPT-3 has 175 billion+ parameters.")).toBe("GPT-3 has 175 billion+ parameters");
  });

  it("cuts a long Chinese sentence where a clause ends, within the limit", () => {
    const sentence =
      "在本届大会上，多位业内人士指出，随着人工智能技术的快速发展，大模型训练所需的算力成本在过去三年里上涨了近十倍，而与此同时，用于推理的芯片价格却在持续下降，这使得中小企业也有机会参与到这场竞赛中来，并且有望在未来两年内推出具有竞争力的产品和服务。";
    const statement = cleanStatement(sentence);
    expect(length(sentence)).toBeGreaterThan(STATEMENT_MAX_LENGTH);
    expect(length(statement)).toBeLessThanOrEqual(STATEMENT_MAX_LENGTH);
    expect(statement).toBe("在本届大会上，多位业内人士指出，随着人工智能技术的快速发展，大模型训练所需的算力成本在过去三年里上涨了近十倍，而与此同时，用于推理的芯片价格却在持续下降，这使得中小企业也有机会参与到这场竞赛中来");
  });

  it("cuts a long English sentence at a clause, and one with no clause end at a word, with an ellipsis", () => {
    const sentence =
      "In a statement released on Tuesday the company said that its new data centre in Arizona, which cost more than 2 billion dollars to build and employs roughly 1,500 people, would be fully operational by the end of next year.";
    expect(cleanStatement(sentence)).toBe("In a statement released on Tuesday the company said that its new data centre in Arizona");
    const words = `OpenAI ${"really ".repeat(30)}plans to release the model`;
    const cut = cleanStatement(words);
    expect(length(cut)).toBeLessThanOrEqual(STATEMENT_MAX_LENGTH);
    expect(cut).toMatch(/^OpenAI (really )+really…$/);
  });

  it("cuts a long run of Chinese with no clause end at the limit, with an ellipsis, never inside a surrogate pair", () => {
    const cut = cleanStatement("汉".repeat(200));
    expect(cut).toBe(`${"汉".repeat(STATEMENT_MAX_LENGTH - 1)}…`);
    const astral = cleanStatement("𠀀".repeat(200));
    expect(length(astral)).toBe(STATEMENT_MAX_LENGTH);
    expect(astral.endsWith("𠀀…")).toBe(true);
  });

  it("takes a smaller limit", () => {
    expect(cleanStatement("OpenAI 目前估值约为270亿美元，微软是其最大的投资方", 20)).toBe("OpenAI 目前估值约为270亿美元");
  });
});

describe("inferClaimKind", () => {
  it.each([
    ["小米正计划明年发布其第一款自研手机芯片。", "prediction"],
    ["公司将于下月推出新款手机。", "prediction"],
    ["分析师预计，芯片短缺将持续。", "prediction"],
    ["苹果明年发布折叠屏手机。", "prediction"],
    ["OpenAI will release an open-source model.", "prediction"],
    ["The company plans to open a plant in Texas.", "prediction"],
    ["Analysts expect demand to soften.", "prediction"],
    ["一位接近 OpenAI 的人士表示，公司已完成训练。", "attribution"],
    ["报道称，该公司已完成训练。", "attribution"],
    ["According to Reuters, the deal has closed.", "attribution"],
    ["The minister said the deal had closed.", "attribution"],
    ["埃菲尔铁塔位于巴黎。", "fact"],
    ["The Eiffel Tower is in Paris.", "fact"],
    // 将近 is "nearly", 将其 "puts it", 名称 a name, 称为 "is called": no cue.
    ["这个名称被称为“小爱”。", "fact"],
    ["他将其交给了警方。", "fact"],
  ])("%s → %s", (sentence, kind) => {
    expect(inferClaimKind(sentence)).toBe(kind);
  });

  it("calls a sentence with a figure a quantity, even when it predicts or attributes it", () => {
    expect(inferClaimKind("报道称，OpenAI 目前估值约为270亿美元。")).toBe("quantity");
    expect(inferClaimKind("公司预计明年营收将超过1000亿元。")).toBe("quantity");
    expect(inferClaimKind("第一款芯片明年发布。")).toBe("prediction"); // 第一 is an ordinal, not a figure
  });
});

describe("proposeClaim", () => {
  it("makes a figure sentence a quantity claim with value, unit and qualifier", () => {
    expect(proposeClaim("报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。")).toEqual({
      statement: "OpenAI 目前估值约为270亿美元，微软是其最大的投资方",
      kind: "quantity",
      quantity: { value: 27_000_000_000, unit: "USD", qualifier: "~" },
      claimant: null,
    });
    expect(proposeClaim("GPT-3 has more than 175 billion parameters.")).toEqual({
      statement: "GPT-3 has more than 175 billion parameters",
      kind: "quantity",
      quantity: { value: 175_000_000_000, unit: "parameters", qualifier: ">=" },
      claimant: null,
    });
    expect(proposeClaim("不到两成受访者表示支持。").quantity).toEqual({ value: 20, unit: "percent", qualifier: "<=" });
  });

  it("takes the figure it is given", () => {
    const claim = proposeClaim("GPT-3 拥有1750亿个参数，是 GPT-2 的100多倍。", { quantity: { text: "100多倍", start: 0, end: 0, value: 100, unit: "times", qualifier: ">=" } });
    expect(claim.quantity).toEqual({ value: 100, unit: "times", qualifier: ">=" });
    expect(proposeClaim("GPT-3 拥有1750亿个参数。", { quantity: null })).toMatchObject({ kind: "fact", quantity: null });
  });
});

describe("speakerOf: the claimant of a quotation", () => {
  it.each([
    ["雷军表示：“小米将在明年发布自研芯片。”", "雷军"],
    ["雷军表示：“小米将在明年发布自研芯片”。", "雷军"],
    ["“我们将在明年发布芯片，”雷军说。", "雷军"],
    ["此外，王晓明指出：“产能已经翻倍。”", "王晓明"],
    ['"We will ship the chip in 2025," the CEO said.', "the CEO"],
    ['The CEO said: "We will ship the chip in 2025."', "The CEO"],
    ['OpenAI told Reuters: "We have 100 million users."', "OpenAI"],
  ])("reads the speaker of %s", (sentence, speaker) => {
    expect(speakerOf(sentence)).toBe(speaker);
    expect(proposeClaim(sentence).claimant).toBe(speaker);
  });

  it.each([
    "他称“芯片已量产”，但未透露产量。",
    "The minister said the deal had closed.",
    "报告指出，“双碳”目标推动了新能源投资。",
    "“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”",
    "OpenAI 目前估值约为270亿美元。",
  ])("names nobody for %s", (sentence) => {
    expect(speakerOf(sentence)).toBeNull();
  });
});

describe("describeQuantity", () => {
  it("writes the figure as read, with its qualifier in words", () => {
    expect(describeQuantity({ value: 27_000_000_000, unit: "USD", qualifier: "=" })).toBe("27,000,000,000 USD");
    expect(describeQuantity({ value: 27_000_000_000, unit: "USD", qualifier: "~" })).toBe("about 27,000,000,000 USD");
    expect(describeQuantity({ value: 175_000_000_000, unit: "parameters", qualifier: ">=" })).toBe("at least 175,000,000,000 parameters");
    expect(describeQuantity({ value: 2.5, unit: "percent", qualifier: "<=" })).toBe("at most 2.5 percent");
    expect(describeQuantity({ value: 1 / 3, unit: "ratio", qualifier: "=" })).toBe("0.333333 ratio");
    expect(describeQuantity({ value: 12, unit: "", qualifier: "=" })).toBe("12");
  });
});

describe("suggestions carry the claim they propose", () => {
  it("for the valuation sentence, a quantity claim without the anonymous lead-in", () => {
    const [top] = suggestClaims("报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。这家公司成立于旧金山。");
    expect(top!.claim).toEqual({ statement: "OpenAI 目前估值约为270亿美元，微软是其最大的投资方", kind: "quantity", quantity: { value: 27_000_000_000, unit: "USD", qualifier: "~" }, claimant: null });
  });

  it("for a quoted plan, a prediction without the quotation marks", () => {
    const [top] = suggestClaims("记者写道。“作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片。”");
    expect(top!.text).toContain("小米正计划明年");
    expect(top!.claim).toEqual({ statement: "作为苹果的竞争对手，小米正计划明年发布其第一款自研手机芯片", kind: "prediction", quantity: null, claimant: null });
  });
});

describe("a hand selection", () => {
  const body = "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型。\n\n作为对比，GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍。OpenAI 目前估值约为270亿美元。";
  const at = (words: string) => length(body.slice(0, body.indexOf(words)));

  it("proposes the clean statement of its sentence, kind quantity and the selected figure (issue 15)", () => {
    const start = at("1750亿+个参数");
    expect(proposeClaimForSelection(body, start, start + length("1750亿+个参数"), "zh-Hans")).toEqual({
      statement: "GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍",
      kind: "quantity",
      quantity: { value: 175_000_000_000, unit: "parameters", qualifier: ">=" },
      claimant: null,
    });
    const times = at("100多倍");
    expect(proposeClaimForSelection(body, times, times + 5, "zh-Hans").quantity).toEqual({ value: 100, unit: "times", qualifier: ">=" });
  });

  it("of words without a figure takes the sentence's first figure, and its kind", () => {
    const start = at("是 GPT-2");
    expect(proposeClaimForSelection(body, start, start + 3).quantity).toEqual({ value: 175_000_000_000, unit: "parameters", qualifier: ">=" });
    const plan = at("正准备");
    expect(proposeClaimForSelection(body, plan, plan + 3)).toMatchObject({ statement: "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型", kind: "prediction", quantity: null, claimant: null });
  });

  it("across two sentences proposes both, within the limit", () => {
    const start = at("100多倍");
    const end = at("270亿") + 2;
    const around = sentenceAround(body, start, end, "zh-Hans");
    expect(around.text).toBe("作为对比，GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍。OpenAI 目前估值约为270亿美元。");
    expect(Array.from(body).slice(around.start, around.end).join("")).toBe(around.text);
    expect(proposeClaimForSelection(body, start, end).statement).toBe("GPT-3 拥有1750亿+个参数，是 GPT-2 的100多倍。OpenAI 目前估值约为270亿美元");
  });

  it("in a paragraph far longer than the segmenter's pieces, finds the sentence the suggestions split", () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `第${i}家公司的估值约为${i + 1}亿美元，员工${i + 10}人。`);
    const paragraph = sentences.join("");
    const target = sentences[250]!;
    const start = length(paragraph.slice(0, paragraph.indexOf(target))) + 3;
    const around = sentenceAround(paragraph, start, start + 2, "zh-Hans");
    expect(around.text).toBe(target);
    const suggested = suggestClaims(paragraph, { language: "zh-Hans", limit: 1000 }).find((s) => s.start === around.start);
    expect(suggested?.text).toBe(target);
    expect(proposeClaimForSelection(paragraph, start, start + 2, "zh-Hans").quantity).toEqual({ value: 25_100_000_000, unit: "USD", qualifier: "~" });
  });

  it("finds its sentence after astral characters, in code points", () => {
    const text = "😀𠀀 开头。OpenAI 估值约为270亿美元（$27 billion）。👍 结尾。";
    const start = length(text.slice(0, text.indexOf("270亿")));
    const around = sentenceAround(text, start, start + 5);
    expect(around.text).toBe("OpenAI 估值约为270亿美元（$27 billion）。");
    expect(Array.from(text).slice(around.start, around.end).join("")).toBe(around.text);
  });
});

describe("statementFromQuote", () => {
  it("collapses white space and keeps within the statement limit", () => {
    expect(statementFromQuote("  OpenAI \n\n 估值 ")).toBe("OpenAI 估值");
    const long = statementFromQuote("𠀀".repeat(200));
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith("…")).toBe(true);
  });
});
