import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { changeCount } from "../../db/change-counter";
import { postgresServingReads } from "../../db/engines/postgres/serving-reads";
import { sqliteServingReads } from "../../db/engines/sqlite/serving-reads";
import type { ServingReads } from "../../db/serving-reads";
import { createBudget } from "../../db/limits/limiter";
import { migratedSqlite, NOW, runOnPostgres, runOnSqlite } from "./both-engines";
import { freshPostgresDatabase } from "./fresh-database";
import { clusterForThisFile } from "./test-cluster";

/**
 * The serving layer's reads on PostgreSQL (db/engines/postgres/serving-reads.ts) and its rate
 * limits (db/limits/limiter.ts on RateLimiterPostgres), as two app nodes use them: each node is
 * a pg.Pool of its own on the one database.
 */
const cluster = clusterForThisFile();

const pools: pg.Pool[] = [];
function pool(url: string): pg.Pool {
  const opened = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(opened);
  return opened;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map(endPool));
});

/** pool.end() resolves before its connections have closed: wait for them, before the cluster stops. */
async function endPool(opened: pg.Pool): Promise<void> {
  let open = opened.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    opened.on("remove", () => --open === 0 && resolve());
  });
  await opened.end();
  await closed;
}

/** Two articles, four claims (31 merged into 30, 33 only on the second article), an event and a settings change. */
const WRITES = [
  `INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('unverified', 'Unverified', '未核实', 'grey', 'dot', 0)`,
  `INSERT INTO "user" (id, name, email) VALUES ('u1', 'Editor', 'e@example.test')`,
  `INSERT INTO article (id, slug, title, language, body, status) VALUES (7, 'first', 'An article', 'en', 'Text', 'published')`,
  `INSERT INTO article (id, slug, title, language, body, status) VALUES (8, 'second', 'Another', 'en', 'Text', 'published')`,
  `INSERT INTO claim (id, statement) VALUES (30, 'A'), (31, 'B'), (32, 'C'), (33, 'D')`,
  `INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES (30, 7, 'a', 0, 1), (31, 8, 'b', 1, 2), (32, 7, 'c', 2, 3), (33, 8, 'd', 3, 4)`,
  `UPDATE claim SET merged_into_id = 30, deleted_at = ${NOW} WHERE id = 31`,
  `INSERT INTO status_event (id, claim_id, status_key, effective_date) VALUES (90, 33, 'unverified', '2026-01-15')`,
];

describe("the change counter on PostgreSQL", () => {
  it("sees another node's committed write on the very next read, and nothing uncommitted", async () => {
    const url = await freshPostgresDatabase(cluster, "serving");
    const reader = pool(url);
    const writer = await pool(url).connect();
    const reads = postgresServingReads(reader);
    const before = await reads.changeCount();
    // Through the app's entry point too, which picks the engine by the connection it is given.
    expect(await changeCount(reader)).toBe(before);

    await writer.query("BEGIN");
    await writer.query(`INSERT INTO app_setting (key, value) VALUES ('pending', 'x')`);
    expect(await reads.changeCount()).toBe(before);
    await writer.query("COMMIT");
    expect(await reads.changeCount()).toBe(before + 1);
    expect(await changeCount(reader)).toBe(before + 1);

    await writer.query(`INSERT INTO app_setting (key, value) VALUES ('second', 'y')`);
    expect(await reads.changeCount()).toBe(before + 2);
    writer.release();
  });
});

