import "server-only";
import type { DismissSuggestionInput } from "../../lib/workbench-input";
import { recordAudit } from "../audit";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { loadArticleText } from "../claims/claim-rows";
import { suggestionDismissals } from "../schema";
import { writeTransaction } from "../transaction";

/** Remembers that a suggested sentence is not a claim, for this article, by its text (so it survives edits elsewhere). */
export function dismissSuggestion(actor: Actor | null, input: DismissSuggestionInput): { sentence: string } {
  return writeTransaction((tx) => {
    const editor = authorize(tx, actor, EDITOR_ROLES);
    loadArticleText(tx, input.articleId);
    const row = tx
      .insert(suggestionDismissals)
      .values({ articleId: input.articleId, sentence: input.sentence, dismissedBy: editor.id })
      .onConflictDoNothing()
      .returning()
      .get();
    if (row) recordAudit(tx, { actorId: editor.id, action: "suggestion.dismiss", entityType: "article", entityId: input.articleId, after: row });
    return { sentence: input.sentence };
  });
}
