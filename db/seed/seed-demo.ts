import "server-only";
import { eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { languageToStore } from "../../lib/article-doc/text-language";
import { articleInput, claimWithMentionInput, statusEventInput } from "../../lib/validation";
import { insertArticle } from "../articles/create-article";
import { insertClaimWithMention } from "../claims/create-claim-with-mention";
import { getDb } from "../client";
import { insertStatusEvent } from "../events/record-status-event";
import { appSettings, articles, claims, mentions, quantityObservations, sources } from "../schema";
import { writeTransaction } from "../transaction";
import { insertUserWithPassword } from "../users/create-user";
import { DEMO_ARTICLE, DEMO_CLAIMS, DEMO_EDITOR } from "./demo-article";
import { firstRow, returnedRow } from "../rows";

const SEEDED_KEY = "demo_seeded_at";

/**
 * When the demo desk entered something: the day after it happened, as a desk would have,
 * but never before the desk recorded the article itself (16 May 2023).
 */
function demoRecordedAt(effectiveDate: string): Date {
  const dayAfter = new Date(`${effectiveDate}T10:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  const articleRecorded = new Date(`${DEMO_ARTICLE.publishedDate}T12:00:00Z`);
  return dayAfter > articleRecorded ? dayAfter : articleRecorded;
}

export async function demoSeeded(): Promise<boolean> {
  return await firstRow(getDb().select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SEEDED_KEY))) !== undefined;
}

/**
 * Seeds the demo article, its claims and timelines, and the demo editor account, in one
 * transaction. Runs once per database: a marker row records it, so deleting the demo
 * later does not bring it back. The demo goes through the same validation and insert
 * functions as an editor's input.
 */
export async function seedDemo(): Promise<boolean> {
  if (await demoSeeded()) return false;
  const passwordHash = await hashPassword(DEMO_EDITOR.password);
  return writeTransaction(async (tx) => {
    if (await firstRow(tx.select().from(appSettings).where(eq(appSettings.key, SEEDED_KEY)))) return false;
    const editor = await insertUserWithPassword(tx, null, { name: DEMO_EDITOR.name, email: DEMO_EDITOR.email, role: "editor" }, passwordHash);
    const article = await insertArticle(tx, editor.id, articleInput.parse({ ...DEMO_ARTICLE, status: "published" }));
    // The demo desk recorded the article and its claims when it was published, in May 2023,
    // so as-of views of the demo read as they would have then.
    const recordedAt = new Date(`${DEMO_ARTICLE.publishedDate}T09:00:00Z`);
    await tx.update(articles).set({ createdAt: recordedAt, updatedAt: recordedAt }).where(eq(articles.id, article.id));
    for (const claim of DEMO_CLAIMS) {
      const { claimId, mentionId } = await insertClaimWithMention(tx, editor.id, claimWithMentionInput.parse({ ...claim, articleId: article.id }));
      await tx.update(claims).set({ createdAt: recordedAt, ...claim.quantity }).where(eq(claims.id, claimId));
      await tx.update(mentions).set({ createdAt: recordedAt, updatedAt: recordedAt }).where(eq(mentions.id, mentionId));
      for (const event of claim.events) {
        // Recorded the day after it took effect, as a desk would have entered it at the time.
        await insertStatusEvent(tx, editor.id, statusEventInput.parse({ ...event, claimId }), demoRecordedAt(event.effectiveDate));
      }
      for (const observation of claim.observations ?? []) {
        const source = await returnedRow(tx.insert(sources).values({ ...observation.source, titleLanguage: languageToStore(observation.source.title) }).returning());
        const { source: _source, ...fields } = observation;
        await tx.insert(quantityObservations).values({ ...fields, claimId, sourceId: source.id, authorId: editor.id, recordedAt: demoRecordedAt(observation.observedOn) });
      }
    }
    await tx.insert(appSettings).values({ key: SEEDED_KEY, value: new Date().toISOString() });
    return true;
  });
}
