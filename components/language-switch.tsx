import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";

/**
 * The visible language switch: a plain link (works without JavaScript) to app/language,
 * which remembers the choice and returns to this page (by its Referer) in the other language.
 * The other language's name is written in that language, as language menus are.
 */
export async function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = await getTranslations("common.language");
  const other: Locale = locale === "en" ? "zh-Hans" : "en";
  return (
    <a
      href={`/language?to=${other}`}
      hrefLang={other}
      lang={other}
      className="inline-flex min-h-6 min-w-6 items-center rounded border border-[var(--color-rule)] px-2 hover:underline"
    >
      {t("switchTo")}
    </a>
  );
}
