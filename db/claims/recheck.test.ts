import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
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
import { countStatements } from "../../test/count-statements";
import { firstRow } from "../rows";

const NOW = new Date("2025-08-05T12:00:00Z");
const LONG_AGO = new Date("2024-01-01T00:00:00Z");

/** A claim created at `createdAt` (the queue falls back to it when a claim has no events). */
async function claimCreatedAt(editor: Actor, articleId: number, statement: string, createdAt = LONG_AGO): Promise<number> {
  const { claimId } = await makeClaim(editor, articleId, "估值约为270亿美元", statement);
  await getDb().update(claims).set({ createdAt }).where(eq(claims.id, claimId));
  return claimId;
}

async function eventAt(editor: Actor, claimId: number, recordedAt: Date, overrides: Record<string, unknown> = {}): Promise<void> {
  await writeTransaction(async (tx) => insertStatusEvent(tx, editor.userId, eventInput(claimId, { statusKey: "pending", ...overrides }), recordedAt));
}

async function recheck(editor: Actor | null, claimId: number, recheckBy: string) {
  return setRecheckBy(editor, recheckByInput.parse({ claimId, recheckBy }));
}

const ids = (items: { claimId: number }[]) => items.map((i) => i.claimId);

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor);
  return { editor, article };
}

describe("setting a re-check date", () => {
  it("sets and clears the date, auditing each change with before and after", async () => {
    const { editor, article } = await setup();
    const claimId = await claimCreatedAt(editor, article.id, "OpenAI will release an open model this year");

    expect(await recheck(editor, claimId, "2025-12-31")).toEqual({ claimId, recheckBy: "2025-12-31" });
    expect((await firstRow(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId))))!.r).toBe("2025-12-31");
    expect(await recheck(editor, claimId, "")).toEqual({ claimId, recheckBy: null });
    expect((await firstRow(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId))))!.r).toBeNull();

    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "claim.recheck_by"));
    expect(audits.map((a) => [a.actorId, a.entityType, a.entityId, a.before, a.after])).toEqual([
      [editor.userId, "claim", String(claimId), { recheckBy: null }, { recheckBy: "2025-12-31" }],
      [editor.userId, "claim", String(claimId), { recheckBy: "2025-12-31" }, { recheckBy: null }],
    ]);
  });

  it("writes no audit row when the date does not change", async () => {
    const { editor, article } = await setup();
    const claimId = await claimCreatedAt(editor, article.id, "Plan");
    await recheck(editor, claimId, "2025-12-31");
    await recheck(editor, claimId, "2025-12-31");
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "claim.recheck_by"))).toHaveLength(1);
  });

  it("does not bump the version, so an edit started before it still saves", async () => {
    const { editor, article } = await setup();
    const claimId = await claimCreatedAt(editor, article.id, "Plan");
    await recheck(editor, claimId, "2025-12-31");
    expect((await firstRow(getDb().select({ v: claims.version }).from(claims).where(eq(claims.id, claimId))))!.v).toBe(1);
    const edited = await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 1, statement: "Plan, reworded" }));
    expect(edited.version).toBe(2);
    expect((await firstRow(getDb().select({ r: claims.recheckBy }).from(claims).where(eq(claims.id, claimId))))!.r).toBe("2025-12-31");
  });

  it("refuses anonymous callers and deleted claims, writing nothing", async () => {
    const { editor, article } = await setup();
    const claimId = await claimCreatedAt(editor, article.id, "Plan");
    const deletedId = await claimCreatedAt(editor, article.id, "Gone");
    await deleteClaim(editor, deletedId);
    const auditsBefore = (await getDb().select().from(auditLog)).length;

    await expect(recheck(null, claimId, "2025-12-31")).rejects.toThrow(UnauthorizedError);
    await expect(recheck({ userId: "no-such-user" }, claimId, "2025-12-31")).rejects.toThrow(UnauthorizedError);
    await expect(recheck(editor, deletedId, "2025-12-31")).rejects.toThrow(NotFoundError);

    const rows = await getDb().select({ id: claims.id, r: claims.recheckBy }).from(claims);
    expect(rows.every((row) => row.r === null)).toBe(true);
    expect(await getDb().select().from(auditLog)).toHaveLength(auditsBefore);
  });
});

