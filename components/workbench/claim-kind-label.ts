import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import { CLAIM_KIND_LABELS, type ClaimKind } from "@/lib/claim-rules";

/** A claim kind's name in the interface language (lib/claim-rules.ts keeps both). */
export function claimKindLabel(kind: ClaimKind, locale: Locale): string {
  return locale === "zh-Hans" ? CLAIM_KIND_LABELS[kind].zh : CLAIM_KIND_LABELS[kind].en;
}
