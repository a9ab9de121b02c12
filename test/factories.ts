import { codePointLength, findQuoteOffsets } from "../lib/anchor";
import type { Role } from "../lib/claim-rules";
import { articleInput, claimWithMentionInput, statusEventInput } from "../lib/validation";
import { insertArticle } from "../db/articles/create-article";
import { type Actor, authorize, EDITOR_ROLES } from "../db/authorize";
import { createClaimWithMention } from "../db/claims/create-claim-with-mention";
import { writeTransaction } from "../db/transaction";
import { insertUserWithPassword } from "../db/users/create-user";

let counter = 0;

/** A real user row; the password hash is irrelevant where a test never signs in. */
export async function makeUser(role: Role = "editor"): Promise<Actor & { email: string }> {
  counter++;
  const email = `user${counter}-${role}@test.claimline.local`;
  const created = await writeTransaction(async (tx) => insertUserWithPassword(tx, null, { name: `Test ${role} ${counter}`, email, role }, "not-a-real-hash"));
  return { userId: created.id, email };
}

export const CHINESE_BODY = "据报道，OpenAI 目前估值约为270亿美元。\n\nGPT-3 拥有1750亿个参数。";

/**
 * Derives the body on this thread, as createArticle does in a worker: most tests need an
 * article, not a worker per article (db/articles/articles.test.ts covers createArticle itself).
 */
export async function makeArticle(actor: Actor, overrides: Record<string, unknown> = {}) {
  const input = articleInput.parse({ title: "测试文章 Test article", language: "zh-Hans", body: CHINESE_BODY, status: "published", ...overrides });
  return writeTransaction(async (tx) => insertArticle(tx, (await authorize(tx, actor, EDITOR_ROLES)).id, input));
}

export async function makeClaim(actor: Actor, articleId: number, quote = "估值约为270亿美元", statement = "OpenAI is valued at $27 billion") {
  return createClaimWithMention(actor, claimWithMentionInput.parse({ articleId, quote, statement, kind: "quantity" }));
}

export function eventInput(claimId: number, overrides: Record<string, unknown> = {}) {
  return statusEventInput.parse({ claimId, statusKey: "true", effectiveDate: "2023-05-15", rationale: "Checked.", sources: [], ...overrides });
}

/** The code point span of the `occurrence`-th appearance (1 = first) of `words` in `text`, as mentions store it. */
export function spanOf(text: string, words: string, occurrence = 1) {
  const start = findQuoteOffsets(text, words)[occurrence - 1];
  if (start === undefined) throw new Error(`"${words}" does not occur ${occurrence} time(s) in the text.`);
  return { start, end: start + codePointLength(words) };
}
