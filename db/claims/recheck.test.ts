import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { NotFoundError, UnauthorizedError } from "../../lib/errors";
import { daysAgoIso } from "../../lib/recheck";
import { recheckByInput } from "../../lib/recheck-input";
import { claimUpdateInput } from "../../lib/workbench-input";
import { CHINESE_BODY, eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { insertStatusEvent } from "../events/record-status-event";
import { removeMention } from "../mentions/reattach-mention";
import { auditLog, claims } from "../schema";
import { writeTransaction } from "../transaction";
import { addMention } from "./add-mention";
import { deleteClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { listRecheckQueue } from "./recheck-queue";
import { setRecheckBy } from "./set-recheck-by";
import { updateClaim } from "./update-claim";

const NOW = new Date("2025-08-05T12:00:00Z");
const LONG_AGO = new Date("2024-01-01T00:00:00Z");

/** A claim created at `createdAt` (the queue falls back to it when a claim has no events). */
function claimCreatedAt(editor: Actor, articleId: number, statement: string, createdAt = LONG_AGO): number {
  const { claimId } = makeClaim(editor, articleId, "估值约为270亿美元", statement);
  getDb().update(claims).set({ createdAt }).where(eq(claims.id, claimId)).run();
  return claimId;
}

function eventAt(editor: Actor, claimId: number, recordedAt: Date, overrides: Record<string, unknown> = {}): void {
  writeTransaction((tx) => insertStatusEvent(tx, editor.userId, eventInput(claimId, { statusKey: "pending", ...overrides }), recordedAt));
}

function recheck(editor: Actor | null, claimId: number, recheckBy: string) {
  return setRecheckBy(editor, recheckByInput.parse({ claimId, recheckBy }));
}

const ids = (items: { claimId: number }[]) => items.map((i) => i.claimId);

function setup() {
  const editor = makeUser();
  const article = makeArticle(editor);
  return { editor, article };
}

describe("setting a re-check date", () => {
  it("sets and clears the date, auditing each change with before and after", () => {
    const { editor, article } = setup();
    const claimId = claimCreatedAt(editor, article.id, "OpenAI will release an open model this year");

    expect(recheck(editor, claimId, "2025-12-31")).toEqual({ claimId, recheckBy: "2025-12-31" });
    expect(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId)).get()!.r).toBe("2025-12-31");
    expect(recheck(editor, claimId, "")).toEqual({ claimId, recheckBy: null });
    expect(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId)).get()!.r).toBeNull();

    const audits = getDb().select().from(auditLog).where(eq(auditLog.action, "claim.recheck_by")).all();
    expect(audits.map((a) => [a.actorId, a.entityType, a.entityId, a.before, a.after])).toEqual([
      [editor.userId, "claim", String(claimId), { recheckBy: null }, { recheckBy: "2025-12-31" }],
      [editor.userId, "claim", String(claimId), { recheckBy: "2025-12-31" }, { recheckBy: null }],
    ]);
  });

  it("writes no audit row when the date does not change", () => {
    const { editor, article } = setup();
    const claimId = claimCreatedAt(editor, article.id, "Plan");
    recheck(editor, claimId, "2025-12-31");
    recheck(editor, claimId, "2025-12-31");
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "claim.recheck_by")).all()).toHaveLength(1);
  });

  it("does not bump the version, so an edit started before it still saves", () => {
    const { editor, article } = setup();
    const claimId = claimCreatedAt(editor, article.id, "Plan");
    recheck(editor, claimId, "2025-12-31");
    expect(getDb().select({ v: claims.version }).from(claims).where(eq(claims.id, claimId)).get()!.v).toBe(1);
    const edited = updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 1, statement: "Plan, reworded" }));
    expect(edited.version).toBe(2);
    expect(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId)).get()!.r).toBe("2025-12-31");
  });

  it("refuses anonymous callers and deleted claims, writing nothing", () => {
    const { editor, article } = setup();
    const claimId = claimCreatedAt(editor, article.id, "Plan");
    const deletedId = claimCreatedAt(editor, article.id, "Gone");
    deleteClaim(editor, deletedId);
    const auditsBefore = getDb().select().from(auditLog).all().length;

    expect(() => recheck(null, claimId, "2025-12-31")).toThrow(UnauthorizedError);
    expect(() => recheck({ userId: "no-such-user" }, claimId, "2025-12-31")).toThrow(UnauthorizedError);
    expect(() => recheck(editor, deletedId, "2025-12-31")).toThrow(NotFoundError);

    const rows = getDb().select({ id: claims.id, r: claims.recheckBy }).from(claims).all();
    expect(rows.every((row) => row.r === null)).toBe(true);
    expect(getDb().select().from(auditLog).all()).toHaveLength(auditsBefore);
  });
});

