import "server-only";
import type { TimeView } from "../../lib/as-of";
import type { ReportClaim, ReportData, ReportScope } from "../../lib/reports/report-model";
import type { ReportWriterFactory } from "../../lib/reports/report-writer";
import { getDb } from "../client";
import { openReadSnapshot } from "./read-snapshot";
import { loadReportClaims } from "./report-claims";
import { planReport, REPORT_BATCH_SIZE, type ReportPlan } from "./report-plan";

/**
 * The data of a verification report: the claims of one published article, of a tracker
 * query (every match, not one page) or of the whole desk, each with its live mentions in
 * published articles and its published timeline. As published on a day, only what had been
 * recorded by the end of that day counts (claims, mentions, events and so statuses), so the
 * report of a day is the same bytes whenever it is produced. As of a day, every claim with the
 * status it had then by effective date, as known now (see lib/as-of.ts).
 *
 * A report is planned first (which claims, in which order, with what status; see
 * report-plan.ts), then read a batch of claims at a time: a fixed number of statements per
 * batch, whatever the size of the desk. Null when the article is not published.
 */
export async function loadReport(scope: ReportScope, options: { view?: TimeView | null; batchSize?: number } = {}): Promise<ReportData | null> {
  const db = getDb();
  // One read transaction, so plan and batches see the same snapshot while editors write.
  return db.transaction(async (tx) => {
    const plan = await planReport(tx, scope, options.view ?? null);
    if (!plan) return null;
    const claims: ReportClaim[] = [];
    for (const ids of batchesOf(plan, options.batchSize)) claims.push(...(await loadReportClaims(tx, plan, ids)));
    const { title, scopeDescription, asOf, timeAxis, generatedFor, articles, statuses } = plan.head;
    return { title, scope: plan.head.scope, scopeDescription, asOf, ...(timeAxis ? { timeAxis } : {}), generatedFor, articles, claims, statuses };
  });
}

/**
 * A report written by `factory` as a byte stream, a batch of claims per pull, so memory stays
 * flat however large the report: the browser's reading pace drives the reads. Everything is
 * read from one snapshot (read-snapshot.ts). Null when the article is not published.
 */
export async function streamReport<Options>(
  scope: ReportScope,
  view: TimeView | null,
  factory: ReportWriterFactory<Options>,
  options: Options,
  batchSize = REPORT_BATCH_SIZE,
): Promise<{ plan: ReportPlan; body: ReadableStream<Uint8Array> } | null> {
  const snapshot = await openReadSnapshot();
  let planned: ReportPlan;
  let writer: ReturnType<typeof factory>;
  try {
    const plan = await planReport(snapshot.db, scope, view, { timelineFacts: !factory.claimsOnly });
    if (!plan) {
      await snapshot.close();
      return null;
    }
    planned = plan;
    writer = factory(planned.head, options);
  } catch (error) {
    await snapshot.close();
    throw error;
  }
  const pieces = (async function* () {
    yield writer.head();
    for (const ids of batchesOf(planned, batchSize)) {
      const claims = await loadReportClaims(snapshot.db, planned, ids, factory.reads);
      // Written a few claims per piece: a batch's CSV is over a megabyte, and a string that
      // large goes straight to V8's old generation, where it waits for a full collection.
      for (let i = 0; i < claims.length; i += WRITE_SIZE) yield writer.claims(claims.slice(i, i + WRITE_SIZE));
    }
    yield writer.tail();
  })();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // The stream asks again only after something was enqueued: skip empty pieces here.
        for (let next = await pieces.next(); ; next = await pieces.next()) {
          if (next.done) {
            await snapshot.close();
            controller.close();
            return;
          }
          if (next.value !== "") {
            controller.enqueue(encoder.encode(next.value));
            return;
          }
        }
      } catch (error) {
        await snapshot.close();
        controller.error(error);
      }
    },
    cancel() {
      return snapshot.close();
    },
  });
  return { plan: planned, body };
}

/** Claims per written piece (see streamReport): about 100 KB of CSV. */
const WRITE_SIZE = 100;

function batchesOf(plan: ReportPlan, size = REPORT_BATCH_SIZE): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < plan.claimIds.length; i += size) batches.push(plan.claimIds.slice(i, i + size));
  return batches;
}
