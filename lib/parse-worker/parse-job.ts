import type { BodyFormat } from "../article-doc/types";

/** What a parse worker is asked to do; it is posted to the worker, which answers with a ParseOutcome. */
export type ParseJob =
  | { kind: "derive-body"; body: string; format: BodyFormat; language: string | null }
  | { kind: "extract-article"; html: string; pageUrl: string };

/**
 * An error thrown in the worker, as it crosses back: structured cloning keeps an Error's
 * message but not its class, so the typed errors editors see are rebuilt from this.
 */
export type ParseFailure =
  | { type: "validation"; message: string; fields: Record<string, string> }
  | { type: "intake"; code: string; message: string }
  | { type: "unexpected"; message: string; stack?: string };

export type ParseOutcome = { ok: true; value: unknown } | { ok: false; failure: ParseFailure };
