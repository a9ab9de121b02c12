import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { claimFromSpanInput, claimUpdateInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeUser, spanOf } from "../../test/factories";
import { getWorkbench } from "../articles/workbench";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { recordStatusBulk } from "../events/record-status-bulk";
import { recordStatusEvent } from "../events/record-status-event";
import { getPublicClaim } from "./public-claim";
import { reattachMention, removeMention } from "../mentions/reattach-mention";
import { claims, mentions, statusEvents } from "../schema";
import { addMention } from "./add-mention";
import { bulkSetKind } from "./bulk-set-kind";
import { createClaimFromSpan } from "./create-claim-from-span";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { reorderMentions } from "./reorder-mentions";
import { splitClaim } from "./split-claim";
import { updateClaim } from "./update-claim";
import { firstRow } from "../rows";

const BODY = "😀 据报道，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。\n\nGPT-3 拥有1750亿个参数。";

async function claimAt(actor: Actor, articleId: number, words: string, statement = words) {
  return createClaimFromSpan(actor, claimFromSpanInput.parse({ articleId, ...spanOf(BODY, words), statement }));
}

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { body: BODY });
  return { editor, article };
}

describe("workbench claim operations", () => {
  it("anchors a selected span after astral characters, trimming white space around it", async () => {
    const { editor, article } = await setup();
    const span = spanOf(BODY, "投资方。\n\nGPT-3 拥有1750亿个参数");
    span.start += 4;
    const created = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...span, statement: "GPT-3 has 175B parameters", kind: "quantity", quantityValue: "175000000000", quantityUnit: "parameters", quantityQualifier: "=" }));
    const mention = (await firstRow(getDb().select().from(mentions).where(eq(mentions.id, created.mentionId))))!;
    expect(mention.exact).toBe("GPT-3 拥有1750亿个参数");
    expect(Array.from(BODY).slice(mention.startOffset, mention.endOffset).join("")).toBe(mention.exact);
    const claim = (await firstRow(getDb().select().from(claims).where(eq(claims.id, created.claimId))))!;
    expect(claim).toMatchObject({ quantityValue: 175e9, quantityUnit: "parameters", quantityQualifier: "=" });
  });

  it("refuses a span outside the text or of only white space, writing nothing", async () => {
    const { editor, article } = await setup();
    await expect(createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, start: 10, end: 9999, statement: "x" }))).rejects.toThrow(ValidationError);
    const blank = spanOf(BODY, "\n\n");
    await expect(createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...blank, statement: "x" }))).rejects.toThrow(ValidationError);
    expect(await getDb().select().from(claims)).toHaveLength(0);
  });

  it("adds a further mention of an existing claim from another article", async () => {
    const { editor, article } = await setup();
    const other = await makeArticle(editor, { body: `转载：${BODY}` });
    const { claimId } = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    const otherText = `转载：${BODY}`;
    await addMention(editor, { claimId, articleId: other.id, ...spanOf(otherText, "GPT-3 拥有1750亿个参数") });
    expect((await getPublicClaim(claimId))!.appearances.map((a) => a.articleTitle)).toHaveLength(2);
  });

  it("detects a conflicting claim edit", async () => {
    const { editor, article } = await setup();
    const { claimId } = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 1, statement: "First edit" }));
    await expect(updateClaim(await makeUser(), claimUpdateInput.parse({ id: claimId, version: 1, statement: "Stale edit" }))).rejects.toThrow(ConflictError);
    expect((await firstRow(getDb().select().from(claims).where(eq(claims.id, claimId))))!.statement).toBe("First edit");
  });

  it("reports every field of the current version on a conflict, figures included, so a reapply keeps them", async () => {
    const { editor, article } = await setup();
    const { claimId } = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 1, statement: "GPT-3 has 175 billion parameters", kind: "quantity", quantityValue: "175000000000", quantityUnit: "parameters", quantityQualifier: "=", quantityAsOf: "2020-05-28" }));
    let current: unknown;
    try {
      await updateClaim(await makeUser(), claimUpdateInput.parse({ id: claimId, version: 1, statement: "Stale edit" }));
    } catch (error) {
      current = (error as ConflictError).details?.current;
    }
    expect(current).toMatchObject({ version: 2, kind: "quantity", quantityValue: 175000000000, quantityUnit: "parameters", quantityQualifier: "=", quantityAsOf: "2020-05-28" });
  });

  it("soft-deletes and restores a claim with its timeline intact", async () => {
    const { editor, article } = await setup();
    const { claimId } = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    await recordStatusEvent(editor, eventInput(claimId));
    await deleteClaim(editor, claimId);
    expect(await getWorkbench(editor, article.id)).toMatchObject({ claims: [], deleted: [{ claimId }] });
    expect(await getPublicClaim(claimId)).toBeNull();
    await restoreClaim(editor, claimId);
    expect((await getPublicClaim(claimId))!.timeline).toHaveLength(1);
    await expect(restoreClaim(editor, claimId)).rejects.toThrow(NotFoundError);
  });

  it("reorders an article's claims, refusing a list that does not match", async () => {
    const { editor, article } = await setup();
    const a = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    const b = await claimAt(editor, article.id, "微软是其最大的投资方");
    await reorderMentions(editor, { articleId: article.id, mentionIds: [b.mentionId, a.mentionId] });
    expect((await getWorkbench(editor, article.id)).claims.map((c) => c.mentionId)).toEqual([b.mentionId, a.mentionId]);
    await expect(reorderMentions(editor, { articleId: article.id, mentionIds: [a.mentionId] })).rejects.toThrow(ValidationError);
  });

  it("splits a claim in two at a point inside its quote; the timeline stays with the first", async () => {
    const { editor, article } = await setup();
    const { claimId, mentionId } = await claimAt(editor, article.id, "OpenAI 目前估值约为270亿美元，微软是其最大的投资方");
    await recordStatusEvent(editor, eventInput(claimId));
    const at = spanOf(BODY, "微软").start;
    const result = await splitClaim(editor, { mentionId, at, firstStatement: "OpenAI is valued at $27B", secondStatement: "Microsoft is OpenAI's largest investor" });
    const quotes = (await getWorkbench(editor, article.id)).claims.map((c) => [c.claimId, c.exact, c.statement]);
    expect(quotes).toEqual([
      [claimId, "OpenAI 目前估值约为270亿美元，", "OpenAI is valued at $27B"],
      [result.secondClaimId, "微软是其最大的投资方", "Microsoft is OpenAI's largest investor"],
    ]);
    expect(await getDb().select().from(statusEvents).where(eq(statusEvents.claimId, result.secondClaimId))).toHaveLength(0);
    await expect(splitClaim(editor, { mentionId, at: 0, firstStatement: "a", secondStatement: "b" })).rejects.toThrow(ValidationError);
  });

  it("merges two claims: mentions move, both timelines show as one, nothing is rewritten", async () => {
    const { editor, article } = await setup();
    const target = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    const source = await claimAt(editor, article.id, "OpenAI 目前估值约为270亿美元");
    await recordStatusEvent(editor, eventInput(target.claimId, { statusKey: "pending", effectiveDate: "2023-01-01" }));
    await recordStatusEvent(editor, eventInput(source.claimId, { statusKey: "false", effectiveDate: "2024-01-01" }));
    await mergeClaims(editor, { targetId: target.claimId, sourceId: source.claimId });

    const merged = (await getPublicClaim(target.claimId))!;
    expect(merged.timeline.map((e) => e.statusKey)).toEqual(["pending", "false"]);
    expect(merged.currentStatus).toBe("false");
    expect(merged.appearances.map((a) => a.exact).sort()).toEqual(["GPT-3 拥有1750亿个参数", "OpenAI 目前估值约为270亿美元"].sort());
    expect(await firstRow(getDb().select().from(claims).where(eq(claims.id, source.claimId)))).toMatchObject({ mergedIntoId: target.claimId });
    expect(await getDb().select().from(statusEvents).where(eq(statusEvents.claimId, source.claimId))).toHaveLength(1);
  });

  it("sets kind and records a status on several claims at once, all or nothing", async () => {
    const { editor, article } = await setup();
    const a = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    const b = await claimAt(editor, article.id, "微软是其最大的投资方");
    await bulkSetKind(editor, { claimIds: [a.claimId, b.claimId], kind: "quantity" });
    expect((await getWorkbench(editor, article.id)).claims.map((c) => c.kind)).toEqual(["quantity", "quantity"]);
    const bulk = { statusKey: "true", effectiveDate: { date: "2024-01-01", precision: "day" as const }, rationale: null, internalNote: null, visibility: "published" as const, sources: [] };
    await expect(recordStatusBulk(editor, { ...bulk, claimIds: [a.claimId, 99999] })).rejects.toThrow(NotFoundError);
    expect(await getDb().select().from(statusEvents)).toHaveLength(0);
    await recordStatusBulk(editor, { ...bulk, claimIds: [a.claimId, b.claimId] });
    expect((await getWorkbench(editor, article.id)).claims.map((c) => c.currentStatus)).toEqual(["true", "true"]);
  });

  it("re-attaches an orphaned mention to new words, or removes it", async () => {
    const { editor, article } = await setup();
    const { mentionId } = await claimAt(editor, article.id, "GPT-3 拥有1750亿个参数");
    await getDb().update(mentions).set({ anchorState: "orphaned" }).where(eq(mentions.id, mentionId));
    const seen = (await getWorkbench(editor, article.id)).claims[0]!.mentionVersion;
    await reattachMention(editor, { mentionId, version: seen, ...spanOf(BODY, "1750亿个参数") });
    expect((await getWorkbench(editor, article.id)).claims[0]).toMatchObject({ exact: "1750亿个参数", anchorState: "anchored" });
    // A second editor still holding the old version is refused rather than moving it back over the first.
    await expect(reattachMention(editor, { mentionId, version: seen, ...spanOf(BODY, "GPT-3") })).rejects.toThrow(ConflictError);
    expect((await getWorkbench(editor, article.id)).claims[0]).toMatchObject({ exact: "1750亿个参数" });
    await removeMention(editor, mentionId);
    expect((await getWorkbench(editor, article.id)).claims).toHaveLength(0);
  });
});
