import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../lib/errors";
import { claimWithMentionInput } from "../../lib/validation";
import { unlinkMentionInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeUser, spanOf } from "../../test/factories";
import { getDb } from "../client";
import { recordStatusEvent } from "../events/record-status-event";
import { loadTimelines } from "../events/timeline";
import { auditLog, claims, mentions, statusEvents } from "../schema";
import { addMention } from "./add-mention";
import { createClaimWithMention } from "./create-claim-with-mention";
import { getClaimForEditor } from "./editor-claim";
import { getPublicClaim } from "./public-claim";
import { unlinkMention } from "./unlink-mention";
import { firstRow } from "../rows";

const BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\n另据报道，OpenAI 估值约为270亿美元，但这已是旧数据。";

const eventCount = async () => (await firstRow(getDb().select({ n: count() }).from(statusEvents)))!.n;

/** A quantity claim quoted twice, with a published history and a draft. */
async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { body: BODY });
  const created = await createClaimWithMention(
    editor,
    claimWithMentionInput.parse({ articleId: article.id, quote: "OpenAI 目前估值约为270亿美元", statement: "OpenAI is valued at $27 billion", claimant: "The Information", claimDate: "2023-05-15", kind: "quantity" }),
  );
  await getDb().update(claims).set({ quantityValue: 27e9, quantityUnit: "USD", quantityQualifier: "~" }).where(eq(claims.id, created.claimId));
  const second = await addMention(editor, { claimId: created.claimId, articleId: article.id, ...spanOf(BODY, "OpenAI 估值约为270亿美元") });
  await recordStatusEvent(editor, eventInput(created.claimId, { statusKey: "true", effectiveDate: "2023-05-15" }));
  await recordStatusEvent(editor, eventInput(created.claimId, { statusKey: "outdated", effectiveDate: "2024-10-02" }));
  await recordStatusEvent(editor, eventInput(created.claimId, { statusKey: "false", effectiveDate: "2025-01-01", visibility: "draft" }));
  return { editor, article, claimId: created.claimId, firstMentionId: created.mentionId, secondMentionId: second.mentionId };
}

describe("unlinkMention", () => {
  it("gives the mention a new claim of its own, with the former claim's details, Unverified and no events", async () => {
    const s = await setup();
    const before = await eventCount();
    const result = await unlinkMention(s.editor, { mentionId: s.secondMentionId });
    expect(result).toEqual({ mentionId: s.secondMentionId, claimId: expect.any(Number), formerClaimId: s.claimId });
    const created = (await firstRow(getDb().select().from(claims).where(eq(claims.id, result.claimId))))!;
    expect(created).toMatchObject({
      statement: "OpenAI 估值约为270亿美元",
      claimant: "The Information",
      claimDate: "2023-05-15",
      kind: "quantity",
      quantityValue: 27e9,
      quantityUnit: "USD",
      quantityQualifier: "~",
      currentStatus: "unverified",
      mergedIntoId: null,
    });
    expect(await firstRow(getDb().select().from(mentions).where(eq(mentions.id, s.secondMentionId)))).toMatchObject({ claimId: result.claimId, exact: "OpenAI 估值约为270亿美元" });

    // Every event stays where it was recorded: on the former claim.
    expect(await eventCount()).toBe(before);
    expect((await firstRow(getDb().select({ n: count() }).from(statusEvents).where(eq(statusEvents.claimId, result.claimId))))!.n).toBe(0);
    const timelines = await loadTimelines(getDb(), [s.claimId, result.claimId], "public");
    expect(timelines.get(s.claimId)!.map((e) => e.statusKey)).toEqual(["true", "outdated"]);
    expect(timelines.get(result.claimId)).toBeUndefined();
    expect((await getClaimForEditor(s.editor, s.claimId)).timeline).toHaveLength(3);
    expect(await getPublicClaim(s.claimId)).toMatchObject({ currentStatus: "outdated", appearances: [{ mentionId: s.firstMentionId }] });
    expect(await getPublicClaim(result.claimId)).toMatchObject({ currentStatus: "unverified", timeline: [], appearances: [{ mentionId: s.secondMentionId }] });
  });

  it("takes the editor's statement when given one", async () => {
    const s = await setup();
    const input = unlinkMentionInput.parse({ mentionId: s.secondMentionId, statement: "OpenAI's valuation was out of date" });
    const { claimId } = await unlinkMention(s.editor, input);
    expect((await firstRow(getDb().select().from(claims).where(eq(claims.id, claimId))))!.statement).toBe("OpenAI's valuation was out of date");
    expect(unlinkMentionInput.parse({ mentionId: "3", statement: "  " })).toEqual({ mentionId: 3 });
  });

  it("refuses the claim's only mention, with the reason, writing nothing", async () => {
    const s = await setup();
    await unlinkMention(s.editor, { mentionId: s.secondMentionId });
    const claimsBefore = await getDb().select().from(claims);
    await expect(unlinkMention(s.editor, { mentionId: s.firstMentionId })).rejects.toThrow(ValidationError);
    await expect(unlinkMention(s.editor, { mentionId: s.firstMentionId })).rejects.toThrow("This is the claim's only mention; nothing to unlink from.");
    expect(await getDb().select().from(claims)).toEqual(claimsBefore);
  });

  it("records the new claim and the move in the audit log", async () => {
    const s = await setup();
    const { claimId } = await unlinkMention(s.editor, { mentionId: s.secondMentionId });
    const rows = await getDb().select().from(auditLog);
    expect(rows.find((r) => r.action === "claim.create" && r.entityId === String(claimId))!.after).toMatchObject({ unlinkedFrom: s.claimId });
    expect(rows.find((r) => r.action === "mention.unlink")).toMatchObject({ entityId: String(s.secondMentionId), before: { claimId: s.claimId }, after: { claimId } });
  });
});
