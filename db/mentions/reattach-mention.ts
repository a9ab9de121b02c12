import "server-only";
import { eq } from "drizzle-orm";
import { ConflictError } from "../../lib/errors";
import type { ReattachMentionInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { anchorSpan } from "../../lib/anchor-span";
import { loadArticleText, loadLiveMention } from "../claims/claim-rows";
import { moveMention } from "../claims/claim-rows";
import { mentions } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow } from "../rows";

/** Re-attaches a mention (typically an orphaned one) to newly selected words of its article. */
export async function reattachMention(actor: Actor | null, input: ReattachMentionInput): Promise<{ mentionId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const mention = await loadLiveMention(tx, input.mentionId);
    if (mention.version !== input.version) {
      throw new ConflictError("Someone else moved or changed this mention after you opened the article. Reload to see where it is now, then re-attach it if needed.", {
        current: { mentionId: mention.id, version: mention.version, exact: mention.exact, start: mention.startOffset, end: mention.endOffset, anchorState: mention.anchorState },
      });
    }
    const { bodyText } = await loadArticleText(tx, mention.articleId);
    await moveMention(tx, editor.id, mention, anchorSpan(bodyText, input.start, input.end), "mention.reattach");
    return { mentionId: mention.id };
  });
}

/** Removes a mention from its article (soft: the row stays, audited). The claim and its timeline stay. */
export async function removeMention(actor: Actor | null, mentionId: number): Promise<{ mentionId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const before = await loadLiveMention(tx, mentionId);
    const after = await firstRow(tx.update(mentions).set({ deletedAt: new Date(), updatedAt: new Date(), version: before.version + 1 }).where(eq(mentions.id, mentionId)).returning());
    await recordAudit(tx, { actorId: editor.id, action: "mention.delete", entityType: "mention", entityId: mentionId, before, after });
    return { mentionId };
  });
}
