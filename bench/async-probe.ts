/**
 * What an `async` data layer would cost SQLite (issue 19, item 4: the floor may not get more
 * than 10 % slower). An experiment, not app code: async copies of three floor loaders and of
 * one write, run in one process beside today's synchronous code, alternating shapes every round
 * so the machine's load falls on all of them alike. See bench/findings.md, "An async data layer".
 *
 *   npx tsx --conditions react-server bench/async-probe.ts [--db <file>] [--claims 20000] [--iterations 2000] [--keep]
 *
 * Shapes:
 *   a   today: drizzle's synchronous `.all()` / `.get()` / `.run()`, better-sqlite3 directly;
 *   b   the same statements awaited (drizzle's thenable builders, `await` on raw reads), no lock;
 *   c1  b inside a promise-chain mutex: every statement waits its turn (`await lock.run(…)`);
 *   c2  a gate: a statement outside a transaction runs at once (synchronously, `.all()`) when no
 *       transaction is open and waits on the gate only while one is; the engine method is still
 *       `async`, so callers are written as for PostgreSQL.
 * A transaction in b/c1/c2 is `BEGIN [IMMEDIATE]`, awaited statements, `COMMIT`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { listArticleFilterOptions } from "../db/articles/published-articles";
import { closeDb, getDb, openDatabase, type Db } from "../db/client";
import { getPublicClaim } from "../db/claims/public-claim";
import { onTimelineOf } from "../db/claims/timeline-owner";
import { insertStatusEvent } from "../db/events/record-status-event";
import { inIds } from "../db/id-list";
import { articles, auditLog, claims, eventSources, mentions, quantityObservations, readerStatusCounts, sources, statusEvents, statuses, user } from "../db/schema";
import { listStatuses, toStatusDto } from "../db/statuses/list-statuses";
import { listPublishedClaims } from "../db/tracker/list-claims";
import { onlyKindOrStatus, timelineClaimsCte, trackerClaimsWhere } from "../db/tracker/search";
import { writeTransaction } from "../db/transaction";
import { languageToStore } from "../lib/article-doc/text-language";
import { claimStanding } from "../lib/claim-on-day";
import { currentStatusEvent } from "../lib/current-status";
import { TRACKER_PAGE_SIZE, parseTrackerQuery, type TrackerQuery } from "../lib/tracker-query";
import { generateDesk } from "./generate";
import { median } from "./measure";

// ---------------------------------------------------------------- engines (shapes b, c1, c2)

type Builder<T> = PromiseLike<T[]> & { all(): T[]; toSQL(): { sql: string; params: unknown[] } };
type Runnable = PromiseLike<unknown> & { run(): unknown };

/** What the async data layer would call: one implementation per shape. */
interface Engine {
  all<T>(query: Builder<T>): Promise<T[]>;
  get<T>(query: Builder<T>): Promise<T | undefined>;
  run(query: Runnable): Promise<void>;
  /** Raw rows of a drizzle query (db/raw-rows.ts). */
  rawRows<R extends unknown[]>(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<R[]>;
  /** Raw rows of a statement with positional parameters (db/claims/claim-origins.ts). */
  rawSql<R extends unknown[]>(text: string, params: unknown[]): Promise<R[]>;
  /** `db.all(sql`…`)`. */
  sqlAll<T>(query: SQL): Promise<T[]>;
  transaction<T>(work: (tx: Engine) => Promise<T>, write: boolean): Promise<T>;
}

/** Shape b: what awaiting drizzle's builders costs, with no lock (unsafe with async transactions). */
function awaitedEngine(db: Db): Engine {
  const engine: Engine = {
    all: async (q) => await q,
    get: async (q) => (await q)[0],
    run: async (q) => void (await q),
    rawRows: async <R extends unknown[]>(q: { toSQL(): { sql: string; params: unknown[] } }) => {
      const { sql: text, params } = q.toSQL();
      return db.$client.prepare(text).raw().all(...params) as R[];
    },
    rawSql: async <R extends unknown[]>(text: string, params: unknown[]) => db.$client.prepare(text).raw().all(...params) as R[],
    sqlAll: async <T>(q: SQL) => await db.all<T>(q),
    transaction: (work, write) => inTransaction(db, () => work(engine), write),
  };
  return engine;
}

async function inTransaction<T>(db: Db, work: () => Promise<T>, write: boolean): Promise<T> {
  db.$client.prepare(write ? "BEGIN IMMEDIATE" : "BEGIN").run();
  try {
    const result = await work();
    db.$client.prepare("COMMIT").run();
    return result;
  } catch (error) {
    db.$client.prepare("ROLLBACK").run();
    throw error;
  }
}

/** Shape c1: a FIFO mutex built from a promise chain; every statement and every transaction takes it. */
class ChainLock {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function mutexEngine(db: Db): Engine {
  const lock = new ChainLock();
  const inside = awaitedEngine(db);
  return {
    all: (q) => lock.run(() => inside.all(q)),
    get: (q) => lock.run(() => inside.get(q)),
    run: (q) => lock.run(() => inside.run(q)),
    rawRows: (q) => lock.run(() => inside.rawRows(q)),
    rawSql: (text, params) => lock.run(() => inside.rawSql(text, params)),
    sqlAll: (q) => lock.run(() => inside.sqlAll(q)),
    // The transaction's own statements run on `inside`: they already hold the lock.
    transaction: (work, write) => lock.run(() => inTransaction(db, () => work(inside), write)),
  };
}

/**
 * Shape c2: a gate, closed only while a transaction is open. A statement outside a transaction
 * runs synchronously when the gate is open (nothing can interleave with a synchronous call), and
 * otherwise waits for it; transactions queue on it too. The transaction's statements use an
 * engine that ignores the gate.
 */
export class TransactionGate {
  private closed: Promise<void> | null = null;
  /**
   * While a transaction is open, the promise of its end; undefined (no promise at all) when none
   * is. Callers loop (`for (let w = wait(); w; w = wait()) await w`): another transaction may
   * open between the end they waited for and their turn.
   */
  wait(): Promise<void> | undefined {
    return this.closed ?? undefined;
  }
  async hold<T>(work: () => Promise<T>): Promise<T> {
    // Close the gate in the same tick as it is found open: an `await` here would let a statement in.
    for (let waiting = this.wait(); waiting; waiting = this.wait()) await waiting;
    let open!: () => void;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      return await work();
    } finally {
      this.closed = null;
      open();
    }
  }
}

function gateEngine(db: Db, gate = new TransactionGate(), insideTransaction = false): Engine {
  const ready = insideTransaction ? () => undefined : () => gate.wait();
  const engine: Engine = {
    all: async (q) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      return q.all();
    },
    get: async (q) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      return (await q.all())[0];
    },
    run: async (q) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      q.run();
    },
    rawRows: async <R extends unknown[]>(q: { toSQL(): { sql: string; params: unknown[] } }) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      const { sql: text, params } = q.toSQL();
      return db.$client.prepare(text).raw().all(...params) as R[];
    },
    rawSql: async <R extends unknown[]>(text: string, params: unknown[]) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      return db.$client.prepare(text).raw().all(...params) as R[];
    },
    sqlAll: async <T>(q: SQL) => {
      for (let waiting = ready(); waiting; waiting = ready()) await waiting;
      return db.all<T>(q);
    },
    transaction: (work, write) => {
      const inside = insideTransaction ? engine : gateEngine(db, gate, true);
      return insideTransaction ? work(engine) : gate.hold(() => inTransaction(db, () => work(inside), write));
    },
  };
  return engine;
}

