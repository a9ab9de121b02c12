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

/** Re-attaches a mention (typically an orphaned one) to newly selected words of its article. */
export function reattachMention(actor: Actor | null, input: ReattachMentionInput): { mentionId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const mention = loadLiveMention(tx, input.mentionId);
    if (mention.version !== input.version) {
      throw new ConflictError("Someone else moved or changed this mention after you opened the article. Reload to see where it is now, then re-attach it if needed.", {
        current: { mentionId: mention.id, version: mention.version, exact: mention.exact, start: mention.startOffset, end: mention.endOffset, anchorState: mention.anchorState },
      });
    }
    const { bodyText } = loadArticleText(tx, mention.articleId);
    moveMention(tx, editor.id, mention, anchorSpan(bodyText, input.start, input.end), "mention.reattach");
    return { mentionId: mention.id };
  });
}

/** Removes a mention from its article (soft: the row stays, audited). The claim and its timeline stay. */
export function removeMention(actor: Actor | null, mentionId: number): { mentionId: number } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    const before = loadLiveMention(tx, mentionId);
    const after = tx.update(mentions).set({ deletedAt: new Date(), updatedAt: new Date(), version: before.version + 1 }).where(eq(mentions.id, mentionId)).returning().get();
    recordAudit(tx, { actorId: editor.id, action: "mention.delete", entityType: "mention", entityId: mentionId, before, after });
    return { mentionId };
  });
}
