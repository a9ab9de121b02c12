import { asc, count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimWithMentionInput } from "../../lib/validation";
import { eventInput, makeArticle, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { recordStatusEvent } from "../events/record-status-event";
import { loadTimelines } from "../events/timeline";
import { statusEvents } from "../schema";
import { createClaimWithMention } from "./create-claim-with-mention";
import { linkMentionToClaim } from "./link-mention";
import { mergeClaims } from "./merge-claims";
import { getPublicClaim } from "./public-claim";
import { unlinkMention } from "./unlink-mention";
import { firstRow } from "../rows";

/**
 * Merging, linking and unlinking reorganise claims, never their history: the status_event
 * table is append-only, and every event stays on the claim it was recorded for, reaching the
 * surviving claim's timeline through the merged-into pointers.
 */

const BODY = "OpenAI 计划发布开源模型。OpenAI 正计划向公众发布第一个开源语言模型。OpenAI will release an open-source model.";

async function claim(actor: Actor, articleId: number, quote: string) {
  return createClaimWithMention(actor, claimWithMentionInput.parse({ articleId, quote, statement: quote }));
}

/** Every event row as it is: id, claim, status. */
const allEvents = async () =>
  getDb().select({ id: statusEvents.id, claimId: statusEvents.claimId, statusKey: statusEvents.statusKey }).from(statusEvents).orderBy(asc(statusEvents.id));

async function setup() {
  const editor = await makeUser();
  const article = await makeArticle(editor, { body: BODY });
  const zh = await claim(editor, article.id, "OpenAI 计划发布开源模型");
  const zhLong = await claim(editor, article.id, "OpenAI 正计划向公众发布第一个开源语言模型");
  const en = await claim(editor, article.id, "OpenAI will release an open-source model");
  await recordStatusEvent(editor, eventInput(zh.claimId, { statusKey: "pending", effectiveDate: "2023-05-15" }));
  const wrong = await recordStatusEvent(editor, eventInput(zhLong.claimId, { statusKey: "false", effectiveDate: "2024-01-01" }));
  await recordStatusEvent(editor, eventInput(zhLong.claimId, { statusKey: "in_progress", effectiveDate: "2024-01-01", correctsEventId: wrong.eventId }));
  await recordStatusEvent(editor, eventInput(en.claimId, { statusKey: "true", effectiveDate: "2025-08-05" }));
  await recordStatusEvent(editor, eventInput(en.claimId, { statusKey: "mixed", effectiveDate: "2025-09-01", visibility: "draft" }));
  return { editor, zh, zhLong, en };
}

describe("merging, linking and unlinking keep every event", () => {
  it("merge: no event row changes, and the surviving claim's timelines hold all of them", async () => {
    const s = await setup();
    const before = await allEvents();
    await mergeClaims(s.editor, { targetId: s.zh.claimId, sourceId: s.zhLong.claimId });
    await mergeClaims(s.editor, { targetId: s.zh.claimId, sourceId: s.en.claimId });
    expect(await allEvents()).toEqual(before);
    const db = getDb();
    expect((await loadTimelines(db, [s.zh.claimId], "public")).get(s.zh.claimId)!.map((e) => e.statusKey)).toEqual(["pending", "false", "in_progress", "true"]);
    expect((await loadTimelines(db, [s.zh.claimId], "editor")).get(s.zh.claimId)).toHaveLength(before.length);
    const page = (await getPublicClaim(s.zh.claimId))!;
    expect(page.timeline.find((e) => e.statusKey === "in_progress")!.correctsEventId).toBe(before[1]!.id);
    expect(page.currentStatus).toBe("true");
  });

  it("link through a chain of merges, then unlink: every event is still on the one timeline", async () => {
    const s = await setup();
    const before = await allEvents();
    // zhLong into zh by merge, then zh's last words onto en: zhLong → zh → en.
    await mergeClaims(s.editor, { targetId: s.zh.claimId, sourceId: s.zhLong.claimId });
    const remaining = (await getPublicClaim(s.zh.claimId))!.appearances.map((a) => a.mentionId);
    for (const mentionId of remaining) await linkMentionToClaim(s.editor, { mentionId, claimId: s.en.claimId });
    expect(await allEvents()).toEqual(before);
    const statuses = ["pending", "false", "in_progress", "true"];
    expect((await getPublicClaim(s.en.claimId))!.timeline.map((e) => e.statusKey)).toEqual(statuses);

    const { claimId: fresh } = await unlinkMention(s.editor, { mentionId: s.zh.mentionId });
    expect(await allEvents()).toEqual(before);
    expect((await firstRow(getDb().select({ n: count() }).from(statusEvents)))!.n).toBe(5);
    const timelines = await loadTimelines(getDb(), [s.en.claimId, fresh], "public");
    expect(timelines.get(s.en.claimId)!.map((e) => e.statusKey)).toEqual(statuses);
    expect(timelines.get(fresh)).toBeUndefined();
  });
});
