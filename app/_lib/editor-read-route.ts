import "server-only";
import type { Actor } from "@/db/authorize";
import { getSessionUser } from "@/db/session";
import { UnauthorizedError } from "@/lib/errors";
import { toHttpResponse } from "./errors";
import { requestLocale } from "./translate-error";

/** GET routes for editor screens: the session goes to one data-access read, which authorises. */
export function editorReadRoute<T>(run: (actor: Actor, params: Record<string, string>, url: URL) => T | Promise<T>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const sessionUser = await getSessionUser();
      if (!sessionUser) throw new UnauthorizedError();
      const data = await run({ userId: sessionUser.userId }, await context.params, new URL(request.url));
      return Response.json(data, { headers: { "cache-control": "private, no-store" } });
    } catch (error) {
      return toHttpResponse(error, requestLocale(request));
    }
  };
}
