import { eq } from "drizzle-orm";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TimeView } from "../../lib/as-of";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { mergeClaims } from "../claims/merge-claims";
import { getPublicClaim } from "../claims/public-claim";
import { getDb } from "../client";
import { insertStatusEvent, recordStatusEvent } from "../events/record-status-event";
import { claims, mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { atomFeedXml } from "./atom-feed";
import { type FeedScope, feedEvents } from "./feed-events";

const saved = { ...process.env };
beforeEach(() => {
  process.env.BETTER_AUTH_URL = "https://desk.example.org";
  delete process.env.PUBLIC_BASE_URL;
  delete process.env.FEED_ID_AUTHORITY;
});
afterEach(() => {
  process.env = { ...saved };
});

const published = (day: string): TimeView => ({ axis: "published", day });
const asOf = (day: string): TimeView => ({ axis: "effective", day });

/** Records an event as if entered at `at`. */
async function recordAt(actorId: string, claimId: number, at: string, overrides: Record<string, unknown> = {}) {
  return (await writeTransaction(async (tx) => insertStatusEvent(tx, actorId, eventInput(claimId, overrides), new Date(at)))).eventId;
}

/** A claim (and its mention) as if Claimline started showing it at `at`. */
async function trackedSince(claimId: number, at: string) {
  await getDb().update(claims).set({ createdAt: new Date(at) }).where(eq(claims.id, claimId));
  await getDb().update(mentions).set({ createdAt: new Date(at) }).where(eq(mentions.claimId, claimId));
}

async function desk() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { publishedDate: "2023-05-16" });
  const { claimId } = await makeClaim(editor, article.id);
  const scopes: FeedScope[] = [{ kind: "desk" }, { kind: "article", slug: article.slug }, { kind: "claim", id: claimId }];
  return { editor, article, claimId, scopes };
}

const ids = async (scope: FeedScope, view: TimeView | null, limit?: number) => (await feedEvents(scope, limit, view))!.events.map((e) => e.id);

