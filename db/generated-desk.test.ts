import { describe, expect, it } from "vitest";
import { generateDesk } from "../bench/generate";
import { ANCHOR_CONTEXT_LENGTH, sliceCodePoints } from "../lib/anchor";
import { docFromPlain, docText } from "../lib/article-doc";
import { currentStatusKey } from "../lib/current-status";
import { getDb } from "./client";
import { expectInStep } from "../test/reader-figures";

/** The benchmark's synthetic desk must be data the app could have written, or its numbers mean little. */
describe("the bench's generated desk", () => {
  it("anchors every mention exactly, keeps each claim's status in step and fills the search index", () => {
    const sqlite = getDb().$client;
    const desk = generateDesk(sqlite, { claims: 300, seed: 1 });
    expect(desk.claims).toBe(300);
    expect(desk.mentions).toBeGreaterThanOrEqual(300);

    const articles = sqlite.prepare("SELECT id, body, body_text AS bodyText, body_doc AS bodyDoc FROM article").all() as { id: number; body: string; bodyText: string; bodyDoc: string }[];
    const text = new Map(articles.map((a) => [a.id, a.bodyText]));
    for (const a of articles) {
      expect(JSON.parse(a.bodyDoc)).toEqual(docFromPlain(a.body));
      expect(a.bodyText).toBe(docText(docFromPlain(a.body)));
    }
    const mentions = sqlite.prepare("SELECT article_id AS articleId, exact, prefix, suffix, start_offset AS start, end_offset AS end FROM mention").all() as {
      articleId: number;
      exact: string;
      prefix: string;
      suffix: string;
      start: number;
      end: number;
    }[];
    for (const m of mentions) {
      const body = text.get(m.articleId)!;
      expect(sliceCodePoints(body, m.start, m.end)).toBe(m.exact);
      expect(m.prefix).toBe(sliceCodePoints(body, Math.max(0, m.start - ANCHOR_CONTEXT_LENGTH), m.start));
      expect(m.suffix).toBe(sliceCodePoints(body, m.end, Math.min(m.end + ANCHOR_CONTEXT_LENGTH, Array.from(body).length)));
    }

    const events = sqlite.prepare("SELECT id, claim_id AS claimId, status_key AS statusKey, effective_date AS effectiveDate, recorded_at AS recordedAt, visibility, corrects_event_id AS correctsEventId FROM status_event").all() as (Parameters<typeof currentStatusKey>[0][number] & { claimId: number })[];
    const claims = sqlite.prepare("SELECT id, current_status AS currentStatus, current_status_event_id AS eventId FROM claim").all() as { id: number; currentStatus: string; eventId: number }[];
    for (const claim of claims) {
      const timeline = events.filter((e) => e.claimId === claim.id);
      expect(timeline.length).toBeGreaterThanOrEqual(3);
      expect(claim.currentStatus).toBe(currentStatusKey(timeline));
    }
    expect(sqlite.prepare("SELECT count(*) AS n FROM claim_search").get()).toEqual({ n: 300 });
    // The search triggers are back for whatever the app writes next.
    expect((sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_search_%'").get() as { n: number }).n).toBe(8);
  });

  it("is the same desk for the same seed", () => {
    const first = generateDesk(getDb().$client, { claims: 50, seed: 3 });
    generateDesk(getDb().$client, { claims: 50, seed: 3 });
    const bodies = getDb().$client.prepare("SELECT body FROM article ORDER BY id").pluck().all();
    expect(bodies.slice(0, first.articles)).toEqual(bodies.slice(first.articles));
  });

  it("keeps the tracker's stored figures equal to a recomputation (it sets their triggers aside and recomputes them)", async () => {
    generateDesk(getDb().$client, { claims: 120 });
    await expectInStep("bench desk generated");
  });
});
