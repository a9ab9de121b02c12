import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { statusKeyInput } from "../../lib/status-input";
import { articleUpdateInput } from "../../lib/validation";
import { mergeClaimsInput, splitClaimInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeClaim, makeUser, spanOf } from "../../test/factories";
import { updateArticle } from "../articles/update-article";
import type { ArticleDto } from "../articles/article-dto";
import { exportBackup } from "../backup/export-backup";
import { importBackup } from "../backup/import-backup";
import { addMention } from "../claims/add-mention";
import { bulkSetKind } from "../claims/bulk-set-kind";
import { deleteClaim, restoreClaim } from "../claims/delete-claim";
import { linkMentionToClaim } from "../claims/link-mention";
import { mergeClaims } from "../claims/merge-claims";
import { splitClaim } from "../claims/split-claim";
import { unlinkMention } from "../claims/unlink-mention";
import { closeDb, getDb } from "../client";
import { deleteDraftEvent, publishDraftEvent } from "../events/draft-events";
import { bulkStatusInput, recordStatusBulk } from "../events/record-status-bulk";
import { recordStatusEvent } from "../events/record-status-event";
import { reattachMention, removeMention } from "../mentions/reattach-mention";
import { mentions, user } from "../schema";
import { seedDemo } from "../seed/seed-demo";
import { retireStatus } from "../statuses/retire-status";
import { generateDesk } from "../../bench/generate";
import { firstRow } from "../rows";

/**
 * The tracker's stored figures (migration 0008: claim.readable, timeline_owner_id and
 * timeline_readable, reader_status_count, reader_status_month) are kept by triggers. After each
 * write path, every one of them must equal what a recomputation from the rows gives.
 */

interface Figures {
  claims: { id: number; readable: number | boolean; owner: number; timelineReadable: number | boolean }[];
  statusCounts: { kind: string; statusKey: string; claims: number }[];
  months: { month: string; statusKey: string; events: number }[];
}

/** What the stored columns and tables say (rows at zero are what a reader skips). */
async function stored(): Promise<Figures> {
  const db = getDb();
  return {
    claims: await db.all(sql`SELECT id, readable, timeline_owner_id AS owner, timeline_readable AS "timelineReadable" FROM claim ORDER BY id`),
    statusCounts: await db.all(sql`SELECT kind, status_key AS "statusKey", claims FROM reader_status_count WHERE claims <> 0 ORDER BY kind, status_key`),
    months: await db.all(sql`SELECT month, status_key AS "statusKey", events FROM reader_status_month WHERE events <> 0 ORDER BY month, status_key`),
  };
}

/** The same figures from scratch: the rule for readers, the merge chains, and the counts over them. */
async function recomputed(): Promise<Figures> {
  const db = getDb();
  const readable = sql`(c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'))`;
  const owners = sql`WITH RECURSIVE owner(id, root) AS (
      SELECT id, id FROM claim WHERE merged_into_id IS NULL
      UNION ALL SELECT c.id, owner.root FROM claim c JOIN owner ON c.merged_into_id = owner.id
    ), flag AS (SELECT c.id, ${readable} AS readable FROM claim c)`;
  return {
    claims: await db.all(sql`${owners}
      SELECT c.id, flag.readable, owner.root AS owner, root_flag.readable AS "timelineReadable"
      FROM claim c JOIN flag ON flag.id = c.id JOIN owner ON owner.id = c.id JOIN flag AS root_flag ON root_flag.id = owner.root ORDER BY c.id`),
    statusCounts: await db.all(sql`SELECT c.kind, c.current_status AS "statusKey", count(*) AS claims FROM claim c WHERE ${readable}
      GROUP BY c.kind, c.current_status ORDER BY c.kind, c.current_status`),
    months: await db.all(sql`${owners}
      SELECT substr(e.effective_date, 1, 7) AS month, e.status_key AS "statusKey", count(*) AS events
      FROM status_event e JOIN owner ON owner.id = e.claim_id JOIN flag ON flag.id = owner.root
      WHERE e.visibility = 'published' AND flag.readable = TRUE GROUP BY 1, 2 ORDER BY 1, 2`),
  };
}

async function expectInStep(after: string): Promise<void> {
  const figures = await stored();
  expect(figures, after).toEqual(await recomputed());
}

const BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。\n\n另据报道，OpenAI 估值约为270亿美元，微软是最大投资方。";

