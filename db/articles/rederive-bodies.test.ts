import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../../lib/anchor";
import { docFromMarkdown, docText } from "../../lib/article-doc";
import { parseTrackerQuery } from "../../lib/tracker-query";
import { makeArticle, makeClaim, makeUser } from "../../test/factories";
import { getDb } from "../client";
import { runDataMigrations } from "../data-migrations/run-data-migrations";
import { articles, auditLog, dataMigrations, mentions } from "../schema";
import { listPublishedClaims } from "../tracker/list-claims";
import { rederiveArticleBodies } from "./rederive-bodies";
import { firstRow } from "../rows";

/** A hard-wrapped WeChat-style export: wraps inside figures, after full-width commas, and in English. */
const WRAPPED_BODY = [
  "据知情人士透露，OpenAI正准备发布一款开源语言模型，公司估值约为270",
  "亿美元。训练该模型用了大约20，000",
  "小时的人工反馈，月活用户达到2",
  "亿。",
  "",
  "The company declined to comment on the",
  "report, people familiar said.",
  "",
  "参数规模达到1750",
  "亿，是上一代的十倍。",
].join("\n");

/** What the body derived to before line joining: every single line break became a space. */
function oldDerivation(markdown: string) {
  const doc = docFromMarkdown(markdown.replace(/(?<!\n)\n(?!\n)/g, " "));
  return { bodyDoc: doc, bodyText: docText(doc) };
}

/** An article as the old derivation left it, with claims anchored on its old text. */
async function articleDerivedTheOldWay() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { title: "开源模型 rederive test", body: WRAPPED_BODY, bodyFormat: "markdown" });
  const old = oldDerivation(WRAPPED_BODY);
  expect(old.bodyText).toContain("270 亿美元");
  await getDb().update(articles).set(old).where(eq(articles.id, article.id));
  const quotes = ["估值约为270 亿美元", "大约20，000 小时", "2 亿", "comment on the report", "1750 亿"];
  const claims = [];
  for (const [i, quote] of quotes.entries()) claims.push(await makeClaim(editor, article.id, quote, `Claim ${i + 1} about the open model`));
  return { article, old, claims };
}

const liveMentions = async (articleId: number) => getDb().select().from(mentions).where(eq(mentions.articleId, articleId)).orderBy(mentions.id);