// ---------------------------------------------------------------- async copies of the loaders

async function listStatusesAsync(db: Db, e: Engine) {
  return (await e.all(db.select().from(statuses).orderBy(asc(statuses.sortOrder)))).map(toStatusDto);
}

/** bench/floor.ts's claim page: getPublicClaim(id, { view: null }) and the scale (db/claims/public-claim.ts, no view). */
async function claimPageAsync(db: Db, e: Engine, id: number) {
  const claim = await e.get(db.select().from(claims).where(and(eq(claims.id, id), isNull(claims.deletedAt))));
  if (!claim) return null;
  const origin = (await loadClaimOriginsAsync(e, [id])).get(id);
  if (!origin) return null;
  const appearances = await e.all(
    db
      .select({ mentionId: mentions.id, exact: mentions.exact, quoteLanguage: mentions.language, articleSlug: articles.slug, articleTitle: articles.title, articleLanguage: articles.language, outlet: articles.outlet, publishedDate: articles.publishedDate, sourceUrl: articles.sourceUrl })
      .from(mentions)
      .innerJoin(articles, eq(articles.id, mentions.articleId))
      .where(and(sql`${mentions.claimId} IN (SELECT claim.id FROM claim WHERE ${onTimelineOf(sql`${id}`)})`, isNull(mentions.deletedAt), eq(articles.status, "published")))
      .orderBy(sql`${articles.publishedDate} IS NULL`, asc(articles.publishedDate), asc(articles.id), asc(mentions.startOffset), asc(mentions.id)),
  );
  const timeline = (await loadTimelinesAsync(db, e, [id])).get(id) ?? [];
  const observations = (
    await e.all(
      db
        .select({ id: quantityObservations.id, value: quantityObservations.value, unit: quantityObservations.unit, observedOn: quantityObservations.observedOn, note: quantityObservations.note, sourceUrl: sources.url, sourceTitle: sources.title, sourceTitleLanguage: sources.titleLanguage, sourcePublisher: sources.publisher, sourceDate: sources.publishedDate, sourceArchive: sources.archivedUrl })
        .from(quantityObservations)
        .leftJoin(sources, eq(sources.id, quantityObservations.sourceId))
        .where(eq(quantityObservations.claimId, id))
        .orderBy(asc(quantityObservations.observedOn), asc(quantityObservations.id)),
    )
  ).map(({ sourceUrl, sourceTitle, sourceTitleLanguage, sourcePublisher, sourceDate, sourceArchive, ...o }) => ({
    ...o,
    source: sourceUrl ? { url: sourceUrl, title: sourceTitle, titleLanguage: sourceTitleLanguage, publisher: sourcePublisher, publishedDate: sourceDate, archivedUrl: sourceArchive } : null,
  }));
  const standing = claimStanding(origin, null);
  const page = {
    id: claim.id,
    statement: claim.statement,
    statementLanguage: claim.statementLanguage,
    claimant: claim.claimant,
    claimantType: claim.claimantType,
    claimDate: claim.claimDate,
    kind: claim.kind,
    currentStatus: claim.currentStatus,
    updatedAt: claim.updatedAt.toISOString(),
    quantity: claim.quantityValue === null ? null : { value: claim.quantityValue, unit: claim.quantityUnit, qualifier: claim.quantityQualifier, asOf: claim.quantityAsOf },
    appearances,
    timeline,
    observations,
    asOf: null,
    published: null,
    tracked: standing.existed,
    statusAsOf: standing.existed ? claim.currentStatus : null,
    notice: standing.notice,
    firstMadeOn: origin.firstMadeOn,
    trackedSince: new Date(origin.trackedSinceMs).toISOString().slice(0, 10),
  };
  return [page, await listStatusesAsync(db, e)];
}

