import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/db/authorize";
import { getSessionUser } from "@/db/session";
import { UnauthorizedError } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { withLocale } from "@/lib/i18n/locale-href";
import type { Messages } from "@/messages/catalogue";
import type { ActionResult } from "./errors";
import { readerWriteDone, readerWriteMark } from "./reader-cache";
import { toLocalizedActionError } from "./translate-error";

/** A confirmation an action can show: a key of editor.saved in messages/<locale>/editor.json. */
export type SavedMessage = keyof Messages["editor"]["saved"];

/** Said when a form or command arrives without a session (it may have expired meanwhile). */
export async function sessionEndedMessage(): Promise<string> {
  return (await getTranslations("editor.session"))("ended");
}

interface EditorActionOptions<S extends z.ZodType, T> {
  schema: S;
  /**
   * One data-access call; it authorises the actor itself. Next 16 gives server actions no
   * signal for a client that went away, so long work started here (parsing a body in a
   * worker) is bounded by its time limit instead (lib/parse-worker/run-parse-job.ts).
   */
  run: (actor: Actor | null, input: z.output<S>) => T | Promise<T>;
  /** Where to go after success; omit to stay on the page and show the result. */
  redirectTo?: (data: T) => string;
  /**
   * The confirmation, as its key in the editor catalogue (editor.saved), so it reaches the
   * editor in the language of the page they posted from. A function when the outcome varies
   * (a publish that waits for a second editor says so).
   */
  successMessage?: SavedMessage | ((data: T) => SavedMessage);
  /** Paths whose rendering shows what changed. */
  revalidate?: (data: T) => string[];
}

/**
 * The one wrapper for form server actions: parse FormData with zod, read the session, call
 * the data-access function (which authorises), and map typed errors to a form result.
 * Anonymous callers are turned away before their input is even parsed; the data layer then
 * authorises again (role, deactivated account), so an entry point that forgets cannot open a hole.
 */
export function editorAction<S extends z.ZodType, T>(options: EditorActionOptions<S, T>) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    let data: T;
    try {
      const sessionUser = await getSessionUser();
      if (!sessionUser) throw new UnauthorizedError(await sessionEndedMessage());
      const input = options.schema.parse(formDataToObject(formData));
      const mark = await readerWriteMark();
      data = await options.run({ userId: sessionUser.userId }, input);
      await readerWriteDone(mark);
      for (const path of options.revalidate?.(data) ?? []) revalidatePath(path);
    } catch (error) {
      return toLocalizedActionError(error);
    }
    // redirect() throws, so it must run outside the try block above.
    if (options.redirectTo) redirect(withLocale(options.redirectTo(data), await getLocale()));
    const key = typeof options.successMessage === "function" ? options.successMessage(data) : options.successMessage;
    const message = key ? (await getTranslations("editor.saved"))(key) : undefined;
    return { ok: true, data, message };
  };
}
