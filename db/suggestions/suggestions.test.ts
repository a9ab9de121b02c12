import { describe, expect, it } from "vitest";
import { claimFromSpanInput } from "../../lib/workbench-input";
import { makeArticle, makeUser } from "../../test/factories";
import { createClaimFromSpan } from "../claims/create-claim-from-span";
import { dismissSuggestion } from "./dismiss-suggestion";
import { suggestForArticle } from "./suggest-for-article";

const BODY = "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型。报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。作为对比，GPT-3 拥有1750亿个参数。";

describe("suggestions for an article", () => {
  it("leaves out dismissed sentences and sentences that already hold a claim", () => {
    const editor = makeUser();
    const article = makeArticle(editor, { body: BODY });
    const all = suggestForArticle(editor, article.id);
    expect(all.map((s) => s.text)).toEqual(expect.arrayContaining(["报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。", "作为对比，GPT-3 拥有1750亿个参数。"]));

    dismissSuggestion(editor, { articleId: article.id, sentence: "作为对比，GPT-3 拥有1750亿个参数。" });
    dismissSuggestion(editor, { articleId: article.id, sentence: "作为对比，GPT-3 拥有1750亿个参数。" });
    const valuation = all.find((s) => s.text.includes("270亿美元"))!;
    createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, start: valuation.start, end: valuation.end, statement: "OpenAI is valued at $27B" }));

    const remaining = suggestForArticle(editor, article.id).map((s) => s.text);
    expect(remaining).not.toContain("作为对比，GPT-3 拥有1750亿个参数。");
    expect(remaining.some((t) => t.includes("270亿美元"))).toBe(false);
    expect(remaining.length).toBe(all.length - 2);
  });
});
