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

const published = (day: string) => ({ view: { axis: "published" as const, day } });
const asOf = (day: string) => ({ view: { axis: "effective" as const, day } });

describe("as-published views", () => {
  it("count only events recorded by the end of the day, whatever their effective date", () => {
    const { editor, article, claimId } = setup();
    recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    recordOn(editor.userId, claimId, "2025-08-06", { statusKey: "true", effectiveDate: "2025-08-05" });
    // Entered late, but effective early: it did not exist on 2024-01-01.
    recordOn(editor.userId, claimId, "2025-09-01", { statusKey: "in_progress", effectiveDate: "2023-12-01" });

    const then = getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } })!;
    expect(then).toMatchObject({ published: "2024-01-01", asOf: null, tracked: true, statusAsOf: "pending", notice: null });
    expect(then.currentStatus).toBe("pending");
    expect(then.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect(getPublishedArticle(article.slug, { view: { axis: "published", day: "2024-01-01" } })!.claims[0]!.currentStatus).toBe("pending");

    const now = getPublicClaim(claimId)!;
    expect(now.currentStatus).toBe("true");
    expect(now.timeline).toHaveLength(3);
  });

  it("give the same answer for the same day whenever they are produced", () => {
    const { editor, claimId } = setup();
    recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const first = JSON.stringify(getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } }));
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01" }));
    expect(JSON.stringify(getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } }))).toBe(first);
  });

  it("answer a claim that had not been recorded yet with what can be shown and why, not as unknown", () => {
    const { editor, claimId } = setup();
    recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const then = getPublicClaim(claimId, published("2001-01-01"))!;
    expect(then).toMatchObject({ tracked: false, statusAsOf: null, timeline: [], observations: [], trackedSince: "2023-05-16" });
    expect(then.notice).toBe("Claimline started tracking this claim on 16 May 2023: it was not tracked yet on 1 Jan 2001.");
    expect(then.appearances).toHaveLength(1);
  });
});

/**
 * The effective-date axis: a desk entering today the history of a claim made in May 2023
 * (Pending from 16 May 2023, True from 5 Aug 2025), tracked only since 2026.
 */