describe("re-deriving bodies under the CJK line-joining rule", () => {
  it("joins the wrapped figures, keeps every mention on the same words, audits it and lets search find the joined words", async () => {
    const { article, old } = await articleDerivedTheOldWay();
    const before = await liveMentions(article.id);
    expect(before.map((m) => m.exact)).toEqual(["估值约为270 亿美元", "大约20，000 小时", "2 亿", "comment on the report", "1750 亿"]);
    expect((await listPublishedClaims(parseTrackerQuery({ q: "270亿美元" }))).total).toBe(0);

    expect(await runDataMigrations(getDb())).toEqual(["0002_derived_bodies", "0014_cjk_line_joining", "0015_pinyin_slugs"]);

    const row = (await firstRow(getDb().select().from(articles).where(eq(articles.id, article.id))))!;
    expect(row.bodyText).toContain("估值约为270亿美元。训练该模型用了大约20，000小时的人工反馈，月活用户达到2亿。");
    expect(row.bodyText).toContain("The company declined to comment on the report, people familiar said.");
    expect(row.bodyText).toContain("参数规模达到1750亿，是上一代的十倍。");
    expect(docText(row.bodyDoc!)).toBe(row.bodyText);
    expect(row.body).toBe(WRAPPED_BODY);
    expect(row.version).toBe(article.version + 1);

    const after = await liveMentions(article.id);
    expect(after.map((m) => m.anchorState)).toEqual(["anchored", "anchored", "anchored", "anchored", "anchored"]);
    expect(after.map((m) => m.exact)).toEqual(["估值约为270亿美元", "大约20，000小时", "2亿", "comment on the report", "1750亿"]);
    for (const mention of after) {
      expect(sliceCodePoints(row.bodyText, mention.startOffset, mention.endOffset)).toBe(mention.exact);
    }
    // The same words: each old span, less its removed spaces, is the new span.
    before.forEach((mention, i) => expect(sliceCodePoints(old.bodyText, mention.startOffset, mention.endOffset).replace(/\s/g, "")).toBe(after[i]!.exact.replace(/\s/g, "")));

    const articleAudit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "article.rederive"), eq(auditLog.entityId, String(article.id))));
    expect(articleAudit).toHaveLength(1);
    expect(articleAudit[0]!.actorId).toBeNull();
    expect((articleAudit[0]!.after as { bodyText: string }).bodyText).toBe(row.bodyText);
    const mentionAudit = await getDb().select().from(auditLog).where(eq(auditLog.action, "mention.reanchor"));
    expect(mentionAudit.map((a) => a.entityId).sort()).toEqual(after.map((m) => String(m.id)).sort());
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "mention.orphan"))).toEqual([]);

    const found = await listPublishedClaims(parseTrackerQuery({ q: "270亿美元" }));
    expect(found.items.map((item) => item.statement)).toEqual(["Claim 1 about the open model"]);
    expect((await listPublishedClaims(parseTrackerQuery({ q: "20，000小时" }))).items.map((item) => item.statement)).toEqual(["Claim 2 about the open model"]);
  });

  it("runs once, and re-deriving again changes nothing", async () => {
    const { article } = await articleDerivedTheOldWay();
    await runDataMigrations(getDb());
    const once = (await firstRow(getDb().select().from(articles).where(eq(articles.id, article.id))))!;
    const auditRows = (await getDb().select().from(auditLog)).length;

    expect(await runDataMigrations(getDb())).toEqual([]);
    expect((await getDb().select().from(dataMigrations)).map((m) => m.name)).toEqual(["0002_derived_bodies", "0014_cjk_line_joining", "0015_pinyin_slugs"]);
    // Forced to run again (as after an interruption), it finds nothing left to change.
    expect(await runDataMigrations(getDb(), [{ name: "again", run: async (db) => expect(await rederiveArticleBodies(db)).toEqual([]) ?? [] }])).toEqual(["again"]);
    expect(await firstRow(getDb().select().from(articles).where(eq(articles.id, article.id)))).toEqual(once);
    expect(await getDb().select().from(auditLog)).toHaveLength(auditRows);
  });

  it("leaves articles derived under the new rule, and Latin-only text, untouched", async () => {
    const editor = await makeUser();
    const fresh = await makeArticle(editor, { body: WRAPPED_BODY, bodyFormat: "markdown" });
    const english = await makeArticle(editor, { title: "English", language: "en", body: "An open\nmodel, wrapped.", bodyFormat: "markdown" });
    expect(english.bodyText).toBe("An open model, wrapped.");
    await runDataMigrations(getDb());
    for (const article of [fresh, english]) {
      expect((await firstRow(getDb().select({ version: articles.version }).from(articles).where(eq(articles.id, article.id))))!.version).toBe(article.version);
    }
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "article.rederive"))).toEqual([]);
  });

  it("re-derives a plain-text body too, whose wraps were kept as newlines", async () => {
    const editor = await makeUser();
    const plain = "公司估值约为270\n亿美元。";
    const article = await makeArticle(editor, { body: plain, bodyFormat: "plain" });
    await getDb().update(articles).set({ bodyText: plain, bodyDoc: { version: 1, blocks: [{ type: "paragraph", inlines: [{ text: plain }] }] } }).where(eq(articles.id, article.id));
    await makeClaim(editor, article.id, "270\n亿美元");
    await runDataMigrations(getDb());
    const [mention] = await liveMentions(article.id);
    expect(mention).toMatchObject({ exact: "270亿美元", anchorState: "anchored", startOffset: 6, endOffset: 12 });
  });
});
