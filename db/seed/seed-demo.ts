import "server-only";
import { eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { articleInput, claimWithMentionInput, statusEventInput } from "../../lib/validation";
import { insertArticle } from "../articles/create-article";
import { insertClaimWithMention } from "../claims/create-claim-with-mention";
import { getDb } from "../client";
import { insertStatusEvent } from "../events/record-status-event";
import { appSettings, articles, claims, mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { insertUserWithPassword } from "../users/create-user";
import { DEMO_ARTICLE, DEMO_CLAIMS, DEMO_EDITOR } from "./demo-article";

const SEEDED_KEY = "demo_seeded_at";

export function demoSeeded(): boolean {
  return getDb().select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SEEDED_KEY)).get() !== undefined;
}

/**
 * Seeds the demo article, its claims and timelines, and the demo editor account, in one
 * transaction. Runs once per database: a marker row records it, so deleting the demo
 * later does not bring it back. The demo goes through the same validation and insert
 * functions as an editor's input.
 */
export async function seedDemo(): Promise<boolean> {
  if (demoSeeded()) return false;
  const passwordHash = await hashPassword(DEMO_EDITOR.password);
  return writeTransaction((tx) => {
    if (tx.select().from(appSettings).where(eq(appSettings.key, SEEDED_KEY)).get()) return false;
    const editor = insertUserWithPassword(tx, null, { name: DEMO_EDITOR.name, email: DEMO_EDITOR.email, role: "editor" }, passwordHash);
    const article = insertArticle(tx, editor.id, articleInput.parse({ ...DEMO_ARTICLE, status: "published" }));
    // The demo desk recorded the article and its claims when it was published, in May 2023,
    // so as-of views of the demo read as they would have then.
    const recordedAt = new Date(`${DEMO_ARTICLE.publishedDate}T09:00:00Z`);
    tx.update(articles).set({ createdAt: recordedAt, updatedAt: recordedAt }).where(eq(articles.id, article.id)).run();
    for (const claim of DEMO_CLAIMS) {
      const { claimId, mentionId } = insertClaimWithMention(tx, editor.id, claimWithMentionInput.parse({ ...claim, articleId: article.id }));
      tx.update(claims).set({ createdAt: recordedAt }).where(eq(claims.id, claimId)).run();
      tx.update(mentions).set({ createdAt: recordedAt, updatedAt: recordedAt }).where(eq(mentions.id, mentionId)).run();
      for (const event of claim.events) {
        // Recorded the day after it took effect, as a desk would have entered it at the time.
        const recordedAt = new Date(`${event.effectiveDate}T10:00:00Z`);
        recordedAt.setUTCDate(recordedAt.getUTCDate() + 1);
        insertStatusEvent(tx, editor.id, statusEventInput.parse({ ...event, claimId }), recordedAt);
      }
    }
    tx.insert(appSettings).values({ key: SEEDED_KEY, value: new Date().toISOString() }).run();
    return true;
  });
}