describe("a feed as published on a day", () => {
  it("has the events recorded by the end of that day, newest recorded first, whatever their effective dates", async () => {
    const { editor, claimId, scopes } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    const pending = await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const verdict = await recordAt(editor.userId, claimId, "2025-08-06T10:00:00Z", { statusKey: "true", effectiveDate: "2025-08-05" });
    // Backfilled: entered in 2025, effective in 2023. Claimline did not show it on 2024-01-01.
    const backfill = await recordAt(editor.userId, claimId, "2025-09-01T10:00:00Z", { statusKey: "in_progress", effectiveDate: "2023-12-01" });
    for (const scope of scopes) {
      expect(await ids(scope, published("2024-01-01")), scope.kind).toEqual([pending]);
      expect(await ids(scope, published("2025-08-06")), scope.kind).toEqual([verdict, pending]);
      expect(await ids(scope, published("2025-09-01")), scope.kind).toEqual([backfill, verdict, pending]);
      expect(await ids(scope, published("2023-05-15")), scope.kind).toEqual([]);
    }
    // The claim page agrees on that day.
    expect((await getPublicClaim(claimId, { view: published("2024-01-01") }))!.timeline.map((e) => e.id)).toEqual([pending]);
  });

  it("is never emptied by events recorded after its day, however many (the limit applies after the day)", async () => {
    const { editor, claimId, scopes } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    const older = await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z");
    const newer = await recordAt(editor.userId, claimId, "2023-05-17T10:00:00Z");
    for (let i = 0; i < 60; i++) await recordAt(editor.userId, claimId, `2026-01-01T10:${String(i).padStart(2, "0")}:00Z`);
    for (const scope of scopes) {
      expect(await ids(scope, published("2023-05-17"), 2), scope.kind).toEqual([newer, older]);
      expect(await ids(scope, published("2023-05-17"), 1), scope.kind).toEqual([newer]);
      expect(await ids(scope, null, 2), scope.kind).not.toContain(newer);
    }
  });

  it("leaves out claims Claimline did not show yet on that day, even with events recorded earlier", async () => {
    const { editor, article, claimId } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    const shown = await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z");
    // Tracked only from today: its early-recorded event was not on any public page in 2023.
    const later = (await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
    await recordAt(editor.userId, later, "2023-05-17T10:00:00Z");
    expect(await ids({ kind: "desk" }, published("2023-06-01"))).toEqual([shown]);
    expect(await ids({ kind: "article", slug: article.slug }, published("2023-06-01"))).toEqual([shown]);
    // Its own feed of that day answers, empty, rather than as if the claim were unknown.
    expect(await ids({ kind: "claim", id: later }, published("2023-06-01"))).toEqual([]);
    expect((await getPublicClaim(later, { view: published("2023-06-01") }))!.timeline).toEqual([]);
  });

  it("is the same document whenever it is produced, for every scope", async () => {
    const { editor, article, claimId, scopes } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z", { statusKey: "pending", effectiveDate: "2023-05-15" });
    const before = await Promise.all(scopes.map(async (scope) => atomFeedXml(scope, published("2024-01-01"))));
    // Later writes: a new event (backdated in effect), a new claim with its own event.
    await recordStatusEvent(editor, eventInput(claimId, { statusKey: "false", effectiveDate: "2023-06-01" }));
    const other = (await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
    await recordStatusEvent(editor, eventInput(other, { statusKey: "true", effectiveDate: "2020-05-28" }));
    expect(await Promise.all(scopes.map(async (scope) => atomFeedXml(scope, published("2024-01-01"))))).toEqual(before);
    expect(before[0]).toContain("<updated>2023-05-16T10:00:00.000Z</updated>");
    expect(await atomFeedXml({ kind: "desk" }, null)).not.toEqual(before[0]);
  });

  it("finds its day's readable events behind many unreadable ones, whichever way it reads them", async () => {
    const { editor, claimId } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    const older = await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z");
    const newer = await recordAt(editor.userId, claimId, "2023-05-17T10:00:00Z");
    const draftArticle = await makeArticle(editor, { title: "Investigation in progress", status: "draft" });
    const unpublished = (await makeClaim(editor, draftArticle.id)).claimId;
    // More unreadable events on that day than the walk reads for a feed of two: it gives up and reads by claim.
    for (let i = 0; i < 45; i++) await recordAt(editor.userId, unpublished, `2023-05-18T10:${String(i).padStart(2, "0")}:00Z`);
    expect(await ids({ kind: "desk" }, published("2023-05-18"), 2)).toEqual([newer, older]);
    expect(await ids({ kind: "desk" }, published("2023-05-18"), 1)).toEqual([newer]);
  });
});

/**
 * The effective axis, on a desk entering today the history of a claim made in May 2023
 * (Pending from 16 May 2023, True from 5 Aug 2025), tracked only since 4 Dec 2026.
 */
describe("a feed as of a day", () => {
  async function backfilled() {
    const d = await desk();
    await trackedSince(d.claimId, "2026-12-04T09:00:00Z");
    const pending = await recordAt(d.editor.userId, d.claimId, "2026-12-04T10:00:00Z", { statusKey: "pending", effectiveDate: "2023-05-16" });
    const verdict = await recordAt(d.editor.userId, d.claimId, "2026-12-04T10:00:00Z", { statusKey: "true", effectiveDate: "2025-08-05" });
    return { ...d, pending, verdict };
  }

  it("has the events in effect by that day as known now, history entered later included, newest effective first", async () => {
    const { claimId, scopes, pending, verdict } = await backfilled();
    for (const scope of scopes) {
      expect(await ids(scope, asOf("2023-05-15")), scope.kind).toEqual([]);
      expect(await ids(scope, asOf("2024-01-01")), scope.kind).toEqual([pending]);
      expect(await ids(scope, asOf("2025-09-01")), scope.kind).toEqual([verdict, pending]);
      // As published on the same day, Claimline had not recorded any of it.
      expect(await ids(scope, published("2024-01-01")), scope.kind).toEqual([]);
    }
    for (const day of ["2023-05-15", "2024-01-01", "2025-09-01"]) {
      expect(new Set(await ids({ kind: "claim", id: claimId }, asOf(day))), day).toEqual(new Set((await getPublicClaim(claimId, { view: asOf(day) }))!.timeline.map((e) => e.id)));
    }
  });

  it("orders by effective date, not by when the events were entered", async () => {
    const { editor, claimId, pending, verdict } = await backfilled();
    // Entered last, effective between the two.
    const middle = await recordAt(editor.userId, claimId, "2026-12-05T10:00:00Z", { statusKey: "in_progress", effectiveDate: "2024-06" });
    expect(await ids({ kind: "desk" }, asOf("2025-09-01"))).toEqual([verdict, middle, pending]);
    expect(await ids({ kind: "desk" }, null)).toEqual([middle, verdict, pending].sort((a, b) => b - a));
    // A month counts from its first day.
    expect(await ids({ kind: "claim", id: claimId }, asOf("2024-05-31"))).toEqual([pending]);
    expect(await ids({ kind: "claim", id: claimId }, asOf("2024-06-01"))).toEqual([middle, pending]);
  });

  it("applies corrections: a correction comes with the entry it corrects, whatever its own date", async () => {
    const { editor, claimId, scopes, pending, verdict } = await backfilled();
    // The verdict was wrong; corrected today, effective later than it.
    const fix = await recordAt(editor.userId, claimId, "2026-12-05T10:00:00Z", { statusKey: "false", effectiveDate: "2025-10-01", correctsEventId: verdict });
    for (const scope of scopes) {
      expect(await ids(scope, asOf("2025-09-01")), scope.kind).toEqual([fix, verdict, pending]);
      // Before the corrected entry took effect, neither it nor its correction.
      expect(await ids(scope, asOf("2024-01-01")), scope.kind).toEqual([pending]);
    }
    expect(new Set(await ids({ kind: "claim", id: claimId }, asOf("2025-09-01")))).toEqual(new Set((await getPublicClaim(claimId, { view: asOf("2025-09-01") }))!.timeline.map((e) => e.id)));
  });

  it("is never emptied by events that took effect later, however many (the limit applies after the day)", async () => {
    const { editor, claimId, scopes, pending } = await backfilled();
    for (let i = 0; i < 60; i++) await recordAt(editor.userId, claimId, "2026-12-04T11:00:00Z", { effectiveDate: `2026-0${1 + (i % 9)}-01` });
    for (const scope of scopes) expect(await ids(scope, asOf("2024-01-01"), 1), scope.kind).toEqual([pending]);
  });

  it("shows a merged claim's events on the claim it was merged into, on the desk as on the claim", async () => {
    const { editor, article, claimId, pending } = await backfilled();
    const merged = (await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
    const early = await recordAt(editor.userId, merged, "2026-12-04T11:00:00Z", { statusKey: "false", effectiveDate: "2023-09-01" });
    await mergeClaims(editor, { targetId: claimId, sourceId: merged });
    const desk = (await feedEvents({ kind: "desk" }, 50, asOf("2024-01-01"))).events;
    expect(desk.map((e) => [e.id, e.claimId])).toEqual([
      [early, claimId],
      [pending, claimId],
    ]);
    expect((await feedEvents({ kind: "claim", id: claimId }, 50, asOf("2024-01-01")))!.events).toEqual(desk);
  });

  it("never shows drafts", async () => {
    const { editor, claimId, scopes, pending } = await backfilled();
    await recordAt(editor.userId, claimId, "2026-12-04T11:00:00Z", { statusKey: "false", effectiveDate: "2023-06-01", visibility: "draft", rationale: "DRAFT" });
    for (const scope of scopes) expect(await ids(scope, asOf("2024-01-01")), scope.kind).toEqual([pending]);
  });
});

describe("a dated feed's document", () => {
  async function parts(scope: FeedScope, view: TimeView | null) {
    const doc = parseDocument((await atomFeedXml(scope, view))!, { xmlMode: true });
    const feed = DomUtils.getElementsByTagName("feed", doc.children, false)[0]!;
    const own = (name: string) => DomUtils.getElementsByTagName(name, feed.children, false);
    const entries = DomUtils.getElementsByTagName("entry", [feed]);
    return {
      id: DomUtils.textContent(own("id")[0]!),
      title: DomUtils.textContent(own("title")[0]!),
      updated: DomUtils.textContent(own("updated")[0]!),
      links: Object.fromEntries(own("link").map((l) => [l.attribs.rel!, l.attribs.href!])),
      entryIds: entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName("id", e.children, false)[0]!)),
      entryLinks: entries.map((e) => DomUtils.getElementsByTagName("link", e.children, false)[0]!.attribs.href!),
    };
  }

  it("has an id and self link of its own, links to the pages on its day, and keeps its entries' ids", async () => {
    const { editor, claimId, article } = await desk();
    await trackedSince(claimId, "2023-05-16T09:00:00Z");
    const event = await recordAt(editor.userId, claimId, "2023-05-16T10:00:00Z", { effectiveDate: "2023-05-15" });
    const live = await parts({ kind: "claim", id: claimId }, null);
    const dated = await parts({ kind: "claim", id: claimId }, asOf("2024-01-01"));
    expect(live.id).toBe(`tag:desk.example.org,2025:claimline/feed/claim/${claimId}`);
    expect(dated.id).toBe(`tag:desk.example.org,2025:claimline/feed/claim/${claimId}/asof/2024-01-01`);
    expect((await parts({ kind: "claim", id: claimId }, published("2024-01-01"))).id).toBe(`tag:desk.example.org,2025:claimline/feed/claim/${claimId}/published/2024-01-01`);
    expect(dated.links).toEqual({ self: `https://desk.example.org/feeds/claims/${claimId}?asof=2024-01-01`, alternate: `https://desk.example.org/claims/${claimId}?asof=2024-01-01` });
    expect(dated.title).toContain("(as of 1 Jan 2024)");
    expect(dated.entryIds).toEqual(live.entryIds);
    expect(dated.entryIds).toEqual([`tag:desk.example.org,2025:claimline/status-event/${event}`]);
    expect(dated.entryLinks).toEqual([`https://desk.example.org/claims/${claimId}?asof=2024-01-01#event-${event}`]);
    expect(dated.updated).toBe("2023-05-16T10:00:00.000Z");

    const deskFeed = await parts({ kind: "desk" }, published("2024-01-01"));
    expect(deskFeed.id).toBe("tag:desk.example.org,2025:claimline/feed/desk/published/2024-01-01");
    expect(deskFeed.links).toEqual({ self: "https://desk.example.org/feeds/desk.atom?published=2024-01-01", alternate: "https://desk.example.org/" });
    expect(deskFeed.title).toContain("(as published on 1 Jan 2024)");
    expect((await parts({ kind: "article", slug: article.slug }, published("2024-01-01"))).links.self).toBe(`https://desk.example.org/feeds/articles/${encodeURIComponent(article.slug)}?published=2024-01-01`);
  });

  it("stands on its data, not the clock, when it has no entries", async () => {
    const { claimId } = await desk();
    const empty = await parts({ kind: "claim", id: claimId }, published("2001-01-01"));
    expect(empty.entryIds).toEqual([]);
    expect(empty.updated).toBe("1970-01-01T00:00:00.000Z");
    expect((await parts({ kind: "desk" }, asOf("2001-01-01"))).updated).toBe("1970-01-01T00:00:00.000Z");
  });
});
