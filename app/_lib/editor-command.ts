import "server-only";
import type { z } from "zod";
import type { Actor } from "@/db/authorize";
import { getSessionUser } from "@/db/session";
import { UnauthorizedError } from "@/lib/errors";
import { sessionEndedMessage } from "./editor-action";
import type { ActionResult } from "./errors";
import { readerWriteDone, readerWriteMark } from "./reader-cache";
import { toLocalizedActionError } from "./translate-error";

/**
 * Server actions called from client code with a plain object (TanStack Query mutations in
 * the workbench), as opposed to forms. Same contract as editorAction: session, zod, one
 * data-access call that authorises, typed errors mapped to a result the UI can show.
 */
export function editorCommand<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => T | Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const sessionUser = await getSessionUser();
      if (!sessionUser) throw new UnauthorizedError(await sessionEndedMessage());
      const mark = await readerWriteMark();
      const data = await run({ userId: sessionUser.userId }, schema.parse(input));
      await readerWriteDone(mark);
      return { ok: true, data };
    } catch (error) {
      return toLocalizedActionError(error);
    }
  };
}
