import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { langOf } from "../../lib/article-doc/text-language";
import { claimWithMentionInput, statusEventInput } from "../../lib/validation";
import { claimFromSpanInput, claimUpdateInput } from "../../lib/workbench-input";
import { CHINESE_BODY, eventInput, makeArticle, makeUser, spanOf } from "../../test/factories";
import { getPublishedArticle } from "../articles/published-articles";
import { getDb } from "../client";
import { ON_POSTGRES } from "../sql-dialect";
import { recordStatusEvent } from "../events/record-status-event";
import { claims, mentions, sources, statusEvents } from "../schema";
import { listPublishedClaims } from "../tracker/list-claims";
import { parseTrackerQuery } from "../../lib/tracker-query";
import { createClaimFromSpan } from "./create-claim-from-span";
import { createClaimWithMention } from "./create-claim-with-mention";
import { getPublicClaim } from "./public-claim";
import { updateClaim } from "./update-claim";
import { firstRow } from "../rows";

const claimRow = async (id: number) => (await firstRow(getDb().select().from(claims).where(eq(claims.id, id))))!;
const mentionRow = async (id: number) => (await firstRow(getDb().select().from(mentions).where(eq(mentions.id, id))))!;

describe("the language of what editors write", () => {
  it("is detected on write for statements and quotes: a mixed-language article's quotes keep their own", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    const zh = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI 估值约为 270 亿美元" }));
    expect((await claimRow(zh.claimId)).statementLanguage).toBe("zh-Hans");
    expect((await mentionRow(zh.mentionId)).language).toBe("zh-Hans");

    // An English statement of a Latin-letter quote in the Chinese article: both English.
    const en = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, ...spanOf(CHINESE_BODY, "OpenAI"), statement: "OpenAI is valued at $27 billion" }));
    expect((await claimRow(en.claimId)).statementLanguage).toBe("en");
    expect((await mentionRow(en.mentionId)).language).toBe("en");

    // Readers get them with the claim and the article.
    expect(await getPublicClaim(zh.claimId)).toMatchObject({ statementLanguage: "zh-Hans", appearances: [{ quoteLanguage: "zh-Hans", articleLanguage: "zh-Hans" }] });
    const byClaim = new Map((await getPublishedArticle(article.slug))!.claims.map((c) => [c.claimId, c]));
    expect(byClaim.get(en.claimId)).toMatchObject({ statementLanguage: "en", quoteLanguage: "en" });
    const tracked = (await listPublishedClaims(parseTrackerQuery({}))).items.find((i) => i.id === zh.claimId);
    expect(tracked).toMatchObject({ statementLanguage: "zh-Hans", quoteLanguage: "zh-Hans", articles: [{ language: "zh-Hans" }] });
  });

  it("is the editor's choice when they make one, kept while the statement stays, and detected again when it is rewritten", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    // A Chinese statement that names a product in Latin letters: the editor says it is Chinese.
    const { claimId } = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI GPT-3 valuation 估值", statementLanguage: "zh-hans" }));
    expect((await claimRow(claimId)).statementLanguage).toBe("zh-Hans");

    // Saved again unchanged, without a choice ("detect"): the choice stays.
    await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 1, statement: "OpenAI GPT-3 valuation 估值", statementLanguage: "" }));
    expect((await claimRow(claimId)).statementLanguage).toBe("zh-Hans");
    // Rewritten in English without a choice: detected again.
    await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 2, statement: "OpenAI was valued at about twenty-seven billion dollars", statementLanguage: "" }));
    expect((await claimRow(claimId)).statementLanguage).toBe("en");
    // Chosen in the form.
    const saved = await updateClaim(editor, claimUpdateInput.parse({ id: claimId, version: 3, statement: "OpenAI was valued at about twenty-seven billion dollars", statementLanguage: "fr" }));
    expect(saved.statementLanguage).toBe("fr");
    expect((await claimRow(claimId)).statementLanguage).toBe("fr");
  });

  it("refuses a malformed language tag", () => {
    const parsed = claimUpdateInput.safeParse({ id: 1, version: 1, statement: "A claim", statementLanguage: "not a tag!" });
    expect(parsed.success).toBe(false);
    expect(statusEventInput.safeParse({ claimId: 1, statusKey: "true", effectiveDate: "2023-05-15", rationaleLanguage: "@@" }).success).toBe(false);
  });

  it("is stored with a status event's rationale and its sources' titles, detected or chosen, and shown on the public timeline", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    const { claimId } = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI 估值约为 270 亿美元" }));
    const zh = await recordStatusEvent(
      editor,
      eventInput(claimId, { rationale: "路透社援引知情人士的说法，估值与报道一致。", sources: [{ url: "https://example.com/a", title: "微软向 OpenAI 追加投资" }, { url: "https://example.com/b", title: "Microsoft extends its partnership with OpenAI" }] }),
    );
    const chosen = await recordStatusEvent(editor, eventInput(claimId, { rationale: "GPT-3 参数", rationaleLanguage: "en" }));
    const events = await getDb().select().from(statusEvents).where(eq(statusEvents.claimId, claimId));
    expect(events.find((e) => e.id === zh.eventId)!.rationaleLanguage).toBe("zh-Hans");
    expect(events.find((e) => e.id === chosen.eventId)!.rationaleLanguage).toBe("en");
    expect(await getDb().select({ title: sources.title, language: sources.titleLanguage }).from(sources)).toEqual([
      { title: "微软向 OpenAI 追加投资", language: "zh-Hans" },
      { title: "Microsoft extends its partnership with OpenAI", language: "en" },
    ]);

    const timeline = (await getPublicClaim(claimId))!.timeline;
    expect(timeline.find((e) => e.id === zh.eventId)).toMatchObject({ rationaleLanguage: "zh-Hans", sources: [{ titleLanguage: "zh-Hans" }, { titleLanguage: "en" }] });
  });

  it("is detected when read for an event recorded before it was stored (the column is null and may not be updated)", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    const { claimId } = await createClaimWithMention(editor, claimWithMentionInput.parse({ articleId: article.id, quote: "估值约为270亿美元", statement: "OpenAI 估值约为 270 亿美元" }));
    // As an event written before migration 0016 is: no language.
    const { eventId } = await recordStatusEvent(editor, eventInput(claimId, { rationale: "路透社援引知情人士的说法，估值与报道一致。" }));
    const db = getDb();
    await setAppendOnlyTrigger(false);
    await db.update(statusEvents).set({ rationaleLanguage: null }).where(eq(statusEvents.id, eventId));
    await setAppendOnlyTrigger(true);
    // And the trigger keeps it so: the language of a published event cannot be changed afterwards.
    // PostgreSQL's driver error is the cause of drizzle's "Failed query": read both.
    const refused = await db.update(statusEvents).set({ rationaleLanguage: "en" }).where(eq(statusEvents.id, eventId)).then(() => "", (e: Error) => `${e.message} ${String(e.cause ?? "")}`);
    expect(refused).toMatch(/append-only/);

    const event = (await getPublicClaim(claimId))!.timeline.find((e) => e.id === eventId)!;
    expect(event.rationaleLanguage).toBeNull();
    expect(langOf(event.rationale, event.rationaleLanguage)).toBe("zh-Hans");
  });
});

/** Sets aside, then restores, the trigger that keeps published events append-only (SQLite has no DISABLE TRIGGER: it drops and recreates it). */
async function setAppendOnlyTrigger(on: boolean): Promise<void> {
  const db = getDb();
  if (ON_POSTGRES) {
    await db.run(sql.raw(`ALTER TABLE status_event ${on ? "ENABLE" : "DISABLE"} TRIGGER status_event_published_no_update`));
  } else if (on) {
    await db.run(sql.raw("CREATE TRIGGER status_event_published_no_update BEFORE UPDATE ON status_event WHEN OLD.visibility = 'published' BEGIN SELECT RAISE(ABORT, 'published status events are append-only: record a correction instead'); END;"));
  } else {
    await db.run(sql.raw("DROP TRIGGER status_event_published_no_update"));
  }
}
