import "server-only";
import type { AddMentionInput } from "../../lib/workbench-input";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { writeTransaction } from "../transaction";
import { anchorSpan } from "../../lib/anchor-span";
import { insertMention, loadArticleText, loadLiveClaim } from "./claim-rows";

/** An existing claim receives a further mention, in the same or another article. */
export async function addMention(actor: Actor | null, input: AddMentionInput): Promise<{ mentionId: number; claimId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const claim = await loadLiveClaim(tx, input.claimId);
    const article = await loadArticleText(tx, input.articleId);
    const mention = await insertMention(tx, editor.id, claim.id, article.id, anchorSpan(article.bodyText, input.start, input.end));
    return { mentionId: mention.id, claimId: claim.id };
  });
}
