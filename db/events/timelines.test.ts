import { eq, sql } from "drizzle-orm";
import { refusal } from "../../test/refusal";
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

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor);
  const { claimId } = await makeClaim(editor, article.id);
  // The desk recorded this claim back in May 2023.
  const recorded = new Date("2023-05-16T09:00:00Z");
  await getDb().update(claims).set({ createdAt: recorded }).where(eq(claims.id, claimId));
  await getDb().update(mentions).set({ createdAt: recorded }).where(eq(mentions.claimId, claimId));
  return { editor, article, claimId };
}

/** Records an event as if entered on `day` (10:00 UTC). */
async function recordOn(actorId: string, claimId: number, day: string, overrides: Record<string, unknown>) {
  return writeTransaction(async (tx) => insertStatusEvent(tx, actorId, eventInput(claimId, overrides), new Date(`${day}T10:00:00Z`)));
}

const published = (day: string) => ({ view: { axis: "published" as const, day } });
const asOf = (day: string) => ({ view: { axis: "effective" as const, day } });

describe("as-published views", () => {
  it("count only events recorded by the end of the day, whatever their effective date", async () => {
    const { editor, article, claimId } = await setup();
    await recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    await recordOn(editor.userId, claimId, "2025-08-06", { statusKey: "true", effectiveDate: "2025-08-05" });
    // Entered late, but effective early: it did not exist on 2024-01-01.
    await recordOn(editor.userId, claimId, "2025-09-01", { statusKey: "in_progress", effectiveDate: "2023-12-01" });

    const then = (await getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } }))!;
    expect(then).toMatchObject({ published: "2024-01-01", asOf: null, tracked: true, statusAsOf: "pending", notice: null });
    expect(then.currentStatus).toBe("pending");
    expect(then.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect((await getPublishedArticle(article.slug, { view: { axis: "published", day: "2024-01-01" } }))!.claims[0]!.currentStatus).toBe("pending");

    const now = (await getPublicClaim(claimId))!;
    expect(now.currentStatus).toBe("true");
    expect(now.timeline).toHaveLength(3);
  });

  it("give the same answer for the same day whenever they are produced", async () => {
    const { editor, claimId } = await setup();
    await recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const first = JSON.stringify(await getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } }));
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01" }));
    expect(JSON.stringify(await getPublicClaim(claimId, { view: { axis: "published", day: "2024-01-01" } }))).toBe(first);
  });

  it("answer a claim that had not been recorded yet with what can be shown and why, not as unknown", async () => {
    const { editor, claimId } = await setup();
    await recordOn(editor.userId, claimId, "2023-05-16", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const then = (await getPublicClaim(claimId, published("2001-01-01")))!;
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
  async function backfilled() {
    const editor = await makeUser();
    const article = await makeArticle(editor, { publishedDate: "2023-05-16" });
    const { claimId } = await makeClaim(editor, article.id);
    const tracked = new Date("2026-12-04T09:00:00Z");
    await getDb().update(claims).set({ createdAt: tracked }).where(eq(claims.id, claimId));
    await getDb().update(mentions).set({ createdAt: tracked }).where(eq(mentions.claimId, claimId));
    const pending = await recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "pending", effectiveDate: "2023-05-16" });
    const verdict = await recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "true", effectiveDate: "2025-08-05" });
    return { editor, article, claimId, pending, verdict };
  }

  it("show history entered later on the days it took effect", async () => {
    const { article, claimId } = await backfilled();
    const then = (await getPublicClaim(claimId, asOf("2024-01-01")))!;
    expect(then).toMatchObject({ asOf: "2024-01-01", published: null, tracked: true, currentStatus: "pending", statusAsOf: "pending", notice: null, firstMadeOn: "2023-05-16" });
    expect(then.timeline.map((e) => e.statusKey)).toEqual(["pending"]);
    expect((await getPublicClaim(claimId, asOf("2025-08-04")))!.currentStatus).toBe("pending");
    expect((await getPublicClaim(claimId, asOf("2025-08-05")))!.currentStatus).toBe("true");
    expect((await getPublicClaim(claimId, asOf("2025-09-01")))!.timeline.map((e) => e.statusKey)).toEqual(["pending", "true"]);
    // The article page agrees with the claim page, day by day.
    for (const day of ["2023-05-15", "2024-01-01", "2025-09-01"]) {
      const claim = (await getPublicClaim(claimId, asOf(day)))!;
      const inArticle = (await getPublishedArticle(article.slug, asOf(day)))!.claims[0]!;
      expect({ status: inArticle.currentStatus, tracked: inArticle.tracked, notice: inArticle.notice }, day).toEqual({ status: claim.currentStatus, tracked: claim.tracked, notice: claim.notice });
    }
    // As published on the same day, it was not on Claimline yet: said, not hidden.
    const audit = (await getPublicClaim(claimId, published("2024-01-01")))!;
    expect(audit).toMatchObject({ tracked: false, statusAsOf: null, timeline: [] });
    expect(audit.notice).toContain("Claimline started tracking this claim on 4 Dec 2026");
    expect((await getPublishedArticle(article.slug, published("2024-01-01")))!.claims).toEqual([]);
  });

  it("say when the claim had not been made yet", async () => {
    const { article, claimId } = await backfilled();
    const before = (await getPublicClaim(claimId, asOf("2023-05-15")))!;
    expect(before).toMatchObject({ tracked: false, statusAsOf: null, currentStatus: "unverified", timeline: [] });
    expect(before.notice).toBe("This claim was first made on 16 May 2023, after 15 May 2023: it had no status yet on that day.");
    expect((await getPublishedArticle(article.slug, asOf("2023-05-15")))!.notice).toBe("This article was first published on 16 May 2023, after 15 May 2023.");
    // The claim date, when the desk gives one, is when it was made.
    await getDb().update(claims).set({ claimDate: "2023-05-10" }).where(eq(claims.id, claimId));
    expect(await getPublicClaim(claimId, asOf("2023-05-15"))).toMatchObject({ tracked: true, firstMadeOn: "2023-05-10", statusAsOf: "unverified" });
  });

  it("apply corrections recorded later, whatever the day", async () => {
    const { editor, claimId, verdict } = await backfilled();
    // The verdict was wrong: corrected today, effective the same day.
    await recordOn(editor.userId, claimId, "2026-12-05", { statusKey: "false", effectiveDate: "2025-08-05", correctsEventId: verdict.eventId });
    const after = (await getPublicClaim(claimId, asOf("2025-09-01")))!;
    expect(after.currentStatus).toBe("false");
    expect(after.timeline.map((e) => e.statusKey)).toEqual(["pending", "true", "false"]);
    expect((await getPublicClaim(claimId, asOf("2024-01-01")))!.currentStatus).toBe("pending");
    // A correction dated later than what it corrects replaces it from the start: in between, the status before it.
    const { claimId: other, verdict: wrong } = await backfilled();
    await recordOn(editor.userId, other, "2026-12-05", { statusKey: "false", effectiveDate: "2025-10-01", correctsEventId: wrong.eventId });
    const between = (await getPublicClaim(other, asOf("2025-09-01")))!;
    expect(between.currentStatus).toBe("pending");
    expect(between.timeline.map((e) => e.statusKey)).toEqual(["pending", "true", "false"]);
    expect((await getPublicClaim(other, asOf("2025-10-01")))!.currentStatus).toBe("false");
  });

  it("count a month or a year from its first day", async () => {
    const { editor, claimId } = await backfilled();
    await recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "misleading", effectiveDate: "2024-03" });
    await recordOn(editor.userId, claimId, "2026-12-04", { statusKey: "in_progress", effectiveDate: "2025" });
    expect((await getPublicClaim(claimId, asOf("2024-02-29")))!.currentStatus).toBe("pending");
    expect((await getPublicClaim(claimId, asOf("2024-03-01")))!.currentStatus).toBe("misleading");
    expect((await getPublicClaim(claimId, asOf("2024-12-31")))!.currentStatus).toBe("misleading");
    expect((await getPublicClaim(claimId, asOf("2025-01-01")))!.currentStatus).toBe("in_progress");
  });

  it("ignore drafts, and take figures by the day they were observed", async () => {
    const { editor, claimId } = await backfilled();
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01", visibility: "draft" }));
    expect((await getPublicClaim(claimId, asOf("2024-01-01")))!.currentStatus).toBe("pending");
    await recordObservation(editor, observationInput.parse({ claimId, value: "80000000000", unit: "USD", observedOn: "2024-02-16", source: { url: "", title: "" } }));
    expect((await getPublicClaim(claimId, asOf("2024-01-01")))!.observations).toEqual([]);
    expect((await getPublicClaim(claimId, asOf("2024-02-16")))!.observations.map((o) => o.value)).toEqual([80e9]);
    // Recorded today, it was not published on any earlier day.
    expect((await getPublicClaim(claimId, published("2026-12-03")))!.observations).toEqual([]);
  });
});

