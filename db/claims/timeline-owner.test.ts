import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRACKER_QUERY } from "../../lib/tracker-query";
import { mergeClaimsInput, splitClaimInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { exportBackup } from "../backup/export-backup";
import { importBackup } from "../backup/import-backup";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { publishDraftEvent } from "../events/draft-events";
import { recordStatusEvent } from "../events/record-status-event";
import { rowsForClaims } from "../feeds/feed-rows";
import { listRecheckQueue } from "./recheck-queue";
import { claims, mentions, user } from "../schema";
import { listPublishedClaims } from "../tracker/list-claims";
import { timelineClaimsCte } from "../tracker/search";
import { statusChangesFromRows } from "../tracker/status-changes";
import { loadClaimAppearances } from "./claim-appearances";
import { loadClaimOrigins } from "./claim-origins";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { mergedInto } from "./merged-claims";
import { splitClaim } from "./split-claim";
import { readableClaim, timelineOwners } from "./timeline-owner";
import { epochMs, greatest, inIds } from "../sql-dialect";
import { firstRow } from "../rows";

/**
 * Every query that used to walk `merged_into_id` by hand now reads the owner the 0008 triggers
 * keep (timeline-owner.ts). The walks they replaced are kept here, as written before, as the
 * oracle: in every state the editor paths reach (chains of merges, a chain whose end is
 * deleted and restored, a split, a claim only in a draft article, a backup restore), each
 * replaced function must answer exactly what its walk answered, for the claims its callers ask
 * about (live claims; readable ones on reader paths; any claim for mergedInto).
 */

const walk = {
  async owners(ids: number[]): Promise<[number, number][]> {
    return (await getDb().all<[number, number]>(sql`
      WITH RECURSIVE merged(id, owner) AS (
        SELECT id, id FROM claim WHERE ${inIds(sql`id`, ids)}
        UNION ALL SELECT claim.id, merged.owner FROM claim JOIN merged ON claim.merged_into_id = merged.id)
      SELECT id, owner FROM merged ORDER BY id`)).map((r) => Object.values(r) as [number, number]);
  },
  async mergedInto(id: number): Promise<number | null> {
    const row = await getDb().get<{ id: number } | undefined>(sql`
      WITH RECURSIVE chain(id, merged_into_id, deleted_at, depth) AS (
        SELECT id, merged_into_id, deleted_at, 0 FROM claim WHERE id = ${id}
        UNION ALL SELECT claim.id, claim.merged_into_id, claim.deleted_at, chain.depth + 1 FROM claim JOIN chain ON claim.id = chain.merged_into_id
        WHERE chain.depth < 100)
      SELECT id FROM chain WHERE depth > 0 AND deleted_at IS NULL ORDER BY depth LIMIT 1`);
    return row?.id ?? null;
  },
  async appearanceMentionIds(id: number): Promise<number[]> {
    return (await getDb()
      .all<{ id: number }>(sql`SELECT m.id FROM mention m JOIN article a ON a.id = m.article_id
        WHERE m.deleted_at IS NULL AND a.status = 'published' AND m.claim_id IN (
          WITH RECURSIVE owned(id) AS (SELECT CAST(${id} AS integer) UNION SELECT claim.id FROM claim JOIN owned ON claim.merged_into_id = owned.id)
          SELECT id FROM owned) ORDER BY m.id`))
      .map((r) => r.id);
  },
  async origins(ids: number[]): Promise<[number, string | null, string | null, number][]> {
    return getDb().values<[number, string | null, string | null, number]>(sql`
      WITH RECURSIVE owned(root, id) AS (
        SELECT id, id FROM claim WHERE ${inIds(sql`id`, ids)}
        UNION SELECT owned.root, claim.id FROM claim JOIN owned ON claim.merged_into_id = owned.id)
      SELECT owned.root, root_claim.claim_date, MIN(article.published_date), ${epochMs(greatest(sql`root_claim.created_at`, sql`MIN(mention.created_at)`))}
      FROM owned JOIN claim AS root_claim ON root_claim.id = owned.root
      JOIN mention ON mention.claim_id = owned.id AND mention.deleted_at IS NULL
      JOIN article ON article.id = mention.article_id AND article.status = 'published'
      GROUP BY owned.root, root_claim.claim_date, root_claim.created_at ORDER BY owned.root`);
  },
  /** The feed's and the tracker's walk from the readable claims: [event-claim, owner] pairs. */
  async timelineClaims(): Promise<[number, number][]> {
    return (await getDb()
      .all<{ claimId: number; ownerId: number }>(sql`
        WITH RECURSIVE timeline_claim(claim_id, owner_id) AS (
          SELECT id, id FROM claim WHERE readable = TRUE
          UNION SELECT merged.id, timeline_claim.owner_id FROM claim AS merged JOIN timeline_claim ON merged.merged_into_id = timeline_claim.claim_id)
        SELECT claim_id AS "claimId", owner_id AS "ownerId" FROM timeline_claim ORDER BY claim_id`))
      .map((r) => [r.claimId, r.ownerId]);
  },
  /** Published events of the readable timelines, as the feed lists them: [event, owner]. */
  async feedRows(): Promise<[number, number][]> {
    return (await getDb()
      .all<{ id: number; owner: number }>(sql`
        WITH RECURSIVE owned(id, owner) AS (
          SELECT id, id FROM claim WHERE readable = TRUE
          UNION ALL SELECT claim.id, owned.owner FROM claim JOIN owned ON claim.merged_into_id = owned.id)
        SELECT e.id, owned.owner FROM owned JOIN status_event e ON e.claim_id = owned.id
        WHERE e.visibility = 'published' ORDER BY e.recorded_at DESC, e.id DESC`))
      .map((r) => [r.id, r.owner]);
  },
  /** The recheck queue's latest activity of each live claim's timeline, drafts included. */
  async lastActivity(): Promise<Map<number, number>> {
    const rows = await getDb().all<{ owner: number; at: number }>(sql`
      WITH RECURSIVE timeline(event_claim_id, owner_id) AS (
        SELECT id, id FROM claim WHERE deleted_at IS NULL AND merged_into_id IS NULL
        UNION SELECT claim.id, timeline.owner_id FROM claim JOIN timeline ON claim.merged_into_id = timeline.event_claim_id)
      SELECT timeline.owner_id AS owner, ${epochMs(sql`MAX(status_event.recorded_at)`)} AS at
      FROM timeline JOIN status_event ON status_event.claim_id = timeline.event_claim_id GROUP BY timeline.owner_id`);
    return new Map(rows.map((r) => [r.owner, r.at]));
  },
};

async function ids(where: ReturnType<typeof sql>): Promise<number[]> {
  return (await getDb()
    .all<{ id: number }>(sql`SELECT id FROM claim WHERE ${where} ORDER BY id`))
    .map((r) => r.id);
}

/** Each replaced function against its walk, for the claims its callers ask about. */
async function expectSameAsWalks(state: string): Promise<void> {
  const db = getDb();
  const all = await ids(sql`1 = 1`);
  const live = await ids(sql`deleted_at IS NULL`);
  const readable = await ids(sql`readable = TRUE`);

  for (const id of live) {
    expect([...await timelineOwners(db, [id])].sort((a, b) => a[0] - b[0]), `${state}: timeline of ${id}`).toEqual(await walk.owners([id]));
    expect((await loadClaimAppearances(db, id)).map((a) => a.mentionId).sort((a, b) => a - b), `${state}: appearances of ${id}`).toEqual(await walk.appearanceMentionIds(id));
  }
  expect([...await timelineOwners(db, live)].sort((a, b) => a[0] - b[0]), `${state}: timelines of all live claims`).toEqual(await walk.owners(live));
  for (const id of all) expect(await mergedInto(db, id), `${state}: mergedInto(${id})`).toBe(await walk.mergedInto(id));

  const origins = [...await loadClaimOrigins(db, live)].sort((a, b) => a[0] - b[0]);
  expect(origins, `${state}: origins`).toEqual((await walk.origins(live)).map(([id, claimDate, firstArticleDate, trackedSinceMs]) => [id, { firstMadeOn: claimDate ?? firstArticleDate, trackedSinceMs }]));

  const pairs = await db.all<{ claimId: number; ownerId: number }>(sql`WITH ${timelineClaimsCte(readableClaim)} SELECT claim_id AS "claimId", owner_id AS "ownerId" FROM timeline_claim ORDER BY claim_id`);
  expect(pairs.map((r) => [r.claimId, r.ownerId]), `${state}: tracker timelines`).toEqual(await walk.timelineClaims());

  const readableSet = sql`SELECT c.id FROM claim c WHERE c.readable = TRUE`;
  for (const few of [true, false]) {
    expect((await rowsForClaims(db, readableSet, 1000, { few })).map((r) => [r.id, r.claimId]), `${state}: feed rows (few: ${few})`).toEqual(await walk.feedRows());
  }
  for (const id of readable) {
    const one = (await rowsForClaims(db, sql`SELECT CAST(${id} AS INTEGER)`, 1000, { few: true })).map((r) => [r.id, r.claimId]);
    expect(one, `${state}: feed of claim ${id}`).toEqual((await walk.feedRows()).filter(([, owner]) => owner === id));
  }

  // The trends chart's counts, from the rows: every published event of a readable timeline once.
  const counted = (await statusChangesFromRows(db, DEFAULT_TRACKER_QUERY)).reduce((sum, row) => sum + row.count, 0);
  expect(counted, `${state}: trends`).toBe((await walk.feedRows()).length);
  const lastEvents = new Map((await listPublishedClaims(DEFAULT_TRACKER_QUERY)).items.map((item) => [item.id, item.lastEventAt]));
  for (const id of readable) {
    const newest = (await walk.feedRows()).find(([, owner]) => owner === id);
    const recordedAt = newest ? (await db.get<{ at: number }>(sql`SELECT ${epochMs(sql`recorded_at`)} AS at FROM status_event WHERE id = ${newest[0]}`))!.at : null;
    expect(lastEvents.get(id), `${state}: tracker last event of ${id}`).toBe(recordedAt === null ? null : new Date(recordedAt).toISOString());
  }
}

/** Every live claim due for a re-check, so the queue lists each with its latest activity. */
async function expectQueueSameAsWalk(editor: Awaited<ReturnType<typeof makeUser>>, state: string): Promise<void> {
  await getDb().run(sql`UPDATE claim SET recheck_by = '2000-01-01' WHERE deleted_at IS NULL`);
  const queue = await listRecheckQueue(editor, { days: 30 });
  const activity = await walk.lastActivity();
  const created = new Map((await getDb().select({ id: claims.id, createdAt: claims.createdAt }).from(claims)).map((c) => [c.id, c.createdAt.getTime()]));
  expect(queue.due.map((item) => item.claimId).sort((a, b) => a - b), state).toEqual(await ids(sql`deleted_at IS NULL`));
  for (const item of queue.due) expect(item.lastActivityAt, `${state}: activity of ${item.claimId}`).toBe(new Date(activity.get(item.claimId) ?? created.get(item.claimId)!).toISOString());
}

const BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。\n\n另据报道，OpenAI 估值约为270亿美元，微软是最大投资方。";

describe("the kept timeline owner answers what the walks over merged_into_id answered", () => {
  it("through chains of merges, a deleted end of a chain, a split, a draft-only claim and a backup restore", async () => {
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const published = await makeArticle(editor, { body: BODY, publishedDate: "2023-05-16" });
    const draft = await makeArticle(editor, { body: BODY, title: "A draft", status: "draft" });
    const claim = async (quote: string, statement: string, articleId = published.id) => {
      const id = (await makeClaim(editor, articleId, quote, statement)).claimId;
      await recordStatusEvent(editor, eventInput(id, { statusKey: "true", effectiveDate: "2023-05-15" }));
      await recordStatusEvent(editor, eventInput(id, { statusKey: "false", effectiveDate: "2024-02-01" }));
      await recordStatusEvent(editor, eventInput(id, { statusKey: "mixed", visibility: "draft" }));
      return id;
    };
    const a = await claim("据报道", "A");
    const b = await claim("OpenAI 目前", "B");
    const c = await claim("估值约为270亿美元", "C");
    const x = await claim("GPT-3 拥有", "X");
    const y = await claim("1750亿个参数", "Y");
    const onlyInDraft = await claim("微软是最大投资方", "Only in a draft article", draft.id);
    const draftMerged = await claim("另据报道", "Merged from a draft article", draft.id);
    await expectSameAsWalks("desk built");

    const merge = async (sourceId: number, targetId: number) => mergeClaims(editor, mergeClaimsInput.parse({ sourceId, targetId }));
    await merge(a, b);
    await expectSameAsWalks("A merged into B");
    await merge(b, c);
    await expectSameAsWalks("a chain A → B → C");
    await merge(draftMerged, c);
    await expectSameAsWalks("a draft-only claim merged into C");

    await merge(y, x);
    await deleteClaim(editor, x);
    await expectSameAsWalks("Y merged into X, then X deleted");
    expect(await mergedInto(getDb(), y)).toBeNull();
    expect(await mergedInto(getDb(), a)).toBe(c);
    await restoreClaim(editor, x);
    await expectSameAsWalks("X restored");
    expect(await mergedInto(getDb(), y)).toBe(x);

    const cMention = (await firstRow(getDb().select({ id: mentions.id, start: mentions.startOffset }).from(mentions).where(and(eq(mentions.claimId, c), eq(mentions.exact, "估值约为270亿美元")))))!;
    const split = await splitClaim(editor, splitClaimInput.parse({ mentionId: cMention.id, at: cMention.start + 3, firstStatement: "C, first half", secondStatement: "C, second half" }));
    await recordStatusEvent(editor, eventInput(split.secondClaimId, { statusKey: "true" }));
    await merge(x, split.secondClaimId);
    await expectSameAsWalks("C split, and X (with Y) merged into its second half: a second chain");
    await expectQueueSameAsWalk(editor, "recheck queue");
    expect(await ids(sql`readable = FALSE AND deleted_at IS NULL`)).toEqual([onlyInDraft]);

    const json = await exportBackup(admin);
    const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
    await openNewDatabase();
    await getDb().insert(user).values(adminRow);
    await importBackup(admin, json, { mode: "empty-only" });
    await expectSameAsWalks("restored from a backup");
  });

  it("gives a merged claim no timeline of its own, where a walk from it gave its subtree: no caller asks for one", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor, { body: BODY });
    const [a, b, c] = [(await makeClaim(editor, article.id, "据报道", "A")).claimId, (await makeClaim(editor, article.id, "OpenAI 目前", "B")).claimId, (await makeClaim(editor, article.id, "GPT-3 拥有", "C")).claimId];
    await mergeClaims(editor, mergeClaimsInput.parse({ sourceId: a, targetId: b }));
    await mergeClaims(editor, mergeClaimsInput.parse({ sourceId: b, targetId: c }));
    expect(await walk.owners([b])).toEqual([
      [a, b],
      [b, b],
    ]);
    expect([...await timelineOwners(getDb(), [b])]).toEqual([]);
    // Every caller asks about claims that are not deleted, and a claim that is not deleted was never merged.
    expect(await getDb().all(sql`SELECT id FROM claim WHERE deleted_at IS NULL AND (merged_into_id IS NOT NULL OR timeline_owner_id <> id)`)).toEqual([]);
  });

  it("publishing a draft left on a merged claim refreshes the claim whose timeline shows it", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor, { body: BODY });
    const merged = (await makeClaim(editor, article.id, "据报道", "Merged")).claimId;
    const survivor = (await makeClaim(editor, article.id, "OpenAI 目前", "Survivor")).claimId;
    const draft = await recordStatusEvent(editor, eventInput(merged, { statusKey: "false", visibility: "draft" }));
    await mergeClaims(editor, mergeClaimsInput.parse({ sourceId: merged, targetId: survivor }));
    expect((await firstRow(getDb().select({ status: claims.currentStatus }).from(claims).where(eq(claims.id, survivor))))!.status).toBe("unverified");

    // The walk from the merged claim recomputed the merged (deleted) claim and left the survivor's status stale.
    expect((await publishDraftEvent(editor, draft.eventId)).currentStatus).toBe("false");
    expect((await firstRow(getDb().select({ status: claims.currentStatus }).from(claims).where(eq(claims.id, survivor))))!.status).toBe("false");
  });
});
