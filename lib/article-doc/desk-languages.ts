/** The languages most of the desk's articles are in: always offered first. */
export const PRIMARY_LANGUAGES = ["zh-Hans", "zh-Hant", "en"] as const;

/**
 * The choices of the article form's Language select: the primary languages, then every other
 * language the desk's articles are in (and the detected or current one, if new), each once,
 * in a stable order. Tags are canonicalised, so "zh-hans" and "zh-Hans" are one choice.
 */
export function deskLanguages(present: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>(PRIMARY_LANGUAGES);
  const others: string[] = [];
  for (const tag of present) {
    const canonical = canonicalTag(tag);
    if (canonical && !seen.has(canonical)) {
      seen.add(canonical);
      others.push(canonical);
    }
  }
  return [...PRIMARY_LANGUAGES, ...others.sort()];
}

function canonicalTag(tag: string | null | undefined): string | null {
  if (!tag?.trim()) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** "Chinese, Simplified (zh-Hans)": the tag's English name, with the tag itself so it is never ambiguous. */
export function languageLabel(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}

/** "简体中文", "English", "français": a language named in itself, as a language menu names it for everyone. */
export function languageAutonym(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
