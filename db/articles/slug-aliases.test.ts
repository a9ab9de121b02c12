import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleUpdateInput } from "../../lib/validation";
import { ValidationError } from "../../lib/errors";
import { makeArticle, makeUser } from "../../test/factories";
import { getDb, openDatabase } from "../client";
import { runDataMigrations } from "../data-migrations/run-data-migrations";
import { articles, articleSlugAliases, auditLog } from "../schema";
import { givePinyinSlugs } from "./pinyin-slugs";
import { publishedSlugOfFormer } from "./published-articles";
import type { ArticleDto } from "./article-dto";
import { updateArticle } from "./update-article";

function updateInput(article: ArticleDto, changes: Record<string, unknown>) {
  return articleUpdateInput.parse({ ...article, ...changes });
}

const aliasesOf = (articleId: number) =>
  getDb().select({ slug: articleSlugAliases.slug }).from(articleSlugAliases).where(eq(articleSlugAliases.articleId, articleId)).all().map((a) => a.slug);

/** An article as saved before pinyin slugs: its slug is the Chinese title, as the old slugify made it. */
function insertOldChineseArticle(db: ReturnType<typeof getDb>, title: string, status: "published" | "draft" = "published") {
  return db.insert(articles).values({ slug: title, title, language: "zh-Hans", body: "正文。", bodyText: "正文。", status }).returning().get();
}

describe("former slugs", () => {
  it("keep answering after an editor changes the slug, and the change is audited", async () => {
    const editor = makeUser();
    const article = makeArticle(editor, { title: "Rename me please" });
    const renamed = await updateArticle(editor, updateInput(article, { slug: "renamed-piece" }));
    expect(renamed.slug).toBe("renamed-piece");
    expect(aliasesOf(article.id)).toEqual(["rename-me-please"]);
    expect(publishedSlugOfFormer("rename-me-please")).toBe("renamed-piece");
    expect(publishedSlugOfFormer("renamed-piece")).toBeNull();
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, "article.slug"), eq(auditLog.entityId, String(article.id)))).all();
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([[editor.userId, { slug: "rename-me-please" }, { slug: "renamed-piece" }]]);

    // A second change: both earlier addresses lead to the newest.
    const again = await updateArticle(editor, updateInput(renamed, { slug: "renamed-twice" }));
    expect(publishedSlugOfFormer("rename-me-please")).toBe("renamed-twice");
    expect(publishedSlugOfFormer("renamed-piece")).toBe("renamed-twice");
    // Given back an old slug, the article takes it from its own aliases.
    const back = await updateArticle(editor, updateInput(again, { slug: "rename-me-please" }));
    expect(back.slug).toBe("rename-me-please");
    expect(aliasesOf(article.id).sort()).toEqual(["renamed-piece", "renamed-twice"]);
  });

  it("are made afresh from the title when the slug field is cleared, and kept when it is left out", async () => {
    const editor = makeUser();
    const article = makeArticle(editor, { title: "Old headline here" });
    const kept = await updateArticle(editor, updateInput(article, { title: "重庆银行行长", slug: undefined }));
    expect(kept.slug).toBe("old-headline-here");
    const cleared = await updateArticle(editor, updateInput(kept, { slug: "" }));
    expect(cleared.slug).toBe("chongqing-yinhang-hangzhang");
    expect(publishedSlugOfFormer("old-headline-here")).toBe("chongqing-yinhang-hangzhang");
  });

  it("are not taken by another article: a derived slug skips them, an explicit one is refused", async () => {
    const editor = makeUser();
    const first = makeArticle(editor, { title: "Shared words title" });
    await updateArticle(editor, updateInput(first, { slug: "moved-away" }));
    expect(makeArticle(editor, { title: "Shared words title" }).slug).toBe("shared-words-title-2");
    expect(() => makeArticle(editor, { title: "Anything", slug: "shared-words-title" })).toThrow(ValidationError);
  });

  it("are unique across current and former slugs in the database itself (triggers)", async () => {
    const editor = makeUser();
    const article = makeArticle(editor, { title: "Trigger check one" });
    const other = makeArticle(editor, { title: "Trigger check two" });
    await updateArticle(editor, updateInput(article, { slug: "trigger-check-moved" }));
    const db = getDb();
    expect(() => db.insert(articleSlugAliases).values({ slug: "trigger-check-two", articleId: article.id }).run()).toThrow(/current slug/);
    expect(() => db.update(articles).set({ slug: "trigger-check-one" }).where(eq(articles.id, other.id)).run()).toThrow(/former slug/);
    expect(() => insertOldChineseArticle(db, "trigger-check-one")).toThrow(/former slug/);
  });

  it("of a draft do not tell its new slug, and go with their article", async () => {
    const editor = makeUser();
    const draft = makeArticle(editor, { title: "Secret draft title", status: "draft" });
    await updateArticle(editor, updateInput(draft, { slug: "secret-new-title" }));
    expect(publishedSlugOfFormer("secret-draft-title")).toBeNull();
    getDb().delete(articles).where(eq(articles.id, draft.id)).run();
    expect(aliasesOf(draft.id)).toEqual([]);
  });
});