// The same statement as db/claims/claim-origins.ts (copied: that module keeps it private).
const ORIGINS_SQL = new SQLiteSyncDialect().sqlToQuery(sql`
  SELECT claim.id, claim.claim_date, MIN(article.published_date), MAX(claim.created_at, MIN(mention.created_at))
  FROM json_each(?) AS asked
  CROSS JOIN claim ON claim.id = asked.value
  CROSS JOIN claim held ON ${onTimelineOf(sql`claim.id`, sql`held`)}
  CROSS JOIN mention ON mention.claim_id = held.id AND mention.deleted_at IS NULL
  JOIN article ON article.id = mention.article_id AND article.status = 'published'
  GROUP BY claim.id`).sql;

async function loadClaimOriginsAsync(e: Engine, claimIds: number[]) {
  const origins = new Map<number, { firstMadeOn: string | null; trackedSinceMs: number }>();
  const rows = await e.rawSql<[number, string | null, string | null, number]>(ORIGINS_SQL, [JSON.stringify(claimIds)]);
  for (const [id, claimDate, firstArticleDate, trackedSinceMs] of rows) origins.set(id, { firstMadeOn: claimDate ?? firstArticleDate, trackedSinceMs });
  return origins;
}

/** db/events/timeline.ts's loadTimelines for readers, no view, with sources and authors. */
async function loadTimelinesAsync(db: Db, e: Engine, claimIds: number[]) {
  const owners = await timelineOwnersAsync(e, claimIds);
  const events = await e.rawRows<[number, number, string, string, string, number, string | null, string | null, number | null, string | null]>(
    db
      .select({ id: statusEvents.id, claimId: statusEvents.claimId, statusKey: statusEvents.statusKey, effectiveDate: statusEvents.effectiveDate, effectivePrecision: statusEvents.effectivePrecision, recordedAt: statusEvents.recordedAt, rationale: statusEvents.rationale, rationaleLanguage: statusEvents.rationaleLanguage, correctsEventId: statusEvents.correctsEventId, authorName: user.name })
      .from(statusEvents)
      .leftJoin(user, eq(user.id, statusEvents.authorId))
      .where(and(inIds(statusEvents.claimId, [...owners.keys()]), eq(statusEvents.visibility, "published")))
      .orderBy(asc(statusEvents.effectiveDate), asc(statusEvents.recordedAt), asc(statusEvents.id)),
  );
  const byEvent = new Map<number, unknown[]>();
  if (events.length > 0) {
    const rows = await e.rawRows<[number, string, string | null, string | null, string | null, string | null, string | null]>(
      db
        .select({ eventId: eventSources.eventId, url: sources.url, title: sources.title, titleLanguage: sources.titleLanguage, publisher: sources.publisher, publishedDate: sources.publishedDate, archivedUrl: sources.archivedUrl })
        .from(eventSources)
        .innerJoin(sources, eq(sources.id, eventSources.sourceId))
        .where(inIds(eventSources.eventId, events.map((ev) => ev[0])))
        .orderBy(asc(eventSources.eventId), asc(eventSources.position)),
    );
    for (const [eventId, url, title, titleLanguage, publisher, publishedDate, archivedUrl] of rows) {
      const list = byEvent.get(eventId) ?? [];
      list.push({ url, title, titleLanguage, publisher, publishedDate, archivedUrl });
      byEvent.set(eventId, list);
    }
  }
  const timelines = new Map<number, unknown[]>();
  for (const [id, claimId, statusKey, effectiveDate, effectivePrecision, recordedAt, rationale, rationaleLanguage, correctsEventId, authorName] of events) {
    const event = { id, statusKey, effectiveDate, effectivePrecision, recordedAt: new Date(recordedAt).toISOString(), rationale, rationaleLanguage, correctsEventId, authorName, sources: byEvent.get(id) ?? [] };
    const owner = owners.get(claimId) ?? claimId;
    const list = timelines.get(owner);
    if (list) list.push(event);
    else timelines.set(owner, [event]);
  }
  return timelines;
}

