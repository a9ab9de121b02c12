import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import { slugify } from "../../lib/slug";
import type { Tx } from "../client";
import { articles } from "../schema";

function slugTaken(tx: Tx, slug: string, exceptId?: number): boolean {
  const where = exceptId === undefined ? eq(articles.slug, slug) : and(eq(articles.slug, slug), ne(articles.id, exceptId));
  return tx.select({ id: articles.id }).from(articles).where(where).get() !== undefined;
}

/**
 * An explicit slug must be free (the editor chose it, so we say so rather than change it);
 * a slug derived from the title gets -2, -3, … until it is.
 */
export function resolveSlug(tx: Tx, title: string, requested: string | null | undefined, exceptId?: number): string {
  if (requested) {
    if (slugTaken(tx, requested, exceptId)) {
      throw new ValidationError("That slug is already used by another article.", { slug: "Already used by another article." });
    }
    return requested;
  }
  const base = slugify(title);
  let candidate = base;
  for (let n = 2; slugTaken(tx, candidate, exceptId); n++) candidate = `${base}-${n}`;
  return candidate;
}
