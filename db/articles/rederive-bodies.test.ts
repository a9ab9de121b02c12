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
function articleDerivedTheOldWay() {
  const editor = makeUser();
  const article = makeArticle(editor, { title: "开源模型 rederive test", body: WRAPPED_BODY, bodyFormat: "markdown" });
  const old = oldDerivation(WRAPPED_BODY);
  expect(old.bodyText).toContain("270 亿美元");
  getDb().update(articles).set(old).where(eq(articles.id, article.id)).run();
  const quotes = ["估值约为270 亿美元", "大约20，000 小时", "2 亿", "comment on the report", "1750 亿"];
  const claims = quotes.map((quote, i) => makeClaim(editor, article.id, quote, `Claim ${i + 1} about the open model`));
  return { article, old, claims };
}

const liveMentions = (articleId: number) => getDb().select().from(mentions).where(eq(mentions.articleId, articleId)).orderBy(mentions.id).all();

describe("re-deriving bodies under the CJK line-joining rule", () => {
  it("joins the wrapped figures, keeps every mention on the same words, audits it and lets search find the joined words", () => {
    const { article, old } = articleDerivedTheOldWay();
    const before = liveMentions(article.id);
    expect(before.map((m) => m.exact)).toEqual(["估值约为270 亿美元", "大约20，000 小时", "2 亿", "comment on the report", "1750 亿"]);
    expect(listPublishedClaims(parseTrackerQuery({ q: "270亿美元" })).total).toBe(0);

    expect(runDataMigrations(getDb())).toEqual(["0002_derived_bodies", "0014_cjk_line_joining", "0015_pinyin_slugs"]);

    const row = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    expect(row.bodyText).toContain("估值约为270亿美元。训练该模型用了大约20，000小时的人工反馈，月活用户达到2亿。");
    expect(row.bodyText).toContain("The company declined to comment on the report, people familiar said.");
    expect(row.bodyText).toContain("参数规模达到1750亿，是上一代的十倍。");
    expect(docText(row.bodyDoc!)).toBe(row.bodyText);
    expect(row.body).toBe(WRAPPED_BODY);
    expect(row.version).toBe(article.version + 1);

    const after = liveMentions(article.id);
    expect(after.map((m) => m.anchorState)).toEqual(["anchored", "anchored", "anchored", "anchored", "anchored"]);
    expect(after.map((m) => m.exact)).toEqual(["估值约为270亿美元", "大约20，000小时", "2亿", "comment on the report", "1750亿"]);
    for (const mention of after) {
      expect(sliceCodePoints(row.bodyText, mention.startOffset, mention.endOffset)).toBe(mention.exact);
    }
    // The same words: each old span, less its removed spaces, is the new span.
    before.forEach((mention, i) => expect(sliceCodePoints(old.bodyText, mention.startOffset, mention.endOffset).replace(/\s/g, "")).toBe(after[i]!.exact.replace(/\s/g, "")));

    const articleAudit = getDb().select().from(auditLog).where(and(eq(auditLog.action, "article.rederive"), eq(auditLog.entityId, String(article.id)))).all();
    expect(articleAudit).toHaveLength(1);
    expect(articleAudit[0]!.actorId).toBeNull();
    expect((articleAudit[0]!.after as { bodyText: string }).bodyText).toBe(row.bodyText);
    const mentionAudit = getDb().select().from(auditLog).where(eq(auditLog.action, "mention.reanchor")).all();
    expect(mentionAudit.map((a) => a.entityId).sort()).toEqual(after.map((m) => String(m.id)).sort());
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "mention.orphan")).all()).toEqual([]);

    const found = listPublishedClaims(parseTrackerQuery({ q: "270亿美元" }));
    expect(found.items.map((item) => item.statement)).toEqual(["Claim 1 about the open model"]);
    expect(listPublishedClaims(parseTrackerQuery({ q: "20，000小时" })).items.map((item) => item.statement)).toEqual(["Claim 2 about the open model"]);
  });

  it("runs once, and re-deriving again changes nothing", () => {
    const { article } = articleDerivedTheOldWay();
    runDataMigrations(getDb());
    const once = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    const auditRows = getDb().select().from(auditLog).all().length;

    expect(runDataMigrations(getDb())).toEqual([]);
    expect(getDb().select().from(dataMigrations).all().map((m) => m.name)).toEqual(["0002_derived_bodies", "0014_cjk_line_joining", "0015_pinyin_slugs"]);
    // Forced to run again (as after an interruption), it finds nothing left to change.
    expect(runDataMigrations(getDb(), [{ name: "again", run: (db) => expect(rederiveArticleBodies(db)).toEqual([]) ?? [] }])).toEqual(["again"]);
    expect(getDb().select().from(articles).where(eq(articles.id, article.id)).get()).toEqual(once);
    expect(getDb().select().from(auditLog).all()).toHaveLength(auditRows);
  });

  it("leaves articles derived under the new rule, and Latin-only text, untouched", () => {
    const editor = makeUser();
    const fresh = makeArticle(editor, { body: WRAPPED_BODY, bodyFormat: "markdown" });
    const english = makeArticle(editor, { title: "English", language: "en", body: "An open\nmodel, wrapped.", bodyFormat: "markdown" });
    expect(english.bodyText).toBe("An open model, wrapped.");
    runDataMigrations(getDb());
    for (const article of [fresh, english]) {
      expect(getDb().select({ version: articles.version }).from(articles).where(eq(articles.id, article.id)).get()!.version).toBe(article.version);
    }
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "article.rederive")).all()).toEqual([]);
  });

  it("re-derives a plain-text body too, whose wraps were kept as newlines", () => {
    const editor = makeUser();
    const plain = "公司估值约为270\n亿美元。";
    const article = makeArticle(editor, { body: plain, bodyFormat: "plain" });
    getDb().update(articles).set({ bodyText: plain, bodyDoc: { version: 1, blocks: [{ type: "paragraph", inlines: [{ text: plain }] }] } }).where(eq(articles.id, article.id)).run();
    makeClaim(editor, article.id, "270\n亿美元");
    runDataMigrations(getDb());
    const [mention] = liveMentions(article.id);
    expect(mention).toMatchObject({ exact: "270亿美元", anchorState: "anchored", startOffset: 6, endOffset: 12 });
  });
});
