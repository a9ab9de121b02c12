/**
 * Reapplying an edit after a conflict: the editor started from `base`, someone else saved
 * `theirs`, and the editor's form holds `mine`. Fields only they changed take their value,
 * fields only I changed keep mine, and a field we both changed differently keeps mine and is
 * reported, so the editor decides with both values in view. Nothing is dropped silently.
 */
export type FieldValues = Record<string, string>;

export interface MergeResult {
  merged: FieldValues;
  /** Fields the other editor changed, with the value I started from and theirs. */
  theirChanges: { field: string; from: string; to: string }[];
  /** Fields we both changed to different values: mine is kept in `merged`. */
  bothChanged: { field: string; theirs: string; mine: string }[];
}

export function threeWayMerge(base: FieldValues, theirs: FieldValues, mine: FieldValues): MergeResult {
  const merged: FieldValues = { ...mine };
  const theirChanges: MergeResult["theirChanges"] = [];
  const bothChanged: MergeResult["bothChanged"] = [];
  for (const field of Object.keys(base)) {
    const [from, to, own] = [base[field] ?? "", theirs[field] ?? "", mine[field] ?? ""];
    if (to === from) continue;
    theirChanges.push({ field, from, to });
    if (own === from) merged[field] = to;
    else if (own !== to) bothChanged.push({ field, theirs: to, mine: own });
  }
  return { merged, theirChanges, bothChanged };
}
