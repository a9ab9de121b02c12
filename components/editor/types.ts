import type { ActionResult } from "@/app/_lib/errors";

/** A server action usable with useActionState. */
export type FormAction<T = unknown> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function errorsOf<T>(state: ActionResult<T> | null): Record<string, string> {
  return state && !state.ok ? (state.fields ?? {}) : {};
}
