import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRACKER_QUERY, type TrackerQuery, trackerQuery } from "../../lib/tracker-query";
import { articleUpdateInput, claimWithMentionInput } from "../../lib/validation";
import { claimUpdateInput, mergeClaimsInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeUser } from "../../test/factories";
import { updateArticle } from "../articles/update-article";
import type { ArticleDto } from "../articles/article-dto";
import type { Actor } from "../authorize";
import { addMention } from "../claims/add-mention";
import { createClaimWithMention } from "../claims/create-claim-with-mention";
import { deleteClaim } from "../claims/delete-claim";
import { mergeClaims } from "../claims/merge-claims";
import { updateClaim } from "../claims/update-claim";
import { getDb } from "../client";
import { insertStatusEvent } from "../events/record-status-event";
import { claims } from "../schema";
import { writeTransaction } from "../transaction";
import { listPublishedClaims } from "./list-claims";
import { statusChangesOverTime } from "./status-changes";
import { countStatements } from "../../test/count-statements";
import { firstRow } from "../rows";

const ROAD_AHEAD = { title: "OpenAI 的未来 The road ahead", slug: "openai-road-ahead", publishedDate: "2023-05-15" };
const FUNDING = { title: "Funding round lifts OpenAI", slug: "funding-round", publishedDate: "2024-10-03", language: "en" };
const DRAFT = { title: "Secret draft headline", slug: "draft-story", status: "draft" };

const ROAD_AHEAD_BODY = "据报道，OpenAI 计划发布其首个开源模型。\n\nOpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。\n\n该开源模型将是 InstructGPT。";
const FUNDING_BODY = "Sam Altman said the company is now worth $157 billion. OpenAI was valued at $27 billion in 2023. The company will open a new office.";
const DRAFT_BODY = "草稿里的开源承诺：Zephyr DRAFTONLY valuation. 计划发布其首个开源模型";

function query(params: Record<string, string> = {}): TrackerQuery {
  return trackerQuery.parse(params);
}

async function claim(editor: Actor, articleId: number, quote: string, fields: Record<string, unknown>): Promise<number> {
  return (await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId, quote, ...fields }))).claimId;
}

/** Adds a further mention of `quote` (its first occurrence), measured in code points as the browser does. */
async function mention(editor: Actor, claimId: number, article: ArticleDto, quote: string): Promise<void> {
  const at = article.bodyText.indexOf(quote);
  const start = Array.from(article.bodyText.slice(0, at)).length;
  await addMention(editor, { claimId, articleId: article.id, start, end: start + Array.from(quote).length });
}

/** An event with a known record time, so "last event" and ordering are exact. */
async function event(editor: Actor, claimId: number, recordedAt: string, overrides: Record<string, unknown>): Promise<void> {
  await writeTransaction(async (tx) => insertStatusEvent(tx, editor.userId, eventInput(claimId, overrides), new Date(recordedAt)));
}

async function setUpdatedAt(claimId: number, at: string): Promise<void> {
  await getDb().update(claims).set({ updatedAt: new Date(at) }).where(eq(claims.id, claimId));
}

/**
 * Two published articles and a draft. Readers may see c1–c4 and c7; c5 is only in the draft,
 * c6 is deleted, c3 has a draft event and an internal note, c1 also appears in the draft; c7 is
 * undated (given no date, a claim would take its article's).
 */
