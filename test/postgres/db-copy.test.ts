import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDesk, type CopyReport, TargetInUseError } from "../../db/copy/copy-desk";
import type { CopyEngine } from "../../db/copy/copy-engine";
import { seedDemoDesk, sqliteContents, tempDir } from "../desk-files";
import { locateDesk } from "../../db/copy/database-url";
import { openCopyEngine } from "../../db/copy/open-engine";
import { readBackupTables, serializeBackup } from "../../db/backup/export-backup";
import { openDatabase } from "../../db/client";
import { clusterForThisFile } from "./test-cluster";

/**
 * db:copy across engines on a real cluster: the demo desk SQLite → PostgreSQL → SQLite arrives
 * with the same desk export byte for byte, and every step verifies counts and row digests.
 */
const cluster = clusterForThisFile();
let files: ReturnType<typeof tempDir>;

beforeAll(async () => {
  files = tempDir();
}, 120_000);

afterAll(async () => {
  files?.remove();
});

/** A new, empty database on the cluster (a unique name: the cluster may be shared by the run). */
const newDatabase = (prefix: string) => cluster.createDatabase(`${prefix}_${randomBytes(4).toString("hex")}`);

async function copy(from: string, to: string): Promise<CopyReport> {
  const engines: CopyEngine[] = [];
  try {
    engines.push(await openCopyEngine(locateDesk(from), "source"));
    engines.push(await openCopyEngine(locateDesk(to), "target"));
    return await copyDesk(engines[0]!, engines[1]!);
  } finally {
    for (const engine of engines) await engine.close();
  }
}

async function deskExport(file: string): Promise<string> {
  const db = openDatabase(`file:${file}`);
  try {
    return serializeBackup(await readBackupTables(db));
  } finally {
    db.$client.close();
  }
}

function expectVerified(report: CopyReport) {
  expect(report.tables.length).toBeGreaterThanOrEqual(24);
  for (const t of report.tables) {
    expect(t.targetRows, t.table).toBe(t.sourceRows);
    expect(t.targetDigest, t.table).toBe(t.sourceDigest);
  }
}