async function timelineOwnersAsync(e: Engine, ownerIds: readonly number[]) {
  const rows = await e.sqlAll<{ id: number; owner: number }>(sql`
    SELECT claim.id, claim.timeline_owner_id AS owner FROM claim WHERE ${inIds(sql`claim.timeline_owner_id`, ownerIds)}`);
  return new Map(rows.map((r) => [r.id, r.owner]));
}

/** bench/floor.ts's tracker: listPublishedClaims (a read transaction, db/tracker/list-claims.ts), the scale, the article filter. */
async function trackerAsync(db: Db, e: Engine, query: TrackerQuery) {
  const page = await e.transaction(async (tx) => {
    const statusCounts = await countByStatusAsync(db, tx, query);
    const counted = query.status.length > 0 ? query.status : Object.keys(statusCounts);
    const total = counted.reduce((sum, key) => sum + (statusCounts[key] ?? 0), 0);
    const pageCount = Math.max(1, Math.ceil(total / TRACKER_PAGE_SIZE));
    const pageNumber = Math.min(query.page, pageCount);
    const direction = query.order === "asc" ? asc : desc;
    const rows =
      total === 0
        ? []
        : await tx.all(
            db
              .select({ id: claims.id, statement: claims.statement, statementLanguage: claims.statementLanguage, claimant: claims.claimant, claimDate: claims.claimDate, kind: claims.kind, currentStatus: claims.currentStatus, updatedAt: claims.updatedAt })
              .from(claims)
              .where(trackerClaimsWhere(query, { fromMatches: false }))
              .orderBy(direction(claims.updatedAt), direction(claims.id))
              .limit(TRACKER_PAGE_SIZE)
              .offset((pageNumber - 1) * TRACKER_PAGE_SIZE),
          );
    const ids = rows.map((r) => r.id);
    const appearances = new Map<number, { slug: string; title: string; articleLanguage: string; exact: string; language: string | null }[]>();
    if (ids.length > 0) {
      const found = await tx.all(
        db
          .select({ claimId: mentions.claimId, exact: mentions.exact, language: mentions.language, slug: articles.slug, title: articles.title, articleLanguage: articles.language })
          .from(mentions)
          .innerJoin(articles, eq(articles.id, mentions.articleId))
          .where(and(inArray(mentions.claimId, ids), isNull(mentions.deletedAt), eq(articles.status, "published")))
          .orderBy(asc(articles.publishedDate), asc(mentions.id)),
      );
      for (const { claimId, ...appearance } of found) {
        const list = appearances.get(claimId) ?? [];
        list.push(appearance);
        appearances.set(claimId, list);
      }
    }
    const lastEvents =
      ids.length === 0
        ? new Map<number, string>()
        : new Map(
            (
              await tx.sqlAll<{ claimId: number; lastEventAt: number }>(sql`
                WITH ${timelineClaimsCte(inArray(claims.id, ids))}
                SELECT timeline_claim.owner_id AS claimId, max(${statusEvents.recordedAt}) AS lastEventAt
                FROM timeline_claim CROSS JOIN ${statusEvents} ON ${statusEvents.claimId} = timeline_claim.claim_id
                WHERE ${statusEvents.visibility} = 'published'
                GROUP BY timeline_claim.owner_id`)
            ).map((r) => [r.claimId, new Date(r.lastEventAt).toISOString()]),
          );
    const items = rows.map((row) => {
      const seen = appearances.get(row.id) ?? [];
      return {
        ...row,
        updatedAt: row.updatedAt.toISOString(),
        lastEventAt: lastEvents.get(row.id) ?? null,
        articles: [...new Map(seen.map((a) => [a.slug, { slug: a.slug, title: a.title, language: a.articleLanguage }])).values()],
        quote: seen[0]?.exact ?? "",
        quoteLanguage: seen[0]?.language ?? null,
        quoteContext: seen[0]?.articleLanguage ?? null,
      };
    });
    return { items, total, page: pageNumber, pageCount, statusCounts };
  }, false);
  // The article filter's list: 20 newest published articles (db/articles/published-articles.ts's listPublishedArticleOptions, no selection).
  const options = await e.all(db.select({ slug: articles.slug, title: articles.title, language: articles.language }).from(articles).where(eq(articles.status, "published")).orderBy(desc(articles.publishedDate), desc(articles.id)).limit(20));
  return [page, await listStatusesAsync(db, e), options];
}

