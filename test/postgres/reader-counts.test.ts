import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratedSqlite, NOW, runOnPostgres, runOnSqlite, sameForm } from "./both-engines";
import { clusterForThisFile } from "./test-cluster";
import { freshPostgresDatabase } from "./fresh-database";

/**
 * PostgreSQL's reader triggers (its migration 0002, mirroring SQLite's 0008) keep the same
 * `readable` / `timeline_owner_id` / `timeline_readable` columns and the same tracker figures
 * as SQLite's for the same writes: a chain of merges, an unpublish, a republish, a kind change.
 */
const cluster = clusterForThisFile();

const SETUP = [
  `INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('unverified', 'Unverified', '未核实', 'grey', 'dot', 0), ('true', 'True', '属实', 'green', 'check', 1) ON CONFLICT DO NOTHING`,
  `INSERT INTO article (id, slug, title, language, body, status) VALUES (1, 'a', 'An article', 'en', 'Text', 'published')`,
  // Explicit ids, as a copy between engines writes them (identity BY DEFAULT allows it).
  `INSERT INTO claim (id, statement) VALUES (1, 'A'), (2, 'B'), (3, 'C')`,
  `INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES (1, 1, 'a', 0, 1), (2, 1, 'b', 1, 2), (3, 1, 'c', 2, 3)`,
  `INSERT INTO status_event (claim_id, status_key, effective_date) VALUES (1, 'true', '2026-01-15'), (2, 'true', '2026-02-15'), (3, 'true', '2026-03-15')`,
  `INSERT INTO status_event (claim_id, status_key, effective_date, visibility) VALUES (2, 'true', '2026-02-20', 'draft')`,
  // Merge C into B, then B into A, as db/claims/merge-claims.ts does: move the mentions, retire the claim.
  `UPDATE mention SET claim_id = 2 WHERE claim_id = 3`,
  `UPDATE claim SET merged_into_id = 2, deleted_at = ${NOW} WHERE id = 3`,
  `UPDATE mention SET claim_id = 1 WHERE claim_id = 2`,
  `UPDATE claim SET merged_into_id = 1, deleted_at = ${NOW} WHERE id = 2`,
];
const UNPUBLISH = [`UPDATE article SET status = 'draft' WHERE id = 1`];
const REPUBLISH_AS_QUANTITY = [`UPDATE article SET status = 'published' WHERE id = 1`, `UPDATE claim SET kind = 'quantity' WHERE id = 1`];

const SNAPSHOT = {
  claims: `SELECT id, readable, timeline_owner_id, timeline_readable FROM claim ORDER BY id`,
  counts: `SELECT kind, status_key, claims FROM reader_status_count ORDER BY kind, status_key`,
  months: `SELECT month, status_key, events FROM reader_status_month ORDER BY month, status_key`,
};
const BOOLEANS = ["readable", "timeline_readable"];

async function snapshots(steps: string[][]) {
  const sqlite = migratedSqlite();
  const client = new pg.Client({ connectionString: await freshPostgresDatabase(cluster, "reader") });
  await client.connect();
  const results: { sqlite: Record<string, unknown>; postgres: Record<string, unknown> }[] = [];
  try {
    for (const step of steps) {
      for (const statement of step) {
        runOnSqlite(sqlite, statement);
        await runOnPostgres(client, statement);
      }
      // One query at a time: a pg client runs its queries in order anyway.
      const take = async (run: (sql: string) => Promise<Record<string, unknown>[]> | Record<string, unknown>[]) => {
        const taken: Record<string, unknown> = {};
        for (const [name, sql] of Object.entries(SNAPSHOT)) taken[name] = sameForm(await run(sql), BOOLEANS);
        return taken;
      };
      results.push({ sqlite: await take((sql) => runOnSqlite(sqlite, sql)), postgres: await take((sql) => runOnPostgres(client, sql)) });
    }
  } finally {
    sqlite.close();
    await client.end();
  }
  return results;
}

describe("kept reader columns and figures on PostgreSQL (SQLite 0008)", () => {
  it("follow a chain of merges, an unpublish and a republish exactly as SQLite's triggers do", async () => {
    const [merged, unpublished, republished] = await snapshots([SETUP, UNPUBLISH, REPUBLISH_AS_QUANTITY]);

    // After the merges: only A is readable, and B's and C's published events count on A's timeline.
    expect(merged!.postgres).toEqual({
      claims: [
        { id: 1, readable: true, timeline_owner_id: 1, timeline_readable: true },
        { id: 2, readable: false, timeline_owner_id: 1, timeline_readable: true },
        { id: 3, readable: false, timeline_owner_id: 1, timeline_readable: true },
      ],
      counts: [{ kind: "fact", status_key: "unverified", claims: 1 }],
      months: [
        { month: "2026-01", status_key: "true", events: 1 },
        { month: "2026-02", status_key: "true", events: 1 },
        { month: "2026-03", status_key: "true", events: 1 },
      ],
    });
    // Unpublished: nothing is readable and every figure falls to zero (rows stay, as on SQLite).
    expect(unpublished!.postgres.claims).toEqual([
      { id: 1, readable: false, timeline_owner_id: 1, timeline_readable: false },
      { id: 2, readable: false, timeline_owner_id: 1, timeline_readable: false },
      { id: 3, readable: false, timeline_owner_id: 1, timeline_readable: false },
    ]);
    expect((unpublished!.postgres.months as { events: number }[]).map((m) => m.events)).toEqual([0, 0, 0]);
    expect(republished!.postgres.counts).toEqual([
      { kind: "fact", status_key: "unverified", claims: 0 },
      { kind: "quantity", status_key: "unverified", claims: 1 },
    ]);

    for (const step of [merged, unpublished, republished]) expect(step!.postgres).toEqual(step!.sqlite);
  });
});
