import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { copyDesk, CopyMismatchError, REPLACED_ON_COPY, TargetInUseError } from "./copy-desk";
import type { CopyEngine } from "./copy-engine";
import { seedDemoDesk, sqliteContents, tempDir } from "../../test/desk-files";
import { openSqliteEngine } from "./sqlite-engine";

let demo: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
let demoFile: string;
const opened: CopyEngine[] = [];

beforeAll(async () => {
  demo = tempDir();
  demoFile = path.join(demo.dir, "demo.db");
  await seedDemoDesk(demoFile);
  return () => demo.remove();
}, 60_000);

afterEach(async () => {
  for (const engine of opened.splice(0)) await engine.close();
  work?.remove();
});

function engines(targetFile: string) {
  const source = openSqliteEngine(demoFile, "source");
  opened.push(source);
  const target = openSqliteEngine(targetFile, "target");
  opened.push(target);
  return { source, target };
}

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe("db:copy SQLite → SQLite", () => {
  it("copies the demo desk whole: equal counts and digests in every table, the same desk export byte for byte", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "copy.db");
    const { source, target } = engines(targetFile);
    const before = sqliteContents(demoFile);
    const report = await copyDesk(source, target);

    expect(report.deskExport).toMatchObject({ result: "identical" });
    expect(report.deskExport.bytes).toBeGreaterThan(10_000);
    // Every table of the schema, drizzle's migration journal excepted, in foreign-key order.
    expect(report.tables.map((t) => t.table)).toEqual(expect.arrayContaining(["user", "account", "claim", "audit_log", "change_counter", "cache_tag_change", "data_migration", "reader_status_month"]));
    expect(report.tables.findIndex((t) => t.table === "user")).toBeLessThan(report.tables.findIndex((t) => t.table === "claim"));
    expect(report.tables.findIndex((t) => t.table === "claim")).toBeLessThan(report.tables.findIndex((t) => t.table === "status_event"));
    for (const t of report.tables) {
      expect(t.targetRows, t.table).toBe(t.sourceRows);
      expect(t.targetDigest, t.table).toBe(t.sourceDigest);
    }
    expect(report.tables.find((t) => t.table === "status_event")!.sourceRows).toBeGreaterThan(5);

    // The source was only read; the target is the source, row for row, triggers, search index
    // and id counters included (the kept and derived tables are the source's, not re-derived).
    await source.close();
    await target.close();
    opened.length = 0;
    expect(sqliteContents(demoFile)).toBe(before);
    expect(sqliteContents(targetFile)).toBe(before);
    const search = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT rowid, statement, quotes, titles FROM claim_search ORDER BY rowid").all();
      } finally {
        db.close();
      }
    };
    expect(search(targetFile)).toEqual(search(demoFile));
    expect(search(targetFile).length).toBeGreaterThan(0);

    // The copy is a working desk: its triggers are back (a published event is append-only again).
    const copy = openDatabase(`file:${targetFile}`);
    try {
      expect(() => copy.$client.prepare("UPDATE status_event SET rationale = 'rewritten' WHERE id = 1").run()).toThrow(/append-only|published/i);
    } finally {
      copy.$client.close();
    }
  });

  it("refuses a target that holds a desk, and leaves it exactly as it was", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "in-use.db");
    await seedDemoDesk(targetFile);
    const before = sqliteContents(targetFile);
    const { source, target } = engines(targetFile);
    await expect(copyDesk(source, target)).rejects.toThrow(TargetInUseError);
    await expect(copyDesk(source, target)).rejects.toThrow(/is not empty: it has rows in user \(2\), account \(2\), article \(1\)/);
    await target.close();
    opened.pop();
    expect(sqliteContents(targetFile)).toBe(before);
  });

  it("refuses another program's database before migrating it, so a mistyped --to never receives a desk", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "other-app.db");
    const other = new Database(targetFile);
    other.exec("CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount INTEGER); INSERT INTO invoice VALUES (1, 100)");
    other.close();
    const before = sqliteContents(targetFile);
    expect(() => openSqliteEngine(targetFile, "target")).toThrow(TargetInUseError);
    expect(() => openSqliteEngine(targetFile, "target")).toThrow(/is not a Claimline database \(it has tables invoice\)/);
    expect(sqliteContents(targetFile)).toBe(before);
  });

  it("treats a new database's defaults as no desk: its status scale and counter make way for the source's", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "fresh.db");
    const fresh = openDatabase(`file:${targetFile}`);
    fresh.$client.prepare("UPDATE status SET label_en = 'Not yet checked' WHERE key = 'unverified'").run();
    fresh.$client.close();
    const { source, target } = engines(targetFile);
    await copyDesk(source, target);
    for (const table of REPLACED_ON_COPY) expect(count(targetFile, table), table).toBe(count(demoFile, table));
    const db = new Database(targetFile, { readonly: true });
    expect(db.prepare("SELECT label_en FROM status WHERE key = 'unverified'").pluck().get()).toBe("Unverified");
    db.close();
  });

  it("leaves nothing behind when a row fails midway: the target is as empty as before, its triggers intact", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "strict.db");
    // A constraint the demo desk breaks, met only after users, articles, claims and mentions went in.
    const strict = openDatabase(`file:${targetFile}`);
    strict.$client.exec("CREATE UNIQUE INDEX one_event_per_claim ON status_event (claim_id)");
    strict.$client.close();
    const before = sqliteContents(targetFile);
    const { source, target } = engines(targetFile);
    await expect(copyDesk(source, target)).rejects.toThrow(/UNIQUE constraint failed: status_event\.claim_id/);
    await target.close();
    opened.pop();
    expect(sqliteContents(targetFile)).toBe(before);
    expect(count(targetFile, "user")).toBe(0);
    expect(count(targetFile, "claim")).toBe(0);
  });

  it("rolls back when the copy reads back different from its source", async () => {
    work = tempDir();
    const targetFile = path.join(work.dir, "lossy.db");
    const { source, target } = engines(targetFile);
    // A target whose insert silently drops a claim's statement text: the digests must catch it.
    const lossy: CopyEngine = {
      ...target,
      writeTransaction: (job) =>
        target.writeTransaction((writer) =>
          job({ ...writer, insert: (table, rows) => writer.insert(table, table === "claim" ? rows.map((r, i) => (i === 0 ? { ...r, statement: `${String(r.statement)}!` } : r)) : rows) }),
        ),
    };
    const failure = await copyDesk(source, lossy).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CopyMismatchError);
    const report = (failure as CopyMismatchError).report;
    expect(report.tables.filter((t) => t.sourceDigest !== t.targetDigest).map((t) => t.table)).toEqual(["claim"]);
    expect(report.deskExport.result).toBe("different");
    await target.close();
    opened.pop();
    expect(count(targetFile, "claim")).toBe(0);
    expect(count(targetFile, "status")).toBe(10);
  });
});