describe("the tracker's stored figures stay equal to a recomputation", () => {
  it("through every editor write path", async () => {
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const article = await makeArticle(editor, { body: BODY, publishedDate: "2023-05-16" });
    const other = await makeArticle(editor, { body: BODY, title: "Second article", publishedDate: "2024-01-02" });
    await expectInStep("articles");

    const valuation = (await makeClaim(editor, article.id)).claimId;
    const parameters = (await makeClaim(editor, article.id, "拥有1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
    const investor = (await makeClaim(editor, other.id, "微软是最大投资方", "Microsoft is the largest investor")).claimId;
    await expectInStep("claims created");

    await recordStatusEvent(editor, eventInput(valuation, { statusKey: "true", effectiveDate: "2023-05-15" }));
    await recordStatusEvent(editor, eventInput(parameters, { statusKey: "false", effectiveDate: "2024-02" }));
    const draft = await recordStatusEvent(editor, eventInput(parameters, { statusKey: "mixed", visibility: "draft" }));
    const discarded = await recordStatusEvent(editor, eventInput(investor, { statusKey: "pending", visibility: "draft" }));
    await recordStatusBulk(editor, bulkStatusInput.parse({ claimIds: [valuation, investor], statusKey: "misleading", effectiveDate: "2024-03-01", rationale: "Checked again.", sources: [] }));
    await expectInStep("events recorded");
    await publishDraftEvent(editor, draft.eventId);
    await deleteDraftEvent(editor, discarded.eventId);
    await expectInStep("drafts published and discarded");

    const added = (await addMention(editor, { claimId: valuation, articleId: other.id, ...spanOf(other.bodyText, "估值约为270亿美元") })).mentionId;
    await expectInStep("mention added");
    const version = (await firstRow(getDb().select({ version: mentions.version }).from(mentions).where(eq(mentions.id, added))))!.version;
    await reattachMention(editor, { mentionId: added, version, ...spanOf(other.bodyText, "OpenAI 估值约为270亿美元") });
    await expectInStep("mention reattached");
    await unlinkMention(editor, { mentionId: added });
    await expectInStep("mention unlinked to a claim of its own");
    await linkMentionToClaim(editor, { mentionId: added, claimId: investor });
    await expectInStep("mention linked to another claim");
    await removeMention(editor, added);
    await expectInStep("mention removed");

    await bulkSetKind(editor, { claimIds: [parameters], kind: "fact" });
    await expectInStep("kind changed");

    const investorMention = (await firstRow(getDb().select({ id: mentions.id, start: mentions.startOffset }).from(mentions).where(eq(mentions.claimId, investor))))!;
    const split = await splitClaim(editor, splitClaimInput.parse({ mentionId: investorMention.id, at: investorMention.start + 2, firstStatement: "Microsoft invests", secondStatement: "Largest of all" }));
    await expectInStep("claim split");

    // A chain of merges: the second is merged into the first, then the first into another claim.
    await mergeClaims(editor, mergeClaimsInput.parse({ targetId: split.firstClaimId, sourceId: split.secondClaimId }));
    await expectInStep("merged");
    await mergeClaims(editor, mergeClaimsInput.parse({ targetId: valuation, sourceId: split.firstClaimId }));
    await expectInStep("merged again, a chain");

    await deleteClaim(editor, parameters);
    await expectInStep("claim deleted");
    await restoreClaim(editor, parameters);
    await expectInStep("claim restored");
    await deleteClaim(editor, valuation);
    await expectInStep("the end of a merge chain deleted");
    await restoreClaim(editor, valuation);

    const save = (a: ArticleDto, changes: Record<string, unknown>) => updateArticle(editor, articleUpdateInput.parse({ ...a, ...changes }));
    const unpublished = await save(article, { status: "draft" });
    await expectInStep("article unpublished");
    await save(unpublished, { status: "published", title: "Retitled" });
    await expectInStep("article published again");

    await retireStatus(admin, statusKeyInput.parse({ key: "misleading" }));
    await expectInStep("status retired");

    // No editor path deletes articles or claims; a raw delete (as a repair would) keeps the figures too.
    const spare = await makeArticle(editor, { body: BODY, title: "Spare" });
    const spareClaim = (await makeClaim(editor, spare.id)).claimId;
    await recordStatusEvent(editor, eventInput(spareClaim, { statusKey: "true" }));
    await expectInStep("spare article");
    await getDb().run(sql`DELETE FROM mention WHERE article_id = ${spare.id}`);
    await getDb().run(sql`DELETE FROM article WHERE id = ${spare.id}`);
    await expectInStep("article and its mentions deleted");
  });

  it("through a backup restore, including a claim merged into a later one", async () => {
    const editor = await makeUser("editor");
    const admin = await makeUser("admin");
    const article = await makeArticle(editor, { body: BODY });
    const later = (await makeClaim(editor, article.id, "拥有1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
    const earlier = (await makeClaim(editor, article.id)).claimId;
    await recordStatusEvent(editor, eventInput(earlier, { statusKey: "true" }));
    await recordStatusEvent(editor, eventInput(later, { statusKey: "false", effectiveDate: "2024-05-01" }));
    // Ids ascend on restore; here the merged claim (lower id) goes in before its target.
    const merged = (await makeClaim(editor, article.id, "GPT-3", "GPT-3 is big")).claimId;
    const target = (await makeClaim(editor, article.id, "OpenAI 目前", "OpenAI today")).claimId;
    await recordStatusEvent(editor, eventInput(merged, { statusKey: "mixed", effectiveDate: "2022-01-01" }));
    await mergeClaims(editor, mergeClaimsInput.parse({ targetId: target, sourceId: merged }));
    await mergeClaims(editor, mergeClaimsInput.parse({ targetId: later, sourceId: target }));
    await expectInStep("desk built");
    const before = await stored();
    const json = await exportBackup(admin);

    const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
    await closeDb();
    await getDb().insert(user).values(adminRow);
    await importBackup(admin, json, { mode: "empty-only" });
    await expectInStep("restored");
    expect(await stored()).toEqual(before);
  });

  it("for the demo desk and the bench generator (which sets these triggers aside and recomputes the figures)", async () => {
    await seedDemo();
    await expectInStep("demo seeded");
    await closeDb();
    generateDesk(getDb().$client, { claims: 120 });
    await expectInStep("bench desk generated");
  });
});
