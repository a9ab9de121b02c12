/**
 * What to look at before publishing an article: warnings, not blockers (a desk may publish a
 * claim still being checked, shown to readers as Unverified).
 */
export interface ReadinessClaim {
  claimId: number;
  statement: string;
  exact: string;
  anchorState: "anchored" | "orphaned";
  /** Null while no published status event exists for the claim. */
  currentStatusEventId?: number | null;
}

export interface Readiness {
  /** Claims readers would see as Unverified because nobody has recorded a status yet. */
  noStatus: ReadinessClaim[];
  /** Mentions whose words are gone from the body after an edit: readers do not see them highlighted. */
  orphaned: ReadinessClaim[];
  /** Claims whose statement is still the quoted words as selected, not a checkable sentence. */
  unedited: ReadinessClaim[];
}

/** Quotation marks, brackets and spaces around a selection do not make an edit. */
function bare(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").replace(/^[\s"'“”‘’「」『』《》()（）[\]【】]+|[\s"'“”‘’「」『』《》()（）[\]【】。.,，、；;：:!！?？]+$/gu, "").trim();
}

export function publishReadiness(claims: readonly ReadinessClaim[]): Readiness {
  // A claim quoted twice in the article is listed once.
  const unique = [...new Map(claims.map((c) => [c.claimId, c])).values()];
  return {
    noStatus: unique.filter((c) => c.currentStatusEventId === null || c.currentStatusEventId === undefined),
    orphaned: claims.filter((c) => c.anchorState === "orphaned"),
    unedited: unique.filter((c) => bare(c.statement) === bare(c.exact)),
  };
}