async function buildDesk() {
  const editor = await makeUser();
  const roadAhead = await makeArticle(editor, { ...ROAD_AHEAD, body: ROAD_AHEAD_BODY });
  const funding = await makeArticle(editor, { ...FUNDING, body: FUNDING_BODY });
  const draft = await makeArticle(editor, { ...DRAFT, body: DRAFT_BODY });

  const c1 = await claim(editor, roadAhead.id, "计划发布其首个开源模型", { statement: "OpenAI plans to release its first open-weight model", kind: "prediction", claimant: "OpenAI", claimDate: "2023-05-15" });
  const c2 = await claim(editor, roadAhead.id, "估值约为270亿美元", { statement: "OpenAI is valued at $27 billion", kind: "quantity", claimant: "Reuters sources", claimDate: "2023-05-16" });
  const c3 = await claim(editor, roadAhead.id, "GPT-3 拥有1750亿个参数", { statement: "GPT-3 has 175 billion parameters", kind: "fact", claimDate: "2020-06-01" });
  const c4 = await claim(editor, funding.id, "the company is now worth $157 billion", { statement: "OpenAI's valuation reached $157 billion", kind: "quantity", claimant: "Sam Altman", claimDate: "2024-10-02" });
  const c5 = await claim(editor, draft.id, "Zephyr DRAFTONLY valuation", { statement: "Zephyr DRAFTONLY valuation claim", kind: "fact" });
  const c6 = await claim(editor, roadAhead.id, "该开源模型将是 InstructGPT", { statement: "The model will be InstructGPT", kind: "prediction", claimDate: "2023-05-15" });
  const c7 = await claim(editor, funding.id, "The company will open a new office", { statement: "Office count will grow 50% next year", kind: "prediction", claimDate: "" });
  await mention(editor, c2, funding, "OpenAI was valued at $27 billion in 2023");
  await mention(editor, c1, draft, "计划发布其首个开源模型");

  await event(editor, c1, "2023-05-15T12:00:00Z", { statusKey: "pending", effectiveDate: "2023-05-15" });
  await event(editor, c1, "2025-08-06T09:00:00Z", { statusKey: "true", effectiveDate: "2025-08-05" });
  await event(editor, c2, "2023-05-16T12:00:00Z", { statusKey: "true", effectiveDate: "2023-04-28" });
  await event(editor, c2, "2024-10-03T12:00:00Z", { statusKey: "outdated", effectiveDate: "2024-10" });
  await event(editor, c3, "2023-05-20T10:00:00Z", { statusKey: "true", effectiveDate: "2023-05-15", internalNote: "SECRET desk note" });
  await event(editor, c3, "2025-01-02T10:00:00Z", { statusKey: "false", effectiveDate: "2025-01-01", visibility: "draft", rationale: "DRAFT rationale" });
  await event(editor, c4, "2024-10-03T13:00:00Z", { statusKey: "true", effectiveDate: "2024-10-02" });
  await event(editor, c5, "2024-01-02T10:00:00Z", { statusKey: "false", effectiveDate: "2024-01-01" });
  await event(editor, c6, "2025-08-06T10:00:00Z", { statusKey: "false", effectiveDate: "2025-08-05" });
  await deleteClaim(editor, c6);

  for (const [id, at] of [[c1, "2025-08-06"], [c2, "2024-10-04"], [c3, "2023-05-21"], [c4, "2024-10-05"], [c7, "2024-10-06"]] as const) await setUpdatedAt(id, `${at}T00:00:00Z`);

  /** What readers can search for each readable claim: statement, quotes and titles in published articles. */
  const readableText = new Map([
    [c1, [ROAD_AHEAD.title, "OpenAI plans to release its first open-weight model", "计划发布其首个开源模型"]],
    [c2, [ROAD_AHEAD.title, FUNDING.title, "OpenAI is valued at $27 billion", "估值约为270亿美元", "OpenAI was valued at $27 billion in 2023"]],
    [c3, [ROAD_AHEAD.title, "GPT-3 has 175 billion parameters", "GPT-3 拥有1750亿个参数"]],
    [c4, [FUNDING.title, "OpenAI's valuation reached $157 billion", "the company is now worth $157 billion"]],
    [c7, [FUNDING.title, "Office count will grow 50% next year", "The company will open a new office"]],
  ]);
  return { editor, roadAhead, funding, draft, c1, c2, c3, c4, c5, c6, c7, readableText };
}

const ids = async (params: Record<string, string> = {}) => (await listPublishedClaims(query(params))).items.map((i) => i.id);
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
const found = async (q: string) => sorted(await ids({ q }));

