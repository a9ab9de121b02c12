import { firstRow } from "../db/rows";
import { eq } from "drizzle-orm";
import { claimFromSpanInput } from "../lib/workbench-input";
import { createClaimFromSpan } from "../db/claims/create-claim-from-span";
import { getDb } from "../db/client";
import { recordStatusEvent } from "../db/events/record-status-event";
import { mentions } from "../db/schema";
import { eventInput, makeArticle, makeUser } from "./factories";

export const FIXTURE_BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。";

/** What every mutation in the authorization matrix needs to act on: an article, two claims, a draft event. */
export interface MutationFixture {
  articleId: number;
  articleVersion: number;
  claimId: number;
  claimVersion: number;
  otherClaimId: number;
  mentionId: number;
  draftEventId: number;
}

export async function mutationFixture(): Promise<MutationFixture> {
  const owner = await makeUser("admin");
  const article = await makeArticle(owner, { body: FIXTURE_BODY });
  const first = await createClaimFromSpan(owner, claimFromSpanInput.parse({ articleId: article.id, start: 4, end: 22, statement: "OpenAI is valued at $27B" }));
  const second = await createClaimFromSpan(owner, claimFromSpanInput.parse({ articleId: article.id, start: 24, end: 39, statement: "GPT-3 has 175B parameters" }));
  const draft = await recordStatusEvent(owner, eventInput(first.claimId, { visibility: "draft" }));
  const mention = (await firstRow(getDb().select().from(mentions).where(eq(mentions.id, first.mentionId))))!;
  return {
    articleId: article.id,
    articleVersion: article.version,
    claimId: first.claimId,
    claimVersion: 1,
    otherClaimId: second.claimId,
    mentionId: mention.id,
    draftEventId: draft.eventId,
  };
}
