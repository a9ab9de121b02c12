import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { runDataMigrations } from "../data-migrations/run-data-migrations";
import { articles, articleSlugAliases } from "../schema";
import { firstRow, returnedRow } from "../rows";

/*
 * SQLite only (in the postgres project's exclusion list): it opens a SQLite file written before
 * pinyin slugs and counts SQLite's migration journal. On PostgreSQL the data migrations run in
 * the same migrate step; the step itself is tested in slug-aliases.test.ts on both engines.
 */

type Handle = ReturnType<typeof openDatabase>;

/** An article as saved before pinyin slugs: its slug is the Chinese title, as the old slugify made it. */
async function insertOldChineseArticle(db: Handle, title: string) {
  return returnedRow(db.insert(articles).values({ slug: title, title, language: "zh-Hans", body: "正文。", bodyText: "正文。", status: "published" }).returning());
}

describe("the pinyin slug step of migration 0015 on a SQLite file", () => {
  it("runs in the migrate step (a data migration, after the schema migrations), not when the database is opened", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-slugs-"));
    const url = `file:${path.join(dir, "old.db")}`;
    try {
      const before = openDatabase(url);
      const id = (await insertOldChineseArticle(before, "开放模型发布")).id;
      before.$client.close();

      const reopened = openDatabase(url);
      const slugOf = async () => (await firstRow(reopened.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id))))?.slug;
      expect(await slugOf()).toBe("开放模型发布");
      expect(await runDataMigrations(reopened)).toContain("0015_pinyin_slugs");
      expect(await slugOf()).toBe("kaifang-moxing-fabu");
      expect((await reopened.select().from(articleSlugAliases)).map((a) => [a.slug, a.articleId])).toEqual([["开放模型发布", id]]);
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
