import { expect, test } from "@playwright/test";
import { DEMO_SLUG, signIn, unique } from "./fixtures";
import { freshGet, type OwnDatabase, type OwnServer, startServer, temporaryDatabase } from "./own-server";

/**
 * A write invalidates the pages that show what it changed, not every page: while 20 writers
 * record events on the claims of article X through two app processes on one database, a reader
 * of article Y is served from each process's page cache (after that process's first view).
 * Every acknowledged write is then in its claim's timeline, and X's page shows the last status.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 3210);
const WRITERS = 20;
const DURATION_MS = 5_000;
const STATUS_KEYS = ["in_progress", "pending", "true", "mostly_true", "mixed", "false"];
// One effective date for every event: the latest recorded is then each claim's current status.
const EFFECTIVE_DATE = "2025-11-01";

test.use({ baseURL: `http://127.0.0.1:${BASE_PORT + 5}` });
test.describe.configure({ timeout: 180_000 });

let database: OwnDatabase;
let processes: OwnServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = temporaryDatabase("writers-vs-reader");
  // The first migrates and seeds; the second starts on a database that is ready.
  processes = [await startServer(database, BASE_PORT + 5), await startServer(database, BASE_PORT + 6)];
});

test.afterAll(async () => {
  for (const server of processes) await server.kill("SIGTERM");
  database?.remove();
});

interface Acknowledged {
  eventId: number;
  claimId: number;
  statusKey: string;
  rationale: string;
}


/** One integration writing back to back until the deadline, through both processes in turn. */
async function writer(index: number, run: string, token: string, claimIds: number[], deadline: number, acknowledged: Acknowledged[], failures: string[]) {
  for (let n = 0; Date.now() < deadline; n++) {
    const server = processes[(index + n) % processes.length]!;
    const claimId = claimIds[(index + n) % claimIds.length]!;
    const statusKey = STATUS_KEYS[(index + n) % STATUS_KEYS.length]!;
    const rationale = `${run} writer ${index} event ${n}`;
    try {
      const response = await fetch(`${server.baseURL}/api/v1/claims/${claimId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ statusKey, effectiveDate: EFFECTIVE_DATE, rationale }),
      });
      const body = (await response.json()) as { eventId?: number };
      if (response.status === 201 && typeof body.eventId === "number") acknowledged.push({ eventId: body.eventId, claimId, statusKey, rationale });
      else failures.push(`${rationale}: HTTP ${response.status} ${JSON.stringify(body)}`);
    } catch (error) {
      failures.push(`${rationale}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Reads Y through each process in turn until the deadline; each process's answers in order. */
async function reader(url: string, deadline: number): Promise<string[][]> {
  const seen: string[][] = processes.map(() => []);
  for (let n = 0; Date.now() < deadline; n++) {
    const at = n % processes.length;
    const answer = await freshGet(processes[at]!, url);
    expect(answer.status, url).toBe(200);
    seen[at]!.push(answer.cache ?? "none");
  }
  return seen;
}

test(`while ${WRITERS} writers record events on article X, a reader of article Y gets cache hits`, async ({ page, baseURL }) => {
  await signIn(page, undefined, "/editor/tokens");
  await page.getByLabel("Token name").fill(unique("Writers vs reader"));
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();

  // Y: an article of its own, sharing no claim with X (the demo article).
  const title = unique("Writers vs reader Y");
  const sentence = `${title} counts ${Math.floor(Math.random() * 900) + 100} lighthouses.`;
  const auth = { authorization: `Bearer ${token}` };
  const created = await page.request.post(`${baseURL}/api/v1/articles`, { headers: auth, data: { title, bodyFormat: "markdown", body: sentence, status: "published" } });
  expect(created.status(), await created.text()).toBe(201);
  const y = (await created.json()) as { id: number; slug: string };
  const claim = await page.request.post(`${baseURL}/api/v1/articles/${y.id}/claims`, { headers: auth, data: { quote: sentence.replace(/\.$/, ""), statement: `${title}: lighthouses`, kind: "fact" } });
  expect(claim.status(), await claim.text()).toBe(201);
  await page.close();

  const x = (await (await fetch(`${processes[0]!.baseURL}/api/v1/articles/${DEMO_SLUG}`)).json()) as { claims: { claimId: number }[] };
  const claimIds = [...new Set(x.claims.map((c) => c.claimId))];
  expect(claimIds.length).toBeGreaterThan(1);

  const run = unique("wvr");
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  const deadline = Date.now() + DURATION_MS;
  const [seen] = await Promise.all([
    reader(`/articles/${y.slug}`, deadline),
    ...Array.from({ length: WRITERS }, (_, i) => writer(i, run, token, claimIds, deadline, acknowledged, failures)),
  ]);
  console.log(`writers-vs-reader: ${acknowledged.length} events by ${WRITERS} writers; reader views per process: ${seen.map((s) => s.join(" ")).join(" | ")}`);

  // The reader: after each process's first view of Y, every view during the writes was a hit.
  for (const [at, answers] of seen.entries()) {
    expect(answers.length, `views of Y through process ${at}`).toBeGreaterThan(1);
    expect(answers.slice(1), `process ${at}'s answers after its first`).toEqual(answers.slice(1).map(() => "hit"));
  }

  // The writers: every write acknowledged, each once.
  expect(failures.slice(0, 5), `${failures.length} failed writes, the first five shown`).toEqual([]);
  expect(acknowledged.length).toBeGreaterThanOrEqual(WRITERS);
  expect(new Set(acknowledged.map((a) => a.eventId)).size).toBe(acknowledged.length);

  for (const claimId of claimIds) {
    const mine = acknowledged.filter((a) => a.claimId === claimId).sort((a, b) => a.eventId - b.eventId);
    if (mine.length === 0) continue;
    const last = mine.at(-1)!;
    for (const server of processes) {
      // Every acknowledged event is in the claim's public timeline, and the last is its status.
      const answer = await fetch(`${server.baseURL}/api/v1/claims/${claimId}`);
      const published = (await answer.json()) as { currentStatus: string; timeline: { id: number; rationale: string | null }[] };
      const timeline = new Map(published.timeline.map((event) => [event.id, event.rationale]));
      expect(
        mine.filter((a) => timeline.get(a.eventId) !== a.rationale),
        `claim ${claimId} through ${server.baseURL}: acknowledged events missing from its timeline`,
      ).toEqual([]);
      expect(published.currentStatus, `claim ${claimId} through ${server.baseURL}`).toBe(last.statusKey);
      // X's page, through either process, shows the claim's last event.
      expect((await freshGet(server, `/articles/${DEMO_SLUG}`)).body, `X through ${server.baseURL}`).toContain(last.rationale);
    }
  }
});
