import "server-only";
import { z } from "zod";
import { DomainError, RetryLaterError } from "@/lib/errors";
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

/** Maps any error to a JSON HTTP response for route handlers. */
export function toHttpResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    // An oversized article body is "too large", not "invalid": clients tell the two apart by status.
    const tooLarge = error.issues.find((issue) => issue.code === "custom" && (issue.params as { tooLarge?: boolean } | undefined)?.tooLarge);
    if (tooLarge) return Response.json({ error: "too_large", message: tooLarge.message, fields: fieldErrors(error) }, { status: 413 });
    return Response.json({ error: "invalid", message: "Some fields need attention.", fields: fieldErrors(error) }, { status: 422 });
  }
  if (error instanceof DomainError) {
    const headers = error instanceof RetryLaterError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return Response.json({ error: error.code, message: error.message, ...(error.details ?? {}) }, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: "internal", message: UNEXPECTED }, { status: 500 });
}
