import "server-only";
import type { z } from "zod";
import type { Actor } from "@/db/authorize";
import type { RequestContext } from "@/db/request-context";
import { getSessionUser } from "@/db/session";
import { isSiteOrigin } from "@/db/site-url";
import { actorFromApiToken } from "@/db/tokens/api-tokens";
import { UnauthorizedError } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/validation";
import { toHttpResponse } from "./errors";
import { requestLocale } from "./translate-error";
import { readJsonBody } from "./json-body";
import { readerWriteDone, readerWriteMark } from "./reader-cache";

/**
 * JSON bodies may carry a full article: the body limit, room for JSON escapes (a body of
 * quotes and line breaks doubles) and metadata. A body within this but over the body limit
 * still gets the body limit's own 413 with its size, from validation.
 */
const MAX_REQUEST_BYTES = MAX_BODY_BYTES * 2 + 64_000;

interface EditorRouteOptions<S extends z.ZodType, T> {
  schema: S;
  /** Builds the schema input from the JSON body and the route's params (e.g. the id in the path). */
  input: (body: unknown, params: Record<string, string>) => unknown;
  /** `request.signal` fires when the client goes away: long work (parsing a body) stops then. */
  run: (actor: Actor | null, input: z.output<S>, request: RequestContext) => T | Promise<T>;
  status?: number;
}

/** The actor of a request: an integration's bearer API token, else the signed-in session. */
export async function requestActor(request: Request): Promise<{ actor: Actor | null; viaToken: boolean }> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const actor = await actorFromApiToken(authorization.slice(7).trim());
    if (!actor) throw new UnauthorizedError("That API token is not valid, or has been revoked.");
    return { actor, viaToken: true };
  }
  const sessionUser = await getSessionUser();
  return { actor: sessionUser ? { userId: sessionUser.userId } : null, viaToken: false };
}

function tooLarge(): Response {
  return Response.json({ error: "too_large", message: `Request bodies are limited to ${(MAX_REQUEST_BYTES / 1024 / 1024).toFixed(1)} MB.` }, { status: 413 });
}

/**
 * Cookie-authenticated writes must come from our own pages (no Origin header: not a browser's
 * cross-site request). "Our own" is db/site-url.ts' one definition: the configured public
 * origin or the host the request was addressed to. Not request.url: Next builds that from
 * the server's own listening address, which no browser on a real host name ever sends.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return isSiteOrigin(origin, request.headers);
}

/**
 * The one wrapper for JSON mutation routes: refuse cross-site and oversized requests, parse
 * with zod, read the session, call one data-access function (which authorises), and map
 * typed errors to HTTP statuses.
 */
export function editorRoute<S extends z.ZodType, T>(options: EditorRouteOptions<S, T>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const { actor, viaToken } = await requestActor(request);
      // Cookies ride along on cross-site requests; tokens do not, so only cookie sessions need the origin check.
      if (!viaToken && !sameOrigin(request)) return Response.json({ error: "forbidden", message: "Cross-site requests are refused." }, { status: 403 });
      if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
        return Response.json({ error: "unsupported_media_type", message: "Send JSON (Content-Type: application/json)." }, { status: 415 });
      }
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > MAX_REQUEST_BYTES) return tooLarge();
      // Anonymous callers learn nothing about validation; the data layer checks role and account state again.
      if (!actor) throw new UnauthorizedError();
      const json = await readJsonBody(request, MAX_REQUEST_BYTES, tooLarge);
      if (!json.ok) return json.response;
      const input = options.schema.parse(options.input(json.body, await context.params));
      const mark = await readerWriteMark();
      const data = await options.run(actor, input, { signal: request.signal });
      await readerWriteDone(mark);
      return Response.json(data, { status: options.status ?? 201 });
    } catch (error) {
      return toHttpResponse(error, requestLocale(request));
    }
  };
}
