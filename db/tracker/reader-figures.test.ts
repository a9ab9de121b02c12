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

/**
 * The tracker's stored figures (migration 0008: claim.readable, timeline_owner_id and
 * timeline_readable, reader_status_count, reader_status_month) are kept by triggers. After each
 * write path, every one of them must equal what a recomputation from the rows gives.
 */

interface Figures {
  claims: { id: number; readable: number; owner: number; timelineReadable: number }[];
  statusCounts: { kind: string; statusKey: string; claims: number }[];
  months: { month: string; statusKey: string; events: number }[];
}

/** What the stored columns and tables say (rows at zero are what a reader skips). */
function stored(): Figures {
  const db = getDb();
  return {
    claims: db.all(sql`SELECT id, readable, timeline_owner_id AS owner, timeline_readable AS timelineReadable FROM claim ORDER BY id`),
    statusCounts: db.all(sql`SELECT kind, status_key AS statusKey, claims FROM reader_status_count WHERE claims <> 0 ORDER BY kind, status_key`),
    months: db.all(sql`SELECT month, status_key AS statusKey, events FROM reader_status_month WHERE events <> 0 ORDER BY month, status_key`),
  };
}

/** The same figures from scratch: the rule for readers, the merge chains, and the counts over them. */
function recomputed(): Figures {
  const db = getDb();
  const readable = sql`(c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM mention m JOIN article a ON a.id = m.article_id
    WHERE m.claim_id = c.id AND m.deleted_at IS NULL AND a.status = 'published'))`;
  const owners = sql`WITH RECURSIVE owner(id, root) AS (
      SELECT id, id FROM claim WHERE merged_into_id IS NULL
      UNION ALL SELECT c.id, owner.root FROM claim c JOIN owner ON c.merged_into_id = owner.id
    ), flag AS (SELECT c.id, ${readable} AS readable FROM claim c)`;
  return {
    claims: db.all(sql`${owners}
      SELECT c.id, flag.readable, owner.root AS owner, root_flag.readable AS timelineReadable
      FROM claim c JOIN flag ON flag.id = c.id JOIN owner ON owner.id = c.id JOIN flag AS root_flag ON root_flag.id = owner.root ORDER BY c.id`),
    statusCounts: db.all(sql`SELECT c.kind, c.current_status AS statusKey, count(*) AS claims FROM claim c WHERE ${readable}
      GROUP BY c.kind, c.current_status ORDER BY c.kind, c.current_status`),
    months: db.all(sql`${owners}
      SELECT substr(e.effective_date, 1, 7) AS month, e.status_key AS statusKey, count(*) AS events
      FROM status_event e JOIN owner ON owner.id = e.claim_id JOIN flag ON flag.id = owner.root
      WHERE e.visibility = 'published' AND flag.readable = 1 GROUP BY 1, 2 ORDER BY 1, 2`),
  };
}

function expectInStep(after: string): void {
  const figures = stored();
  expect(figures, after).toEqual(recomputed());
}

const BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。\n\n另据报道，OpenAI 估值约为270亿美元，微软是最大投资方。";

