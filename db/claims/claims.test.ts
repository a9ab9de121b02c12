import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/errors";
import { makeArticle, makeClaim, makeUser } from "../../test/factories";
import { claimWithMentionInput } from "../../lib/validation";
import { getDb } from "../client";
import { auditLog, claims, mentions } from "../schema";
import { createClaimWithMention } from "./create-claim-with-mention";
import { getPublicClaim } from "./public-claim";

describe("claims with mentions", () => {
  it("anchors the quote in code points with its prefix and suffix", () => {
    const editor = makeUser();
    const article = makeArticle(editor, { body: "😀𠀀 据报道，OpenAI 估值约为270亿美元。后文。" });
    const created = makeClaim(editor, article.id, "估值约为270亿美元");
    const mention = getDb().select().from(mentions).get()!;
    expect([created.start, created.end]).toEqual([14, 24]);
    expect(mention).toMatchObject({ exact: "估值约为270亿美元", prefix: "😀𠀀 据报道，OpenAI ", suffix: "。后文。", startOffset: 14, endOffset: 24 });
    const claim = getPublicClaim(created.claimId)!;
    expect(claim).toMatchObject({ statement: "OpenAI is valued at $27 billion", currentStatus: "unverified", kind: "quantity" });
    expect(claim.appearances.map((a) => a.exact)).toEqual(["估值约为270亿美元"]);
  });

  it("anchors the chosen occurrence when the words appear twice", () => {
    const editor = makeUser();
    const article = makeArticle(editor, { body: "开源模型。另一段：开源模型。" });
    const second = createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "开源模型", occurrence: 2, statement: "s" }));
    expect(second.start).toBe(9);
  });

  it("refuses a quote that is not in the article and writes nothing", () => {
    const editor = makeUser();
    const article = makeArticle(editor);
    expect(() => makeClaim(editor, article.id, "这句话不在文章里")).toThrow(ValidationError);
    expect(getDb().select().from(claims).all()).toHaveLength(0);
    expect(getDb().select().from(mentions).all()).toHaveLength(0);
    expect(getDb().select().from(auditLog).all().map((a) => a.action)).toEqual(["user.create", "article.create"]);
  });

  it("numbers mentions in the order they were added", () => {
    const editor = makeUser();
    const article = makeArticle(editor);
    makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "a");
    makeClaim(editor, article.id, "估值约为270亿美元", "b");
    expect(getDb().select({ p: mentions.position }).from(mentions).all().map((m) => m.p)).toEqual([0, 1]);
  });
});
