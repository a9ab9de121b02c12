import "server-only";
import type { DismissSuggestionInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { loadArticleText } from "../claims/claim-rows";
import { suggestionDismissals } from "../schema";
import { writeTransaction } from "../transaction";
import { firstRow } from "../rows";

/** Remembers that a suggested sentence is not a claim, for this article, by its text (so it survives edits elsewhere). */
export async function dismissSuggestion(actor: Actor | null, input: DismissSuggestionInput): Promise<{ sentence: string }> {
  return writeTransaction(async (tx) => {
    const editor = await authorize(tx, actor, EDITOR_ROLES);
    await loadArticleText(tx, input.articleId);
    const row = await firstRow(tx
      .insert(suggestionDismissals)
      .values({ articleId: input.articleId, sentence: input.sentence, dismissedBy: editor.id })
      .onConflictDoNothing()
      .returning());
    if (row) await recordAudit(tx, { actorId: editor.id, action: "suggestion.dismiss", entityType: "article", entityId: input.articleId, after: row });
    return { sentence: input.sentence };
  });
}
