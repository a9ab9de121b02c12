import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { annotationsWriter, reportAnnotations } from "../../lib/reports/report-annotations";
import { claimReviewWriter, reportClaimReviews } from "../../lib/reports/report-claimreview";
import { claimsCsv, claimsCsvWriter, eventsCsv, eventsCsvWriter } from "../../lib/reports/report-csv";
import { reportJson, reportJsonWriter } from "../../lib/reports/report-json";
import { reportMarkdown, reportMarkdownWriter } from "../../lib/reports/report-markdown";
import type { ReportData, ReportScope } from "../../lib/reports/report-model";
import type { ReportWriterFactory } from "../../lib/reports/report-writer";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { closeDb, getDb } from "../client";
import { ON_POSTGRES } from "../sql-dialect";
import { recordStatusEvent } from "../events/record-status-event";
import { loadReport, streamReport } from "./report-data";
import { reportResponse } from "@/app/_lib/report-response";

// On SQLite, a file database, so streams read through their own snapshot connection as in
// production (an in-memory one has no second connection). PostgreSQL's test database is one already.
let dir: string;
const memoryUrl = process.env.DATABASE_URL;
beforeEach(async () => {
  if (ON_POSTGRES) return;
  await closeDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-stream-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
});
afterEach(async () => {
  if (ON_POSTGRES) return;
  await closeDb();
  process.env.DATABASE_URL = memoryUrl;
  fs.rmSync(dir, { recursive: true, force: true });
});

const SITE = "https://claimline.example";
/** Keeps the byte-order mark, which TextDecoder drops by default: the CSVs must start with it. */
const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/** Seven claims over two articles (one with a second mention elsewhere), most with events and sources. */
async function desk() {
  const editor = await makeUser();
  const first = await makeArticle(editor, { title: "First", publishedDate: "2023-05-15", sourceUrl: "https://news.example/a" });
  const second = await makeArticle(editor, { title: "Second, with \"quotes\"", publishedDate: "2023-06-01" });
  const ids: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { claimId } = await makeClaim(editor, i % 2 ? first.id : second.id, i % 3 ? "1750亿个参数" : "估值约为270亿美元", `Claim ${i}: =SUM(A1) 中文, "quoted"\nsecond line`);
    if (i % 3) await recordStatusEvent(editor, eventInput(claimId, { statusKey: i % 2 ? "false" : "true", rationale: `Why ${i}\nline two`, sources: [{ url: `https://s.example/${i}`, title: `来源 ${i}` }] }));
    ids.push(claimId);
  }
  return { editor, first, second, ids };
}

// The CSV factories as they are: they read only the parts of a claim they write (ClaimParts),
// which the whole report, read in full, checks.
const WHOLE: [string, (data: ReportData) => string, ReportWriterFactory][] = [
  ["events.csv", eventsCsv, eventsCsvWriter],
  ["claims.csv", claimsCsv, claimsCsvWriter],
  ["report.json", reportJson, (head) => reportJsonWriter(head)],
  ["report.md", (data) => reportMarkdown(data, { siteUrl: SITE }), (head) => reportMarkdownWriter(head, { siteUrl: SITE })],
  ["claimreview", (data) => `${JSON.stringify(reportClaimReviews(data, { siteUrl: SITE }), null, 2)}\n`, (head) => claimReviewWriter(head, { siteUrl: SITE })],
  ["annotations", (data) => `${JSON.stringify(reportAnnotations(data, { siteUrl: SITE, collectionId: `${SITE}/r/annotations.jsonld` }), null, 2)}\n`, (head) => annotationsWriter(head, { siteUrl: SITE, collectionId: `${SITE}/r/annotations.jsonld` })],
];

/**
 * Whether a read snapshot is still open, after a write. SQLite: a reader holding an old snapshot
 * keeps the write-ahead log from being checkpointed, so a passive checkpoint leaves frames
 * behind. PostgreSQL: the snapshot's connection sits idle inside its transaction.
 */
