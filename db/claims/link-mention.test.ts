import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { claimWithMentionInput } from "../../lib/validation";
import { eventInput, makeArticle, makeUser, spanOf } from "../../test/factories";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { recordStatusEvent } from "../events/record-status-event";
import { auditLog, claims, mentions, statusEvents } from "../schema";
import { addMention } from "./add-mention";
import { createClaimWithMention } from "./create-claim-with-mention";
import { deleteClaim } from "./delete-claim";
import { getClaimForEditor } from "./editor-claim";
import { linkMentionToClaim } from "./link-mention";
import { mergeClaims } from "./merge-claims";
import { getPublicClaim } from "./public-claim";
import { firstRow } from "../rows";

const BODY = "OpenAI 正计划向公众发布第一个开源语言模型。OpenAI 计划发布开源模型。GPT-3 拥有1750亿个参数。";

async function claim(actor: Actor, articleId: number, quote: string) {
  return createClaimWithMention(actor, claimWithMentionInput.parse({ articleId, quote, statement: quote }));
}

const eventCount = async () => (await firstRow(getDb().select({ n: count() }).from(statusEvents)))!.n;
const claimRow = async (id: number) => (await firstRow(getDb().select().from(claims).where(eq(claims.id, id))))!;

/** Two claims that are the same, each with its own history; the first also quoted in a second article. */
async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { body: BODY, publishedDate: "2023-05-15" });
  const reprint = await makeArticle(editor, { slug: "reprint", body: BODY, publishedDate: "2023-05-16" });
  const target = await claim(editor, article.id, "OpenAI 正计划向公众发布第一个开源语言模型");
  const source = await claim(editor, article.id, "OpenAI 计划发布开源模型");
  const reprinted = await addMention(editor, { claimId: source.claimId, articleId: reprint.id, ...spanOf(BODY, "OpenAI 计划发布开源模型") });
  await recordStatusEvent(editor, eventInput(target.claimId, { statusKey: "pending", effectiveDate: "2023-05-15" }));
  await recordStatusEvent(editor, eventInput(source.claimId, { statusKey: "in_progress", effectiveDate: "2024-01-01" }));
  await recordStatusEvent(editor, eventInput(source.claimId, { statusKey: "true", effectiveDate: "2025-08-05" }));
  await recordStatusEvent(editor, eventInput(source.claimId, { statusKey: "false", effectiveDate: "2025-09-01", visibility: "draft" }));
  return { editor, article, reprint, target, source, reprintedMentionId: reprinted.mentionId };
}

describe("linkMentionToClaim", () => {
  it("moves one mention; a former claim with other mentions keeps them and its whole timeline", async () => {
    const s = await setup();
    const before = await eventCount();
    const result = await linkMentionToClaim(s.editor, { mentionId: s.source.mentionId, claimId: s.target.claimId });
    expect(result).toEqual({ mentionId: s.source.mentionId, claimId: s.target.claimId, retiredClaimId: null });
    expect(await eventCount()).toBe(before);
    expect((await getClaimForEditor(s.editor, s.target.claimId)).mentions.map((m) => m.mentionId)).toEqual([s.target.mentionId, s.source.mentionId]);
    const former = await getClaimForEditor(s.editor, s.source.claimId);
    expect(former.mentions.map((m) => m.mentionId)).toEqual([s.reprintedMentionId]);
    expect(former.timeline.map((e) => e.statusKey)).toEqual(["in_progress", "true", "false"]);
    expect((await getPublicClaim(s.target.claimId))!.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect(await claimRow(s.source.claimId)).toMatchObject({ deletedAt: null, mergedIntoId: null, currentStatus: "true" });
  });

  it("merges a former claim left without mentions into the target: no event moved, copied or lost", async () => {
    const s = await setup();
    const before = await eventCount();
    await linkMentionToClaim(s.editor, { mentionId: s.source.mentionId, claimId: s.target.claimId });
    const result = await linkMentionToClaim(s.editor, { mentionId: s.reprintedMentionId, claimId: s.target.claimId });
    expect(result.retiredClaimId).toBe(s.source.claimId);
    expect(await claimRow(s.source.claimId)).toMatchObject({ mergedIntoId: s.target.claimId, deletedAt: expect.any(Date) });
    expect(await eventCount()).toBe(before);
    expect((await firstRow(getDb().select({ n: count() }).from(statusEvents).where(eq(statusEvents.claimId, s.source.claimId))))!.n).toBe(3);

    const merged = (await getPublicClaim(s.target.claimId))!;
    expect(merged.timeline.map((e) => e.statusKey)).toEqual(["pending", "in_progress", "true"]);
    expect(merged.currentStatus).toBe("true");
    expect(merged.appearances.map((a) => a.mentionId).sort()).toEqual([s.target.mentionId, s.source.mentionId, s.reprintedMentionId].sort());
    expect((await getClaimForEditor(s.editor, s.target.claimId)).timeline.map((e) => e.statusKey)).toEqual(["pending", "in_progress", "true", "false"]);
    expect(await getPublicClaim(s.source.claimId)).toBeNull();
  });

  it("retires a former claim with no events the same way", async () => {
    const s = await setup();
    const fresh = await claim(s.editor, s.article.id, "GPT-3 拥有1750亿个参数");
    expect((await linkMentionToClaim(s.editor, { mentionId: fresh.mentionId, claimId: s.target.claimId })).retiredClaimId).toBe(fresh.claimId);
    expect((await claimRow(fresh.claimId)).mergedIntoId).toBe(s.target.claimId);
  });

  it("records the move and the merge in the audit log", async () => {
    const s = await setup();
    await linkMentionToClaim(s.editor, { mentionId: s.source.mentionId, claimId: s.target.claimId });
    await linkMentionToClaim(s.editor, { mentionId: s.reprintedMentionId, claimId: s.target.claimId });
    const actions = (await getDb()
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.actorId, s.editor.userId)))
      .filter((row) => ["mention.link", "claim.merge"].includes(row.action));
    expect(actions).toEqual([
      { action: "mention.link", entityId: String(s.source.mentionId) },
      { action: "mention.link", entityId: String(s.reprintedMentionId) },
      { action: "claim.merge", entityId: String(s.target.claimId) },
    ]);
  });

  it("refuses its own claim, a deleted or merged claim, and an unknown mention, writing nothing", async () => {
    const s = await setup();
    const other = await claim(s.editor, s.article.id, "GPT-3 拥有1750亿个参数");
    await deleteClaim(s.editor, other.claimId);
    const third = await claim(s.editor, s.reprint.id, "GPT-3 拥有1750亿个参数");
    await mergeClaims(s.editor, { targetId: s.source.claimId, sourceId: third.claimId });
    const mentionsBefore = await getDb().select().from(mentions);
    await expect(linkMentionToClaim(s.editor, { mentionId: s.target.mentionId, claimId: s.target.claimId })).rejects.toThrow(ValidationError);
    await expect(linkMentionToClaim(s.editor, { mentionId: s.target.mentionId, claimId: other.claimId })).rejects.toThrow(NotFoundError);
    await expect(linkMentionToClaim(s.editor, { mentionId: s.target.mentionId, claimId: third.claimId })).rejects.toThrow(NotFoundError);
    await expect(linkMentionToClaim(s.editor, { mentionId: 9999, claimId: s.source.claimId })).rejects.toThrow(NotFoundError);
    expect(await getDb().select().from(mentions)).toEqual(mentionsBefore);
  });
});