describe("the pinyin slug step of migration 0015", () => {
  it("gives old Chinese slugs their pinyin, keeps each old one as an alias, audits it, and does nothing the second time", () => {
    const db = getDb();
    const old = insertOldChineseArticle(db, "长沙银行行长表示");
    const taken = makeArticle(makeUser(), { title: "重庆", slug: "chongqing" });
    const clash = insertOldChineseArticle(db, "重庆");
    const english = makeArticle(makeUser(), { title: "Untouched English" });

    expect(givePinyinSlugs(db)).toEqual([old.id, clash.id]);
    const after = (id: number) => db.select().from(articles).where(eq(articles.id, id)).get()!;
    expect(after(old.id).slug).toBe("changsha-yinhang-hangzhang-biaoshi");
    expect(after(old.id).version).toBe(old.version + 1);
    expect(after(clash.id).slug).toBe("chongqing-2");
    expect(after(taken.id).slug).toBe("chongqing");
    expect(after(english.id).slug).toBe("untouched-english");
    expect(aliasesOf(old.id)).toEqual(["长沙银行行长表示"]);
    expect(publishedSlugOfFormer("长沙银行行长表示")).toBe("changsha-yinhang-hangzhang-biaoshi");
    expect(publishedSlugOfFormer("重庆")).toBe("chongqing-2");
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "article.slug"), eq(auditLog.entityId, String(old.id)))).get();
    expect(audit).toMatchObject({ actorId: null, before: { slug: "长沙银行行长表示" }, after: { slug: "changsha-yinhang-hangzhang-biaoshi" } });

    expect(givePinyinSlugs(db)).toEqual([]);
  });

  it("runs in the migrate step (a data migration, after the schema migrations), not when the database is opened", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-slugs-"));
    const url = `file:${path.join(dir, "old.db")}`;
    try {
      const before = openDatabase(url);
      const id = insertOldChineseArticle(before, "开放模型发布").id;
      before.$client.close();

      const reopened = openDatabase(url);
      const slugOf = () => reopened.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).get()?.slug;
      expect(slugOf()).toBe("开放模型发布");
      expect(runDataMigrations(reopened)).toContain("0015_pinyin_slugs");
      expect(slugOf()).toBe("kaifang-moxing-fabu");
      expect(reopened.select().from(articleSlugAliases).all().map((a) => [a.slug, a.articleId])).toEqual([["开放模型发布", id]]);
      const migrations = reopened.$client.prepare("select count(*) from __drizzle_migrations").pluck().get();
      const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
      expect(journal.entries.map((e) => e.tag)).toContain("0015_article_slug_alias");
      expect(migrations).toBe(journal.entries.length);
      reopened.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
