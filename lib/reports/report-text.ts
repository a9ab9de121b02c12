/**
 * The words of a report's own headings, labels and column headers in one language, from the
 * `reports` catalogue (messages/<locale>/reports.json). lib/ cannot use next-intl, and these
 * messages take plain `{name}` arguments only, so filling them in here gives the same text
 * next-intl would. English is the default everywhere: exports asked for without `?lang=` stay
 * the bytes they always were.
 */
import type { Locale } from "../i18n/locale-choice.mjs";
import { fillMessage, messageAt } from "../i18n/message-key";
import en from "@/messages/en/reports.json";
import zh from "@/messages/zh-Hans/reports.json";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ReportKey = Leaves<typeof en>;
export type ReportText = ((key: ReportKey, args?: Record<string, string | number>) => string) & { locale: Locale };

const CATALOGUES: Record<Locale, typeof en> = { en, "zh-Hans": zh };

export function reportText(locale: Locale = "en"): ReportText {
  const catalogue = CATALOGUES[locale];
  const text = (key: ReportKey, args: Record<string, string | number> = {}) => {
    const message = messageAt({ reports: catalogue }, `reports.${key}`);
    if (message === undefined) throw new Error(`No report message ${key}`);
    return fillMessage(message, Object.fromEntries(Object.entries(args).map(([name, value]) => [name, String(value)])));
  };
  return Object.assign(text, { locale });
}

export const ENGLISH: ReportText = reportText("en");