describe("the re-check queue", () => {
  it("lists a claim as due from its re-check date on, not before", () => {
    const { editor, article } = setup();
    const claimId = claimCreatedAt(editor, article.id, "Plan", new Date("2025-07-01T00:00:00Z"));
    recheck(editor, claimId, "2025-08-05");

    const before = listRecheckQueue(editor, { days: 90, now: new Date("2025-08-04T23:59:59Z") });
    expect(before.today).toBe("2025-08-04");
    expect(before.due).toEqual([]);

    const onTheDay = listRecheckQueue(editor, { days: 90, now: new Date("2025-08-05T00:00:00Z") });
    expect(onTheDay).toMatchObject({ today: "2025-08-05", days: 90 });
    expect(onTheDay.due).toEqual([
      {
        claimId,
        statement: "Plan",
        currentStatus: "unverified",
        recheckBy: "2025-08-05",
        lastActivityAt: "2025-07-01T00:00:00.000Z",
        article: { id: article.id, title: article.title },
      },
    ]);
    expect(ids(listRecheckQueue(editor, { days: 90, now: new Date("2026-01-01T00:00:00Z") }).due)).toEqual([claimId]);
  });

  it("orders overdue claims oldest re-check date first and shows each claim in one list only", () => {
    const { editor, article } = setup();
    const june = claimCreatedAt(editor, article.id, "June");
    const january = claimCreatedAt(editor, article.id, "January");
    const july = claimCreatedAt(editor, article.id, "July");
    const future = claimCreatedAt(editor, article.id, "Future");
    recheck(editor, june, "2025-06-01");
    recheck(editor, january, "2025-01-15");
    recheck(editor, july, "2025-07-30");
    recheck(editor, future, "2025-12-31");

    const queue = listRecheckQueue(editor, { days: 90, now: NOW });
    expect(ids(queue.due)).toEqual([january, june, july]);
    // All four are old and unresolved; the due ones are left out of the stale list, the one
    // whose re-check date is still ahead is not.
    expect(ids(queue.stale)).toEqual([future]);
  });

  it("counts a claim stale only after more than N days without an event, drafts included", () => {
    const { editor, article } = setup();
    const cutoff = daysAgoIso(90, NOW);
    expect(cutoff).toBe("2025-05-07");
    const justOver = claimCreatedAt(editor, article.id, "Last event the day before the cutoff");
    eventAt(editor, justOver, new Date("2025-05-06T23:59:59Z"));
    const onCutoff = claimCreatedAt(editor, article.id, "Last event on the cutoff day");
    eventAt(editor, onCutoff, new Date("2025-05-07T00:00:00Z"));
    const recentDraft = claimCreatedAt(editor, article.id, "Old event, recent draft");
    eventAt(editor, recentDraft, new Date("2024-02-01T00:00:00Z"));
    eventAt(editor, recentDraft, new Date("2025-08-01T00:00:00Z"), { visibility: "draft", statusKey: "false" });
    const neverChecked = claimCreatedAt(editor, article.id, "No events, created long ago", new Date("2025-01-01T00:00:00Z"));
    const createdRecently = claimCreatedAt(editor, article.id, "No events, created recently", new Date("2025-07-01T00:00:00Z"));

    const queue = listRecheckQueue(editor, { days: 90, now: NOW });
    expect(queue.stale.map((i) => [i.claimId, i.currentStatus, i.lastActivityAt])).toEqual([
      [neverChecked, "unverified", "2025-01-01T00:00:00.000Z"],
      [justOver, "pending", "2025-05-06T23:59:59.000Z"],
    ]);
    expect(queue.due).toEqual([]);

    // A shorter threshold takes in more claims; a longer one none.
    expect(ids(listRecheckQueue(editor, { days: 30, now: NOW }).stale)).toEqual([neverChecked, justOver, onCutoff, createdRecently]);
    expect(listRecheckQueue(editor, { days: 3650, now: NOW }).stale).toEqual([]);
  });

  it("never lists resolved claims as stale, but still lists them when due", () => {
    const { editor, article } = setup();
    const settled = claimCreatedAt(editor, article.id, "Settled long ago");
    eventAt(editor, settled, new Date("2024-02-01T00:00:00Z"), { statusKey: "true" });
    const open = claimCreatedAt(editor, article.id, "Still open");
    eventAt(editor, open, new Date("2024-02-01T00:00:00Z"), { statusKey: "in_progress" });

    expect(ids(listRecheckQueue(editor, { days: 90, now: NOW }).stale)).toEqual([open]);
    recheck(editor, settled, "2025-08-01");
    expect(ids(listRecheckQueue(editor, { days: 90, now: NOW }).due)).toEqual([settled]);
  });

  it("leaves out deleted and merged claims, and counts a merged claim's events for the claim it joined", () => {
    const { editor, article } = setup();
    const deleted = claimCreatedAt(editor, article.id, "Deleted");
    recheck(editor, deleted, "2025-01-01");
    deleteClaim(editor, deleted);
    const target = claimCreatedAt(editor, article.id, "Target, no events of its own");
    const source = claimCreatedAt(editor, article.id, "Source, checked recently");
    recheck(editor, source, "2025-01-01");
    eventAt(editor, source, new Date("2025-08-01T00:00:00Z"));

    const before = listRecheckQueue(editor, { days: 90, now: NOW });
    expect(ids(before.due)).toEqual([source]);
    expect(ids(before.stale)).toEqual([target]);
    mergeClaims(editor, { targetId: target, sourceId: source });

    // The source is retired, and its recent event now shows on the target's timeline, so neither is listed.
    const queue = listRecheckQueue(editor, { days: 90, now: NOW });
    expect(queue).toMatchObject({ due: [], stale: [] });
  });

  it("names the article of the claim's earliest live mention, or none", () => {
    const { editor, article } = setup();
    const second = makeArticle(editor, { title: "Second article" });
    const { claimId, mentionId } = makeClaim(editor, article.id);
    getDb().update(claims).set({ createdAt: LONG_AGO }).where(eq(claims.id, claimId)).run();
    const quote = "估值约为270亿美元";
    const start = CHINESE_BODY.indexOf(quote);
    const added = addMention(editor, { claimId, articleId: second.id, start, end: start + quote.length });
    const articleOf = () => listRecheckQueue(editor, { days: 90, now: NOW }).stale.find((i) => i.claimId === claimId)!.article;

    expect(articleOf()).toEqual({ id: article.id, title: article.title });
    removeMention(editor, mentionId);
    expect(articleOf()).toEqual({ id: second.id, title: "Second article" });
    removeMention(editor, added.mentionId);
    expect(articleOf()).toBeNull();
  });

  it("costs the same number of queries for 2 claims as for 20", () => {
    const { editor, article } = setup();
    const countQueries = () => {
      const prepare = vi.spyOn(getDb().$client, "prepare");
      listRecheckQueue(editor, { days: 90, now: NOW });
      const calls = prepare.mock.calls.length;
      prepare.mockRestore();
      return calls;
    };
    for (let i = 0; i < 2; i++) eventAt(editor, claimCreatedAt(editor, article.id, `Claim ${i}`), LONG_AGO);
    const few = countQueries();
    for (let i = 2; i < 20; i++) recheck(editor, claimCreatedAt(editor, article.id, `Claim ${i}`), "2025-01-01");
    expect(listRecheckQueue(editor, { days: 90, now: NOW }).stale).toHaveLength(2);
    expect(countQueries()).toBe(few);
    // The authorisation check, the due list and the stale list.
    expect(few).toBe(3);
  });

  it("refuses anonymous callers", () => {
    expect(() => listRecheckQueue(null, { days: 90, now: NOW })).toThrow(UnauthorizedError);
  });
});