describe("db:copy SQLite → PostgreSQL → SQLite", () => {
  it("moves the demo desk there and back with byte-identical desk exports", async () => {
    const first = path.join(files.dir, "first.db");
    const last = path.join(files.dir, "last.db");
    await seedDemoDesk(first);
    const postgres = await newDatabase("desk_round_trip");

    const there = await copy(`file:${first}`, postgres);
    expectVerified(there);
    // db:copy itself compared the export of both sides, the PostgreSQL one read inside its transaction.
    expect(there.deskExport).toMatchObject({ result: "identical" });
    expect(there.deskExport.bytes).toBeGreaterThan(10_000);
    expect(there.tables.find((t) => t.table === "audit_log")!.sourceRows).toBeGreaterThan(10);

    const back = await copy(postgres, `file:${last}`);
    expectVerified(back);
    expect(back.deskExport).toEqual(there.deskExport);
    // Each table's digest is the same at every step: nothing changed on the way.
    expect(back.tables.map((t) => [t.table, t.sourceDigest])).toEqual(there.tables.map((t) => [t.table, t.targetDigest]));

    const exported = await deskExport(first);
    expect(exported.length).toBeGreaterThan(10_000);
    expect(await deskExport(last)).toBe(exported);
    expect(sqliteContents(last)).toBe(sqliteContents(first));

    // On PostgreSQL the copy is a working desk: triggers on again (the replica role was for the
    // copy's transaction only) and ids continuing after the copied ones.
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    try {
      await expect(client.query("UPDATE status_event SET rationale = 'rewritten' WHERE id = 1")).rejects.toThrow(/append-only/);
      // The search index was derived from the copied rows: the same rows as SQLite's FTS5 table.
      const searchable = (await client.query("SELECT claim_id AS id, statement, quotes, titles FROM claim_search ORDER BY claim_id")).rows;
      const sqlite = new Database(first, { readonly: true });
      try {
        expect(searchable).toEqual(sqlite.prepare("SELECT rowid AS id, statement, quotes, titles FROM claim_search ORDER BY rowid").all());
      } finally {
        sqlite.close();
      }
      expect(searchable.length).toBeGreaterThan(0);
      // The planner has the copied rows' statistics at once (db:copy analyses), not after autovacuum.
      const analysed = await client.query("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname IN ('claim', 'status_event', 'mention') ORDER BY relname");
      expect(analysed.rows.map((row) => row.relname)).toEqual(["claim", "mention", "status_event"]);
      const maxSource = (await client.query("SELECT max(id) AS n FROM source")).rows[0].n as number;
      const inserted = await client.query("INSERT INTO source (url, title) VALUES ('https://example.test/', 'Next') RETURNING id");
      expect(inserted.rows[0].id).toBe(maxSource + 1);
      const maxAudit = (await client.query("SELECT max(id) AS n FROM audit_log")).rows[0].n as number;
      const audit = await client.query("INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test', 'database', 'x') RETURNING id");
      expect(audit.rows[0].id).toBe(maxAudit + 1);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("refuses a PostgreSQL database that holds a desk, writing nothing", async () => {
    const desk = path.join(files.dir, "refused.db");
    await seedDemoDesk(desk);
    const postgres = await newDatabase("desk_in_use");
    await copy(`file:${desk}`, postgres);
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    const snapshot = async () => (await client.query("SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT value FROM change_counter) AS counter, (SELECT count(*) FROM status) AS statuses")).rows[0];
    try {
      const before = await snapshot();
      await expect(copy(`file:${desk}`, postgres)).rejects.toThrow(TargetInUseError);
      expect(await snapshot()).toEqual(before);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("refuses another program's PostgreSQL database before migrating it, leaving it as it was", async () => {
    const desk = path.join(files.dir, "foreign.db");
    await seedDemoDesk(desk);
    const postgres = await newDatabase("someone_elses");
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    try {
      await client.query("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric); INSERT INTO invoices VALUES (1, 99.5)");
      await expect(copy(`file:${desk}`, postgres)).rejects.toThrow(/is not a Claimline database \(it has tables public\.invoices\)/);
      const tables = await client.query("SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
      expect(tables.rows.map((row) => row.name)).toEqual(["public.invoices"]);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("names the privilege it needs when the target's role may not switch triggers off", async () => {
    const desk = path.join(files.dir, "unprivileged.db");
    await seedDemoDesk(desk);
    // A database owned by a role that is no superuser: it may migrate it, not switch triggers off.
    const adminUrl = new URL(await newDatabase("admin"));
    const role = `copier_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl.href });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`CREATE DATABASE ${role} OWNER ${role}`);
    } finally {
      await admin.end();
    }
    const target = `postgres://${role}@${adminUrl.host}/${role}`;
    await expect(copy(`file:${desk}`, target)).rejects.toThrow(/session_replication_role[\s\S]*superuser/);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      expect((await client.query("SELECT count(*)::int AS n FROM claim")).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("reads PostgreSQL tables in small keyset batches exactly as in one batch (integer, composite and text keys, text in \"C\" order)", async () => {
    const file = path.join(files.dir, "batches.db");
    await seedDemoDesk(file);
    const postgres = await newDatabase("desk_batches");
    expectVerified(await copy(`file:${file}`, postgres));
    const engine = await openCopyEngine(locateDesk(postgres), "source");
    try {
      for (const table of ["claim", "status_event_source", "status", "reader_status_count"]) {
        const read = (batchSize: number) =>
          engine.readSnapshot(async (reader) => {
            const rows: unknown[] = [];
            for await (const batch of reader.readBatches(table, batchSize)) rows.push(...batch);
            return rows;
          });
        const whole = await read(1_000_000);
        expect(whole.length, table).toBeGreaterThan(4);
        expect(await read(2), table).toEqual(whole);
      }
    } finally {
      await engine.close();
    }
  }, 120_000);
});
