import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anchorAt, sliceCodePoints } from "../../lib/anchor";
import { docFromMarkdown, docText } from "../../lib/article-doc";
import { makeArticle, makeClaim, makeUser, spanOf } from "../../test/factories";
import type { Actor } from "../authorize";
import { publishedSlugOfFormer } from "../articles/published-articles";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { articles, articleSlugAliases, auditLog, dataMigrations, mentions, user } from "../schema";
import { exportBackup } from "./export-backup";
import { importBackup } from "./import-backup";
import { firstRow, returnedRow } from "../rows";

type Doc = { tables: Record<string, Record<string, unknown>[]> };

async function freshDatabaseWithAdmin(admin: Actor) {
  const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
  await openNewDatabase();
  await getDb().insert(user).values(adminRow);
}

/** Mentions of the article re-anchored on `text`, as the code of the time anchored them. */
function anchorMentionsOn(doc: Doc, articleId: number, text: string, quotes: string[]) {
  doc.tables.mention!.filter((m) => m.articleId === articleId).forEach((m, i) => {
    const { start, end } = spanOf(text, quotes[i]!);
    const anchor = anchorAt(text, start, end);
    Object.assign(m, { startOffset: start, endOffset: end, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix });
  });
}

/** A hard-wrapped Chinese body (CJK line joining) with Markdown (a derived text that differs from the body). */
const WRAPPED = "据**路透社**报道，OpenAI估值约为270\n亿美元。";
const RAW = "据**路透社**报道，GPT-3 拥有1750亿个参数。";

/**
 * A version 1 file as a Claimline from before migration 0011 wrote it: no former slugs, reviews,
 * claimant types, assignees or language columns; one article with the Chinese slug the old
 * slugify kept and text derived before CJK line joining; one never parsed (no document, its
 * text the raw body, as before migration 0002). The importing database has run every data
 * migration: only the file's rows need them.
 */
async function oldBackup() {
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  const wrapped = await makeArticle(editor, { title: "开源模型估值", body: WRAPPED, bodyFormat: "markdown" });
  await makeClaim(editor, wrapped.id, "估值约为270亿美元", "OpenAI is valued at $27 billion");
  const raw = await makeArticle(editor, { title: "Parameters piece", language: "en", body: RAW, bodyFormat: "markdown" });
  await makeClaim(editor, raw.id, "1750亿个参数", "GPT-3 has 175 billion parameters");

  const doc = JSON.parse(await exportBackup(admin)) as Doc;
  const t = doc.tables;
  delete t.article_slug_alias;
  delete t.review_request;
  for (const c of t.claim!) for (const key of ["claimantType", "assigneeId", "statementLanguage"]) delete c[key];
  for (const m of t.mention!) delete m.language;
  for (const s of t.source!) delete s.titleLanguage;
  for (const e of t.status_event!) delete e.rationaleLanguage;

  const oldDoc = docFromMarkdown(WRAPPED.replace("\n", " "));
  Object.assign(t.article!.find((a) => a.id === wrapped.id)!, { slug: "开源模型估值", bodyDoc: oldDoc, bodyText: docText(oldDoc) });
  anchorMentionsOn(doc, wrapped.id, docText(oldDoc), ["估值约为270 亿美元"]);
  Object.assign(t.article!.find((a) => a.id === raw.id)!, { bodyDoc: null, bodyText: RAW });
  anchorMentionsOn(doc, raw.id, RAW, ["1750亿个参数"]);
  return { admin, wrapped, raw, json: JSON.stringify(doc, null, 2) };
}

const articleRow = async (id: number) => (await firstRow(getDb().select().from(articles).where(eq(articles.id, id))))!;
const mentionsOf = async (id: number) => getDb().select().from(mentions).where(eq(mentions.articleId, id));

describe("restoring a backup written by an older Claimline", () => {
  it("runs the data migrations its rows still need in the import: documents, today's text, pinyin slugs", async () => {
    const { admin, wrapped, raw, json } = await oldBackup();
    expect(json).not.toContain("article_slug_alias");
    await freshDatabaseWithAdmin(admin);
    // The live database is up to date: its data_migration rows say nothing about the file's rows.
    expect(await getDb().select().from(dataMigrations)).toEqual([]);

    const summary = await importBackup(admin, json, { mode: "empty-only" });
    expect(summary.dataMigrations).toEqual({
      "0002_derived_bodies": [raw.id],
      "0014_cjk_line_joining": [wrapped.id],
      "0015_pinyin_slugs": [wrapped.id],
    });

    // Derived bodies: the never-parsed article has its document and text, its mention on the same words.
    const rawRow = await articleRow(raw.id);
    expect(rawRow.bodyDoc).not.toBeNull();
    expect(rawRow.bodyText).toBe("据路透社报道，GPT-3 拥有1750亿个参数。");
    expect(docText(rawRow.bodyDoc!)).toBe(rawRow.bodyText);
    // The wrapped article's text is joined under today's rule.
    const wrappedRow = await articleRow(wrapped.id);
    expect(wrappedRow.bodyText).toBe("据路透社报道，OpenAI估值约为270亿美元。");
    for (const [row, exact] of [[rawRow, "1750亿个参数"], [wrappedRow, "估值约为270亿美元"]] as const) {
      const [mention] = await mentionsOf(row.id);
      expect(mention).toMatchObject({ exact, anchorState: "anchored" });
      expect(sliceCodePoints(row.bodyText, mention!.startOffset, mention!.endOffset)).toBe(exact);
    }
    // Pinyin slug, and the old Chinese address redirects to it.
    expect(wrappedRow.slug).toBe("kai-yuan-moxing-gu-zhi");
    expect((await getDb().select().from(articleSlugAliases)).map((a) => [a.slug, a.articleId])).toEqual([["开源模型估值", wrapped.id]]);
    expect(await publishedSlugOfFormer("开源模型估值")).toBe("kai-yuan-moxing-gu-zhi");
    expect((await articleRow(raw.id)).slug).toBe(raw.slug);
    // In the import's transaction: its audit row and the migrations' rows are there together.
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "backup.import"))).toHaveLength(1);
  });

  it("in a merge, changes only the imported articles, not the live desk's", async () => {
    const { admin, wrapped, json } = await oldBackup();
    await freshDatabaseWithAdmin(admin);
    // A live article with an old Chinese slug: the migrate step's business, not the import's.
    const live = await returnedRow(getDb()
      .insert(articles)
      .values({ id: 900, slug: "旧标题", title: "旧标题", language: "zh-Hans", body: "正文。", bodyText: "正文。", bodyDoc: null, status: "published" })
      .returning());
    const summary = await importBackup(admin, json, { mode: "merge" });
    expect(summary.dataMigrations["0015_pinyin_slugs"]).toEqual([wrapped.id]);
    expect(await articleRow(live.id)).toEqual(live);
  });
});
