import "server-only";

/**
 * What an entry point passes on about the request it serves. Route handlers have the
 * request's AbortSignal, which fires when the client goes away; server actions have no
 * such signal in Next 16, so for them the parse time limit is the only guard.
 */
export interface RequestContext {
  signal?: AbortSignal;
}
