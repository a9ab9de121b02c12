import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { getClaimForEditor } from "../claims/editor-claim";
import { getPublicClaim } from "../claims/public-claim";
import { getDb } from "../client";
import { getPublishedArticle } from "../articles/published-articles";
import { auditLog, claims, statusEvents } from "../schema";
import { recordStatusEvent } from "./record-status-event";
import { firstRow } from "../rows";

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor);
  const { claimId } = await makeClaim(editor, article.id);
  return { editor, article, claimId };
}

/**
 * The database's reason for refusing a statement: SQLite's error as thrown, or on PostgreSQL
 * the server's error that drizzle's "Failed query" error carries as its cause.
 */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join("\n");
  }
  return "not refused";
}

describe("status events", () => {
  it("keeps the claim's current status in step with its events, entered out of order", async () => {
    const { editor, claimId } = await setup();
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "outdated", effectiveDate: "2024-10-02" }));
    const result = await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2023-04-28" }));
    expect(result.currentStatus).toBe("outdated");
    expect((await firstRow(getDb().select({ s: claims.currentStatus }).from(claims).where(eq(claims.id, claimId))))!.s).toBe("outdated");
  });

  it("stores sources and shows them on the public timeline in date order", async () => {
    const { editor, claimId } = await setup();
    await recordStatusEvent(
      editor,
      eventInput(claimId, {
        statusKey: "outdated",
        effectiveDate: "2024-10",
        sources: [{ url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", publisher: "OpenAI", archivedUrl: "https://web.archive.org/x" }],
      }),
    );
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2023-04-28" }));
    const claim = (await getPublicClaim(claimId))!;
    expect(claim.timeline.map((e) => [e.statusKey, e.effectiveDate, e.effectivePrecision])).toEqual([
      ["true", "2023-04-28", "day"],
      ["outdated", "2024-10-01", "month"],
    ]);
    expect(claim.timeline[1]!.sources).toEqual([
      { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", titleLanguage: "en", publisher: "OpenAI", publishedDate: null, archivedUrl: "https://web.archive.org/x" },
    ]);
  });

  it("never shows drafts or internal notes to readers, but shows both to editors", async () => {
    const { editor, article, claimId } = await setup();
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "pending", internalNote: "SECRET desk note" }));
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2025-08-05", visibility: "draft", rationale: "DRAFT rationale" }));

    const publicClaim = (await getPublicClaim(claimId))!;
    expect(publicClaim.currentStatus).toBe("pending");
    expect(JSON.stringify(publicClaim)).not.toMatch(/SECRET|DRAFT|internalNote/);
    expect(JSON.stringify(await getPublishedArticle(article.slug))).not.toMatch(/SECRET|DRAFT|internalNote/);

    const editorClaim = await getClaimForEditor(editor, claimId);
    expect(editorClaim.timeline.map((e) => [e.visibility, e.internalNote])).toEqual([
      ["published", "SECRET desk note"],
      ["draft", null],
    ]);
  });

  it("is append-only: the database refuses to change or delete a published event", async () => {
    const { editor, claimId } = await setup();
    const { eventId } = await recordStatusEvent(editor, eventInput(claimId));
    const db = getDb();
    expect(await refusal(db.update(statusEvents).set({ statusKey: "false" }).where(eq(statusEvents.id, eventId)))).toMatch(/append-only/);
    expect(await refusal(db.delete(statusEvents).where(eq(statusEvents.id, eventId)))).toMatch(/append-only/);
    expect(await refusal(db.delete(auditLog).where(eq(auditLog.entityId, String(eventId))))).toMatch(/append-only/);
    expect((await firstRow(db.select().from(statusEvents).where(eq(statusEvents.id, eventId))))!.statusKey).toBe("true");
  });

  it("lets a correction supersede the event it corrects", async () => {
    const { editor, claimId } = await setup();
    const wrong = await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2025-08-05" }));
    const fixed = await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2025-08-05", correctsEventId: wrong.eventId, rationale: "Misread the release notes." }));
    expect(fixed.currentStatus).toBe("true");
    expect((await getPublicClaim(claimId))!.timeline).toHaveLength(2);
  });

  it("refuses corrections of another claim's event, unknown statuses and missing claims, writing nothing", async () => {
    const { editor, article, claimId } = await setup();
    const other = await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175B parameters");
    const { eventId } = await recordStatusEvent(editor, eventInput(other.claimId));
    const before = (await getDb().select().from(statusEvents)).length;
    const auditsBefore = (await getDb().select().from(auditLog)).length;
    await expect(recordStatusEvent(editor, eventInput(claimId, { correctsEventId: eventId }))).rejects.toThrow(ValidationError);
    await expect(recordStatusEvent(editor, eventInput(claimId, { statusKey: "no-such-status" }))).rejects.toThrow(ValidationError);
    await expect(recordStatusEvent(editor, eventInput(99999))).rejects.toThrow(NotFoundError);
    expect(await getDb().select().from(statusEvents)).toHaveLength(before);
    expect(await getDb().select().from(auditLog)).toHaveLength(auditsBefore);
  });

  it("hides a claim from readers until an article that mentions it is published", async () => {
    const editor = await makeUser();
    const draft = await makeArticle(editor, { status: "draft" });
    const { claimId } = await makeClaim(editor, draft.id);
    expect(await getPublicClaim(claimId)).toBeNull();
  });
});
