import type { Locale } from "@/lib/i18n/locale-choice.mjs";

/**
 * A language tag as the editor reads it, named in the interface language: "Chinese
 * (Simplified) (zh-Hans)" in English, "中文（简体）（zh-Hans）" in Chinese; the bare tag when
 * Intl has no name for it. (lib/article-doc/desk-languages.ts languageLabel is the English one.)
 */
export function languageName(tag: string, locale: Locale): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name || name === tag) return tag;
  return locale === "zh-Hans" ? `${name}（${tag}）` : `${name} (${tag})`;
}