describe("cache-tag reads on both engines", () => {
  it("answer the same for the same rows", async () => {
    const sqlite = migratedSqlite();
    const url = await freshPostgresDatabase(cluster, "serving");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const onSqlite = sqliteServingReads(sqlite);
    const onPostgres = postgresServingReads(pool(url));

    const startSqlite = onSqlite.changeCount() as number;
    const startPostgres = await onPostgres.changeCount();
    for (const statement of WRITES) {
      runOnSqlite(sqlite, statement);
      await runOnPostgres(client, statement);
    }
    const midwaySqlite = onSqlite.changeCount() as number;
    const midwayPostgres = await onPostgres.changeCount();
    // A settings change after the mark: it touches every public answer (the desk tag).
    const settingsChange = `INSERT INTO app_setting (key, value) VALUES ('theme', 'calm')`;
    runOnSqlite(sqlite, settingsChange);
    await runOnPostgres(client, settingsChange);
    await client.end();

    /** Every read the serving layer makes, on one engine, with that engine's counter marks. */
    const answers = async (reads: ServingReads, start: number, midway: number) => ({
      counterMoved: (await reads.changeCount()) > start,
      slugs: [await reads.articleIdBySlug("first"), await reads.articleIdBySlug("second"), await reads.articleIdBySlug("none")],
      claimsOfFirst: await reads.claimsOfArticle(7),
      claimsOfSecond: await reads.claimsOfArticle(8),
      familyOfMerged: await reads.familyOfClaim(31),
      familyOfOwner: await reads.familyOfClaim(30),
      familyOfNone: await reads.familyOfClaim(999),
      articlesOfFamily: await reads.articlesOfClaims([30, 31]),
      articlesOfNone: await reads.articlesOfClaims([]),
      allSinceStart: await reads.tagsChangedSince(start),
      sinceMidway: await reads.tagsChangedSince(midway),
      firstArticleChangedSinceMidway: await reads.anyTagChangedSince(["article-7", "claim-30", "claim-32"], midway),
      deskChangedSinceMidway: await reads.anyTagChangedSince(["desk", "article-7"], midway),
      nothingAsked: await reads.anyTagChangedSince([], start),
    });
    const sqliteAnswers = await answers(onSqlite, startSqlite, midwaySqlite);
    const postgresAnswers = await answers(onPostgres, startPostgres, midwayPostgres);
    sqlite.close();

    // Not vacuous: the merged claim's family is its owner's, which the second article shows.
    expect(postgresAnswers.familyOfMerged).toEqual([30, 31]);
    expect(postgresAnswers.articlesOfFamily).toEqual([7, 8]);
    expect(postgresAnswers.claimsOfSecond).toEqual([30, 31, 33]);
    expect(postgresAnswers.sinceMidway).toEqual(["desk"]);
    expect(postgresAnswers.firstArticleChangedSinceMidway).toBe(false);
    expect(postgresAnswers.deskChangedSinceMidway).toBe(true);
    expect(postgresAnswers).toEqual(sqliteAnswers);
  });
});

describe("rate limits on PostgreSQL", () => {
  it("two nodes' budgets on two pools count against one shared budget in the rate_limit table", async () => {
    const url = await freshPostgresDatabase(cluster, "limits");
    const options = { name: "shared-test", points: 4, durationSeconds: 60 };
    const [first, second] = [createBudget(options, pool(url)), createBudget(options, pool(url))];
    const client = "203.0.113.9";
    expect(await first.take(client)).toBe(0);
    expect(await second.take(client)).toBe(0);
    expect(await first.take(client)).toBe(0);
    expect(await second.take(client)).toBe(0);
    // Four taken, two through each node: the fifth is refused through either, until the window ends.
    const wait = await first.take(client);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await second.take(client)).toBeGreaterThan(0);
    // Another client's budget is its own.
    expect(await second.take("198.51.100.4")).toBe(0);
    // A point given back on one node can be taken on the other; a reset frees the key everywhere.
    await first.giveBack(client, 3);
    expect(await second.take(client)).toBe(0);
    await second.reset(client);
    for (let i = 0; i < 4; i++) expect(await first.take(client)).toBe(0);

    // The counters are rows of our table, keyed by the budget's name and a hash, never the address.
    const rows = await pool(url).query<{ key: string }>("SELECT key FROM rate_limit ORDER BY key");
    expect(rows.rows.map((row) => row.key)).toHaveLength(2);
    expect(rows.rows.every((row) => /^shared-test:[0-9a-f]{64}$/.test(row.key))).toBe(true);
  });
});