describe("the tracker's stored figures stay equal to a recomputation", () => {
  it("through every editor write path", async () => {
    const editor = makeUser("editor");
    const admin = makeUser("admin");
    const article = makeArticle(editor, { body: BODY, publishedDate: "2023-05-16" });
    const other = makeArticle(editor, { body: BODY, title: "Second article", publishedDate: "2024-01-02" });
    expectInStep("articles");

    const valuation = makeClaim(editor, article.id).claimId;
    const parameters = makeClaim(editor, article.id, "拥有1750亿个参数", "GPT-3 has 175 billion parameters").claimId;
    const investor = makeClaim(editor, other.id, "微软是最大投资方", "Microsoft is the largest investor").claimId;
    expectInStep("claims created");

    recordStatusEvent(editor, eventInput(valuation, { statusKey: "true", effectiveDate: "2023-05-15" }));
    recordStatusEvent(editor, eventInput(parameters, { statusKey: "false", effectiveDate: "2024-02" }));
    const draft = recordStatusEvent(editor, eventInput(parameters, { statusKey: "mixed", visibility: "draft" }));
    const discarded = recordStatusEvent(editor, eventInput(investor, { statusKey: "pending", visibility: "draft" }));
    recordStatusBulk(editor, bulkStatusInput.parse({ claimIds: [valuation, investor], statusKey: "misleading", effectiveDate: "2024-03-01", rationale: "Checked again.", sources: [] }));
    expectInStep("events recorded");
    publishDraftEvent(editor, draft.eventId);
    deleteDraftEvent(editor, discarded.eventId);
    expectInStep("drafts published and discarded");

    const added = addMention(editor, { claimId: valuation, articleId: other.id, ...spanOf(other.bodyText, "估值约为270亿美元") }).mentionId;
    expectInStep("mention added");
    const version = getDb().select({ version: mentions.version }).from(mentions).where(eq(mentions.id, added)).get()!.version;
    reattachMention(editor, { mentionId: added, version, ...spanOf(other.bodyText, "OpenAI 估值约为270亿美元") });
    expectInStep("mention reattached");
    unlinkMention(editor, { mentionId: added });
    expectInStep("mention unlinked to a claim of its own");
    linkMentionToClaim(editor, { mentionId: added, claimId: investor });
    expectInStep("mention linked to another claim");
    removeMention(editor, added);
    expectInStep("mention removed");

    bulkSetKind(editor, { claimIds: [parameters], kind: "fact" });
    expectInStep("kind changed");

    const investorMention = getDb().select({ id: mentions.id, start: mentions.startOffset }).from(mentions).where(eq(mentions.claimId, investor)).get()!;
    const split = splitClaim(editor, splitClaimInput.parse({ mentionId: investorMention.id, at: investorMention.start + 2, firstStatement: "Microsoft invests", secondStatement: "Largest of all" }));
    expectInStep("claim split");

    // A chain of merges: the second is merged into the first, then the first into another claim.
    mergeClaims(editor, mergeClaimsInput.parse({ targetId: split.firstClaimId, sourceId: split.secondClaimId }));
    expectInStep("merged");
    mergeClaims(editor, mergeClaimsInput.parse({ targetId: valuation, sourceId: split.firstClaimId }));
    expectInStep("merged again, a chain");

    deleteClaim(editor, parameters);
    expectInStep("claim deleted");
    restoreClaim(editor, parameters);
    expectInStep("claim restored");
    deleteClaim(editor, valuation);
    expectInStep("the end of a merge chain deleted");
    restoreClaim(editor, valuation);

    const save = (a: ArticleDto, changes: Record<string, unknown>) => updateArticle(editor, articleUpdateInput.parse({ ...a, ...changes }));
    const unpublished = await save(article, { status: "draft" });
    expectInStep("article unpublished");
    await save(unpublished, { status: "published", title: "Retitled" });
    expectInStep("article published again");

    retireStatus(admin, statusKeyInput.parse({ key: "misleading" }));
    expectInStep("status retired");

    // No editor path deletes articles or claims; a raw delete (as a repair would) keeps the figures too.
    const spare = makeArticle(editor, { body: BODY, title: "Spare" });
    const spareClaim = makeClaim(editor, spare.id).claimId;
    recordStatusEvent(editor, eventInput(spareClaim, { statusKey: "true" }));
    expectInStep("spare article");
    getDb().run(sql`DELETE FROM mention WHERE article_id = ${spare.id}`);
    getDb().run(sql`DELETE FROM article WHERE id = ${spare.id}`);
    expectInStep("article and its mentions deleted");
  });

  it("through a backup restore, including a claim merged into a later one", () => {
    const editor = makeUser("editor");
    const admin = makeUser("admin");
    const article = makeArticle(editor, { body: BODY });
    const later = makeClaim(editor, article.id, "拥有1750亿个参数", "GPT-3 has 175 billion parameters").claimId;
    const earlier = makeClaim(editor, article.id).claimId;
    recordStatusEvent(editor, eventInput(earlier, { statusKey: "true" }));
    recordStatusEvent(editor, eventInput(later, { statusKey: "false", effectiveDate: "2024-05-01" }));
    // Ids ascend on restore; here the merged claim (lower id) goes in before its target.
    const merged = makeClaim(editor, article.id, "GPT-3", "GPT-3 is big").claimId;
    const target = makeClaim(editor, article.id, "OpenAI 目前", "OpenAI today").claimId;
    recordStatusEvent(editor, eventInput(merged, { statusKey: "mixed", effectiveDate: "2022-01-01" }));
    mergeClaims(editor, mergeClaimsInput.parse({ targetId: target, sourceId: merged }));
    mergeClaims(editor, mergeClaimsInput.parse({ targetId: later, sourceId: target }));
    expectInStep("desk built");
    const before = stored();
    const json = exportBackup(admin);

    const adminRow = getDb().select().from(user).where(eq(user.id, admin.userId)).get()!;
    closeDb();
    getDb().insert(user).values(adminRow).run();
    importBackup(admin, json, { mode: "empty-only" });
    expectInStep("restored");
    expect(stored()).toEqual(before);
  });

  it("for the demo desk and the bench generator (which sets these triggers aside and recomputes the figures)", async () => {
    await seedDemo();
    expectInStep("demo seeded");
    closeDb();
    generateDesk(getDb().$client, { claims: 120 });
    expectInStep("bench desk generated");
  });
});
