/** Domain rules for claims, shared by validation, the editor UI and reports. */

export const CLAIM_KINDS = ["fact", "quantity", "prediction", "attribution", "opinion"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_KIND_LABELS: Record<ClaimKind, { en: string; zh: string }> = {
  fact: { en: "Fact", zh: "事实" },
  quantity: { en: "Quantity", zh: "数据" },
  prediction: { en: "Prediction", zh: "预测" },
  attribution: { en: "Attribution", zh: "引述" },
  opinion: { en: "Opinion", zh: "观点" },
};

/**
 * Who made a claim: ClaimReview's itemReviewed.author is a Person or an Organization. Null
 * (not said) is written as an Organization, as before this choice existed (lib/claim-review.ts).
 */
export const CLAIMANT_TYPES = ["person", "organization"] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

export const CLAIMANT_TYPE_LABELS: Record<ClaimantType, string> = { person: "Person", organization: "Organisation" };

/** ClaimReview's claimReviewed is a short summary; we cap it at 120 characters. */
export const STATEMENT_MAX_LENGTH = 120;
/** Google advises keeping claimReviewed under 75 characters; past this the editor is warned. */
export const STATEMENT_WARN_LENGTH = 75;

export const ARTICLE_STATUSES = ["draft", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const EVENT_VISIBILITIES = ["draft", "published"] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

/** Exact, at least, at most, approximately (as extracted from "270亿美元", "1750亿+", "<2%", "约20%"). */
export const QUANTITY_QUALIFIERS = ["=", ">=", "<=", "~"] as const;
export type QuantityQualifier = (typeof QUANTITY_QUALIFIERS)[number];
