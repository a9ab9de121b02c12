import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDesk, tempDir } from "../../test/desk-files";
import type { CopyEngine, CopyRow } from "./copy-engine";
import { openSqliteEngine } from "./sqlite-engine";

let files: ReturnType<typeof tempDir>;
let engine: CopyEngine;

beforeAll(async () => {
  files = tempDir();
  const file = path.join(files.dir, "demo.db");
  await seedDemoDesk(file);
  engine = openSqliteEngine(file, "source");
}, 60_000);

afterAll(async () => {
  await engine?.close();
  files?.remove();
});

async function readAll(table: string, batchSize: number): Promise<{ rows: CopyRow[]; batches: number }> {
  return engine.readSnapshot(async (reader) => {
    const rows: CopyRow[] = [];
    let batches = 0;
    for await (const batch of reader.readBatches(table, batchSize)) {
      rows.push(...batch);
      batches++;
    }
    return { rows, batches };
  });
}

describe("reading a table in primary-key batches (keyset)", () => {
  // An integer key, a composite integer key, a text key and a composite text key.
  it.each(["claim", "status_event_source", "status", "reader_status_count"])("%s: small batches return every row once, in key order, as one batch does", async (table) => {
    const whole = await readAll(table, 1_000_000);
    expect(whole.batches).toBe(1);
    expect(whole.rows.length, `${table} needs several rows for the test to mean anything`).toBeGreaterThan(4);

    const inTwos = await readAll(table, 2);
    expect(inTwos.batches).toBe(Math.ceil(whole.rows.length / 2));
    expect(inTwos.rows).toEqual(whole.rows);
  });
});
