import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/errors";
import { makeArticle, makeClaim, makeUser } from "../../test/factories";
import { claimWithMentionInput } from "../../lib/validation";
import { getDb } from "../client";
import { auditLog, claims, mentions } from "../schema";
import { createClaimWithMention } from "./create-claim-with-mention";
import { getPublicClaim } from "./public-claim";
import { firstRow } from "../rows";

describe("claims with mentions", () => {
  it("anchors the quote in code points with its prefix and suffix", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { body: "😀𠀀 据报道，OpenAI 估值约为270亿美元。后文。" });
    const created = await makeClaim(editor, article.id, "估值约为270亿美元");
    const mention = (await firstRow(getDb().select().from(mentions)))!;
    expect([created.start, created.end]).toEqual([14, 24]);
    expect(mention).toMatchObject({ exact: "估值约为270亿美元", prefix: "😀𠀀 据报道，OpenAI ", suffix: "。后文。", startOffset: 14, endOffset: 24 });
    const claim = (await getPublicClaim(created.claimId))!;
    expect(claim).toMatchObject({ statement: "OpenAI is valued at $27 billion", currentStatus: "unverified", kind: "quantity" });
    expect(claim.appearances.map((a) => a.exact)).toEqual(["估值约为270亿美元"]);
  });

  it("anchors the chosen occurrence when the words appear twice", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { body: "开源模型。另一段：开源模型。" });
    const second = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "开源模型", occurrence: 2, statement: "s" }));
    expect(second.start).toBe(9);
  });

  it("refuses a quote that is not in the article and writes nothing", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    await expect(makeClaim(editor, article.id, "这句话不在文章里")).rejects.toThrow(ValidationError);
    expect(await getDb().select().from(claims)).toHaveLength(0);
    expect(await getDb().select().from(mentions)).toHaveLength(0);
    expect((await getDb().select().from(auditLog)).map((a) => a.action)).toEqual(["user.create", "article.create"]);
  });

  it("numbers mentions in the order they were added", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "a");
    await makeClaim(editor, article.id, "估值约为270亿美元", "b");
    expect((await getDb().select({ p: mentions.position }).from(mentions)).map((m) => m.p)).toEqual([0, 1]);
  });
});