async function countByStatusAsync(db: Db, tx: Engine, query: TrackerQuery): Promise<Record<string, number>> {
  if (onlyKindOrStatus(query)) {
    const n = sql<number>`sum(${readerStatusCounts.claims})`;
    const kept = await tx.all(
      db
        .select({ status: readerStatusCounts.statusKey, n })
        .from(readerStatusCounts)
        .where(query.kind.length > 0 ? inArray(readerStatusCounts.kind, query.kind) : undefined)
        .groupBy(readerStatusCounts.statusKey)
        .having(gt(n, 0)),
    );
    return Object.fromEntries(kept.map((r) => [r.status, r.n]));
  }
  const rows = await tx.all(db.select({ status: claims.currentStatus, n: count() }).from(claims).where(trackerClaimsWhere(query, { ignoreStatus: true, fromMatches: true })).groupBy(claims.currentStatus));
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

// ---------------------------------------------------------------- the write: a draft status event

const DRAFT = { statusKey: "unverified", effectiveDate: { date: "2025-01-01", precision: "day" as const }, rationale: "Probe.", rationaleLanguage: null, internalNote: null, visibility: "draft" as const, correctsEventId: null, sources: [] };

/** db/events/record-status-event.ts's insertStatusEvent for a draft without sources, as an async write transaction (authorize left out on both sides). */
async function recordDraftAsync(db: Db, e: Engine, claimId: number) {
  return e.transaction(async (tx) => {
    const claim = await tx.get(db.select({ id: claims.id }).from(claims).where(and(eq(claims.id, claimId), isNull(claims.deletedAt))));
    if (!claim) throw new Error("no claim");
    const status = await tx.get(db.select({ retiredAt: statuses.retiredAt }).from(statuses).where(eq(statuses.key, DRAFT.statusKey)));
    if (!status || status.retiredAt) throw new Error("retired");
    const event = (
      await tx.all(
        db
          .insert(statusEvents)
          .values({ claimId, statusKey: DRAFT.statusKey, effectiveDate: DRAFT.effectiveDate.date, effectivePrecision: DRAFT.effectiveDate.precision, recordedAt: new Date(), rationale: DRAFT.rationale, rationaleLanguage: languageToStore(DRAFT.rationale, DRAFT.rationaleLanguage), internalNote: null, visibility: "draft", correctsEventId: null, authorId: null })
          .returning() as unknown as Builder<typeof statusEvents.$inferSelect>,
      )
    )[0]!;
    await tx.run(db.insert(auditLog).values({ actorId: null, action: "status_event.create", entityType: "status_event", entityId: String(event.id), before: null, after: { ...event, sources: [] } }));
    // refreshCurrentStatus
    const ownerRow = await tx.sqlAll<{ owner: number | null }>(sql`SELECT timeline_owner_id AS owner FROM claim WHERE id = ${claimId}`);
    const owner = ownerRow[0]?.owner ?? claimId;
    const owners = await timelineOwnersAsync(tx, [owner]);
    const events = (
      await tx.all(
        db
          .select({ id: statusEvents.id, statusKey: statusEvents.statusKey, effectiveDate: statusEvents.effectiveDate, recordedAt: statusEvents.recordedAt, visibility: statusEvents.visibility, correctsEventId: statusEvents.correctsEventId })
          .from(statusEvents)
          .where(inArray(statusEvents.claimId, [...owners.keys()])),
      )
    ).map((ev) => ({ ...ev, recordedAt: ev.recordedAt.getTime() }));
    const current = currentStatusEvent(events);
    const before = await tx.get(db.select({ currentStatus: claims.currentStatus, currentStatusEventId: claims.currentStatusEventId }).from(claims).where(eq(claims.id, owner)));
    const after = { currentStatus: current?.statusKey ?? "unverified", currentStatusEventId: current?.id ?? null };
    if (before && (before.currentStatus !== after.currentStatus || before.currentStatusEventId !== after.currentStatusEventId)) throw new Error("a draft changed the status");
    return { eventId: event.id, claimId, currentStatus: after.currentStatus };
  }, true);
}

// ---------------------------------------------------------------- measuring

interface Probe {
  name: string;
  /** Shape a: today's code. */
  sync: () => unknown;
  async: (e: Engine) => Promise<unknown>;
}

type ShapeName = "a" | "b" | "c1" | "c2";
const SHAPES: ShapeName[] = ["a", "b", "c1", "c2"];

/** CPU (user + system) and wall time of one call, in ms. */
async function timeCall(call: () => unknown): Promise<{ cpu: number; wall: number }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const result = call();
  if (result instanceof Promise) await result;
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}

