import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { makeArticle, makeUser } from "../../test/factories";
import { getDb } from "../client";
import { removeMention } from "../mentions/reattach-mention";
import { claims, mentions } from "../schema";
import { addMention } from "./add-mention";
import { loadClaimAppearances } from "./claim-appearances";
import { createClaimWithMention } from "./create-claim-with-mention";
import { countStatements } from "../../test/count-statements";

const BODY = "GPT-3 拥有1750亿个参数。重申：GPT-3 拥有1750亿个参数。";
const QUOTE = "GPT-3 拥有1750亿个参数";
/** The second "GPT-3 拥有…" of BODY, in code points. */
const SECOND = { start: Array.from(BODY.slice(0, BODY.lastIndexOf(QUOTE))).length, end: Array.from(BODY.slice(0, BODY.lastIndexOf(QUOTE))).length + Array.from(QUOTE).length };

async function setup() {
  const editor = await makeUser();
  const article = async (slug: string, publishedDate: string | null, status = "published") => makeArticle(editor, { slug, title: slug, body: BODY, publishedDate, status });
  // Created out of date order, so ids do not give the order away.
  const later = await article("later", "2024-01-01");
  const undated = await article("undated", null);
  const earliest = await article("earliest", "2023-05-15");
  const sameDay = await article("same-day", "2023-05-15");
  const draft = await article("draft", "2022-01-01", "draft");
  const { claimId, mentionId } = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: later.id, quote: QUOTE, statement: "GPT-3 has 175B parameters" }));
  const add = async (articleId: number, span = { start: 0, end: 16 }) => (await addMention(editor, { claimId, articleId, ...span })).mentionId;
  return { editor, claimId, later: mentionId, undated: await add(undated.id), earliestSecond: await add(earliest.id, SECOND), earliest: await add(earliest.id), sameDay: await add(sameDay.id), draft: await add(draft.id), earliestId: earliest.id };
}

describe("loadClaimAppearances", () => {
  it("lists every published appearance, earliest article first, undated last, in text order within an article", async () => {
    const s = await setup();
    const appearances = await loadClaimAppearances(getDb(), s.claimId);
    expect(appearances.map((a) => a.mentionId)).toEqual([s.earliest, s.earliestSecond, s.sameDay, s.later, s.undated]);
    expect(appearances[0]).toEqual({
      mentionId: s.earliest,
      exact: QUOTE,
      quoteLanguage: "zh-Hans",
      articleSlug: "earliest",
      articleTitle: "earliest",
      articleLanguage: "zh-Hans",
      outlet: null,
      publishedDate: "2023-05-15",
      sourceUrl: null,
    });
  });

  it("leaves out removed mentions and includes those of claims merged into it", async () => {
    const s = await setup();
    await removeMention(s.editor, s.sameDay);
    // A merged claim that still holds a live mention (merging moves them; restored data may not have).
    const merged = await createClaimWithMention(s.editor, claimWithMentionInput.parse({ articleId: s.earliestId, quote: QUOTE, occurrence: 2, statement: "Again" }));
    await getDb().update(claims).set({ mergedIntoId: s.claimId, deletedAt: new Date() }).where(eq(claims.id, merged.claimId));
    const ids = (await loadClaimAppearances(getDb(), s.claimId)).map((a) => a.mentionId);
    expect(ids).not.toContain(s.sameDay);
    expect(ids).toContain(merged.mentionId);
    expect(ids).toHaveLength(5);
  });

  it("shows only what was recorded by the end of an as-of day, in one statement", async () => {
    const s = await setup();
    await getDb().update(mentions).set({ createdAt: new Date("2023-06-01T10:00:00Z") }).where(eq(mentions.claimId, s.claimId));
    await getDb().update(mentions).set({ createdAt: new Date("2024-06-01T10:00:00Z") }).where(eq(mentions.id, s.undated));
    let appearances: Awaited<ReturnType<typeof loadClaimAppearances>> = [];
    const statements = await countStatements(async () => (appearances = await loadClaimAppearances(getDb(), s.claimId, { view: { axis: "published", day: "2024-01-01" } })));
    expect(appearances.map((a) => a.mentionId)).toEqual([s.earliest, s.earliestSecond, s.sameDay, s.later]);
    expect(statements).toBe(1);
    expect(await loadClaimAppearances(getDb(), s.claimId, { view: { axis: "published", day: "2023-01-01" } })).toEqual([]);
  });
});
