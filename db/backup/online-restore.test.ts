import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { restoreDatabase } from "./online-restore";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-restore-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("restoring a database file written by an older Claimline", () => {
  it("runs the data migrations the file has not had on the copy, before it goes live", async () => {
    // The backup: rows as an older version left them (a Chinese slug from before pinyin slugs,
    // a body never parsed), and no data_migration rows, as before migration 0014.
    const backupFile = path.join(dir, "old.db");
    const old = openDatabase(`file:${backupFile}`).$client;
    const insert = old.prepare("INSERT INTO article (slug, title, language, body, body_format, body_text, status) VALUES (?, ?, ?, ?, 'markdown', ?, 'published')");
    const chinese = Number(insert.run("开放模型发布", "开放模型发布", "zh-Hans", "正文。", "正文。").lastInsertRowid);
    const unparsed = Number(insert.run("unparsed-piece", "Unparsed piece", "en", "An **open**\nmodel.", "").lastInsertRowid);
    expect(old.prepare("SELECT count(*) FROM data_migration").pluck().get()).toBe(0);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    const before = fs.readFileSync(backupFile);

    const liveUrl = `file:${path.join(dir, "live.db")}`;
    openDatabase(liveUrl).$client.close();
    await restoreDatabase(liveUrl, backupFile);

    const live = new Database(path.join(dir, "live.db"), { readonly: true });
    const slugOf = live.prepare("SELECT slug FROM article WHERE id = ?").pluck();
    expect(slugOf.get(chinese)).toBe("kaifang-moxing-fabu");
    expect(live.prepare("SELECT slug, article_id FROM article_slug_alias").raw().all()).toEqual([["开放模型发布", chinese]]);
    expect(live.prepare("SELECT body_text, body_doc IS NOT NULL FROM article WHERE id = ?").raw().get(unparsed)).toEqual(["An open model.", 1]);
    expect(live.prepare("SELECT name FROM data_migration ORDER BY name").pluck().all()).toEqual(["0002_derived_bodies", "0014_cjk_line_joining", "0015_pinyin_slugs"]);
    live.close();
    // The backup file itself is never changed.
    expect(fs.readFileSync(backupFile).equals(before)).toBe(true);
  });
});
