import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { expectInStep, stored } from "../../test/reader-figures";
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
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { deleteDraftEvent, publishDraftEvent } from "../events/draft-events";
import { bulkStatusInput, recordStatusBulk } from "../events/record-status-bulk";
import { recordStatusEvent } from "../events/record-status-event";
import { reattachMention, removeMention } from "../mentions/reattach-mention";
import { mentions, user } from "../schema";
import { seedDemo } from "../seed/seed-demo";
import { retireStatus } from "../statuses/retire-status";
import { firstRow } from "../rows";


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
    await openNewDatabase();
    await getDb().insert(user).values(adminRow);
    await importBackup(admin, json, { mode: "empty-only" });
    await expectInStep("restored");
    expect(await stored()).toEqual(before);
  });

  it("for the demo desk", async () => {
    await seedDemo();
    await expectInStep("demo seeded");
  });
});
