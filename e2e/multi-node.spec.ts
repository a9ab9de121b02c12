import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { createDatabaseAt, type PostgresCluster, startPostgres } from "../test/postgres/cluster";
import { startAppNode } from "./app-node";
import { DEMO_SLUG, signIn } from "./fixtures";
import { createNetworkNamespace, type NetworkNamespace } from "./network-namespace";
import { E2E_ADMIN, freshGet, type OwnServer } from "./own-server";

/**
 * Several nodes on one PostgreSQL (issue 19): two app nodes, separate processes on their own
 * ports, each in a network namespace of its own (`ip netns`, a veth pair to the test's
 * namespace, PostgreSQL reached through a relay on the link, since the throwaway cluster
 * listens on 127.0.0.1 only). Where namespaces cannot be made (no root, no CAP_NET_ADMIN: an
 * unprivileged container), the nodes run as separate processes on 127.0.0.1 and the summary
 * says so; everything else is the same.
 *
 * What it proves: 20 API writers alternating between the nodes for 20 s, readers reading
 * through both, node B killed with SIGKILL mid-load and restarted: every acknowledged event
 * is in the database (and nothing is there that was not asked for), no live node answered
 * anything but 2xx, node A never refused a connection; and each node shows the other's write
 * on the very next request, in the API and on a reader page it had cached before the write.
 */
// Its own port (inside the namespaces the nodes could share one; on 127.0.0.1 they cannot).
const BASE_PORT = Number(process.env.E2E_MULTI_NODE_PORT || 3250);
const WRITERS = 20;
const READERS = 4;
const DURATION_MS = 20_000;
const KILL_AT_MS = 8_000;
const DOWN_MS = 3_000;
const STATUS_KEYS = ["in_progress", "pending", "true", "mostly_true", "mixed", "false"];
const WRITER_RATIONALE = "multi-node writer";

// Server starts, 20 s of load and a restart on a busy two-core machine; nothing here is timed.
test.describe.configure({ mode: "serial", timeout: 300_000 });

type NodeName = "a" | "b";
interface Node {
  name: NodeName;
  host: string;
  port: number;
  namespace: NetworkNamespace | null;
  databaseUrl: string;
  server: OwnServer | null;
}

let cluster: PostgresCluster;
let databaseUrl: string;
let isolation: string;
const nodes: Record<NodeName, Node> = {} as Record<NodeName, Node>;
let token: string;
let claimIds: number[];

/** Rows from the database, read directly as the test's own client (not through a node). */
async function query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The database URL as seen from a node: through the relay on its link, or directly. */
function urlFrom(namespace: NetworkNamespace | null): string {
  if (!namespace) return databaseUrl;
  const url = new URL(databaseUrl);
  url.hostname = namespace.hostAddress;
  return url.toString();
}

