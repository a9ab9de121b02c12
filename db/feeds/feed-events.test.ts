import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { deleteClaim } from "../claims/delete-claim";
import { mergeClaims } from "../claims/merge-claims";
import { getDb } from "../client";
import { insertStatusEvent } from "../events/record-status-event";
import { mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { feedEvents } from "./feed-events";
import { countStatements } from "../../test/count-statements";

const VALUATION = { quote: "估值约为270亿美元", statement: "OpenAI is valued at $27 billion" };
const PARAMETERS = { quote: "GPT-3 拥有1750亿个参数", statement: "GPT-3 has 175 billion parameters" };

/** Records an event as if entered at `at`, so feeds can be ordered by recorded time. */
async function recordAt(actorId: string, claimId: number, at: string, overrides: Record<string, unknown> = {}) {
  return (await writeTransaction(async (tx) => insertStatusEvent(tx, actorId, eventInput(claimId, overrides), new Date(at)))).eventId;
}

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { title: "Published article" });
  const valuation = (await makeClaim(editor, article.id, VALUATION.quote, VALUATION.statement)).claimId;
  const parameters = (await makeClaim(editor, article.id, PARAMETERS.quote, PARAMETERS.statement)).claimId;
  return { editor, article, valuation, parameters };
}

const ids = async (scope: Parameters<typeof feedEvents>[0]) => (await feedEvents(scope))!.events.map((e) => e.id);

