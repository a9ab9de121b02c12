import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { makeArticle, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { claims } from "../schema";
import { createClaimWithMention } from "./create-claim-with-mention";
import { deleteClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { findSimilarClaims } from "./similar-claims";
import { countStatements } from "../../test/count-statements";

const ZH = "OpenAI 正计划向公众发布第一个开源语言模型。GPT-3 拥有1750亿个参数。微软是其最大的投资方。正计划向公众发布第一个开源语言模型。";
const EN = "OpenAI plans to release its first open-source language model. OpenAI released gpt-oss in August. GPT-3 has 175 billion parameters.";

async function claim(actor: Actor, articleId: number, quote: string, occurrence = 1) {
  return (await createClaimWithMention(actor, claimWithMentionInput.parse({ articleId, quote, statement: quote.replace(/。$/, ""), occurrence }))).claimId;
}

/** A desk: a published Chinese article, and a draft English one (drafts are not in the reader search index). */
async function desk() {
  const editor = await makeUser();
  const zh = await makeArticle(editor, { title: "OpenAI 计划发布开源模型", slug: "zh", body: ZH, status: "published" });
  const en = await makeArticle(editor, { title: "OpenAI's open model", slug: "en", body: EN, language: "en", status: "draft" });
  return {
    editor,
    zh,
    en,
    openModelZh: await claim(editor, zh.id, "OpenAI 正计划向公众发布第一个开源语言模型"),
    parametersZh: await claim(editor, zh.id, "GPT-3 拥有1750亿个参数"),
    investor: await claim(editor, zh.id, "微软是其最大的投资方"),
    openModelZhOnly: await claim(editor, zh.id, "正计划向公众发布第一个开源语言模型", 2),
    openModelEn: await claim(editor, en.id, "OpenAI plans to release its first open-source language model"),
    released: await claim(editor, en.id, "OpenAI released gpt-oss in August"),
  };
}

const ids = (results: { id: number }[]) => results.map((r) => r.id);

describe("findSimilarClaims", () => {
  it("finds the claims that say the same, best first, with their status, articles and matching words", async () => {
    const d = await desk();
    const results = await findSimilarClaims(d.editor, { text: "OpenAI 计划发布开源模型" });
    expect(results[0]).toMatchObject({
      id: d.openModelZh,
      statement: "OpenAI 正计划向公众发布第一个开源语言模型",
      currentStatus: "unverified",
      articles: [{ id: d.zh.id, slug: "zh", title: "OpenAI 计划发布开源模型", status: "published" }],
      bestQuote: null,
    });
    const statement = Array.from(results[0]!.statement);
    expect(results[0]!.highlights.map((s) => statement.slice(s.start, s.end).join(""))).toEqual(["OpenAI", "计划", "发布", "开源", "模型"]);
    expect(ids(results)).toContain(d.openModelZhOnly);
    expect(ids(results)).not.toContain(d.parametersZh);
    expect(ids(results)).not.toContain(d.investor);
    expect(results.every((r, i) => i === 0 || results[i - 1]!.score >= r.score)).toBe(true);
  });

  it("finds claims of draft articles, which the reader search index leaves out", async () => {
    const d = await desk();
    const results = await findSimilarClaims(d.editor, { text: "OpenAI will release an open-source model" });
    expect(results[0]).toMatchObject({ id: d.openModelEn, articles: [{ id: d.en.id, status: "draft" }] });
    expect(results[0]!.score).toBeGreaterThan(0.7);
  });

  it("finds a Chinese paraphrase that shares only two-character words with the text", async () => {
    const d = await desk();
    expect(ids(await findSimilarClaims(d.editor, { text: "计划发布开源模型" }))).toContain(d.openModelZhOnly);
  });

  it("finds a published claim through the trigram index when no whole word matches", async () => {
    const d = await desk();
    const published = await makeArticle(d.editor, { slug: "gpt-oss", body: "OpenAI released gpt-oss in August.", language: "en", status: "published" });
    const releasedPublished = await claim(d.editor, published.id, "OpenAI released gpt-oss");
    // "releasing" is in no claim's words, but its trigrams rel, ele, lea, eas are in "released".
    const results = await findSimilarClaims(d.editor, { text: "releasing" });
    expect(ids(results)).toContain(releasedPublished);
    expect(ids(results)).not.toContain(d.released);
  });

  it("matches a claim's quoted words as well as its statement", async () => {
    const d = await desk();
    await getDb().update(claims).set({ statement: "Investor" }).where(eq(claims.id, d.investor));
    const [best] = await findSimilarClaims(d.editor, { text: "微软是最大的投资方" });
    expect(best).toMatchObject({ id: d.investor, statement: "Investor", highlights: [] });
    expect(best!.bestQuote).toMatchObject({ exact: "微软是其最大的投资方", highlights: [{ start: 0, end: 3 }, { start: 4, end: 10 }] });
  });

  it("leaves out the claim being edited, deleted claims and merged claims", async () => {
    const d = await desk();
    await deleteClaim(d.editor, d.openModelZhOnly);
    await mergeClaims(d.editor, { targetId: d.openModelZh, sourceId: d.openModelEn });
    const results = await findSimilarClaims(d.editor, { text: "OpenAI 计划发布开源模型", excludeClaimId: d.openModelZh });
    expect(ids(results)).not.toContain(d.openModelZh);
    expect(ids(results)).not.toContain(d.openModelZhOnly);
    expect(ids(results)).not.toContain(d.openModelEn);
  });

  it("applies the limit and the minimum score", async () => {
    const d = await desk();
    expect(await findSimilarClaims(d.editor, { text: "OpenAI 计划发布开源模型", limit: 1 })).toHaveLength(1);
    expect(await findSimilarClaims(d.editor, { text: "OpenAI 计划发布开源模型", minScore: 0.99 })).toEqual([]);
  });

  it("takes short text, FTS5 syntax and punctuation as plain text", async () => {
    const d = await desk();
    expect(ids(await findSimilarClaims(d.editor, { text: "开源" }))).toContain(d.openModelZh);
    for (const text of ['"', 'OR NEAR( "open" * -source:', "。，！", "*", "a AND b", "\u0000x"]) {
      await findSimilarClaims(d.editor, { text });
    }
    expect(await findSimilarClaims(d.editor, { text: "。，！" })).toEqual([]);
  });

  it("runs the same number of SQL statements however many claims there are", async () => {
    const d = await desk();
    const statements = (text: string) => countStatements(() => findSimilarClaims(d.editor, { text }));
    const before = await statements("OpenAI 计划发布开源模型");
    const more = await makeArticle(d.editor, { slug: "more", body: ZH.repeat(5), status: "published" });
    for (let i = 1; i <= 5; i++) await claim(d.editor, more.id, "OpenAI 正计划向公众发布第一个开源语言模型", i);
    expect((await findSimilarClaims(d.editor, { text: "OpenAI 计划发布开源模型", limit: 20 })).length).toBeGreaterThan(6);
    expect(await statements("OpenAI 计划发布开源模型")).toBe(before);
    expect(before).toBeLessThanOrEqual(2);
  });
});
