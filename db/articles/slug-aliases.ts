import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit";
import type { Tx } from "../client";
import { articleSlugAliases } from "../schema";

/**
 * Keeps the address an article had when its slug changes: the old slug becomes an alias that
 * redirects to the new one. Call after the article row holds `to`. An article given back a
 * slug it had before takes it from its own aliases. Audited, with the actor (null = system).
 */
export async function keepFormerSlug(tx: Tx, actorId: string | null, articleId: number, from: string, to: string): Promise<void> {
  if (from === to) return;
  await tx.delete(articleSlugAliases)
    .where(and(eq(articleSlugAliases.slug, to), eq(articleSlugAliases.articleId, articleId)));
  await tx.insert(articleSlugAliases).values({ slug: from, articleId });
  await recordAudit(tx, { actorId, action: "article.slug", entityType: "article", entityId: articleId, before: { slug: from }, after: { slug: to } });
}
