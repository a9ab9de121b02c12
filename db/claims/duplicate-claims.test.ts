import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { makeArticle, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { createClaimWithMention } from "./create-claim-with-mention";
import { listLikelyDuplicates } from "./duplicate-claims";
import { linkMentionToClaim } from "./link-mention";
import { mergeClaims } from "./merge-claims";
import { countStatements } from "../../test/count-statements";

const ZH = "OpenAI 计划发布开源模型。GPT-3 拥有1750亿个参数。OpenAI 目前估值约为270亿美元。";
const EN = "OpenAI plans to release its first open-source language model. OpenAI will release an open-source model. OpenAI 正计划向公众发布第一个开源语言模型。";

async function claim(actor: Actor, articleId: number, quote: string) {
  return createClaimWithMention(actor, claimWithMentionInput.parse({ articleId, quote, statement: quote.replace(/[。.]$/, "") }));
}

async function desk() {
  const editor = await makeUser();
  const zh = await makeArticle(editor, { title: "中文报道", slug: "zh", body: ZH, status: "published" });
  const en = await makeArticle(editor, { title: "Draft in English", slug: "en", body: EN, language: "en", status: "draft" });
  return {
    editor,
    zh,
    en,
    planZh: await claim(editor, zh.id, "OpenAI 计划发布开源模型"),
    parameters: await claim(editor, zh.id, "GPT-3 拥有1750亿个参数"),
    valuation: await claim(editor, zh.id, "OpenAI 目前估值约为270亿美元"),
    planEn: await claim(editor, en.id, "OpenAI plans to release its first open-source language model"),
    releaseEn: await claim(editor, en.id, "OpenAI will release an open-source model"),
    planZhLong: await claim(editor, en.id, "OpenAI 正计划向公众发布第一个开源语言模型"),
  };
}

const idPairs = (pairs: { first: { id: number }; second: { id: number } }[]) => pairs.map((p) => [p.first.id, p.second.id]);

describe("listLikelyDuplicates", () => {
  it("pairs the claims that say the same across articles, drafts included, most similar first", async () => {
    const d = await desk();
    const pairs = await listLikelyDuplicates(d.editor);
    expect(idPairs(pairs)).toEqual([
      [d.planEn.claimId, d.releaseEn.claimId],
      [d.planZh.claimId, d.planZhLong.claimId],
    ]);
    expect(pairs[0]!.score).toBeGreaterThan(pairs[1]!.score);
    expect(pairs[1]).toMatchObject({
      first: { id: d.planZh.claimId, statement: "OpenAI 计划发布开源模型", currentStatus: "unverified", articles: [{ id: d.zh.id, slug: "zh", title: "中文报道", status: "published" }] },
      second: { id: d.planZhLong.claimId, articles: [{ id: d.en.id, title: "Draft in English", status: "draft" }] },
    });
  });

  it("no longer lists a pair once merged or linked", async () => {
    const d = await desk();
    await mergeClaims(d.editor, { targetId: d.planEn.claimId, sourceId: d.releaseEn.claimId });
    await linkMentionToClaim(d.editor, { mentionId: d.planZhLong.mentionId, claimId: d.planZh.claimId });
    expect(await listLikelyDuplicates(d.editor)).toEqual([]);
  });

  it("applies the limit and the minimum score", async () => {
    const d = await desk();
    expect(await listLikelyDuplicates(d.editor, { limit: 1 })).toHaveLength(1);
    expect(await listLikelyDuplicates(d.editor, { minScore: 0.99 })).toEqual([]);
    // Low enough, even claims that only name the same company pair up.
    expect(idPairs(await listLikelyDuplicates(d.editor, { minScore: 0.1, limit: 100 }))).toContainEqual([d.planZh.claimId, d.valuation.claimId]);
  });

  it("reads the desk in one SQL statement besides the authorisation", async () => {
    const d = await desk();
    expect(await countStatements(() => listLikelyDuplicates(d.editor))).toBeLessThanOrEqual(2);
  });
});
