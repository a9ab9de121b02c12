import "server-only";
import { ValidationError } from "../errors";

export type IntakeErrorCode =
  | "invalid_url"
  | "blocked_address"
  | "unreachable"
  | "timeout"
  | "http_error"
  | "not_html"
  | "too_large"
  | "too_complex"
  | "too_slow"
  | "nothing_extractable";

/**
 * Why a page could not be imported. It is a ValidationError carrying its message on the
 * `url` field, so the import form shows it under the address the editor typed; `code`
 * replaces ValidationError's generic "invalid" so API clients can tell the cases apart.
 */
export class IntakeError extends ValidationError {
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message, { url: message });
  }
}