/**
 * Alternates the shapes call by call (the order rotating every iteration, so none always follows
 * a garbage collection another left), for `iterations` calls of each; reports the median CPU time
 * per call of each shape, and its ratio to a (of the medians).
 */
async function measure(probes: Probe[], engines: Record<Exclude<ShapeName, "a">, Engine>, iterations: number) {
  const report: Record<string, Record<ShapeName, { cpuMs: number; wallMs: number; ratio: number }>> = {};
  for (const probe of probes) {
    const run = (shape: ShapeName) => (shape === "a" ? probe.sync : () => probe.async(engines[shape]));
    for (let i = 0; i < 20; i++) for (const shape of SHAPES) await timeCall(run(shape));
    const cpu = Object.fromEntries(SHAPES.map((s) => [s, [] as number[]])) as Record<ShapeName, number[]>;
    const wall = Object.fromEntries(SHAPES.map((s) => [s, [] as number[]])) as Record<ShapeName, number[]>;
    for (let i = 0; i < iterations; i++) {
      for (let k = 0; k < SHAPES.length; k++) {
        const shape = SHAPES[(i + k) % SHAPES.length]!;
        const taken = await timeCall(run(shape));
        cpu[shape].push(taken.cpu);
        wall[shape].push(taken.wall);
      }
    }
    const base = median(cpu.a);
    report[probe.name] = Object.fromEntries(SHAPES.map((s) => [s, { cpuMs: median(cpu[s]), wallMs: median(wall[s]), ratio: median(cpu[s]) / base }])) as Record<ShapeName, { cpuMs: number; wallMs: number; ratio: number }>;
    const line = SHAPES.map((s) => `${s} ${median(cpu[s]).toFixed(3)} (× ${(median(cpu[s]) / base).toFixed(3)})`).join("   ");
    console.log(`${probe.name.padEnd(12)} ${iterations} calls each, median CPU ms per call (ratio to a): ${line}`);
  }
  return report;
}

