import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO_SLUG, signIn } from "./fixtures";
import { type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

// Its own server and database: 20 writers would swamp the shared one, and the end of the test kills it.
const PORT = Number(process.env.E2E_LOAD_PORT || 3230);
const WRITERS = 20;
const DURATION_MS = 20_000;
const STATUS_KEYS = ["in_progress", "pending", "true", "mostly_true", "mixed", "false"];

interface Acknowledged {
  eventId: number;
  claimId: number;
  rationale: string;
}

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
// Generous: server starts and the work itself take seconds each, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

let database: OwnDatabase;
let server: OwnServer;

// Each run gets a server and database of its own (it ends by killing that server).
test.beforeEach(async () => {
  database = temporaryDatabase("load");
  server = await startServer(database, PORT);
});

test.afterEach(async () => {
  await server?.kill("SIGKILL");
  database?.remove();
});

/** One integration writing events back to back until the deadline; every answer but 201 is a failure. */
async function writer(index: number, token: string, claimIds: number[], deadline: number, acknowledged: Acknowledged[], failures: string[]) {
  for (let n = 0; Date.now() < deadline; n++) {
    const claimId = claimIds[(index + n) % claimIds.length]!;
    const rationale = `load writer ${index} event ${n}`;
    try {
      const response = await fetch(`${server.baseURL}/api/v1/claims/${claimId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          statusKey: STATUS_KEYS[n % STATUS_KEYS.length],
          effectiveDate: `2025-${String((n % 12) + 1).padStart(2, "0")}-15`,
          rationale,
          sources: [{ url: `https://example.org/load/${index}/${n}` }],
        }),
      });
      const body = (await response.json()) as { eventId?: number; claimId?: number };
      if (response.status === 201 && typeof body.eventId === "number") acknowledged.push({ eventId: body.eventId, claimId, rationale });
      else failures.push(`${rationale}: HTTP ${response.status} ${JSON.stringify(body)}`);
    } catch (error) {
      failures.push(`${rationale}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

test(`${WRITERS} API writers for ${DURATION_MS / 1000} s: no errors, and every acknowledged event survives a SIGKILL`, async ({ page }) => {
  // The token an integration would use, made where an editor makes one.
  await signIn(page, undefined, "/editor/tokens");
  await page.getByLabel("Token name").fill("Load test");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  await page.close(); // The writers are plain HTTP clients; the browser sits the load out.

  const article = (await (await fetch(`${server.baseURL}/api/v1/articles/${DEMO_SLUG}`)).json()) as { claims: { claimId: number }[] };
  const claimIds = [...new Set(article.claims.map((c) => c.claimId))];
  expect(claimIds.length).toBeGreaterThan(1);

  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  const deadline = Date.now() + DURATION_MS;
  await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i, token, claimIds, deadline, acknowledged, failures)));
  console.log(`load: ${acknowledged.length} events acknowledged by ${WRITERS} writers in ${DURATION_MS / 1000} s, ${failures.length} failures`);
  expect(failures.slice(0, 5), `${failures.length} failed requests, the first five shown`).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(WRITERS);
  expect(new Set(acknowledged.map((a) => a.eventId)).size).toBe(acknowledged.length);

  // Readers see every acknowledged event in its claim's public timeline.
  for (const claimId of claimIds) {
    const claim = (await (await fetch(`${server.baseURL}/api/v1/claims/${claimId}`)).json()) as { timeline: { id: number; rationale: string | null }[] };
    const timeline = new Map(claim.timeline.map((e) => [e.id, e.rationale]));
    const missing = acknowledged.filter((a) => a.claimId === claimId && timeline.get(a.eventId) !== a.rationale);
    expect(missing, `claim ${claimId}: acknowledged events missing from its public timeline`).toEqual([]);
  }

  // An acknowledgement means committed: with no clean shutdown at all, the file still holds
  // exactly the acknowledged events, no more and no fewer.
  await server.kill("SIGKILL");
  const sqlite = new Database(database.file);
  try {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    const stored = sqlite
      .prepare("select id as eventId, claim_id as claimId, rationale from status_event where rationale like 'load writer %' order by id")
      .all() as Acknowledged[];
    expect(stored).toEqual([...acknowledged].sort((a, b) => a.eventId - b.eventId));
  } finally {
    sqlite.close();
  }
});
