import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Page, test } from "@playwright/test";
import { type BackupFile, COPY_SLUG_MARK, copyArticles } from "./big-backup";
import { DEMO_SLUG, signIn } from "./fixtures";
import { E2E_ADMIN, type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

// Its own server and database: the test SIGKILLs the server, which the shared one must never see.
const PORT = Number(process.env.E2E_CRASH_PORT || 3231);
/** Copies of the demo article, with its claims, mentions, events and sources, per restored file (about 2.5 MB of JSON). */
const COPIES = 150;
const COUNTED_TABLES = ["article", "claim", "mention", "source", "status_event", "status_event_source", "quantity_observation"] as const;
type Counts = Record<(typeof COUNTED_TABLES)[number], number>;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
// Generous: server starts and the work itself take seconds each, more on a busy machine.
test.describe.configure({ timeout: 180_000 });

let database: OwnDatabase;
let server: OwnServer;

// Each run gets a server and database of its own (it ends by killing that server).
test.beforeEach(async () => {
  database = temporaryDatabase("crash");
  server = await startServer(database, PORT);
});

test.afterEach(async () => {
  await server?.kill("SIGKILL");
  database?.remove();
});

function readCounts(sqlite: Database.Database): Counts {
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n])) as Counts;
}

function plus(counts: Counts, backup: BackupFile): Counts {
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, counts[t] + backup.tables[t]!.length])) as Counts;
}

/**
 * Whether a write transaction is open on the database, asked from a connection of our own:
 * Claimline writes in IMMEDIATE transactions, which hold the write lock from their first
 * statement to their commit, so BEGIN IMMEDIATE fails at once exactly while one runs.
 */
function writeTransactionOpen(probe: Database.Database): boolean {
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function submitRestore(page: Page, file: string) {
  await page.goto("/editor/backup");
  await page.getByLabel("Backup file").setInputFiles(file);
  await page.getByLabel("Restore into").selectOption("merge");
  await page.getByRole("button", { name: "Restore backup" }).click();
}

/** The restore form's answer: its confirmation, or the problems that stopped it. */
const restoreAnswer = (page: Page) => page.locator("form").getByRole("status").or(page.locator("form").getByRole("alert"));

/** Restores the file and returns how long its write transaction held the lock (the longest stretch seen). */
async function restoreAndTimeTransaction(page: Page, file: string): Promise<number> {
  const probe = new Database(database.file, { timeout: 0 });
  try {
    await submitRestore(page, file);
    const answered = restoreAnswer(page);
    let longest = 0;
    let since: number | null = null;
    while (!(await answered.isVisible())) {
      const now = Date.now();
      if (writeTransactionOpen(probe)) since ??= now;
      else since = null;
      if (since !== null) longest = Math.max(longest, now - since);
      await sleep(10);
    }
    await expect(answered).toHaveText("Backup restored.");
    return longest;
  } finally {
    probe.close();
  }
}

/**
 * Restores the file and SIGKILLs the server once its write transaction has been open for
 * `killAfterMs`; returns how long it had been open when the kill was sent.
 */
async function restoreAndKillMidTransaction(page: Page, file: string, killAfterMs: number): Promise<number> {
  const probe = new Database(database.file, { timeout: 0 });
  try {
    await submitRestore(page, file);
    const answered = restoreAnswer(page);
    let since: number | null = null;
    for (;;) {
      const now = Date.now();
      if (writeTransactionOpen(probe)) since ??= now;
      else since = null;
      if (since !== null && now - since >= killAfterMs) {
        // Closed first (it has just seen the lock held), so the restarted server, not this connection, recovers the file.
        probe.close();
        await server.kill("SIGKILL");
        return now - since;
      }
      // An answer means the restore got to its end: the kill came too late to test anything.
      if (await answered.isVisible()) throw new Error(`The restore finished before the kill: ${await answered.textContent()}`);
      await sleep(10);
    }
  } finally {
    if (probe.open) probe.close();
  }
}

test("SIGKILL in the middle of a large backup restore: after restart the file is intact and the restore is all there or absent", async ({ page }) => {
  await signIn(page, E2E_ADMIN, "/editor/backup");
  const exported = (await (await page.request.get("/editor/backup/download")).json()) as BackupFile;
  const writeFile = (name: string, backup: BackupFile) => {
    const file = path.join(database.dir, name);
    fs.writeFileSync(file, JSON.stringify(backup));
    return file;
  };
  // Two files of the same size and shape whose rows never clash: one restored whole, one killed.
  const whole = copyArticles(exported, 1, COPIES);
  const killed = copyArticles(exported, COPIES + 1, 2 * COPIES);
  const wholeFile = writeFile("whole.json", whole);
  const killedFile = writeFile("killed.json", killed);

  const monitor = new Database(database.file, { readonly: true });
  const before = readCounts(monitor);
  monitor.close();

  // A whole restore first: every row arrives, and its transaction's length tells where the middle of the next one is.
  const startedAt = Date.now();
  const transactionMs = await restoreAndTimeTransaction(page, wholeFile);
  const restoreMs = Date.now() - startedAt;
  const killAfterMs = Math.round(transactionMs / 2);
  const killedAtMs = await restoreAndKillMidTransaction(page, killedFile, killAfterMs);
  console.log(
    `crash: ${fs.statSync(wholeFile).size} bytes restored in ${restoreMs} ms (write transaction ${transactionMs} ms); ` +
      `the same size again killed ${killedAtMs} ms into its write transaction`,
  );

  server = await startServer(database, PORT);
  const sqlite = new Database(database.file, { readonly: true });
  try {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    // All of the whole restore, none of the killed one (nothing half-written): a kill before the commit loses the transaction whole.
    expect(readCounts(sqlite)).toEqual(plus(before, whole));
    const slugs = sqlite.prepare("select slug from article where slug like ? order by id").pluck().all(`%${COPY_SLUG_MARK}%`);
    expect(slugs).toEqual(whole.tables.article!.map((a) => a.slug));
  } finally {
    sqlite.close();
  }

  // The restarted app serves the restored articles and knows nothing of the killed ones.
  expect((await page.request.get(`/api/v1/articles/${DEMO_SLUG}${COPY_SLUG_MARK}${COPIES}`)).status()).toBe(200);
  expect((await page.request.get(`/api/v1/articles/${DEMO_SLUG}${COPY_SLUG_MARK}${COPIES + 1}`)).status()).toBe(404);
});
