import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventsCsv } from "../../lib/reports/report-csv";
import { reportJson } from "../../lib/reports/report-json";
import { DEFAULT_TRACKER_QUERY, type TrackerQuery } from "../../lib/tracker-query";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { getDb } from "../client";
import { insertStatusEvent, recordStatusEvent } from "../events/record-status-event";
import { claims, mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { loadReport } from "./report-data";
import { countStatements } from "../../test/count-statements";

const MAY_2023 = new Date("2023-05-16T09:00:00Z");

/** Backdates claims and their mentions, as if the desk had recorded them in May 2023. */
async function recordedInMay2023(claimIds: number[]) {
  await getDb().update(claims).set({ createdAt: MAY_2023 }).where(inArray(claims.id, claimIds));
  await getDb().update(mentions).set({ createdAt: MAY_2023 }).where(inArray(mentions.claimId, claimIds));
}

/** Records an event as if entered on `day` (10:00 UTC). */
async function recordOn(actorId: string, claimId: number, day: string, overrides: Record<string, unknown> = {}) {
  return writeTransaction(async (tx) => insertStatusEvent(tx, actorId, eventInput(claimId, overrides), new Date(`${day}T10:00:00Z`)));
}

/** Two published articles with a claim each, and a draft article with its own claim. */
async function setup() {
  const editor = await makeUser();
  const first = await makeArticle(editor, { title: "OpenAI valuation", outlet: "科技日报", publishedDate: "2023-05-15", sourceUrl: "https://news.example/openai" });
  const second = await makeArticle(editor, { title: "GPT-3 parameters", publishedDate: "2023-06-01" });
  const draft = await makeArticle(editor, { title: "Unpublished draft", status: "draft" });
  const valuation = (await makeClaim(editor, first.id)).claimId;
  const parameters = (await makeClaim(editor, second.id, "1750亿个参数", "GPT-3 has 175 billion parameters")).claimId;
  const secret = (await makeClaim(editor, draft.id, "1750亿个参数", "DRAFT-ONLY statement")).claimId;
  await recordedInMay2023([valuation, parameters, secret]);
  return { editor, first, second, draft, valuation, parameters, secret };
}

const tracker = (changes: Partial<TrackerQuery>): { kind: "tracker"; query: TrackerQuery } => ({ kind: "tracker", query: { ...DEFAULT_TRACKER_QUERY, ...changes } });

describe("loadReport", () => {
  it("never includes draft articles, draft events or internal notes", async () => {
    const { editor, valuation, secret } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", {
      statusKey: "pending",
      internalNote: "INTERNAL-NOTE ask the desk",
      sources: [{ url: "https://source.example/reuters", title: "路透社 report" }],
    });
    await recordStatusEvent(editor, eventInput(valuation, { statusKey: "false", rationale: "DRAFT-EVENT rationale", visibility: "draft" }));
    await recordOn(editor.userId, secret, "2023-05-17", { statusKey: "true", rationale: "event on a draft-only claim" });

    const report = (await loadReport({ kind: "desk" }))!;
    const json = reportJson(report);
    for (const leak of ["INTERNAL-NOTE", "DRAFT-EVENT", "DRAFT-ONLY", "Unpublished draft", "internalNote", "draft-only claim"]) expect(json).not.toContain(leak);
    expect(report.claims.map((c) => c.statement)).toEqual(["OpenAI is valued at $27 billion", "GPT-3 has 175 billion parameters"]);
    const claim = report.claims[0]!;
    expect(claim).toMatchObject({ currentStatus: "pending", statusLabel: "Pending" });
    expect(claim.timeline).toMatchObject([{ statusKey: "pending", sources: [{ url: "https://source.example/reuters", title: "路透社 report" }] }]);
    expect(claim.mentions).toMatchObject([{ articleTitle: "OpenAI valuation", articleUrl: "https://news.example/openai", exact: "估值约为270亿美元", start: expect.any(Number), end: expect.any(Number) }]);
    expect(report.generatedFor).toBe("2023-05-16T10:00:00.000Z");
    expect(report.statuses.map((s) => s.key)).toContain("outdated");
  });

  it("as of a day, counts only claims, mentions and events recorded by its end", async () => {
    const { editor, valuation, parameters } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", { statusKey: "pending" });
    await recordOn(editor.userId, valuation, "2025-08-06", { statusKey: "outdated", effectiveDate: "2024-10-02" });
    // Entered late but effective early: it did not exist on 2024-01-01.
    await recordOn(editor.userId, parameters, "2025-09-01", { statusKey: "true", effectiveDate: "2023-06-01" });
    await getDb().update(claims).set({ createdAt: new Date("2024-06-01T00:00:00Z") }).where(eq(claims.id, parameters));

    const then = (await loadReport({ kind: "desk" }, { view: { axis: "published", day: "2024-01-01" } }))!;
    expect(then).toMatchObject({ asOf: "2024-01-01", generatedFor: "2024-01-01" });
    expect(then.claims.map((c) => [c.id, c.currentStatus, c.timeline.length])).toEqual([[valuation, "pending", 1]]);
    expect(then.articles.map((a) => a.title)).toEqual(["OpenAI valuation"]);

    const now = (await loadReport({ kind: "desk" }))!;
    expect(now.claims.map((c) => [c.id, c.currentStatus, c.timeline.length])).toEqual([
      [valuation, "outdated", 2],
      [parameters, "true", 1],
    ]);
    expect(now.generatedFor).toBe("2025-09-01T10:00:00.000Z");
  });

  it("of an article covers that article only; the desk covers every published article", async () => {
    const { first, draft, valuation, parameters } = await setup();
    const article = (await loadReport({ kind: "article", slug: first.slug }))!;
    expect(article.title).toBe("Verification report: OpenAI valuation");
    expect(article.scopeDescription).toBe("The claims made in the article “OpenAI valuation” (科技日报, 2023-05-15).");
    expect(article.articles.map((a) => a.slug)).toEqual([first.slug]);
    expect(article.claims.map((c) => c.id)).toEqual([valuation]);

    const desk = (await loadReport({ kind: "desk" }))!;
    expect(desk.articles.map((a) => a.title)).toEqual(["OpenAI valuation", "GPT-3 parameters"]);
    expect(desk.claims.map((c) => c.id)).toEqual([valuation, parameters]);

    expect(await loadReport({ kind: "article", slug: draft.slug })).toBeNull();
    expect(await loadReport({ kind: "article", slug: "no-such-article" })).toBeNull();
  });

  it("of a tracker query takes every match, whatever the page, filtering on the status as of the day", async () => {
    const { editor, valuation, parameters } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", { statusKey: "pending" });
    await recordOn(editor.userId, valuation, "2025-08-06", { statusKey: "outdated", effectiveDate: "2024-10-02" });
    await recordOn(editor.userId, parameters, "2023-05-20", { statusKey: "true" });

    expect((await loadReport(tracker({ page: 7 })))!.claims).toHaveLength(2);
    expect((await loadReport(tracker({ kind: ["quantity"], q: "175 billion" })))!.claims.map((c) => c.id)).toEqual([parameters]);
    expect((await loadReport(tracker({ status: ["pending"] })))!.claims).toEqual([]);
    const pending = (await loadReport(tracker({ status: ["pending"] }), { view: { axis: "published", day: "2024-01-01" } }))!;
    expect(pending.claims.map((c) => c.id)).toEqual([valuation]);
    expect(pending.scopeDescription).toBe("The published claims in the tracker status pending.");
  });

  it("as of a day (effective dates) counts history entered later, and says which axis it stands on", async () => {
    const { editor, valuation, parameters } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", { statusKey: "pending" });
    await recordOn(editor.userId, valuation, "2025-08-06", { statusKey: "outdated", effectiveDate: "2024-10-02" });
    // Entered late but effective early: as of 2024-01-01 it was already so.
    await recordOn(editor.userId, parameters, "2025-09-01", { statusKey: "true", effectiveDate: "2023-06-01" });
    await getDb().update(claims).set({ createdAt: new Date("2024-06-01T00:00:00Z") }).where(eq(claims.id, parameters));

    const then = (await loadReport({ kind: "desk" }, { view: { axis: "effective", day: "2024-01-01" } }))!;
    expect(then).toMatchObject({ asOf: "2024-01-01", timeAxis: "effective", generatedFor: "2024-01-01" });
    expect(then.claims.map((c) => [c.id, c.currentStatus, c.timeline.length])).toEqual([
      [valuation, "pending", 1],
      [parameters, "true", 1],
    ]);
    expect(reportJson(then)).toMatch(/"asOf": "2024-01-01",\s*"timeAxis": "effective",\s*"generatedFor"/);
    // As published on that day the report is what it always was: no axis field, the late entry not there.
    const audit = (await loadReport({ kind: "desk" }, { view: { axis: "published", day: "2024-01-01" } }))!;
    expect("timeAxis" in audit).toBe(false);
    expect(audit.claims.map((c) => c.id)).toEqual([valuation]);
  });

  it("of a day is byte-identical before and after later events are recorded", async () => {
    const { editor, valuation } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", { statusKey: "pending", sources: [{ url: "https://a.example/", title: "A" }] });
    const before = (await loadReport({ kind: "desk" }, { view: { axis: "published", day: "2024-01-01" } }))!;
    await recordStatusEvent(editor, eventInput(valuation, { statusKey: "false", effectiveDate: "2023-06-01", sources: [{ url: "https://b.example/", title: "B" }] }));
    const after = (await loadReport({ kind: "desk" }, { view: { axis: "published", day: "2024-01-01" } }))!;
    expect(reportJson(after)).toBe(reportJson(before));
    expect(eventsCsv(after)).toBe(eventsCsv(before));
    expect((await loadReport({ kind: "desk" }))!.claims[0]!.currentStatus).toBe("false");
  });

  it("runs the same number of statements whatever the number of claims, events and sources", async () => {
    const { editor, first, valuation } = await setup();
    await recordOn(editor.userId, valuation, "2023-05-16", { sources: [{ url: "https://a.example/" }] });
    const small = { desk: await countStatements(async () => loadReport({ kind: "desk" })), article: await countStatements(async () => loadReport({ kind: "article", slug: first.slug })) };

    for (let i = 0; i < 5; i++) {
      const article = await makeArticle(editor, { title: `More ${i}` });
      const { claimId } = await makeClaim(editor, article.id, "1750亿个参数", `Claim ${i}`);
      await makeClaim(editor, first.id, "1750亿个参数", `Also in the first article ${i}`);
      await recordOn(editor.userId, claimId, "2023-05-17", { sources: [{ url: `https://s.example/${i}` }, { url: `https://t.example/${i}` }] });
      await recordOn(editor.userId, claimId, "2023-05-18", { statusKey: "false" });
    }
    expect((await loadReport({ kind: "desk" }))!.claims).toHaveLength(12);
    expect(await countStatements(async () => loadReport({ kind: "desk" }))).toBe(small.desk);
    expect(await countStatements(async () => loadReport({ kind: "article", slug: first.slug }))).toBe(small.article);
    expect(small.desk).toBeGreaterThan(0);
    // Plan: article, mentions, timeline owners, events, articles, statuses; then per batch of
    // claims: mentions, timeline owners, events, sources.
    expect(small.article).toBeLessThanOrEqual(10);
    const perBatch = 4;
    expect(await countStatements(async () => loadReport({ kind: "desk" }, { batchSize: 5 }))).toBe(small.desk + 2 * perBatch);
  });
});