describe("as-of views (effective dates)", () => {
  function backfilled() {
    const editor = makeUser();
    const article = makeArticle(editor, { publishedDate: "2023-05-16" });
    const { claimId } = makeClaim(editor, article.id);
    const tracked = new Date("2026-12-04T09:00:00Z");
    getDb().update(claims).set({ createdAt: tracked }).where(eq(claims.id, claimId)).run();
    getDb().update(mentions).set({ createdAt: tracked }).where(eq(mentions.claimId, claimId)).run();
    const pending = recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "pending", effectiveDate: "2023-05-16" });
    const verdict = recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "true", effectiveDate: "2025-08-05" });
    return { editor, article, claimId, pending, verdict };
  }

  it("show history entered later on the days it took effect", () => {
    const { article, claimId } = backfilled();
    const then = getPublicClaim(claimId, asOf("2024-01-01"))!;
    expect(then).toMatchObject({ asOf: "2024-01-01", published: null, tracked: true, currentStatus: "pending", statusAsOf: "pending", notice: null, firstMadeOn: "2023-05-16" });
    expect(then.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect(getPublicClaim(claimId, asOf("2025-08-04"))!.currentStatus).toBe("pending");
    expect(getPublicClaim(claimId, asOf("2025-08-05"))!.currentStatus).toBe("true");
    expect(getPublicClaim(claimId, asOf("2025-09-01"))!.timeline.map((e) => e.statusKey)).toEqual(["pending", "true"]);
    // The article page agrees with the claim page, day by day.
    for (const day of ["2023-05-15", "2024-01-01", "2025-09-01"]) {
      const claim = getPublicClaim(claimId, asOf(day))!;
      const inArticle = getPublishedArticle(article.slug, asOf(day))!.claims[0]!;
      expect({ status: inArticle.currentStatus, tracked: inArticle.tracked, notice: inArticle.notice }, day).toEqual({ status: claim.currentStatus, tracked: claim.tracked, notice: claim.notice });
    }
    // As published on the same day, it was not on Claimline yet: said, not hidden.
    const audit = getPublicClaim(claimId, published("2024-01-01"))!;
    expect(audit).toMatchObject({ tracked: false, statusAsOf: null, timeline: [] });
    expect(audit.notice).toContain("Claimline started tracking this claim on 4 Dec 2026");
    expect(getPublishedArticle(article.slug, published("2024-01-01"))!.claims).toEqual([]);
  });

  it("say when the claim had not been made yet", () => {
    const { article, claimId } = backfilled();
    const before = getPublicClaim(claimId, asOf("2023-05-15"))!;
    expect(before).toMatchObject({ tracked: false, statusAsOf: null, currentStatus: "unverified", timeline: [] });
    expect(before.notice).toBe("This claim was first made on 16 May 2023, after 15 May 2023: it had no status yet on that day.");
    expect(getPublishedArticle(article.slug, asOf("2023-05-15"))!.notice).toBe("This article was first published on 16 May 2023, after 15 May 2023.");
    // The claim date, when the desk gives one, is when it was made.
    getDb().update(claims).set({ claimDate: "2023-05-10" }).where(eq(claims.id, claimId)).run();
    expect(getPublicClaim(claimId, asOf("2023-05-15"))).toMatchObject({ tracked: true, firstMadeOn: "2023-05-10", statusAsOf: "unverified" });
  });

  it("apply corrections recorded later, whatever the day", () => {
    const { editor, claimId, verdict } = backfilled();
    // The verdict was wrong: corrected today, effective the same day.
    recordOn(editor.userId, claimId, "2026-12-05", { statusKey: "false", effectiveDate: "2025-08-05", correctsEventId: verdict.eventId });
    const after = getPublicClaim(claimId, asOf("2025-09-01"))!;
    expect(after.currentStatus).toBe("false");
    expect(after.timeline.map((e) => e.statusKey)).toEqual(["pending", "true", "false"]);
    expect(getPublicClaim(claimId, asOf("2024-01-01"))!.currentStatus).toBe("pending");
    // A correction dated later than what it corrects replaces it from the start: in between, the status before it.
    const { claimId: other, verdict: wrong } = backfilled();
    recordOn(editor.userId, other, "2026-12-05", { statusKey: "false", effectiveDate: "2025-10-01", correctsEventId: wrong.eventId });
    const between = getPublicClaim(other, asOf("2025-09-01"))!;
    expect(between.currentStatus).toBe("pending");
    expect(between.timeline.map((e) => e.statusKey)).toEqual(["pending", "true", "false"]);
    expect(getPublicClaim(other, asOf("2025-10-01"))!.currentStatus).toBe("false");
  });

  it("count a month or a year from its first day", () => {
    const { editor, claimId } = backfilled();
    recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "misleading", effectiveDate: "2024-03" });
    recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "in_progress", effectiveDate: "2025" });
    expect(getPublicClaim(claimId, asOf("2024-02-29"))!.currentStatus).toBe("pending");
    expect(getPublicClaim(claimId, asOf("2024-03-01"))!.currentStatus).toBe("misleading");
    expect(getPublicClaim(claimId, asOf("2024-12-31"))!.currentStatus).toBe("misleading");
    expect(getPublicClaim(claimId, asOf("2025-01-01"))!.currentStatus).toBe("in_progress");
  });

  it("ignore drafts, and take figures by the day they were observed", () => {
    const { editor, claimId } = backfilled();
    recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01", visibility: "draft" }));
    expect(getPublicClaim(claimId, asOf("2024-01-01"))!.currentStatus).toBe("pending");
    recordObservation(editor, observationInput.parse({ claimId, value: "80000000000", unit: "USD", observedOn: "2024-02-16", source: { url: "", title: "" } }));
    expect(getPublicClaim(claimId, asOf("2024-01-01"))!.observations).toEqual([]);
    expect(getPublicClaim(claimId, asOf("2024-02-16"))!.observations.map((o) => o.value)).toEqual([80e9]);
    // Recorded today, it was not published on any earlier day.
    expect(getPublicClaim(claimId, published("2026-12-03"))!.observations).toEqual([]);
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
