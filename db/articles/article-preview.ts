import "server-only";
import { eq } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles } from "../schema";
import { type PublishedArticleDto, readerView } from "./published-articles";
import { firstRow } from "../rows";

/**
 * An article, draft or not, exactly as readers would see it if it were published now: the
 * reader page's data (public timelines only, so held and draft status events stay out).
 * Editors only; the preview page is never cached for readers.
 */
export async function getArticlePreview(actor: Actor | null, articleId: number): Promise<PublishedArticleDto & { status: "draft" | "published" }> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const article = await firstRow(db.select().from(articles).where(eq(articles.id, articleId)));
  if (!article) throw new NotFoundError("The article");
  return { ...await readerView(db, article, null), status: article.status };
}