describe("the public claim tracker", () => {
  it("lists only readable claims, with their published articles, first quote and last published event", async () => {
    const { c1, c2, c3, c4, c7, roadAhead, funding } = await buildDesk();
    const result = await listPublishedClaims(DEFAULT_TRACKER_QUERY);
    expect(result.items.map((i) => i.id)).toEqual([c1, c7, c4, c2, c3]);
    expect(result).toMatchObject({ total: 5, page: 1, pageCount: 1, statusCounts: { true: 3, outdated: 1, unverified: 1 } });

    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(byId.get(c2)).toEqual({
      id: c2,
      statement: "OpenAI is valued at $27 billion",
      statementLanguage: "en",
      claimant: "Reuters sources",
      claimDate: "2023-05-16",
      kind: "quantity",
      currentStatus: "outdated",
      updatedAt: "2024-10-04T00:00:00.000Z",
      lastEventAt: "2024-10-03T12:00:00.000Z",
      articles: [
        { slug: roadAhead.slug, title: roadAhead.title, language: "zh-Hans" },
        { slug: funding.slug, title: funding.title, language: "en" },
      ],
      quote: "估值约为270亿美元",
      // Each written text carries its language, detected when it was written.
      quoteLanguage: "zh-Hans",
      quoteContext: "zh-Hans",
    });
    // c1 is also quoted in the draft article: readers must not learn of it.
    expect(byId.get(c1)!.articles).toEqual([{ slug: roadAhead.slug, title: roadAhead.title, language: "zh-Hans" }]);
    // The draft event recorded later does not count as c3's last event, nor change its status.
    expect(byId.get(c3)).toMatchObject({ currentStatus: "true", lastEventAt: "2023-05-20T10:00:00.000Z" });
    expect(byId.get(c7)).toMatchObject({ currentStatus: "unverified", lastEventAt: null, claimDate: null });
  });

  it("never shows draft articles' claims, deleted claims, draft events or internal notes", async () => {
    const { c5, c6 } = await buildDesk();
    const everything = [
      await listPublishedClaims(DEFAULT_TRACKER_QUERY),
      await listPublishedClaims(query({ q: "DRAFTONLY" })),
      await listPublishedClaims(query({ q: "InstructGPT" })),
      await listPublishedClaims(query({ article: "draft-story" })),
      await statusChangesOverTime(DEFAULT_TRACKER_QUERY),
    ];
    const json = JSON.stringify(everything);
    expect(json).not.toMatch(/SECRET|DRAFT|Zephyr|InstructGPT|Secret draft|internalNote/);
    expect(await ids()).not.toContain(c5);
    expect(await ids()).not.toContain(c6);
    expect(await found("DRAFTONLY")).toEqual([]);
    expect(await found("Secret draft")).toEqual([]);
    expect(await found("InstructGPT")).toEqual([]);
    expect(await ids({ article: "draft-story" })).toEqual([]);
    expect((await listPublishedClaims(DEFAULT_TRACKER_QUERY)).statusCounts).not.toHaveProperty("false");
  });

  it("finds Chinese words of two characters and longer, English words by statement, and article titles", async () => {
    const { c1, c2, c3, c4, c7 } = await buildDesk();
    expect(await found("开源")).toEqual([c1]);
    expect(await found("开源模型")).toEqual([c1]);
    expect(await found("亿")).toEqual(sorted([c2, c3]));
    expect(await found("valuation")).toEqual([c4]);
    expect(await found("VALUATION")).toEqual([c4]);
    expect(await found("road ahead")).toEqual(sorted([c1, c2, c3]));
    expect(await found("Funding")).toEqual(sorted([c2, c4, c7]));
    expect(await found("的未来")).toEqual(sorted([c1, c2, c3]));
  });

  it("treats FTS syntax and LIKE wildcards in the search text literally, agreeing with a plain substring search", async () => {
    const { readableText } = await buildDesk();
    const inputs = ['"', '"open', 'open"', '"OpenAI" OR "GPT"', "*", "open*", "NEAR(", "NEAR(open model)", "OR", "open OR model", "AND", "NOT", "-", "^open", "%", "50%", "_", "\\", "\\%", "'", "'; DROP TABLE claim; --", "$", "$27", "{statement}: open", "statement:open", "(", ")", "a", "亿美元", "开"];
    for (const q of inputs) {
      const expected = [...readableText].filter(([, texts]) => texts.some((t) => t.toLowerCase().includes(q.trim().toLowerCase()))).map(([id]) => id);
      expect(await found(q), q).toEqual(sorted(expected));
    }
    // Sanity: the literal cases do match something, so the comparison is not vacuous.
    expect(await found("50%")).toHaveLength(1);
    expect(await found("%")).toHaveLength(1);
    expect(await found("_")).toEqual([]);
    expect((await getDb().select().from(claims)).length).toBeGreaterThan(0);
  });

  it("filters by status, kind, article, claimant and claim date, combined with AND", async () => {
    const { c1, c2, c3, c4, c7 } = await buildDesk();
    expect(await ids({ status: "outdated" })).toEqual([c2]);
    expect(sorted(await ids({ status: "true,unverified" }))).toEqual(sorted([c1, c3, c4, c7]));
    expect(sorted(await ids({ kind: "prediction" }))).toEqual(sorted([c1, c7]));
    expect(sorted(await ids({ kind: "quantity,fact" }))).toEqual(sorted([c2, c3, c4]));
    expect(sorted(await ids({ article: "funding-round" }))).toEqual(sorted([c2, c4, c7]));
    expect(await ids({ article: "no-such-article" })).toEqual([]);
    expect(await ids({ claimant: "sam" })).toEqual([c4]);
    expect(await ids({ claimant: "OPENAI" })).toEqual([c1]);
    expect(await ids({ claimant: "sources" })).toEqual([c2]);
    expect(sorted(await ids({ from: "2023-05-15", to: "2023-12-31" }))).toEqual(sorted([c1, c2]));
    expect(await ids({ from: "2024-01-01" })).toEqual([c4]);
    expect(await ids({ to: "2020-12-31" })).toEqual([c3]);
    expect(await ids({ kind: "quantity", claimant: "sam" })).toEqual([c4]);
    expect(await ids({ q: "OpenAI", kind: "fact" })).toEqual([c3]);
    expect(await ids({ q: "开源", status: "outdated" })).toEqual([]);
  });

  it("counts statuses over the filtered set without the status filter, so the facet shows every choice", async () => {
    await buildDesk();
    const filtered = await listPublishedClaims(query({ status: "outdated" }));
    expect(filtered.total).toBe(1);
    expect(filtered.statusCounts).toEqual({ true: 3, outdated: 1, unverified: 1 });
    const quantities = await listPublishedClaims(query({ status: "outdated", kind: "quantity" }));
    expect(quantities.total).toBe(1);
    expect(quantities.statusCounts).toEqual({ true: 1, outdated: 1 });
  });

  it("sorts by last update or by claim date, either way, undated claims last and ties by id", async () => {
    const { c1, c2, c3, c4, c7 } = await buildDesk();
    expect(await ids()).toEqual([c1, c7, c4, c2, c3]);
    expect(await ids({ order: "asc" })).toEqual([c3, c2, c4, c7, c1]);
    expect(await ids({ sort: "claim-date" })).toEqual([c4, c2, c1, c3, c7]);
    expect(await ids({ sort: "claim-date", order: "asc" })).toEqual([c3, c1, c2, c4, c7]);
    await setUpdatedAt(c3, "2025-08-06T00:00:00Z");
    expect((await ids()).slice(0, 2)).toEqual([c3, c1]);
    expect((await ids({ order: "asc" })).slice(-2)).toEqual([c1, c3]);
  });

  it("pages 25 at a time, and shows the last page for a page past the end", async () => {
    const { editor, funding } = await buildDesk();
    const extra: number[] = [];
    for (let n = 0; n < 30; n++) extra.push(await claim(editor, funding.id, "The company will open a new office", { statement: `Office plan ${n}`, kind: "prediction" }));
    const first = await listPublishedClaims(query());
    const second = await listPublishedClaims(query({ page: "2" }));
    expect([first.total, first.pageCount, first.page, first.items.length]).toEqual([35, 2, 1, 25]);
    expect([second.total, second.pageCount, second.page, second.items.length]).toEqual([35, 2, 2, 10]);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(35);
    expect(all).toEqual(expect.arrayContaining(extra));
    expect(await listPublishedClaims(query({ page: "99" }))).toMatchObject({ page: 2, items: second.items });
    expect(await listPublishedClaims(query({ q: "no such words" }))).toEqual({ items: [], total: 0, page: 1, pageCount: 1, statusCounts: {} });
  });

  it("charts published status events of readable claims by month of effective date and status", async () => {
    await buildDesk();
    expect(await statusChangesOverTime(DEFAULT_TRACKER_QUERY)).toEqual([
      { month: "2023-04", statusKey: "true", count: 1 },
      { month: "2023-05", statusKey: "pending", count: 1 },
      { month: "2023-05", statusKey: "true", count: 1 },
      { month: "2024-10", statusKey: "outdated", count: 1 },
      { month: "2024-10", statusKey: "true", count: 1 },
      { month: "2025-08", statusKey: "true", count: 1 },
    ]);
    expect(await statusChangesOverTime(query({ kind: "quantity" }))).toEqual([
      { month: "2023-04", statusKey: "true", count: 1 },
      { month: "2024-10", statusKey: "outdated", count: 1 },
      { month: "2024-10", statusKey: "true", count: 1 },
    ]);
    expect(await statusChangesOverTime(query({ q: "开源" }))).toEqual([
      { month: "2023-05", statusKey: "pending", count: 1 },
      { month: "2025-08", statusKey: "true", count: 1 },
    ]);
    expect(await statusChangesOverTime(query({ article: "draft-story" }))).toEqual([]);
  });

  it("counts a merged claim's events and words on the claim it was merged into", async () => {
    const { editor, c1, c2, funding } = await buildDesk();
    await mergeClaims(editor, mergeClaimsInput.parse({ targetId: c1, sourceId: c2 }));
    expect(await ids()).not.toContain(c2);
    expect(await found("270亿")).toEqual([c1]);
    const item = (await listPublishedClaims(query({ claimant: "OpenAI" }))).items[0]!;
    expect(item).toMatchObject({ id: c1, lastEventAt: "2025-08-06T09:00:00.000Z" });
    expect(item.articles.map((a) => a.slug)).toEqual(["openai-road-ahead", funding.slug]);
    expect(await statusChangesOverTime(query({ claimant: "OpenAI" }))).toEqual([
      { month: "2023-04", statusKey: "true", count: 1 },
      { month: "2023-05", statusKey: "pending", count: 1 },
      { month: "2024-10", statusKey: "outdated", count: 1 },
      { month: "2025-08", statusKey: "true", count: 1 },
    ]);
  });
});

