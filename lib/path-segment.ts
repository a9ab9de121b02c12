import { NotFoundError } from "./errors";
import { idParam } from "./validation";

/**
 * A dynamic segment of a request path, percent-decoded, or null when it does not decode.
 * Next 16 already decodes segments ("/claims/%31" reaches the route as "1"), but the slug
 * routes decode once more, as earlier Next versions could hand a Chinese slug over still
 * encoded; a real slug holds no "%", so that second pass changes nothing for it. It must not
 * throw, though: "/articles/%25ff" reaches the route as "%ff", and decodeURIComponent("%ff")
 * throws, which answered 500. A segment that does not decode names nothing: callers answer
 * 404, as for any unknown address. (A raw "%ff" in the path never gets this far: Next fails on
 * it first, and server/malformed-path.mjs answers it with 400 before Next.)
 */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The row id a path names, for routes that answer with a typed error: an id in any but its
 * canonical spelling (see idParam) names no row, so it is "not found", not "invalid input".
 */
export function idFromPath(segment: string | undefined, what: string): number {
  const id = idParam.safeParse(segment);
  if (!id.success) throw new NotFoundError(what);
  return id.data;
}