describe("the re-check queue", () => {
  it("lists a claim as due from its re-check date on, not before", async () => {
    const { editor, article } = await setup();
    const claimId = await claimCreatedAt(editor, article.id, "Plan", new Date("2025-07-01T00:00:00Z"));
    await recheck(editor, claimId, "2025-08-05");

    const before = await listRecheckQueue(editor, { days: 90, now: new Date("2025-08-04T23:59:59Z") });
    expect(before.today).toBe("2025-08-04");
    expect(before.due).toEqual([]);

    const onTheDay = await listRecheckQueue(editor, { days: 90, now: new Date("2025-08-05T00:00:00Z") });
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
    expect(ids((await listRecheckQueue(editor, { days: 90, now: new Date("2026-01-01T00:00:00Z") })).due)).toEqual([claimId]);
  });

  it("orders overdue claims oldest re-check date first and shows each claim in one list only", async () => {
    const { editor, article } = await setup();
    const june = await claimCreatedAt(editor, article.id, "June");
    const january = await claimCreatedAt(editor, article.id, "January");
    const july = await claimCreatedAt(editor, article.id, "July");
    const future = await claimCreatedAt(editor, article.id, "Future");
    await recheck(editor, june, "2025-06-01");
    await recheck(editor, january, "2025-01-15");
    await recheck(editor, july, "2025-07-30");
    await recheck(editor, future, "2025-12-31");

    const queue = await listRecheckQueue(editor, { days: 90, now: NOW });
    expect(ids(queue.due)).toEqual([january, june, july]);
    // All four are old and unresolved; the due ones are left out of the stale list, the one
    // whose re-check date is still ahead is not.
    expect(ids(queue.stale)).toEqual([future]);
  });

  it("counts a claim stale only after more than N days without an event, drafts included", async () => {
    const { editor, article } = await setup();
    const cutoff = daysAgoIso(90, NOW);
    expect(cutoff).toBe("2025-05-07");
    const justOver = await claimCreatedAt(editor, article.id, "Last event the day before the cutoff");
    await eventAt(editor, justOver, new Date("2025-05-06T23:59:59Z"));
    const onCutoff = await claimCreatedAt(editor, article.id, "Last event on the cutoff day");
    await eventAt(editor, onCutoff, new Date("2025-05-07T00:00:00Z"));
    const recentDraft = await claimCreatedAt(editor, article.id, "Old event, recent draft");
    await eventAt(editor, recentDraft, new Date("2024-02-01T00:00:00Z"));
    await eventAt(editor, recentDraft, new Date("2025-08-01T00:00:00Z"), { visibility: "draft", statusKey: "false" });
    const neverChecked = await claimCreatedAt(editor, article.id, "No events, created long ago", new Date("2025-01-01T00:00:00Z"));
    const createdRecently = await claimCreatedAt(editor, article.id, "No events, created recently", new Date("2025-07-01T00:00:00Z"));

    const queue = await listRecheckQueue(editor, { days: 90, now: NOW });
    expect(queue.stale.map((i) => [i.claimId, i.currentStatus, i.lastActivityAt])).toEqual([
      [neverChecked, "unverified", "2025-01-01T00:00:00.000Z"],
      [justOver, "pending", "2025-05-06T23:59:59.000Z"],
    ]);
    expect(queue.due).toEqual([]);

    // A shorter threshold takes in more claims; a longer one none.
    expect(ids((await listRecheckQueue(editor, { days: 30, now: NOW })).stale)).toEqual([neverChecked, justOver, onCutoff, createdRecently]);
    expect((await listRecheckQueue(editor, { days: 3650, now: NOW })).stale).toEqual([]);
  });

  it("never lists resolved claims as stale, but still lists them when due", async () => {
    const { editor, article } = await setup();
    const settled = await claimCreatedAt(editor, article.id, "Settled long ago");
    await eventAt(editor, settled, new Date("2024-02-01T00:00:00Z"), { statusKey: "true" });
    const open = await claimCreatedAt(editor, article.id, "Still open");
    await eventAt(editor, open, new Date("2024-02-01T00:00:00Z"), { statusKey: "in_progress" });

    expect(ids((await listRecheckQueue(editor, { days: 90, now: NOW })).stale)).toEqual([open]);
    await recheck(editor, settled, "2025-08-01");
    expect(ids((await listRecheckQueue(editor, { days: 90, now: NOW })).due)).toEqual([settled]);
  });

  it("leaves out deleted and merged claims, and counts a merged claim's events for the claim it joined", async () => {
    const { editor, article } = await setup();
    const deleted = await claimCreatedAt(editor, article.id, "Deleted");
    await recheck(editor, deleted, "2025-01-01");
    await deleteClaim(editor, deleted);
    const target = await claimCreatedAt(editor, article.id, "Target, no events of its own");
    const source = await claimCreatedAt(editor, article.id, "Source, checked recently");
    await recheck(editor, source, "2025-01-01");
    await eventAt(editor, source, new Date("2025-08-01T00:00:00Z"));

    const before = await listRecheckQueue(editor, { days: 90, now: NOW });
    expect(ids(before.due)).toEqual([source]);
    expect(ids(before.stale)).toEqual([target]);
    await mergeClaims(editor, { targetId: target, sourceId: source });

    // The source is retired, and its recent event now shows on the target's timeline, so neither is listed.
    const queue = await listRecheckQueue(editor, { days: 90, now: NOW });
    expect(queue).toMatchObject({ due: [], stale: [] });
  });

  it("names the article of the claim's earliest live mention, or none", async () => {
    const { editor, article } = await setup();
    const second = await makeArticle(editor, { title: "Second article" });
    const { claimId, mentionId } = await makeClaim(editor, article.id);
    await getDb().update(claims).set({ createdAt: LONG_AGO }).where(eq(claims.id, claimId));
    const quote = "估值约为270亿美元";
    const start = CHINESE_BODY.indexOf(quote);
    const added = await addMention(editor, { claimId, articleId: second.id, start, end: start + quote.length });
    const articleOf = async () => (await listRecheckQueue(editor, { days: 90, now: NOW })).stale.find((i) => i.claimId === claimId)!.article;

    expect(await articleOf()).toEqual({ id: article.id, title: article.title });
    await removeMention(editor, mentionId);
    expect(await articleOf()).toEqual({ id: second.id, title: "Second article" });
    await removeMention(editor, added.mentionId);
    expect(await articleOf()).toBeNull();
  });

  it("costs the same number of queries for 2 claims as for 20", async () => {
    const { editor, article } = await setup();
    const countQueries = () => countStatements(() => listRecheckQueue(editor, { days: 90, now: NOW }));
    for (let i = 0; i < 2; i++) await eventAt(editor, await claimCreatedAt(editor, article.id, `Claim ${i}`), LONG_AGO);
    const few = await countQueries();
    for (let i = 2; i < 20; i++) await recheck(editor, await claimCreatedAt(editor, article.id, `Claim ${i}`), "2025-01-01");
    expect((await listRecheckQueue(editor, { days: 90, now: NOW })).stale).toHaveLength(2);
    expect(await countQueries()).toBe(few);
    // The authorisation check, the due list and the stale list.
    expect(few).toBe(3);
  });

  it("refuses anonymous callers", async () => {
    await expect(listRecheckQueue(null, { days: 90, now: NOW })).rejects.toThrow(UnauthorizedError);
  });
});
