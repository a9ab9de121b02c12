import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleUpdateInput } from "../../lib/validation";
import { ValidationError } from "../../lib/errors";
import { makeArticle, makeUser } from "../../test/factories";
import { refusal } from "../../test/refusal";
import { getDb } from "../client";
import { articles, articleSlugAliases, auditLog } from "../schema";
import { givePinyinSlugs } from "./pinyin-slugs";
import { publishedSlugOfFormer } from "./published-articles";
import type { ArticleDto } from "./article-dto";
import { updateArticle } from "./update-article";
import { firstRow, returnedRow } from "../rows";

function updateInput(article: ArticleDto, changes: Record<string, unknown>) {
  return articleUpdateInput.parse({ ...article, ...changes });
}

const aliasesOf = async (articleId: number) =>
  (await getDb().select({ slug: articleSlugAliases.slug }).from(articleSlugAliases).where(eq(articleSlugAliases.articleId, articleId))).map((a) => a.slug);

/** An article as saved before pinyin slugs: its slug is the Chinese title, as the old slugify made it. */
async function insertOldChineseArticle(db: ReturnType<typeof getDb>, title: string, status: "published" | "draft" = "published") {
  return returnedRow(db.insert(articles).values({ slug: title, title, language: "zh-Hans", body: "正文。", bodyText: "正文。", status }).returning());
}

describe("former slugs", () => {
  it("keep answering after an editor changes the slug, and the change is audited", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { title: "Rename me please" });
    const renamed = await updateArticle(editor, updateInput(article, { slug: "renamed-piece" }));
    expect(renamed.slug).toBe("renamed-piece");
    expect(await aliasesOf(article.id)).toEqual(["rename-me-please"]);
    expect(await publishedSlugOfFormer("rename-me-please")).toBe("renamed-piece");
    expect(await publishedSlugOfFormer("renamed-piece")).toBeNull();
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "article.slug"), eq(auditLog.entityId, String(article.id))));
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([[editor.userId, { slug: "rename-me-please" }, { slug: "renamed-piece" }]]);

    // A second change: both earlier addresses lead to the newest.
    const again = await updateArticle(editor, updateInput(renamed, { slug: "renamed-twice" }));
    expect(await publishedSlugOfFormer("rename-me-please")).toBe("renamed-twice");
    expect(await publishedSlugOfFormer("renamed-piece")).toBe("renamed-twice");
    // Given back an old slug, the article takes it from its own aliases.
    const back = await updateArticle(editor, updateInput(again, { slug: "rename-me-please" }));
    expect(back.slug).toBe("rename-me-please");
    expect((await aliasesOf(article.id)).sort()).toEqual(["renamed-piece", "renamed-twice"]);
  });

  it("are made afresh from the title when the slug field is cleared, and kept when it is left out", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { title: "Old headline here" });
    const kept = await updateArticle(editor, updateInput(article, { title: "重庆银行行长", slug: undefined }));
    expect(kept.slug).toBe("old-headline-here");
    const cleared = await updateArticle(editor, updateInput(kept, { slug: "" }));
    expect(cleared.slug).toBe("chongqing-yinhang-hangzhang");
    expect(await publishedSlugOfFormer("old-headline-here")).toBe("chongqing-yinhang-hangzhang");
  });

  it("are not taken by another article: a derived slug skips them, an explicit one is refused", async () => {
    const editor = await makeUser();
    const first = await makeArticle(editor, { title: "Shared words title" });
    await updateArticle(editor, updateInput(first, { slug: "moved-away" }));
    expect((await makeArticle(editor, { title: "Shared words title" })).slug).toBe("shared-words-title-2");
    await expect(makeArticle(editor, { title: "Anything", slug: "shared-words-title" })).rejects.toThrow(ValidationError);
  });

  it("are unique across current and former slugs in the database itself (triggers)", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { title: "Trigger check one" });
    const other = await makeArticle(editor, { title: "Trigger check two" });
    await updateArticle(editor, updateInput(article, { slug: "trigger-check-moved" }));
    const db = getDb();
    expect(await refusal(db.insert(articleSlugAliases).values({ slug: "trigger-check-two", articleId: article.id }))).toMatch(/current slug/);
    expect(await refusal(db.update(articles).set({ slug: "trigger-check-one" }).where(eq(articles.id, other.id)))).toMatch(/former slug/);
    expect(await refusal(insertOldChineseArticle(db, "trigger-check-one"))).toMatch(/former slug/);
  });

  it("of a draft do not tell its new slug, and go with their article", async () => {
    const editor = await makeUser();
    const draft = await makeArticle(editor, { title: "Secret draft title", status: "draft" });
    await updateArticle(editor, updateInput(draft, { slug: "secret-new-title" }));
    expect(await publishedSlugOfFormer("secret-draft-title")).toBeNull();
    await getDb().delete(articles).where(eq(articles.id, draft.id));
    expect(await aliasesOf(draft.id)).toEqual([]);
  });
});

describe("the pinyin slug step of migration 0015", () => {
  it("gives old Chinese slugs their pinyin, keeps each old one as an alias, audits it, and does nothing the second time", async () => {
    const db = getDb();
    const old = await insertOldChineseArticle(db, "长沙银行行长表示");
    const taken = await makeArticle(await makeUser(), { title: "重庆", slug: "chongqing" });
    const clash = await insertOldChineseArticle(db, "重庆");
    const english = await makeArticle(await makeUser(), { title: "Untouched English" });

    expect(await givePinyinSlugs(db)).toEqual([old.id, clash.id]);
    const after = async (id: number) => (await firstRow(db.select().from(articles).where(eq(articles.id, id))))!;
    expect((await after(old.id)).slug).toBe("changsha-yinhang-hangzhang-biaoshi");
    expect((await after(old.id)).version).toBe(old.version + 1);
    expect((await after(clash.id)).slug).toBe("chongqing-2");
    expect((await after(taken.id)).slug).toBe("chongqing");
    expect((await after(english.id)).slug).toBe("untouched-english");
    expect(await aliasesOf(old.id)).toEqual(["长沙银行行长表示"]);
    expect(await publishedSlugOfFormer("长沙银行行长表示")).toBe("changsha-yinhang-hangzhang-biaoshi");
    expect(await publishedSlugOfFormer("重庆")).toBe("chongqing-2");
    const audit = await firstRow(db.select().from(auditLog).where(and(eq(auditLog.action, "article.slug"), eq(auditLog.entityId, String(old.id)))));
    expect(audit).toMatchObject({ actorId: null, before: { slug: "长沙银行行长表示" }, after: { slug: "changsha-yinhang-hangzhang-biaoshi" } });

    expect(await givePinyinSlugs(db)).toEqual([]);
  });

});