async function snapshotHeld(): Promise<boolean> {
  if (ON_POSTGRES) {
    const row = await getDb().get<{ held: number }>(sql`SELECT count(*) AS held FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    return row!.held > 0;
  }
  const { log, checkpointed } = (getDb().$client.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[])[0]!;
  return checkpointed < log;
}

async function streamed(scope: ReportScope, factory: ReportWriterFactory, batchSize: number) {
  const report = (await streamReport(scope, null, factory, undefined, batchSize))!;
  return utf8(new Uint8Array(await new Response(report.body).arrayBuffer()));
}

describe("streamReport", () => {
  it("writes every format batch by batch with exactly the bytes of the whole report", async () => {
    const { first } = await desk();
    for (const scope of [{ kind: "desk" }, { kind: "article", slug: first.slug }] as ReportScope[]) {
      const whole = (await loadReport(scope))!;
      for (const [name, render, factory] of WHOLE) {
        for (const batchSize of [2, 500]) expect(await streamed(scope, factory, batchSize), `${name} in batches of ${batchSize}`).toBe(render(whole));
      }
    }
  });

  it("writes a report with no claims as valid files", async () => {
    const editor = await makeUser();
    const empty = await makeArticle(editor, { title: "Nothing checked yet" });
    const scope: ReportScope = { kind: "article", slug: empty.slug };
    expect(JSON.parse(await streamed(scope, (head) => reportJsonWriter(head), 2))).toMatchObject({ claims: [], articles: [{ title: "Nothing checked yet" }] });
    expect(JSON.parse(await streamed(scope, (head) => annotationsWriter(head, { siteUrl: SITE, collectionId: `${SITE}/r/annotations.jsonld` }), 2))).toMatchObject({ total: 0, first: { items: [] } });
    expect(await streamed(scope, (head) => eventsCsvWriter(head), 2)).toBe(`\uFEFF${"claim_id,statement,claimant,claim_date,kind,event_id,status_key,status_label,effective_date,precision,recorded_at,rationale,corrects_event_id,sources"}\r\n`);
  });

  it("reads one snapshot: what is written while the stream is open is not in it, and writers are not blocked", async () => {
    const { editor, ids } = await desk();
    const report = (await streamReport({ kind: "desk" }, null, (head) => eventsCsvWriter(head), undefined, 2))!;
    const reader = report.body.getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value!];
    // Meanwhile an editor records an event on the last claim, which the stream has not reached yet.
    await recordStatusEvent(editor, eventInput(ids.at(-1)!, { statusKey: "false", rationale: "WRITTEN-DURING-EXPORT" }));
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    const csv = utf8(Buffer.concat(chunks));
    expect(csv).toContain("Why 5");
    expect(csv).not.toContain("WRITTEN-DURING-EXPORT");
    expect(eventsCsv((await loadReport({ kind: "desk" }))!)).toContain("WRITTEN-DURING-EXPORT");
  });

  it("lets go of its snapshot when the download is cancelled", async () => {
    await desk();
    const report = (await streamReport({ kind: "desk" }, null, (head) => eventsCsvWriter(head), undefined, 1))!;
    const reader = report.body.getReader();
    await reader.read();
    await recordStatusEvent(await makeUser(), eventInput((await loadReport({ kind: "desk" }))!.claims[0]!.id));
    expect(await snapshotHeld()).toBe(true);
    await reader.cancel();
    expect(await snapshotHeld()).toBe(false);
  });

  it("is null for an article that is not published, and holds no snapshot then", async () => {
    const editor = await makeUser();
    const draft = await makeArticle(editor, { status: "draft" });
    expect(await streamReport({ kind: "article", slug: draft.slug }, null, (head) => eventsCsvWriter(head), undefined)).toBeNull();
    // A write after the call: a snapshot left open would keep these pages from being checkpointed.
    await makeUser();
    expect(await snapshotHeld()).toBe(false);
  });

  it("answers HEAD with the export's headers only, and holds no snapshot afterwards", async () => {
    await desk();
    const response = await reportResponse({ kind: "desk" }, "events.csv", new Request("http://localhost/api/v1/reports/desk/events.csv", { method: "HEAD" }), "desk");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-report-claims")).toBe("7");
    expect(response.body).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await makeUser();
    expect(await snapshotHeld()).toBe(false);
  });
});
