import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import type en from "./en/common.json";
import type languages from "./en/languages.json";

/**
 * The interface's words, one JSON file per area and language (messages/<locale>/<namespace>.json).
 * English is the reference: its files define the keys (and, through AppConfig in global.d.ts,
 * the types `t()` checks); `messages/catalogue.test.ts` fails when the Chinese files miss or
 * add a key or change a message's arguments.
 */
export const NAMESPACES = ["common", "languages"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type Messages = {
  common: typeof en;
  languages: typeof languages;
};

/** Namespaces client components read: only these are sent to the browser with every page. */
export const CLIENT_NAMESPACES: readonly Namespace[] = ["common", "languages"];

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(entries) as Messages;
}
