/**
 * Typed errors thrown by the data-access layer. Entry points (route handlers, server
 * actions) turn them into HTTP statuses or form messages in one place: toHttpResponse and
 * toActionError in app/_lib.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "Sign in to do this.") {
    super(message, 401, "unauthorized");
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this.") {
    super(message, 403, "forbidden");
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} was not found.`, 404, "not_found");
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 409, "conflict", details);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, readonly fields: Record<string, string> = {}) {
    super(message, 422, "invalid", { fields });
  }
}

/** Refused for now, not for good: answered with a `Retry-After` header saying when to try again. */
export abstract class RetryLaterError extends DomainError {
  constructor(message: string, status: number, code: string, readonly retryAfterSeconds: number) {
    super(message, status, code, { retryAfter: retryAfterSeconds });
  }
}

/** The server is at capacity for this kind of work (503). */
export class BusyError extends RetryLaterError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 503, "busy", retryAfterSeconds);
  }
}

/** This client has used its budget for this kind of work (429). */
export class RateLimitedError extends RetryLaterError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 429, "rate_limited", retryAfterSeconds);
  }
}

/**
 * The client went away before its answer was ready; work done for it was stopped. Nobody
 * reads the response: 499 is the status nginx logs for this, and it keeps it out of the error log.
 */
export class ClientGoneError extends DomainError {
  constructor() {
    super("The request was cancelled before its page or body was read.", 499, "client_gone");
  }
}
