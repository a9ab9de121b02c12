import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/errors";
import { observationInput } from "../../lib/observation-input";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { getPublishedArticle } from "../articles/published-articles";
import { getClaimForEditor } from "../claims/editor-claim";
import { getPublicClaim } from "../claims/public-claim";
import { getDb } from "../client";
import { claims, mentions, statusEvents } from "../schema";
import { writeTransaction } from "../transaction";
import { deleteDraftEvent, publishDraftEvent } from "./draft-events";
import { recordObservation } from "./record-observation";
import { insertStatusEvent, recordStatusEvent } from "./record-status-event";

function setup() {
  const editor = makeUser();
  const article = makeArticle(editor);
  const { claimId } = makeClaim(editor, article.id);
  // The desk recorded this claim back in May 2023.
  const recorded = new Date("2023-05-16T09:00:00Z");
  getDb().update(claims).set({ createdAt: recorded }).where(eq(claims.id, claimId)).run();
  getDb().update(mentions).set({ createdAt: recorded }).where(eq(mentions.claimId, claimId)).run();
  return { editor, article, claimId };
}

/** Records an event as if entered on `day` (10:00 UTC). */
function recordOn(actorId: string, claimId: number, day: string, overrides: Record<string, unknown>) {
  return writeTransaction((tx) => insertStatusEvent(tx, actorId, eventInput(claimId, overrides), new Date(`${day}T10:00:00Z`)));
}

describe("as-of views", () => {
  it("count only events recorded by the end of the day, whatever their effective date", () => {
    const { editor, article, claimId } = setup();
    recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    recordOn(editor.userId, claimId, "2025-08-06", { statusKey: "true", effectiveDate: "2025-08-05" });
    // Entered late, but effective early: it did not exist on 2024-01-01.
    recordOn(editor.userId, claimId, "2025-09-01", { statusKey: "in_progress", effectiveDate: "2023-12-01" });

    const then = getPublicClaim(claimId, { asOf: "2024-01-01" })!;
    expect(then.asOf).toBe("2024-01-01");
    expect(then.currentStatus).toBe("pending");
    expect(then.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect(getPublishedArticle(article.slug, { asOf: "2024-01-01" })!.claims[0]!.currentStatus).toBe("pending");

    const now = getPublicClaim(claimId)!;
    expect(now.currentStatus).toBe("true");
    expect(now.timeline).toHaveLength(3);
  });

  it("give the same answer for the same day whenever they are produced", () => {
    const { editor, claimId } = setup();
    recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const first = JSON.stringify(getPublicClaim(claimId, { asOf: "2024-01-01" }));
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01" }));
    expect(JSON.stringify(getPublicClaim(claimId, { asOf: "2024-01-01" }))).toBe(first);
  });

  it("hide a claim that had not been recorded yet", () => {
    const { claimId } = setup();
    expect(getPublicClaim(claimId, { asOf: "2001-01-01" })).toBeNull();
  });
});

describe("draft events", () => {
  it("are visible to editors only until published, then count and become history", () => {
    const { editor, claimId } = setup();
    const { eventId } = recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", visibility: "draft", internalNote: "check with desk" }));
    expect(getPublicClaim(claimId)!.timeline).toHaveLength(0);
    expect(getClaimForEditor(editor, claimId).timeline).toMatchObject([{ id: eventId, visibility: "draft", internalNote: "check with desk" }]);

    const published = publishDraftEvent(editor, eventId);
    expect(published.currentStatus).toBe("false");
    expect(getPublicClaim(claimId)!.timeline.map((e) => e.id)).toEqual([eventId]);
    expect(JSON.stringify(getPublicClaim(claimId))).not.toContain("check with desk");
    expect(() => publishDraftEvent(editor, eventId)).toThrow(NotFoundError);
    expect(() => deleteDraftEvent(editor, eventId)).toThrow(NotFoundError);
  });

  it("can be discarded, leaving published history alone", () => {
    const { editor, claimId } = setup();
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "pending" }));
    const draft = recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", visibility: "draft" }));
    deleteDraftEvent(editor, draft.eventId);
    expect(getDb().select().from(statusEvents).where(eq(statusEvents.claimId, claimId)).all().map((e) => e.statusKey)).toEqual(["pending"]);
  });
});

describe("later values of a figure", () => {
  it("are recorded with their source, shown oldest first, and append-only", () => {
    const { editor, claimId } = setup();
    recordObservation(editor, observationInput.parse({ claimId, value: "157000000000", unit: "USD", observedOn: "2024-10-02", source: { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding" } }));
    recordObservation(editor, observationInput.parse({ claimId, value: "80000000000", unit: "USD", observedOn: "2024-02-16", source: { url: "", title: "" } }));
    const observations = getPublicClaim(claimId)!.observations;
    expect(observations.map((o) => [o.observedOn, o.value, o.source?.title ?? null])).toEqual([
      ["2024-02-16", 80e9, null],
      ["2024-10-02", 157e9, "New funding"],
    ]);
    expect(() => getDb().$client.prepare("UPDATE quantity_observation SET value = 1").run()).toThrow(/append-only/);
  });
});
