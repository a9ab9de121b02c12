import { NotFoundError } from "./errors";
import { idParam } from "./validation";

/**
 * A dynamic segment of a request path, percent-decoded. Next hands segments such as an
 * article's slug to routes still encoded (a Chinese slug arrives as "%E6%A0%87..."), and
 * decodeURIComponent throws on malformed encodings ("%ff", "%E6%A0"), which a route would
 * answer with 500. Every route decodes its segments here instead: a segment that does not
 * decode names nothing, so the caller answers 404 for it like for any unknown address.
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