/**
 * The gate must keep other statements out of an open transaction: a read issued while an async
 * transaction awaits (between its statements) must run after its COMMIT.
 */
async function checkGate(db: Db): Promise<void> {
  const engine = gateEngine(db);
  const seen: string[] = [];
  const query = db.select().from(statuses);
  const spy: Builder<unknown> = {
    all: async () => {
      seen.push(db.$client.inTransaction ? "read inside the transaction" : "read");
      return query;
    },
    toSQL: () => query.toSQL(),
    then: (onFulfilled, onRejected) => query.then(onFulfilled, onRejected),
  };
  let read: Promise<unknown> | undefined;
  await engine.transaction(async (t) => {
    seen.push("begin");
    await t.all(db.select().from(statuses));
    read = engine.all(spy);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.all(db.select().from(statuses));
    seen.push("commit");
  }, false);
  await read;
  if (seen.join(",") !== "begin,commit,read") throw new Error(`The gate let a statement into a transaction: ${seen.join(",")}`);
  console.log("Gate check: a read issued during an open async transaction ran after its COMMIT.");
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const claimsWanted = Number(option(args, "--claims") ?? 20_000);
  const iterations = Number(option(args, "--iterations") ?? 2000);
  let file = option(args, "--db");
  let dir: string | undefined;
  let sampleClaimId: number;
  let sampleArticleSlug: string;
  if (file) {
    const probe = openDatabase(`file:${file}`);
    sampleClaimId = (probe.$client.prepare("SELECT id FROM claim WHERE readable = TRUE ORDER BY id LIMIT 1 OFFSET 1000").get() as { id: number }).id;
    sampleArticleSlug = "";
    probe.$client.close();
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimline-async-probe-`));
    file = path.join(dir, "claimline.db");
    const db = openDatabase(`file:${file}`);
    const desk = generateDesk(db.$client, { claims: claimsWanted });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
    ({ sampleClaimId, sampleArticleSlug } = desk);
    console.log(`Generated ${claimsWanted.toLocaleString("en")} claims in ${(desk.generateMs / 1000).toFixed(1)} s: ${file}`);
  }
  void sampleArticleSlug;
  try {
    process.env.DATABASE_URL = `file:${file}`;
    closeDb();
    const db = getDb();
    await checkGate(db);
    const engines = { b: awaitedEngine(db), c1: mutexEngine(db), c2: gateEngine(db) };
    const tracker = parseTrackerQuery(new URLSearchParams());
    // The async copies must read what today's code reads.
    const claimSync = (await getPublicClaim(sampleClaimId, { view: null }))!;
    const claimAsync = (await claimPageAsync(db, engines.c2, sampleClaimId)) as [{ timeline: unknown[]; appearances: unknown[] }, unknown[]];
    const trackerSync = await listPublishedClaims(tracker);
    const trackerAsyncPage = (await trackerAsync(db, engines.c1, tracker))[0] as { items: unknown[] };
    if (JSON.stringify(claimSync) !== JSON.stringify(claimAsync[0])) throw new Error("The claim page's async copy reads something else.");
    if (JSON.stringify(trackerSync) !== JSON.stringify(trackerAsyncPage)) throw new Error("The tracker's async copy reads something else.");
    console.log(`Claim ${sampleClaimId}: ${claimSync.timeline.length} events, ${claimSync.appearances.length} appearances; tracker page: ${trackerSync.items.length} claims of ${trackerSync.total}. Async copies agree.`);

    const probes: Probe[] = [
      { name: "scale", sync: async () => listStatuses(), async: (e) => listStatusesAsync(db, e) },
      { name: "claim page", sync: async () => [await getPublicClaim(sampleClaimId, { view: null }), await listStatuses()], async: (e) => claimPageAsync(db, e, sampleClaimId) },
      // One statement in a read transaction: drizzle's synchronous transaction against BEGIN/COMMIT run by the engine.
      { name: "scale in tx", sync: async () => getDb().transaction(async (tx) => listStatuses(tx as unknown as Db)), async: (e) => e.transaction((tx) => listStatusesAsync(db, tx), false) },
      { name: "tracker", sync: async () => [await listPublishedClaims(tracker), await listStatuses(), await listArticleFilterOptions(null)], async: (e) => trackerAsync(db, e, tracker) },
    ];
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    await measure(probes, engines, iterations);

    // Writes: a draft event (drafts leave readers' views alone), each on the next of 5,000 claims
    // other than the page's, so no claim's timeline grows with the run.
    const writeClaims = (db.$client.prepare("SELECT id FROM claim WHERE deleted_at IS NULL AND id <> ? ORDER BY id LIMIT 5000").all(sampleClaimId) as { id: number }[]).map((r) => r.id);
    let written = 0;
    const nextClaim = () => writeClaims[written++ % writeClaims.length]!;
    const writes: Probe[] = [
      {
        name: "draft event",
        sync: async () => writeTransaction(async (tx) => insertStatusEvent(tx, null, { claimId: nextClaim(), ...DRAFT })),
        async: (e) => recordDraftAsync(db, e, nextClaim()),
      },
    ];
    await measure(writes, engines, Math.round(iterations / 2));
    console.log(`Load average at end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    closeDb();
  } finally {
    if (dir && !args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
    else if (dir) console.log(`Kept the database: ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
