import { CLAIM_KIND_LABELS, type ClaimKind } from "./claim-rules";
import type { Locale } from "./i18n/locale-choice.mjs";

/**
 * The one label of a status or claim kind a place with room for one shows (a checkbox, a
 * chart's band, a table header): the interface language's. Badges show both, as always.
 */
export function statusLabel(status: { labelEn: string; labelZh: string }, locale: Locale): string {
  return locale === "zh-Hans" ? status.labelZh : status.labelEn;
}

export function kindLabel(kind: ClaimKind, locale: Locale): string {
  return CLAIM_KIND_LABELS[kind][locale === "zh-Hans" ? "zh" : "en"];
}
