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

function setup() {
  const editor = makeUser();
  const article = makeArticle(editor);
  const { claimId } = makeClaim(editor, article.id);
  return { editor, article, claimId };
}

describe("status events", () => {
  it("keeps the claim's current status in step with its events, entered out of order", () => {
    const { editor, claimId } = setup();
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "outdated", effectiveDate: "2024-10-02" }));
    const result = recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2023-04-28" }));
    expect(result.currentStatus).toBe("outdated");
    expect(getDb().select({ s: claims.currentStatus }).from(claims).where(eq(claims.id, claimId)).get()!.s).toBe("outdated");
  });

  it("stores sources and shows them on the public timeline in date order", () => {
    const { editor, claimId } = setup();
    recordStatusEvent(
      editor,
      eventInput(claimId, {
        statusKey: "outdated",
        effectiveDate: "2024-10",
        sources: [{ url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", publisher: "OpenAI", archivedUrl: "https://web.archive.org/x" }],
      }),
    );
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2023-04-28" }));
    const claim = getPublicClaim(claimId)!;
    expect(claim.timeline.map((e) => [e.statusKey, e.effectiveDate, e.effectivePrecision])).toEqual([
      ["true", "2023-04-28", "day"],
      ["outdated", "2024-10-01", "month"],
    ]);
    expect(claim.timeline[1]!.sources).toEqual([
      { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", titleLanguage: "en", publisher: "OpenAI", publishedDate: null, archivedUrl: "https://web.archive.org/x" },
    ]);
  });

  it("never shows drafts or internal notes to readers, but shows both to editors", () => {
    const { editor, article, claimId } = setup();
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "pending", internalNote: "SECRET desk note" }));
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2025-08-05", visibility: "draft", rationale: "DRAFT rationale" }));

    const publicClaim = getPublicClaim(claimId)!;
    expect(publicClaim.currentStatus).toBe("pending");
    expect(JSON.stringify(publicClaim)).not.toMatch(/SECRET|DRAFT|internalNote/);
    expect(JSON.stringify(getPublishedArticle(article.slug))).not.toMatch(/SECRET|DRAFT|internalNote/);

    const editorClaim = getClaimForEditor(editor, claimId);
    expect(editorClaim.timeline.map((e) => [e.visibility, e.internalNote])).toEqual([
      ["published", "SECRET desk note"],
      ["draft", null],
    ]);
  });

  it("is append-only: the database refuses to change or delete a published event", () => {
    const { editor, claimId } = setup();
    const { eventId } = recordStatusEvent(editor, eventInput(claimId));
    const db = getDb();
    expect(() => db.update(statusEvents).set({ statusKey: "false" }).where(eq(statusEvents.id, eventId)).run()).toThrow(/append-only/);
    expect(() => db.delete(statusEvents).where(eq(statusEvents.id, eventId)).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).where(eq(auditLog.entityId, String(eventId))).run()).toThrow(/append-only/);
    expect(db.select().from(statusEvents).where(eq(statusEvents.id, eventId)).get()!.statusKey).toBe("true");
  });

  it("lets a correction supersede the event it corrects", () => {
    const { editor, claimId } = setup();
    const wrong = recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2025-08-05" }));
    const fixed = recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", effectiveDate: "2025-08-05", correctsEventId: wrong.eventId, rationale: "Misread the release notes." }));
    expect(fixed.currentStatus).toBe("true");
    expect(getPublicClaim(claimId)!.timeline).toHaveLength(2);
  });

  it("refuses corrections of another claim's event, unknown statuses and missing claims, writing nothing", () => {
    const { editor, article, claimId } = setup();
    const other = makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175B parameters");
    const { eventId } = recordStatusEvent(editor, eventInput(other.claimId));
    const before = getDb().select().from(statusEvents).all().length;
    const auditsBefore = getDb().select().from(auditLog).all().length;
    expect(() => recordStatusEvent(editor, eventInput(claimId, { correctsEventId: eventId }))).toThrow(ValidationError);
    expect(() => recordStatusEvent(editor, eventInput(claimId, { statusKey: "no-such-status" }))).toThrow(ValidationError);
    expect(() => recordStatusEvent(editor, eventInput(99999))).toThrow(NotFoundError);
    expect(getDb().select().from(statusEvents).all()).toHaveLength(before);
    expect(getDb().select().from(auditLog).all()).toHaveLength(auditsBefore);
  });

  it("hides a claim from readers until an article that mentions it is published", () => {
    const editor = makeUser();
    const draft = makeArticle(editor, { status: "draft" });
    const { claimId } = makeClaim(editor, draft.id);
    expect(getPublicClaim(claimId)).toBeNull();
  });
});
