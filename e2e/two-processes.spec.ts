import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO_SLUG, signIn } from "./fixtures";
import { freshGet, type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

/**
 * Two app processes on one database, as `npm start` runs one per core: each keeps its own page
 * and data caches, and both ask the database's change counter whether they are still right. So
 * an event recorded through process A shows on the very next request through process B, on
 * every reader page and feed; and so does a restore run from the command line, in both.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 3490);
const A_PORT = BASE_PORT + 1;
const B_PORT = BASE_PORT + 2;

test.use({ baseURL: `http://127.0.0.1:${A_PORT}` });
// Two server starts and a restore on a busy machine take a while; nothing here is timed.
test.describe.configure({ timeout: 300_000 });

let database: OwnDatabase;
let a: OwnServer;
let b: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = temporaryDatabase("two-processes");
  // A first: it migrates and seeds the new database; B starts on a database that is ready.
  a = await startServer(database, A_PORT);
  b = await startServer(database, B_PORT);
});

test.afterAll(async () => {
  // The servers' own words, for a failure's report.
  for (const [name, server] of [["a", a], ["b", b]] as const) if (server) fs.writeFileSync(path.join("test-results", `two-processes-${name}.log`), server.output());
  await a?.kill("SIGTERM");
  await b?.kill("SIGTERM");
  database?.remove();
});

/** The demo claim the test changes: published, and "true" before the test. */
function demoClaim(): { id: number; statement: string } {
  const sqlite = new Database(database.file, { readonly: true });
  try {
    return sqlite.prepare("SELECT id, statement FROM claim WHERE readable = 1 ORDER BY id LIMIT 1").get() as { id: number; statement: string };
  } finally {
    sqlite.close();
  }
}

/** Reader pages (cached by each process) and feeds (read on every request), as an anonymous reader gets them. */
function views(claimId: number) {
  return {
    claim: `/claims/${claimId}`,
    article: `/articles/${DEMO_SLUG}`,
    // The tracker filtered to the status the test records: the claim is listed exactly when its status is that.
    tracker: "/?status=misleading",
    deskFeed: "/feeds/desk.atom",
    articleFeed: `/feeds/articles/${DEMO_SLUG}`,
    claimFeed: `/feeds/claims/${claimId}`,
  };
}
const PAGES = ["claim", "article", "tracker"] as const;

/** A page through `server` on a fresh connection, which must answer 200. */
async function read(server: OwnServer, url: string): Promise<{ text: string; cache: string | null }> {
  const answer = await freshGet(server, url);
  expect(answer.status, url).toBe(200);
  return { text: answer.body, cache: answer.cache ?? null };
}

/** Views every page twice through `server`, so its caches hold them (the second view is a hit). */
async function warm(server: OwnServer, claimId: number) {
  for (const name of PAGES) {
    await read(server, views(claimId)[name]);
    expect((await read(server, views(claimId)[name])).cache, `${name} through ${server.baseURL}`).toBe("hit");
  }
}

/** What every view through `server` shows of the recorded event, keyed by view. */
async function showsEvent(server: OwnServer, claim: { id: number; statement: string }, rationale: string) {
  const all = views(claim.id);
  const shown: Record<string, boolean> = {};
  for (const [name, url] of Object.entries(all)) {
    const { text } = await read(server, url);
    shown[name] = name === "tracker" ? text.includes(claim.statement) : text.includes(rationale);
  }
  return shown;
}

function cli(...args: string[]) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions", "react-server", "scripts/db-backup.ts", ...args], { env: database.env, encoding: "utf8" });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

test("an event recorded through one process, and a restore from the command line, show on the next request through the other", async ({ page, baseURL }) => {
  const claim = demoClaim();
  const rationale = `Recorded through process A at ${Date.now().toString(36)}.`;
  const backup = path.join(database.dir, "before-the-event.db");
  cli(backup);

  const none = { claim: false, article: false, tracker: false, deskFeed: false, articleFeed: false, claimFeed: false };
  const all = { claim: true, article: true, tracker: true, deskFeed: true, articleFeed: true, claimFeed: true };
  await warm(b, claim.id);
  expect(await showsEvent(b, claim, rationale)).toEqual(none);

  await signIn(page);
  const today = new Date().toISOString().slice(0, 10);
  const recorded = await page.request.post(`/api/v1/claims/${claim.id}/events`, {
    headers: { origin: baseURL! },
    data: { statusKey: "misleading", effectiveDate: today, rationale },
  });
  expect(recorded.status(), await recorded.text()).toBe(201);

  // The very next request through B, whose caches held every page.
  for (const name of PAGES) expect((await read(b, views(claim.id)[name])).cache, name).toBe("miss");
  expect(await showsEvent(b, claim, rationale)).toEqual(all);

  // Both processes' caches hold the pages with the event; the restore takes it away in both.
  await warm(a, claim.id);
  await warm(b, claim.id);
  expect(cli("restore", backup)).toContain("Restored");
  for (const server of [a, b]) {
    for (const name of PAGES) expect((await read(server, views(claim.id)[name])).cache, `${name} through ${server.baseURL}`).toBe("miss");
    expect(await showsEvent(server, claim, rationale), server.baseURL).toEqual(none);
  }
});