describe("draft events", () => {
  it("are visible to editors only until published, then count and become history", async () => {
    const { editor, claimId } = await setup();
    const { eventId } = await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", visibility: "draft", internalNote: "check with desk" }));
    expect((await getPublicClaim(claimId))!.timeline).toHaveLength(0);
    expect((await getClaimForEditor(editor, claimId)).timeline).toMatchObject([{ id: eventId, visibility: "draft", internalNote: "check with desk" }]);

    const published = await publishDraftEvent(editor, eventId);
    expect(published.currentStatus).toBe("false");
    expect((await getPublicClaim(claimId))!.timeline.map((e) => e.id)).toEqual([eventId]);
    expect(JSON.stringify(await getPublicClaim(claimId))).not.toContain("check with desk");
    await expect(publishDraftEvent(editor, eventId)).rejects.toThrow(NotFoundError);
    await expect(deleteDraftEvent(editor, eventId)).rejects.toThrow(NotFoundError);
  });

  it("can be discarded, leaving published history alone", async () => {
    const { editor, claimId } = await setup();
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "pending" }));
    const draft = await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", visibility: "draft" }));
    await deleteDraftEvent(editor, draft.eventId);
    expect((await getDb().select().from(statusEvents).where(eq(statusEvents.claimId, claimId))).map((e) => e.statusKey)).toEqual(["pending"]);
  });
});

describe("later values of a figure", () => {
  it("are recorded with their source, shown oldest first, and append-only", async () => {
    const { editor, claimId } = await setup();
    await recordObservation(editor, observationInput.parse({ claimId, value: "157000000000", unit: "USD", observedOn: "2024-10-02", source: { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding" } }));
    await recordObservation(editor, observationInput.parse({ claimId, value: "80000000000", unit: "USD", observedOn: "2024-02-16", source: { url: "", title: "" } }));
    const observations = (await getPublicClaim(claimId))!.observations;
    expect(observations.map((o) => [o.observedOn, o.value, o.source?.title ?? null])).toEqual([
      ["2024-02-16", 80e9, null],
      ["2024-10-02", 157e9, "New funding"],
    ]);
    expect(await refusal(getDb().run(sql`UPDATE quantity_observation SET value = 1`))).toMatch(/append-only/);
  });
});
