import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import type { ReorderInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { mentions } from "../schema";
import { writeTransaction } from "../transaction";

/** Sets the order of an article's claims. The list must name every live mention of the article once. */
export async function reorderMentions(actor: Actor | null, input: ReorderInput): Promise<{ articleId: number }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    const live = await tx.select({ id: mentions.id, position: mentions.position }).from(mentions).where(and(eq(mentions.articleId, input.articleId), isNull(mentions.deletedAt)));
    const liveIds = new Set(live.map((m) => m.id));
    if (input.mentionIds.length !== liveIds.size || new Set(input.mentionIds).size !== liveIds.size || !input.mentionIds.every((id) => liveIds.has(id))) {
      throw new ValidationError("The claim list changed while you were reordering it. Reload and try again.");
    }
    for (const [position, id] of input.mentionIds.entries()) {
      await tx.update(mentions).set({ position }).where(eq(mentions.id, id));
    }
    await recordAudit(tx, {
      actorId: editor.id,
      action: "article.reorder_claims",
      entityType: "article",
      entityId: input.articleId,
      before: [...live].sort((a, b) => a.position - b.position).map((m) => m.id),
      after: input.mentionIds,
    });
    return { articleId: input.articleId };
  });
}
