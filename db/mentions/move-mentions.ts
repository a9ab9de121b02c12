import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit";
import type { Tx } from "../client";
import { type Mention, mentions } from "../schema";
import { firstRow } from "../rows";

/** Where a mention goes on an article's new text; `exact` only when its stored quote changes too. */
export type MentionPlacement = { startOffset: number; endOffset: number; exact?: string; prefix: string; suffix: string };

/**
 * Moves every live mention of an article onto its new text, each where `place` puts it, or
 * flags it orphaned (never dropped) when `place` finds no place; a mention that did not move is
 * left alone. Each change is versioned and audited in the caller's transaction. The one loop for
 * an editor's body edit (update-article.ts) and a re-derivation (rederive-bodies.ts), which
 * differ only in how they place a mention.
 */
export async function moveArticleMentions(tx: Tx, actorId: string | null, articleId: number, place: (mention: Mention) => MentionPlacement | null): Promise<void> {
  const live = await tx.select().from(mentions).where(and(eq(mentions.articleId, articleId), isNull(mentions.deletedAt)));
  for (const mention of live) {
    const placement = place(mention);
    const next = placement ? { ...placement, anchorState: "anchored" as const } : { anchorState: "orphaned" as const };
    const changed = Object.entries(next).some(([key, value]) => mention[key as keyof Mention] !== value);
    if (!changed) continue;
    const after = await firstRow(tx
      .update(mentions)
      .set({ ...next, version: mention.version + 1, updatedAt: new Date() })
      .where(eq(mentions.id, mention.id))
      .returning());
    await recordAudit(tx, { actorId, action: `mention.${placement ? "reanchor" : "orphan"}`, entityType: "mention", entityId: mention.id, before: mention, after });
  }
}
