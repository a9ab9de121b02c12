import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { clusterForThisFile } from "./test-cluster";
import { freshPostgresDatabase } from "./fresh-database";

/**
 * The hand-written PostgreSQL migrations (db/engines/postgres/migrations/0001…) on a real
 * cluster: each trigger does what its SQLite twin does.
 */
const cluster = clusterForThisFile();
let db: pg.Client;

beforeEach(async () => {
  db = new pg.Client({ connectionString: await freshPostgresDatabase(cluster) });
  await db.connect();
  return async () => {
    await db.end();
  };
}, 60_000);

const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows[0] as T;

/** A status, an author, and a published article mentioning one claim with one published event. */
async function seedDesk() {
  await db.query(`INSERT INTO status (key, label_en, label_zh, color, icon, sort_order) VALUES ('unverified', 'Unverified', '未核实', 'grey', 'dot', 0), ('true', 'True', '属实', 'green', 'check', 1) ON CONFLICT DO NOTHING`);
  await db.query(`INSERT INTO "user" (id, name, email) VALUES ('u1', 'Editor', 'e@example.test')`);
  const article = await one<{ id: number }>(
    `INSERT INTO article (slug, title, language, body, status) VALUES ('a', 'An article', 'en', 'Text', 'published') RETURNING id`,
  );
  const claim = await one<{ id: number }>(`INSERT INTO claim (statement) VALUES ('The river is long') RETURNING id`);
  await db.query(`INSERT INTO mention (claim_id, article_id, exact, start_offset, end_offset) VALUES ($1, $2, 'river', 0, 5)`, [claim.id, article.id]);
  const event = await one<{ id: number }>(
    `INSERT INTO status_event (claim_id, status_key, effective_date, author_id) VALUES ($1, 'true', '2026-01-15', 'u1') RETURNING id`,
    [claim.id],
  );
  return { articleId: article.id, claimId: claim.id, eventId: event.id };
}

describe("append-only history (SQLite 0001, 0004)", () => {
  it("refuses to update or delete a published status event, but lets a draft be edited and discarded", async () => {
    const { claimId, eventId } = await seedDesk();
    await expect(db.query(`UPDATE status_event SET rationale = 'rewritten' WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM status_event WHERE id = $1`, [eventId])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE status_event CASCADE`)).rejects.toThrow(/append-only/);
    expect(await one(`SELECT rationale FROM status_event WHERE id = $1`, [eventId])).toEqual({ rationale: null });

    const draft = await one<{ id: number }>(
      `INSERT INTO status_event (claim_id, status_key, effective_date, visibility) VALUES ($1, 'true', '2026-02-01', 'draft') RETURNING id`,
      [claimId],
    );
    await db.query(`UPDATE status_event SET rationale = 'better words' WHERE id = $1`, [draft.id]);
    await db.query(`DELETE FROM status_event WHERE id = $1`, [draft.id]);
    expect(await one(`SELECT count(*)::int AS n FROM status_event`)).toEqual({ n: 1 });
  });

  it("refuses to update, delete or truncate the audit log and quantity observations", async () => {
    const { claimId } = await seedDesk();
    await db.query(`INSERT INTO audit_log (action, entity_type, entity_id, after) VALUES ('create', 'claim', $1, '{"a":1}')`, [String(claimId)]);
    await expect(db.query(`UPDATE audit_log SET action = 'nothing'`)).rejects.toThrow("the audit log is append-only");
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow("the audit log is append-only");
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow("the audit log is append-only");

    await db.query(`INSERT INTO quantity_observation (claim_id, value, observed_on) VALUES ($1, 27e9, '2026-03-01')`, [claimId]);
    await expect(db.query(`UPDATE quantity_observation SET value = 1`)).rejects.toThrow("quantity observations are append-only");
    await expect(db.query(`DELETE FROM quantity_observation`)).rejects.toThrow("quantity observations are append-only");
    expect(await one(`SELECT (SELECT count(*)::int FROM audit_log) AS audit, (SELECT value FROM quantity_observation) AS value`)).toEqual({ audit: 1, value: 27e9 });
  });

  it("keeps a slug either an article's current slug or an alias, never both (SQLite 0015)", async () => {
    const { articleId } = await seedDesk();
    await expect(db.query(`INSERT INTO article_slug_alias (slug, article_id) VALUES ('a', $1)`, [articleId])).rejects.toThrow(/current slug/);
    await db.query(`INSERT INTO article_slug_alias (slug, article_id) VALUES ('old-a', $1)`, [articleId]);
    await expect(db.query(`INSERT INTO article (slug, title, language, body) VALUES ('old-a', 'B', 'en', 'x')`)).rejects.toThrow(/former slug/);
    // The article may take its own former slug back (the code then drops the alias).
    await db.query(`UPDATE article SET slug = 'old-a' WHERE id = $1`, [articleId]);
  });
});
