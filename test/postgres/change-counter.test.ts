import { drizzle } from "drizzle-orm/better-sqlite3";
import pg from "pg";
import { statuses } from "../../db/schema/sqlite-tables";
import { DEFAULT_STATUSES } from "../../lib/status-scale";
import { describe, expect, it } from "vitest";
import { UNWATCHED_TABLES, WATCHED_TABLES } from "../../db/change-counter";
import { migratedSqlite, NOW, runOnPostgres, runOnSqlite, sameForm } from "./both-engines";
import { clusterForThisFile } from "./test-cluster";
import { freshPostgresDatabase } from "./fresh-database";

/**
 * PostgreSQL's change counter and cache tags (its migration 0003, mirroring SQLite's 0017 and
 * 0018), and the NOTIFY on `claimline_changes` that lets other nodes drop their caches.
 */
const cluster = clusterForThisFile();

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const WRITES = [
  `INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('test_status', 'Test status', '测试状态', 'grey', 'dot', 0) ON CONFLICT DO NOTHING`,
  `INSERT INTO "user" (id, name, email) VALUES ('u1', 'Editor', 'e@example.test')`,
  `INSERT INTO article (id, slug, title, language, body, status) VALUES (7, 'a', 'An article', 'en', 'Text', 'published')`,
  `INSERT INTO claim (id, statement) VALUES (30, 'A'), (31, 'B')`,
  `INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES (30, 7, 'a', 0, 1), (31, 7, 'b', 1, 2)`,
  `INSERT INTO status_event (id, claim_id, status_key, effective_date) VALUES (90, 31, 'test_status', '2026-01-15')`,
  `INSERT INTO source (id, url) VALUES (5, 'https://example.test/report')`,
  `INSERT INTO status_event_source (event_id, source_id) VALUES (90, 5)`,
  `UPDATE mention SET claim_id = 30 WHERE claim_id = 31`,
  `UPDATE claim SET merged_into_id = 30, deleted_at = ${NOW} WHERE id = 31`,
  `UPDATE source SET title = 'The report' WHERE id = 5`,
  `UPDATE "user" SET email = 'f@example.test'`,
  `INSERT INTO session (id, expires_at, token, user_id) VALUES ('s1', ${NOW}, 't', 'u1')`,
];

describe("change counter and cache tags on PostgreSQL (SQLite 0017, 0018)", () => {
  it("puts SQLite's three triggers on every watched table and none on the unwatched ones", async () => {
    const client = await connect(await freshPostgresDatabase(cluster, "counter"));
    const triggers = await client.query<{ table: string; name: string }>(
      `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%\\_changed\\_%' AND NOT t.tgisinternal`,
    );
    await client.end();
    const expected = WATCHED_TABLES.flatMap((table) => ["insert", "update", "delete"].map((op) => `${table}.${table}_changed_${op}`)).sort();
    expect(triggers.rows.map((t) => `${t.table}.${t.name}`).sort()).toEqual(expected);
    expect(triggers.rows.filter((t) => (UNWATCHED_TABLES as readonly string[]).includes(t.table))).toEqual([]);
  });

  it("moves the counter and stamps the same tags as SQLite for the same writes", async () => {
    const sqlite = migratedSqlite();
    // The default scale, one status per statement, as PostgreSQL's migrate step installed it.
    for (const status of DEFAULT_STATUSES) drizzle(sqlite).insert(statuses).values({ ...status }).run();
    const client = await connect(await freshPostgresDatabase(cluster, "counter"));
    for (const statement of WRITES) {
      runOnSqlite(sqlite, statement);
      await runOnPostgres(client, statement);
    }
    const counter = `SELECT value FROM change_counter WHERE id = 1`;
    const tags = `SELECT tag, changed_at FROM cache_tag_change ORDER BY tag`;
    const onSqlite = { counter: sameForm(runOnSqlite(sqlite, counter)), tags: sameForm(runOnSqlite(sqlite, tags)) };
    const onPostgres = { counter: sameForm(await runOnPostgres(client, counter)), tags: sameForm(await runOnPostgres(client, tags)) };
    sqlite.close();
    await client.end();

    // The merge stamped the retired claim, the claim it joined, the article and the lists; the
    // source's new title reached the claim whose event cites it. A session moved nothing.
    expect(onPostgres.tags.map((t) => t.tag)).toEqual(["article-7", "claim-30", "claim-31", "desk", "list"]);
    expect(onPostgres).toEqual(onSqlite);
  });

  it("notifies listeners once per table and transaction, at commit, never for a rollback", async () => {
    const url = await freshPostgresDatabase(cluster, "notify");
    const listener = await connect(url);
    const writer = await connect(url);
    const received: string[] = [];
    let wake: () => void = () => {};
    listener.on("notification", (message) => {
      if (message.channel === "claimline_changes") received.push(message.payload ?? "");
      wake();
    });
    await listener.query("LISTEN claimline_changes");
    /** Waits until `payload` arrives: notifications come in commit order, so all earlier ones are in. */
    const until = (payload: string) =>
      new Promise<void>((resolve) => {
        wake = () => received.includes(payload) && resolve();
        wake();
      });

    await writer.query("BEGIN");
    await writer.query(`INSERT INTO app_setting (key, value) VALUES ('rolled-back', 'x')`);
    await writer.query("ROLLBACK");
    await writer.query("BEGIN");
    await writer.query(`INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('test_status', 'Test status', '测试状态', 'grey', 'dot', 0) ON CONFLICT DO NOTHING`);
    await writer.query(`INSERT INTO claim (statement) VALUES ('A'), ('B'), ('C')`);
    await writer.query("COMMIT");
    await writer.query(`INSERT INTO article (slug, title, language, body) VALUES ('marker', 'Marker', 'en', 'x')`);
    await until("article");

    // Three claims (and the reader triggers' own updates of them) in one transaction: one 'claim'.
    expect(received).toEqual(["status", "claim", "article"]);
    const counter = await writer.query(`SELECT value FROM change_counter`);
    expect(Number(counter.rows[0].value)).toBeGreaterThan(4);
    await listener.end();
    await writer.end();
  });
});
