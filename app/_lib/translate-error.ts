import "server-only";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_PARAM, type Locale, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { localizeFields, localizeMessage } from "@/lib/i18n/localize-message";
import { type ActionResult, toActionError } from "./errors";

type ActionFailure = Extract<ActionResult, { ok: false }>;

/**
 * The one place an action's error reaches the page's language: the summary and every field
 * message, identified in the English catalogue and rendered in `locale` (see
 * lib/i18n/message-key.ts for the design). English results are returned as they are.
 */
export function localizeActionFailure(failure: ActionFailure, locale: Locale): ActionFailure {
  if (locale === "en") return failure;
  return { ...failure, error: localizeMessage(failure.error, locale), ...(failure.fields ? { fields: localizeFields(failure.fields, locale) } : {}) };
}

/** toActionError, in the language of the page the action was posted from (proxy.ts reads its `lang`). */
export async function toLocalizedActionError(error: unknown): Promise<ActionFailure> {
  return localizeActionFailure(toActionError(error), await getLocale());
}

/**
 * The language a route handler answers errors in: the request's own `?lang=` (route handlers
 * outside proxy.ts get no locale from it), English when it names none.
 */
export function requestLocale(request: Request): Locale {
  return parseLocale(new URL(request.url).searchParams.get(LOCALE_PARAM)) ?? DEFAULT_LOCALE;
}

/** A failure an action builds itself (sign-in's own messages), in the page's language. */
export async function localizedFailure(failure: ActionFailure): Promise<ActionFailure> {
  return localizeActionFailure(failure, await getLocale());
}