describe("the tracker's search index stays in step with every write", () => {
  it("after a claim's statement is edited", async () => {
    const { editor, c1 } = await buildDesk();
    const { version } = (await firstRow(getDb().select({ version: claims.version }).from(claims).where(eq(claims.id, c1))))!;
    await updateClaim(editor, claimUpdateInput.parse({ id: c1, version, statement: "OpenAI plans an open-weights launch", kind: "prediction", claimant: "OpenAI", claimDate: "2023-05-15" }));
    expect(await found("first open-weight")).toEqual([]);
    expect(await found("open-weights launch")).toEqual([c1]);
    expect(await found("开源")).toEqual([c1]);
  });

  it("after a claim is deleted", async () => {
    const { editor, c4 } = await buildDesk();
    await deleteClaim(editor, c4);
    expect(await found("valuation")).toEqual([]);
    expect(await ids()).not.toContain(c4);
    expect(await statusChangesOverTime(DEFAULT_TRACKER_QUERY)).not.toContainEqual({ month: "2024-10", statusKey: "true", count: 1 });
  });

  it("after an article is unpublished, retitled and published again", async () => {
    const { editor, funding, c2, c4, c7 } = await buildDesk();
    const save = (article: ArticleDto, changes: Record<string, unknown>) => updateArticle(editor, articleUpdateInput.parse({ ...article, ...changes }));

    const unpublished = await save(funding, { status: "draft" });
    expect(await found("Funding")).toEqual([]);
    expect(await found("in 2023")).toEqual([]);
    expect(await ids()).not.toContain(c4);
    expect(await ids()).not.toContain(c7);
    expect((await listPublishedClaims(DEFAULT_TRACKER_QUERY)).items.find((i) => i.id === c2)!.articles.map((a) => a.slug)).toEqual(["openai-road-ahead"]);

    await save(unpublished, { status: "published", title: "Investors value OpenAI" });
    expect(await found("Funding")).toEqual([]);
    expect(await found("Investors")).toEqual(sorted([c2, c4, c7]));
    expect(await found("in 2023")).toEqual([c2]);
  });
});

