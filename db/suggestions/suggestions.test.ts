import { describe, expect, it } from "vitest";
import { claimFromSpanInput } from "../../lib/workbench-input";
import { makeArticle, makeUser, spanOf } from "../../test/factories";
import { deleteClaim } from "../claims/delete-claim";
import { createClaimFromSpan } from "../claims/create-claim-from-span";
import { dismissSuggestion } from "./dismiss-suggestion";
import { suggestForArticle } from "./suggest-for-article";

const BODY = "据路透社援引知情人士报道，OpenAI 正准备向公众发布一款新的开源语言模型。报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。作为对比，GPT-3 拥有1750亿个参数。";

describe("suggestions for an article", () => {
  it("leaves out dismissed sentences and sentences that already hold a claim", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { body: BODY });
    const all = await suggestForArticle(editor, article.id);
    expect(all.map((s) => s.text)).toEqual(expect.arrayContaining(["报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。", "作为对比，GPT-3 拥有1750亿个参数。"]));

    await dismissSuggestion(editor, { articleId: article.id, sentence: "作为对比，GPT-3 拥有1750亿个参数。" });
    await dismissSuggestion(editor, { articleId: article.id, sentence: "作为对比，GPT-3 拥有1750亿个参数。" });
    const valuation = all.find((s) => s.text.includes("270亿美元"))!;
    await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, start: valuation.start, end: valuation.end, statement: "OpenAI is valued at $27B" }));

    const remaining = (await suggestForArticle(editor, article.id)).map((s) => s.text);
    expect(remaining).not.toContain("作为对比，GPT-3 拥有1750亿个参数。");
    expect(remaining.some((t) => t.includes("270亿美元"))).toBe(false);
    expect(remaining.length).toBe(all.length - 2);
  });

  it("folds the suggestions that repeat an accepted one under its claim, and the ones overlapping a selection's claim", async () => {
    const editor = await makeUser();
    const body = [
      "报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。",
      "据悉，OpenAI 估值达到270亿美元。",
      "作为对比，GPT-3 拥有1750亿+个参数。",
      "一位接近 OpenAI 的人士表示，公司不太可能开源其最先进的模型。",
      "另据知情人士透露，OpenAI 目前的估值约为270亿美元。",
    ].join("");
    const article = await makeArticle(editor, { body });
    const all = await suggestForArticle(editor, article.id);
    expect(all).toHaveLength(5);
    expect(all.every((s) => s.collapsedUnder === null)).toBe(true);

    // Accept the valuation as the workbench does: its span, its proposed statement, kind and figure.
    const valuation = all.find((s) => s.text.startsWith("报道称"))!;
    expect(valuation.claim).toEqual({ statement: "OpenAI 目前估值约为270亿美元，微软是其最大的投资方", kind: "quantity", quantity: { value: 27_000_000_000, unit: "USD", qualifier: "~" }, claimant: null });
    const { quantity } = valuation.claim;
    const accepted = await createClaimFromSpan(
      editor,
      claimFromSpanInput.parse({ articleId: article.id, start: valuation.start, end: valuation.end, statement: valuation.claim.statement, kind: valuation.claim.kind, quantityValue: quantity!.value, quantityUnit: quantity!.unit, quantityQualifier: quantity!.qualifier }),
    );

    const afterAccept = await suggestForArticle(editor, article.id);
    const under = (s: { collapsedUnder: { claimId: number } | null }) => s.collapsedUnder?.claimId ?? null;
    expect(afterAccept.map((s) => [s.text, under(s)])).toEqual(
      expect.arrayContaining([
        ["据悉，OpenAI 估值达到270亿美元。", accepted.claimId],
        ["另据知情人士透露，OpenAI 目前的估值约为270亿美元。", accepted.claimId],
        ["作为对比，GPT-3 拥有1750亿+个参数。", null],
        ["一位接近 OpenAI 的人士表示，公司不太可能开源其最先进的模型。", null],
      ]),
    );
    expect(afterAccept).toHaveLength(4); // the accepted sentence is a claim now, and nothing is lost
    expect(afterAccept.find((s) => under(s) === accepted.claimId)!.collapsedUnder).toEqual({ claimId: accepted.claimId, statement: "OpenAI 目前估值约为270亿美元，微软是其最大的投资方" });

    // A hand selection of a few words folds its sentence under the new claim rather than hiding it.
    const selected = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...spanOf(body, "1750亿+个参数"), statement: "GPT-3 拥有1750亿+个参数", kind: "quantity" }));
    const afterSelection = await suggestForArticle(editor, article.id);
    expect(afterSelection.find((s) => s.text.includes("1750亿"))!.collapsedUnder).toEqual({ claimId: selected.claimId, statement: "GPT-3 拥有1750亿+个参数" });

    // Deleting the accepted claim unfolds its look-alikes and offers its sentence again.
    await deleteClaim(editor, accepted.claimId);
    const afterDelete = await suggestForArticle(editor, article.id);
    expect(afterDelete.filter((s) => s.text.includes("270亿美元")).map((s) => s.collapsedUnder)).toEqual([null, null, null]);
  });
});
