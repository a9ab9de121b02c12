/**
 * Error and validation texts in the interface's language: the English text (what lib/ and db/
 * produce) is identified in the English catalogue and rendered from the same key in `locale`.
 * See message-key.ts for why the English text is the carrier. Pure, so entry points, route
 * handlers and tests share it; app/_lib/translate-error.ts applies it to action results.
 */
import type { Locale } from "./locale-choice.mjs";
import { fillMessage, messageAt, messageIdentifier, type MessageTree } from "./message-key";
import enErrors from "@/messages/en/errors.json";
import enValidation from "@/messages/en/validation.json";
import zhErrors from "@/messages/zh-Hans/errors.json";
import zhValidation from "@/messages/zh-Hans/validation.json";

/** The namespaces whose messages reach users as error texts. */
export const ERROR_CATALOGUES: Record<Locale, Record<string, MessageTree>> = {
  en: { validation: enValidation, errors: enErrors },
  "zh-Hans": { validation: zhValidation, errors: zhErrors },
};

export const identifyMessage = messageIdentifier(ERROR_CATALOGUES.en);

/** `text` in `locale`; unchanged in English, and when no catalogue entry produces it. */
export function localizeMessage(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const found = identifyMessage(text);
  if (!found) return text;
  const message = messageAt(ERROR_CATALOGUES[locale], found.key);
  return message === undefined ? text : fillMessage(message, found.args);
}

/** Every value of a `{ field: message }` map in `locale`. */
export function localizeFields(fields: Record<string, string>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, localizeMessage(text, locale)]));
}
