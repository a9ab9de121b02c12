/** Input schemas for the claim-splitting workbench (see validation.ts for the shared pieces). */
import { z } from "zod";
import { CLAIM_KINDS, QUANTITY_QUALIFIERS } from "./claim-rules";
import { idParam, newClaimDate, optionalClaimantType, optionalIsoDay, optionalLanguage, optionalPastIsoDay, optionalText, statement, wellFormedString } from "./validation";

const offset = z.coerce.number().int().nonnegative();

/** A span of the article's rendered text, in code points, as the browser measured it. */
export const span = z
  .object({ start: offset, end: offset })
  .refine((s) => s.end > s.start, { message: "Select some text first.", path: ["end"] });

const quantityFields = {
  quantityValue: z.preprocess((v) => (v === "" ? null : v), z.coerce.number().finite().nullable().optional()).transform((v) => v ?? null),
  quantityUnit: optionalText(40),
  quantityQualifier: z.preprocess((v) => (v === "" ? null : v), z.enum(QUANTITY_QUALIFIERS).nullable().optional()).transform((v) => v ?? null),
  /** Not limited to the past: a prediction's figure can be "as of" the year it is predicted for. */
  quantityAsOf: optionalIsoDay,
};

export const claimFields = z.object({
  statement,
  /** The statement's language; null: detected from it. */
  statementLanguage: optionalLanguage,
  claimant: optionalText(200),
  claimantType: optionalClaimantType,
  claimDate: optionalPastIsoDay,
  kind: z.enum(CLAIM_KINDS).default("fact"),
  ...quantityFields,
});

/** Left out, the claim date is the article's published date (blank is "no date"). */
export const claimFromSpanInput = z.object({ articleId: idParam, start: offset, end: offset }).and(claimFields.extend({ claimDate: newClaimDate }));
export type ClaimFromSpanInput = z.infer<typeof claimFromSpanInput>;

export const addMentionInput = z.object({ claimId: idParam, articleId: idParam, start: offset, end: offset });
export type AddMentionInput = z.infer<typeof addMentionInput>;

/** `version` is the mention's version the editor saw: a mention moved meanwhile is a conflict, not overwritten. */
export const reattachMentionInput = z.object({ mentionId: idParam, version: z.coerce.number().int().positive(), start: offset, end: offset });
export type ReattachMentionInput = z.infer<typeof reattachMentionInput>;

export const claimUpdateInput = z.object({ id: idParam, version: z.coerce.number().int().positive() }).and(claimFields);
export type ClaimUpdateInput = z.infer<typeof claimUpdateInput>;

export const claimRefInput = z.object({ claimId: idParam });
export const mentionRefInput = z.object({ mentionId: idParam });

export const reorderInput = z.object({ articleId: idParam, mentionIds: z.array(idParam).min(1).max(5000) });
export type ReorderInput = z.infer<typeof reorderInput>;

/** Split one mention's span at a point: the first part stays with the claim, the rest becomes a new claim. */
export const splitClaimInput = z.object({
  mentionId: idParam,
  at: offset,
  firstStatement: statement,
  secondStatement: statement,
});
export type SplitClaimInput = z.infer<typeof splitClaimInput>;

export const mergeClaimsInput = z
  .object({ targetId: idParam, sourceId: idParam })
  .refine((m) => m.targetId !== m.sourceId, { message: "Choose two different claims.", path: ["sourceId"] });
export type MergeClaimsInput = z.infer<typeof mergeClaimsInput>;

/** "Same claim": move one mention onto an existing claim. */
export const linkMentionInput = z.object({ mentionId: idParam, claimId: idParam });
export type LinkMentionInput = z.infer<typeof linkMentionInput>;

/** Forms and query strings send "" for a field left blank: that means "not given". */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** "Different claim": give one mention a new claim of its own; blank statement means "use the quote". */
export const unlinkMentionInput = z.object({ mentionId: idParam, statement: z.preprocess(blankToUndefined, statement.optional()) });
export type UnlinkMentionInput = z.infer<typeof unlinkMentionInput>;

const matchLimit = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).optional());
const matchScore = z.preprocess(blankToUndefined, z.coerce.number().min(0).max(1).optional());

/** Claims like a text (a selection, a draft statement), for the "same claim?" prompt; excludeClaimId is the claim being edited. */
export const similarClaimsInput = z.object({
  text: wellFormedString().trim().min(1, "Type or select some words.").max(2000),
  excludeClaimId: z.preprocess(blankToUndefined, idParam.optional()),
  limit: matchLimit,
  minScore: matchScore,
});
export type SimilarClaimsInput = z.infer<typeof similarClaimsInput>;

export const likelyDuplicatesInput = z.object({ limit: matchLimit, minScore: matchScore });
export type LikelyDuplicatesInput = z.infer<typeof likelyDuplicatesInput>;

export const bulkKindInput = z.object({ claimIds: z.array(idParam).min(1).max(500), kind: z.enum(CLAIM_KINDS) });
export type BulkKindInput = z.infer<typeof bulkKindInput>;

export const dismissSuggestionInput = z.object({ articleId: idParam, sentence: wellFormedString().trim().min(1).max(5000) });
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionInput>;

/** What POST /api/v1/suggest accepts: stores nothing, so no sign-in, but a size cap. */
export const SUGGEST_MAX_LENGTH = 200_000;
export const suggestRequest = z.object({
  text: wellFormedString().min(1, "Send some text.").max(SUGGEST_MAX_LENGTH, `Text is limited to ${SUGGEST_MAX_LENGTH.toLocaleString("en")} characters.`),
  language: z.string().trim().min(2).max(35).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
