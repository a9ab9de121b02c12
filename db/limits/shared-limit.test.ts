import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { closeDb, type OpenDb, openDatabase } from "../client";
import { createBudget } from "./limiter";

/**
 * Two server processes are two connections on one SQLite file. The limiter uses the process's
 * connection (getDb), so the test opens two on a real file and lets each "process" take in turn:
 * the budget is one, whichever connection counts.
 */
const holder = globalThis as unknown as { __claimlineDb?: OpenDb };
let dir: string;
let first: OpenDb;
let second: OpenDb;

beforeEach(async () => {
  await closeDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-limits-"));
  const url = `file:${path.join(dir, "claimline.db")}`;
  first = openDatabase(url);
  second = openDatabase(url);
});

afterEach(async () => {
  holder.__claimlineDb = undefined;
  first.$client.close();
  second.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `take` as the process whose connection is `db`. */
async function as<T>(db: OpenDb, take: () => Promise<T>): Promise<T> {
  holder.__claimlineDb = db;
  return take();
}

it("a budget is shared by every connection on the database, so two processes keep the limit of one", async () => {
  const budget = createBudget({ name: "shared-test", points: 4, durationSeconds: 60 });
  const client = "203.0.113.9";
  expect(await as(first, () => budget.take(client))).toBe(0);
  expect(await as(second, () => budget.take(client))).toBe(0);
  expect(await as(first, () => budget.take(client))).toBe(0);
  expect(await as(second, () => budget.take(client))).toBe(0);
  // Four taken, two through each: the fifth is refused through either.
  expect(await as(first, () => budget.take(client))).toBeGreaterThan(0);
  expect(await as(second, () => budget.take(client))).toBeGreaterThan(0);
  // Another client's budget is its own.
  expect(await as(second, () => budget.take("198.51.100.4"))).toBe(0);
});
