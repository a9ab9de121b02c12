import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { ValidationError } from "../../lib/errors";
import { SLUG_MAX_LENGTH, slugify } from "../../lib/slug";
import type { Tx } from "../client";
import { articles, articleSlugAliases } from "../schema";
import { firstRow } from "../rows";

/** Another article answers to `slug`: as its current slug, or as a former one that redirects to it. */
async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const current = exceptId === undefined ? eq(articles.slug, slug) : and(eq(articles.slug, slug), ne(articles.id, exceptId));
  if (await firstRow(tx.select({ id: articles.id }).from(articles).where(current))) return true;
  const former = exceptId === undefined ? eq(articleSlugAliases.slug, slug) : and(eq(articleSlugAliases.slug, slug), ne(articleSlugAliases.articleId, exceptId));
  return await firstRow(tx.select({ slug: articleSlugAliases.slug }).from(articleSlugAliases).where(former)) !== undefined;
}

/**
 * An explicit slug must be free (the editor chose it, so we say so rather than change it);
 * a slug derived from the title gets -2, -3, … until it is, the title's part cut at a word
 * so that the whole stays within SLUG_MAX_LENGTH.
 */
export async function resolveSlug(tx: Tx, title: string, requested: string | null | undefined, exceptId?: number): Promise<string> {
  if (requested) {
    if (await slugTaken(tx, requested, exceptId)) {
      throw new ValidationError("That slug is already used by another article.", { slug: "Already used by another article." });
    }
    return requested;
  }
  let candidate = slugify(title);
  for (let n = 2; await slugTaken(tx, candidate, exceptId); n++) candidate = `${slugify(title, SLUG_MAX_LENGTH - `-${n}`.length)}-${n}`;
  return candidate;
}