async function start(node: Node): Promise<void> {
  node.server = await startAppNode({
    host: node.host,
    port: node.port,
    exec: node.namespace?.exec ?? [],
    env: {
      ...process.env,
      DATABASE_URL: node.databaseUrl,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      // One secret for both, as any deployment of several hosts must share it.
      BETTER_AUTH_SECRET: "multi-node-e2e-secret-0123456789abcdef",
      // The demo is seeded once, by the first node.
      SEED_DEMO: node.name === "a" ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  cluster = await startPostgres();
  databaseUrl = await createDatabaseAt(cluster.url, "claimline_multi_node");
  const namespaces: Partial<Record<NodeName, NetworkNamespace>> = {};
  try {
    namespaces.a = createNetworkNamespace(`cl${BASE_PORT}a`, 251);
    namespaces.b = createNetworkNamespace(`cl${BASE_PORT}b`, 252);
    for (const namespace of Object.values(namespaces)) await namespace.relay(cluster.port);
    isolation = `network namespaces ${namespaces.a.name} (${namespaces.a.address}) and ${namespaces.b.name} (${namespaces.b.address})`;
  } catch (error) {
    for (const namespace of Object.values(namespaces)) namespace.remove();
    namespaces.a = namespaces.b = undefined;
    isolation = `separate processes on 127.0.0.1 (no network namespaces here: ${error instanceof Error ? error.message : String(error)})`;
  }
  for (const [name, offset] of [["a", 1], ["b", 2]] as const) {
    const namespace = namespaces[name] ?? null;
    nodes[name] = { name, host: namespace?.address ?? "127.0.0.1", port: BASE_PORT + offset, namespace, databaseUrl: urlFrom(namespace), server: null };
  }
  // A first: it migrates and seeds; B starts on a database that is ready.
  await start(nodes.a);
  await start(nodes.b);

  // The token an integration would use, made where an editor makes one, on node A.
  const page = await browser.newPage({ baseURL: nodes.a.server!.baseURL });
  await signIn(page, undefined, "/editor/tokens");
  await page.getByLabel("Token name").fill("Multi-node writers");
  await page.getByRole("button", { name: "Create token" }).click();
  token = (await page.getByTestId("new-token").textContent())!.trim();
  await page.close();

  // The demo article's claims that readers may see, from the database itself.
  claimIds = (await query<{ id: number }>("SELECT id FROM claim WHERE readable ORDER BY id")).map((row) => Number(row.id));
  expect(claimIds.length).toBeGreaterThan(1);
});

test.afterAll(async () => {
  fs.mkdirSync("test-results", { recursive: true });
  for (const node of Object.values(nodes)) {
    if (node.server) fs.writeFileSync(path.join("test-results", `multi-node-${node.name}.log`), node.server.output());
    await node.server?.kill("SIGTERM");
    node.namespace?.remove();
  }
  await cluster?.stop();
});

function baseURL(name: NodeName): string {
  return `http://${nodes[name].host}:${nodes[name].port}`;
}

/** Records an event through `name` with the writers' token. */
function postEvent(name: NodeName, claimId: number, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${baseURL(name)}/api/v1/claims/${claimId}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * A reader page that `reader` holds in its page cache, an event recorded through `writer`,
 * then the very next requests through `reader`: the claim's API and the page both show it.
 */
async function showsTheOthersWrite(writer: NodeName, reader: NodeName) {
  const claimId = claimIds[0]!;
  const page = `/claims/${claimId}`;
  const server = nodes[reader].server!;
  expect((await freshGet(server, page)).status).toBe(200);
  const warm = await freshGet(server, page);
  expect(warm.status).toBe(200);
  expect(warm.cache, `${page} cached by node ${reader}`).toBe("hit");

  const rationale = `Recorded through node ${writer} for node ${reader} ${Date.now().toString(36)}`;
  const recorded = await postEvent(writer, claimId, { statusKey: "misleading", effectiveDate: new Date().toISOString().slice(0, 10), rationale });
  const body = (await recorded.json()) as { eventId?: number };
  expect(recorded.status, JSON.stringify(body)).toBe(201);

  const claim = (await (await fetch(`${baseURL(reader)}/api/v1/claims/${claimId}`)).json()) as { timeline: { id: number; rationale: string | null }[] };
  expect(claim.timeline.find((e) => e.id === body.eventId)?.rationale, `node ${reader}'s claim API`).toBe(rationale);
  const next = await freshGet(server, page);
  expect(next.status).toBe(200);
  expect(next.cache, `${page} through node ${reader} after the write through node ${writer}`).toBe("miss");
  expect(next.body, `${page} through node ${reader}`).toContain(rationale);
}

test("each node shows the other's write on the next request, in the API and on a page it had cached", async () => {
  await showsTheOthersWrite("a", "b");
  await showsTheOthersWrite("b", "a");
});

interface Tally {
  acknowledged: number;
  /** Requests that got no answer (the node was down or died mid-request): their outcome is unknown. */
  unanswered: number;
  /** Answers that were not what a healthy node gives. */
  wrongAnswers: string[];
}
const emptyTally = (): Record<NodeName, Tally> => ({
  a: { acknowledged: 0, unanswered: 0, wrongAnswers: [] },
  b: { acknowledged: 0, unanswered: 0, wrongAnswers: [] },
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`${WRITERS} writers over both nodes for ${DURATION_MS / 1000} s, readers through both, node B killed mid-load: no acknowledged write lost`, async () => {
  const acknowledged = new Map<number, string>();
  const unanswered = new Set<string>();
  const writes = emptyTally();
  const reads = emptyTally();
  const started = Date.now();
  const deadline = started + DURATION_MS;
  // B restarts slowly on a loaded machine: the load goes on past the 20 s until the restarted
  // B has acknowledged writes too (the cap only stops a node that never comes back).
  let ackedByRestartedB = 0;
  let restarted = false;
  const cap = started + 180_000;
  const loadGoesOn = () => Date.now() < cap && (Date.now() < deadline || ackedByRestartedB < WRITERS);

  async function writer(index: number) {
    for (let n = 0; loadGoesOn(); n++) {
      const name: NodeName = (index + n) % 2 === 0 ? "a" : "b";
      const rationale = `${WRITER_RATIONALE} ${index} event ${n}`;
      let response: Response;
      try {
        response = await postEvent(name, claimIds[(index + n) % claimIds.length]!, {
          statusKey: STATUS_KEYS[n % STATUS_KEYS.length],
          effectiveDate: `2025-${String((n % 12) + 1).padStart(2, "0")}-15`,
          rationale,
        });
      } catch {
        writes[name].unanswered++;
        unanswered.add(rationale);
        await pause(100); // a node that is down refuses at once: no busy loop meanwhile
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        // The node died between the status line and the body (SIGKILL mid-answer): the writer
        // never got its event id, so this is no acknowledgement, as a refused connection is not.
        writes[name].unanswered++;
        unanswered.add(rationale);
        continue;
      }
      const eventId = response.status === 201 ? (JSON.parse(text) as { eventId?: number }).eventId : undefined;
      if (typeof eventId === "number") {
        writes[name].acknowledged++;
        if (name === "b" && restarted) ackedByRestartedB++;
        acknowledged.set(eventId, rationale);
      } else writes[name].wrongAnswers.push(`${rationale}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
  }

  async function reader(index: number) {
    const urls = [`/api/v1/claims/${claimIds[index % claimIds.length]}`, `/claims/${claimIds[index % claimIds.length]}`, `/articles/${DEMO_SLUG}`];
    for (let n = 0; loadGoesOn(); n++) {
      const name: NodeName = (index + n) % 2 === 0 ? "a" : "b";
      const url = urls[n % urls.length]!;
      try {
        const response = await fetch(`${baseURL(name)}${url}`);
        await response.arrayBuffer();
        if (response.ok) reads[name].acknowledged++;
        else reads[name].wrongAnswers.push(`${url}: HTTP ${response.status}`);
      } catch {
        reads[name].unanswered++;
        await pause(100);
      }
    }
  }

  // Node B dies without warning mid-load, and comes back a few seconds later.
  let killedAt = 0;
  let restartedAt = 0;
  const outage = (async () => {
    await pause(KILL_AT_MS);
    killedAt = Date.now() - started;
    await nodes.b.server!.kill("SIGKILL");
    await pause(DOWN_MS);
    await start(nodes.b);
    restarted = true;
    restartedAt = Date.now() - started;
  })();

  await Promise.all([...Array.from({ length: WRITERS }, (_, i) => writer(i)), ...Array.from({ length: READERS }, (_, i) => reader(i))]);
  await outage;

  // Every acknowledged event is in the database, read directly; every writer's event there was
  // either acknowledged or asked for by a request that never got its answer.
  const rows = await query<{ id: number; rationale: string }>("SELECT id, rationale FROM status_event WHERE rationale LIKE $1", [`${WRITER_RATIONALE} %`]);
  const stored = new Map(rows.map((row) => [Number(row.id), row.rationale]));

  console.log(
    `multi-node: ${isolation}; node B SIGKILLed at ${(killedAt / 1000).toFixed(1)} s, serving again at ${(restartedAt / 1000).toFixed(1)} s, load ended at ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `  writes acknowledged by B after its restart: ${ackedByRestartedB}\n` +
      `  writes acknowledged: A ${writes.a.acknowledged}, B ${writes.b.acknowledged}; unanswered: A ${writes.a.unanswered}, B ${writes.b.unanswered}\n` +
      `  reads answered 2xx: A ${reads.a.acknowledged}, B ${reads.b.acknowledged}; unanswered: A ${reads.a.unanswered}, B ${reads.b.unanswered}\n` +
      `  answers other than 2xx: writes A ${writes.a.wrongAnswers.length}, B ${writes.b.wrongAnswers.length}; reads A ${reads.a.wrongAnswers.length}, B ${reads.b.wrongAnswers.length}\n` +
      `  stored writer events: ${stored.size} (acknowledged ${acknowledged.size}, unanswered requests ${unanswered.size})`,
  );

  const lost = [...acknowledged].filter(([id, rationale]) => stored.get(id) !== rationale);
  expect(lost, "acknowledged events missing from PostgreSQL").toEqual([]);
  const unasked = [...stored].filter(([id, rationale]) => !acknowledged.has(id) && !unanswered.has(rationale));
  expect(unasked, "events in PostgreSQL that no request without an answer asked for").toEqual([]);
  for (const name of ["a", "b"] as const) {
    expect(writes[name].wrongAnswers.slice(0, 5), `writes through node ${name}: answers other than 201`).toEqual([]);
    expect(reads[name].wrongAnswers.slice(0, 5), `reads through node ${name}: answers other than 2xx`).toEqual([]);
    expect(writes[name].acknowledged, `writes acknowledged by node ${name}`).toBeGreaterThan(0);
    expect(reads[name].acknowledged, `reads answered by node ${name}`).toBeGreaterThan(0);
  }
  // Only B was down: A answered every request sent to it.
  expect(writes.a.unanswered + reads.a.unanswered, "requests to node A that got no answer").toBe(0);
  expect(killedAt).toBeGreaterThan(0);
  expect(ackedByRestartedB, "writes acknowledged by node B after its restart").toBeGreaterThanOrEqual(WRITERS);

  // The restarted B and A still show each other's writes on the next request.
  await showsTheOthersWrite("a", "b");
  await showsTheOthersWrite("b", "a");
});