describe("feedEvents", () => {
  it("lists published events newest first by recorded time, with their public fields and sources", async () => {
    const { editor, valuation, parameters } = await setup();
    // Effective dates run the other way from recorded times: the feed follows when we said it.
    const oldest = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z", { statusKey: "pending", effectiveDate: "2025-01-01" });
    const newest = await recordAt(editor.userId, valuation, "2024-10-03T09:00:00Z", {
      statusKey: "outdated",
      effectiveDate: "2024-10",
      rationale: "New funding round.",
      sources: [
        { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", publisher: "OpenAI" },
        { url: "https://example.com/second", archivedUrl: "https://web.archive.org/x" },
      ],
    });
    const middle = await recordAt(editor.userId, parameters, "2023-06-01T09:00:00Z", { statusKey: "true", effectiveDate: "2020-05-28" });

    const feed = await feedEvents({ kind: "desk" });
    expect(feed.subjectTitle).toBeNull();
    expect(feed.events.map((e) => e.id)).toEqual([newest, middle, oldest]);
    expect(feed.events[0]).toEqual({
      id: newest,
      claimId: valuation,
      statement: VALUATION.statement,
      statusKey: "outdated",
      effectiveDate: "2024-10-01",
      effectivePrecision: "month",
      rationale: "New funding round.",
      rationaleLanguage: "en",
      correctsEventId: null,
      recordedAt: "2024-10-03T09:00:00.000Z",
      sources: [
        { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding", titleLanguage: "en", publisher: "OpenAI", publishedDate: null, archivedUrl: null },
        { url: "https://example.com/second", title: null, titleLanguage: null, publisher: null, publishedDate: null, archivedUrl: "https://web.archive.org/x" },
      ],
    });
    expect((await feedEvents({ kind: "desk" }, 2)).events.map((e) => e.id)).toEqual([newest, middle]);
  });

  it("never includes draft events or internal notes", async () => {
    const { editor, valuation } = await setup();
    const published = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z", { internalNote: "SECRET desk note" });
    await recordAt(editor.userId, valuation, "2024-01-01T09:00:00Z", { visibility: "draft", rationale: "DRAFT rationale", statusKey: "false" });

    const feed = await feedEvents({ kind: "desk" });
    expect(feed.events.map((e) => e.id)).toEqual([published]);
    expect(JSON.stringify([feed, await feedEvents({ kind: "claim", id: valuation })])).not.toMatch(/SECRET|DRAFT|internalNote/);
  });

  it("leaves out claims that readers cannot see: only in a draft article, deleted, or whose mention was removed", async () => {
    const { editor, article, valuation, parameters } = await setup();
    const visible = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z");
    const draftArticle = await makeArticle(editor, { title: "Draft article", status: "draft" });
    const draftOnly = (await makeClaim(editor, draftArticle.id)).claimId;
    await recordAt(editor.userId, draftOnly, "2023-05-17T09:00:00Z");
    const deleted = (await makeClaim(editor, article.id, "OpenAI", "A claim deleted later")).claimId;
    await recordAt(editor.userId, deleted, "2023-05-18T09:00:00Z");
    await deleteClaim(editor, deleted);
    await recordAt(editor.userId, parameters, "2023-05-19T09:00:00Z");
    await getDb().update(mentions).set({ deletedAt: new Date() }).where(eq(mentions.claimId, parameters));

    expect(await ids({ kind: "desk" })).toEqual([visible]);
    expect(await ids({ kind: "article", slug: article.slug })).toEqual([visible]);
    expect(await feedEvents({ kind: "claim", id: draftOnly })).toBeNull();
    expect(await feedEvents({ kind: "claim", id: deleted })).toBeNull();
    expect(await feedEvents({ kind: "claim", id: parameters })).toBeNull();
  });

  it("scopes an article feed to the claims of that published article, and is null for a draft or unknown article", async () => {
    const { editor, article, valuation } = await setup();
    const other = await makeArticle(editor, { title: "Another article" });
    const elsewhere = (await makeClaim(editor, other.id)).claimId;
    const here = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z");
    const there = await recordAt(editor.userId, elsewhere, "2023-05-17T09:00:00Z");

    const feed = (await feedEvents({ kind: "article", slug: article.slug }))!;
    expect(feed.subjectTitle).toBe("Published article");
    expect(feed.events.map((e) => e.id)).toEqual([here]);
    expect(await ids({ kind: "article", slug: other.slug })).toEqual([there]);

    const draft = await makeArticle(editor, { title: "Unpublished", status: "draft" });
    expect(await feedEvents({ kind: "article", slug: draft.slug })).toBeNull();
    expect(await feedEvents({ kind: "article", slug: "no-such-article" })).toBeNull();
  });

  it("scopes a claim feed to that claim, and is null for an unknown claim", async () => {
    const { editor, valuation, parameters } = await setup();
    const mine = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z");
    await recordAt(editor.userId, parameters, "2023-05-17T09:00:00Z");

    const feed = (await feedEvents({ kind: "claim", id: valuation }))!;
    expect(feed.subjectTitle).toBe(VALUATION.statement);
    expect(feed.events.map((e) => e.id)).toEqual([mine]);
    expect(await feedEvents({ kind: "claim", id: 99999 })).toBeNull();
  });

  it("shows a merged claim's events on the claim it was merged into, in every scope", async () => {
    const { editor, article, valuation, parameters } = await setup();
    const survivorEvent = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z");
    const mergedEvent = await recordAt(editor.userId, parameters, "2023-05-17T09:00:00Z", { statusKey: "false" });
    await mergeClaims(editor, { targetId: valuation, sourceId: parameters });

    const claimFeed = (await feedEvents({ kind: "claim", id: valuation }))!;
    expect(claimFeed.events.map((e) => [e.id, e.claimId, e.statement])).toEqual([
      [mergedEvent, valuation, VALUATION.statement],
      [survivorEvent, valuation, VALUATION.statement],
    ]);
    expect(await ids({ kind: "desk" })).toEqual([mergedEvent, survivorEvent]);
    expect(await ids({ kind: "article", slug: article.slug })).toEqual([mergedEvent, survivorEvent]);
    expect(await feedEvents({ kind: "claim", id: parameters })).toBeNull();
  });

  it("follows a chain of merges to the claim that survives, on the desk as on the claim", async () => {
    const { editor, valuation, parameters } = await setup();
    const { article } = await setup();
    const middle = (await makeClaim(editor, article.id, "OpenAI", "A claim merged, then merged again")).claimId;
    const first = await recordAt(editor.userId, parameters, "2023-05-16T09:00:00Z");
    const second = await recordAt(editor.userId, middle, "2023-05-17T09:00:00Z");
    await mergeClaims(editor, { targetId: middle, sourceId: parameters });
    await mergeClaims(editor, { targetId: valuation, sourceId: middle });

    const desk = await feedEvents({ kind: "desk" });
    expect(desk.events.map((e) => [e.id, e.claimId])).toEqual([
      [second, valuation],
      [first, valuation],
    ]);
    expect((await feedEvents({ kind: "claim", id: valuation }))!.events).toEqual(desk.events);
  });

  it("finds the newest readable events behind many that readers cannot see, whichever way it reads them", async () => {
    const { editor, valuation } = await setup();
    const older = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z");
    const newer = await recordAt(editor.userId, valuation, "2023-05-17T09:00:00Z");
    const draftArticle = await makeArticle(editor, { title: "Investigation in progress", status: "draft" });
    const unpublished = (await makeClaim(editor, draftArticle.id)).claimId;
    // More unreadable events (and drafts) after them than the walk reads for a feed of two:
    // the walk gives up and the claims' timelines are read instead, with the same answer.
    for (let i = 0; i < 25; i++) await recordAt(editor.userId, unpublished, `2024-01-${String(i + 1).padStart(2, "0")}T09:00:00Z`);
    for (let i = 0; i < 20; i++) await recordAt(editor.userId, valuation, `2024-02-${String(i + 1).padStart(2, "0")}T09:00:00Z`, { visibility: "draft" });

    expect((await feedEvents({ kind: "desk" }, 2)).events.map((e) => e.id)).toEqual([newer, older]);
    expect((await feedEvents({ kind: "desk" }, 1)).events.map((e) => e.id)).toEqual([newer]);
    expect(await ids({ kind: "desk" })).toEqual([newer, older]);
  });

  it("marks corrections by the event they correct", async () => {
    const { editor, valuation } = await setup();
    const wrong = await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z", { statusKey: "false" });
    const fix = await recordAt(editor.userId, valuation, "2023-05-17T09:00:00Z", { statusKey: "true", correctsEventId: wrong });
    expect((await feedEvents({ kind: "claim", id: valuation }))!.events.map((e) => [e.id, e.correctsEventId])).toEqual([
      [fix, wrong],
      [wrong, null],
    ]);
  });

  it("uses the same number of queries however many claims and events there are", async () => {
    const { editor, article, valuation, parameters } = await setup();
    const countQueries = countStatements;
    await recordAt(editor.userId, valuation, "2023-05-16T09:00:00Z", { sources: [{ url: "https://example.com/a" }] });
    const few = await countQueries(async () => feedEvents({ kind: "article", slug: article.slug }));
    for (let i = 0; i < 5; i++) {
      await recordAt(editor.userId, parameters, `2023-06-0${i + 1}T09:00:00Z`, { sources: [{ url: `https://example.com/${i}` }] });
      await makeClaim(editor, article.id, "OpenAI", `Extra claim ${i}`);
    }
    expect(await countQueries(async () => feedEvents({ kind: "article", slug: article.slug }))).toBe(few);
    expect(few).toBeLessThanOrEqual(3);
  });
});
