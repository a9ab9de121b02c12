/**
 * What reading the change counter costs on SQLite, before and after the serving reads became
 * engine-neutral and awaited (issue 19): `npx tsx --conditions=react-server bench/change-count.ts`.
 * "before" is the synchronous prepared read the page and memo caches made until then; "after"
 * is `await changeCount(client)` (db/change-counter.ts), the same statement behind the engine
 * choice and a promise. A WAL file database, as a server runs on. Prints nanoseconds per read.
 *
 * With BENCH_POSTGRES=1 it also starts a throwaway PostgreSQL cluster (test/postgres/cluster.ts)
 * and times the same call on a pool there: one round trip on the loopback per read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { changeCount } from "../db/change-counter";
import { openSqlite } from "../db/engines/sqlite/open-sqlite";
import { migratePostgres } from "../db/engines/postgres/migrate";
import { startPostgres } from "../test/postgres/cluster";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-change-count-"));
const client = openSqlite(path.join(dir, "bench.db")).$client as Database.Database;

// The code before: a statement per connection, looked up and run synchronously.
const statements = new WeakMap<Database.Database, Database.Statement<[], number>>();
function changeCountBefore(db: Database.Database): number {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = db.prepare<[], number>("SELECT value FROM change_counter WHERE id = 1").pluck()));
  return statement.get() ?? 0;
}

const READS = 200_000;
async function perRead(read: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < READS; i++) await read();
  return Number(process.hrtime.bigint() - started) / READS;
}
function perReadSync(read: () => unknown): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < READS; i++) read();
  return Number(process.hrtime.bigint() - started) / READS;
}

async function main(): Promise<void> {
  const rounds: Record<string, number[]> = { "before (sync)": [], "after (await changeCount)": [] };
  await perRead(() => changeCount(client)); // warm up both paths
  perReadSync(() => changeCountBefore(client));
  for (let round = 0; round < 9; round++) {
    rounds["before (sync)"]!.push(perReadSync(() => changeCountBefore(client)));
    rounds["after (await changeCount)"]!.push(await perRead(() => changeCount(client)));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [label, values] of Object.entries(rounds)) console.log(`${label}: ${median(values).toFixed(0)} ns per read (median of ${values.length} rounds of ${READS})`);
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.BENCH_POSTGRES === "1") await postgresRow();
}

async function postgresRow(): Promise<void> {
  const { default: pg } = await import("pg");
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase("change_count_bench");
    await migratePostgres(url);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const reads = 5_000;
    for (let i = 0; i < 500; i++) await changeCount(pool);
    const values: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < reads; i++) await changeCount(pool);
      values.push(Number(process.hrtime.bigint() - started) / reads);
    }
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`postgres (await changeCount on a pool): ${sorted[2]!.toFixed(0)} ns per read (median of 5 rounds of ${reads})`);
    await pool.end();
  } finally {
    await cluster.stop();
  }
}

void main();
