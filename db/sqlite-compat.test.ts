import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeArticle, makeUser, spanOf } from "../test/factories";
import { bootstrap } from "./bootstrap";
import { addMention } from "./claims/add-mention";
import { createClaimWithMention } from "./claims/create-claim-with-mention";
import { closeDb, getDb } from "./client";
import { claimWithMentionInput } from "../lib/validation";

/**
 * A Claimline database must open in the tools an operator already has: the `sqlite3` shell
 * and Python's sqlite3 module of a stable Debian (SQLite 3.40). Both parse the whole schema
 * (views and triggers too) on opening, so syntax newer than 3.40 anywhere in a migration makes
 * them refuse the file as "malformed". CI installs Debian's `sqlite3` package.
 */
const SQLITE3 = process.env.SQLITE3_PATH || "/usr/bin/sqlite3";
const PYTHON3 = process.env.PYTHON3_PATH || "python3";

let dir: string;
let savedUrl: string | undefined;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-sqlite-compat-"));
  savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${path.join(dir, "live.db")}`;
  await closeDb();
});
afterEach(async () => {
  await closeDb();
  process.env.DATABASE_URL = savedUrl;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs SQL in the sqlite3 shell on `file`, stopping at the first error, and returns its output lines. */
function shell(file: string, sql: string): string[] {
  if (!fs.existsSync(SQLITE3)) {
    throw new Error(`The sqlite3 shell is not at ${SQLITE3}: install Debian's "sqlite3" package (apt-get install sqlite3) or set SQLITE3_PATH.`);
  }
  const result = spawnSync(SQLITE3, ["-bail", "-batch", file], { input: sql, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`sqlite3 failed (${result.status}): ${result.stderr}`);
  return result.stdout.split("\n").filter((line) => line !== "");
}

/** A file database made by the current migrations, with the demo desk and a claim quoted in two articles. */
async function demoDatabaseCopy(): Promise<{ copy: string; live: Database.Database }> {
  expect((await bootstrap({ SEED_DEMO: "1" })).demoSeeded).toBe(true);
  const editor = await makeUser();
  const first = await makeArticle(editor, { title: "Second desk article" });
  const second = await makeArticle(editor, { title: "Third desk article" });
  const claimId = (await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: second.id, quote: "GPT-3 拥有1750亿个参数", statement: "GPT-3 is big" }))).claimId;
  await addMention(editor, { claimId, articleId: first.id, ...spanOf(first.bodyText, "估值约为270亿美元") });
  const copy = path.join(dir, "copy.db");
  await getDb().$client.backup(copy);
  return { copy, live: getDb().$client };
}

describe("a Claimline database in Debian's SQLite 3.40", () => {
  it("opens in the sqlite3 shell: integrity check, every table and view, search, writes through the triggers, .backup", async () => {
    const { copy, live } = await demoDatabaseCopy();
    expect(shell(copy, "SELECT sqlite_version();")[0]).toMatch(/^3\./);
    expect(shell(copy, "PRAGMA integrity_check;")).toEqual(["ok"]);

    const objects = live.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[];
    expect(objects).toEqual(expect.arrayContaining(["claim", "claim_search", "claim_search_source", "__drizzle_migrations"]));
    const counts = shell(copy, objects.map((name) => `SELECT '${name}', count(*) FROM "${name}";`).join("\n"));
    expect(counts).toEqual(objects.map((name) => `${name}|${String(live.prepare(`SELECT count(*) FROM "${name}"`).pluck().get())}`));

    // The search the tracker runs (db/tracker/search.ts), and the view's text, as the app sees them.
    const search = `SELECT rowid FROM claim_search WHERE claim_search MATCH '"OpenAI"' ORDER BY rowid;`;
    const found = live.prepare(search.replace(/;$/, "")).pluck().all().map(String);
    expect(found.length).toBeGreaterThan(1);
    expect(shell(copy, search)).toEqual(found);
    const quotes = "SELECT claim_id || ':' || quotes FROM claim_search_source ORDER BY claim_id;";
    expect(shell(copy, quotes)).toEqual(
      (live.prepare(quotes.replace(/;$/, "")).pluck().all() as string[]).flatMap((line) => line.split("\n")),
    );

    // A write in 3.40 runs the search and reader-count triggers: a new title is found at once.
    expect(shell(copy, "UPDATE article SET title = 'Renamed in the shell' WHERE title = 'Third desk article'; SELECT count(*) FROM claim_search WHERE claim_search MATCH '\"Renamed in the shell\"';")).toEqual(["1"]);
    expect(shell(copy, "PRAGMA integrity_check;")).toEqual(["ok"]);

    const backup = path.join(dir, "shell-backup.db");
    shell(copy, `.backup '${backup}'`);
    expect(shell(backup, "PRAGMA integrity_check; SELECT count(*) FROM claim;")).toEqual(["ok", String(live.prepare("SELECT count(*) FROM claim").pluck().get())]);
  });

  it("opens in Python's sqlite3 module", async () => {
    const { copy, live } = await demoDatabaseCopy();
    const script = [
      "import sqlite3, sys",
      "c = sqlite3.connect(sys.argv[1])",
      "print(c.execute('PRAGMA integrity_check').fetchone()[0])",
      "print(c.execute('SELECT count(*) FROM claim_search_source').fetchone()[0])",
    ].join("\n");
    let output: string;
    try {
      output = execFileSync(PYTHON3, ["-c", script, copy], { encoding: "utf8" });
    } catch (error) {
      throw new Error(`Python's sqlite3 module could not open the database (is python3 installed? set PYTHON3_PATH): ${String(error)}`);
    }
    expect(output.trim().split("\n")).toEqual(["ok", String(live.prepare("SELECT count(*) FROM claim_search_source").pluck().get())]);
  });

  it("concatenates a claim's quotes in mention order, as 0005's aggregate ORDER BY did", async () => {
    await demoDatabaseCopy();
    const live = getDb().$client;
    // The bundled SQLite (3.44+) still parses the old definition: compare the two for every claim.
    const before = live
      .prepare(
        `SELECT c.id, (SELECT group_concat(m.exact, char(10) ORDER BY m.id) FROM mention m JOIN article a ON a.id = m.article_id
           WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published') AS quotes
         FROM claim c WHERE c.id IN (SELECT claim_id FROM claim_search_source) ORDER BY c.id`,
      )
      .all();
    expect(live.prepare("SELECT claim_id AS id, quotes FROM claim_search_source ORDER BY claim_id").all()).toEqual(before);
    // The claim quoted in two articles was quoted first in the later article: mention order, not article order.
    expect(before.at(-1)).toMatchObject({ quotes: "GPT-3 拥有1750亿个参数\n估值约为270亿美元" });
  });
});
