"use client";

import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";
import { deskLanguages, languageAutonym } from "@/lib/article-doc/desk-languages";
import { detectTextLanguage } from "@/lib/article-doc/text-language";
import { SelectField } from "./field";

interface TextLanguageSelectProps {
  id: string;
  name: string;
  /** Which text it is the language of: names the select. */
  field: "statement" | "rationale";
  /** The text as typed so far: the first choice says what it is detected as. */
  text: string;
  /** "" is "detect it" (the server detects again on save); else a BCP 47 tag the editor chose. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * The language of a text an editor writes, next to it: detected while they type, changed only
 * when they pick one (a Chinese statement about "GPT-5" detected as English, say). Each
 * language is named in itself (简体中文, English), so both desks read the list, and carries
 * its own lang for screen readers.
 */
export function TextLanguageSelect({ id, name, field, text, value, onChange, error }: TextLanguageSelectProps) {
  const t = useTranslations("languages.select");
  const detected = detectTextLanguage(text);
  const choices = deskLanguages([value, detected]);
  return (
    <SelectField id={id} label={t(field)} name={name} value={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)} error={error}>
      <option value="">{detected ? t("detected", { language: languageAutonym(detected) }) : t("detectFromText")}</option>
      {choices.map((tag) => (
        <option key={tag} value={tag} lang={tag}>
          {languageAutonym(tag)}
        </option>
      ))}
    </SelectField>
  );
}
