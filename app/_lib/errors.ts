import "server-only";
import { z } from "zod";
import { DomainError, RetryLaterError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale-choice.mjs";
import { localizeFields, localizeMessage } from "@/lib/i18n/localize-message";
import { fieldErrors } from "@/lib/validation";

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fields?: Record<string, string>; details?: Record<string, unknown> };

const UNEXPECTED = "Something went wrong on our side. Nothing was saved; try again.";

/** Maps any error from the data-access layer to what a form shows. Unknown errors are logged, not shown. */
export function toActionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof z.ZodError) return { ok: false, error: "Some fields need attention.", fields: fieldErrors(error) };
  if (error instanceof DomainError) {
    const fields = (error.details as { fields?: Record<string, string> } | undefined)?.fields;
    return { ok: false, error: error.message, fields, details: error.details };
  }
  console.error(error);
  return { ok: false, error: UNEXPECTED };
}

/**
 * Maps any error to a JSON HTTP response for route handlers. Machines read these, so they are
 * English unless the request named another language (`?lang=zh-Hans`, see requestLocale):
 * then `message` and the field messages are in it; `error` is the stable code either way.
 */
export function toHttpResponse(error: unknown, locale: Locale = "en"): Response {
  const text = (message: string) => localizeMessage(message, locale);
  if (error instanceof z.ZodError) {
    const fields = localizeFields(fieldErrors(error), locale);
    // An oversized article body is "too large", not "invalid": clients tell the two apart by status.
    const tooLarge = error.issues.find((issue) => issue.code === "custom" && (issue.params as { tooLarge?: boolean } | undefined)?.tooLarge);
    if (tooLarge) return Response.json({ error: "too_large", message: text(tooLarge.message), fields }, { status: 413 });
    return Response.json({ error: "invalid", message: text("Some fields need attention."), fields }, { status: 422 });
  }
  if (error instanceof DomainError) {
    const headers = error instanceof RetryLaterError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    const details = error.details && "fields" in error.details ? { ...error.details, fields: localizeFields(error.details.fields as Record<string, string>, locale) } : error.details;
    return Response.json({ error: error.code, message: text(error.message), ...(details ?? {}) }, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: "internal", message: text(UNEXPECTED) }, { status: 500 });
}