describe("the tracker's SQL", () => {
  async function addClaims(editor: Actor, articleId: number, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const id = await claim(editor, articleId, "The company will open a new office", { statement: `Office plan ${i}`, kind: "prediction", claimDate: "2024-01-01" });
      await event(editor, id, "2024-02-01T00:00:00Z", { statusKey: "true", effectiveDate: "2024-02-01" });
      await event(editor, id, "2024-03-01T00:00:00Z", { statusKey: "false", effectiveDate: "2024-03-01" });
    }
  }

  it("runs a fixed number of statements per call, whatever the number of claims", async () => {
    const { editor, funding } = await buildDesk();
    const calls = async (q: TrackerQuery) => [await countStatements(() => listPublishedClaims(q)), await countStatements(() => statusChangesOverTime(q))];
    const searches = [DEFAULT_TRACKER_QUERY, query({ q: "开源" }), query({ q: "company", kind: "prediction", sort: "claim-date" })];

    const small = [];
    for (const search of searches) small.push(await calls(search));
    await addClaims(editor, funding.id, 60);
    const large = [];
    for (const search of searches) large.push(await calls(search));

    expect((await listPublishedClaims(query({ q: "company" }))).total).toBeGreaterThan(50);
    expect(small).toEqual(large);
    // A search reads its matches once (the fifth statement) and reuses them for counts and page.
    expect(large).toEqual([
      [4, 1],
      [5, 1],
      [5, 1],
    ]);
  });
});
