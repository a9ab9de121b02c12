import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedSqlite, NOW, runOnPostgres, runOnSqlite } from "./both-engines";
import { clusterForThisFile } from "./test-cluster";
import { freshPostgresDatabase } from "./fresh-database";

/**
 * PostgreSQL's search table (its migration 0004, mirroring SQLite's FTS5 table of 0005/0010):
 * the same rows for the same writes, Chinese and English matches of any length, nothing from
 * drafts, and the trigram indexes serving queries of three characters or more.
 */
const cluster = clusterForThisFile();
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: await freshPostgresDatabase(cluster, "search") });
  await db.connect();
  for (const statement of DESK) await db.query(statement);
}, 120_000);

afterAll(async () => {
  await db?.end();
});

const DESK = [
  `INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('unverified', 'Unverified', '未核实', 'grey', 'dot', 0) ON CONFLICT DO NOTHING`,
  `INSERT INTO article (id, slug, title, language, body, status) VALUES (1, 'open', '开源软件的未来', 'zh-Hans', 'x', 'published'), (2, 'river', 'The River Report', 'en', 'x', 'published'), (3, 'secret', 'Secret Draft Title', 'en', 'x', 'draft')`,
  `INSERT INTO claim (id, statement) VALUES (1, '开源软件市场规模达到270亿美元'), (2, 'The Yangtze is the longest river in Asia'), (3, 'A claim only a draft makes'), (4, '100% of rivers_flow')`,
  `INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES (1, 1, '开源软件市场', 0, 6), (2, 2, 'longest river', 0, 13), (3, 3, 'only a draft', 0, 12), (4, 2, 'rivers', 14, 20)`,
  `INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES (2, 1, '长江', 7, 9)`,
];

const matches = async (q: string) => (await db.query<{ id: number }>(`SELECT id FROM claim_search_matches($1) AS id ORDER BY id`, [q])).rows.map((r) => r.id);

describe("claim search on PostgreSQL (SQLite 0005, 0010)", () => {
  it("holds the same rows as SQLite's FTS5 table for the same writes, through a merge and an unpublish", async () => {
    const sqlite = migratedSqlite();
    const other = new pg.Client({ connectionString: await freshPostgresDatabase(cluster, "search_same") });
    await other.connect();
    const writes = [
      ...DESK,
      `UPDATE mention SET claim_id = 2 WHERE claim_id = 4`,
      `UPDATE claim SET merged_into_id = 2, deleted_at = ${NOW} WHERE id = 4`,
      `UPDATE article SET title = 'The River Report, revised' WHERE id = 2`,
      `UPDATE claim SET statement = '开源软件市场规模达到280亿美元' WHERE id = 1`,
      `UPDATE article SET status = 'draft' WHERE id = 1`,
      `UPDATE article SET status = 'published' WHERE id = 1`,
    ];
    for (const statement of writes) {
      runOnSqlite(sqlite, statement);
      await runOnPostgres(other, statement);
    }
    // Titles: one per line, in any order (a substring search does not care): compared as sets.
    const form = (rows: Record<string, unknown>[]) =>
      rows.map((r) => ({ ...r, claim_id: Number(r.claim_id), titles: String(r.titles).split("\n").sort() }));
    const onSqlite = form(runOnSqlite(sqlite, `SELECT rowid AS claim_id, statement, quotes, titles FROM claim_search ORDER BY rowid`));
    const onPostgres = form(await runOnPostgres(other, `SELECT claim_id, statement, quotes, titles FROM claim_search ORDER BY claim_id`));
    sqlite.close();
    await other.end();
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.map((r) => r.claim_id)).toEqual([1, 2]);
    expect(onPostgres[1]).toEqual({ claim_id: 2, statement: "The Yangtze is the longest river in Asia", quotes: "longest river\nrivers\n长江", titles: ["The River Report, revised", "开源软件的未来"] });
  });

  it("finds Chinese and English of one, two and more characters, case-insensitively, never from a draft", async () => {
    expect(await matches("开源软件")).toEqual([1, 2]); // claim 2 is quoted in the 开源软件 article: its title matches
    expect(await matches("开源")).toEqual([1, 2]);
    expect(await matches("长江")).toEqual([2]);
    expect(await matches("亿")).toEqual([1]);
    expect(await matches("YANGTZE")).toEqual([2]);
    expect(await matches("  river ")).toEqual([2, 4]);
    expect(await matches("as")).toEqual([2]);
    expect(await matches("draft")).toEqual([]);
    expect(await matches("Secret")).toEqual([]);
  });

  it("matches %, _ and \\ literally", async () => {
    expect(await matches("100%")).toEqual([4]);
    expect(await matches("%")).toEqual([4]);
    expect(await matches("s_f")).toEqual([4]);
    expect(await matches("_")).toEqual([4]);
    expect(await matches("\\")).toEqual([]);
  });

  it("answers three characters or more from the trigram indexes, Chinese included", async () => {
    // A table this small is cheaper to scan; forbid that to see which indexes the query can use.
    await db.query("SET enable_seqscan = off");
    const plan = async (q: string) => (await db.query(`EXPLAIN SELECT * FROM claim_search_matches('${q}')`)).rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(await plan("开源软件")).toMatch(/Bitmap Index Scan on claim_search_statement_trgm_idx/);
    expect(await plan("river")).toMatch(/Bitmap Index Scan on claim_search_titles_trgm_idx/);
    await db.query("RESET enable_seqscan");
  });
});
