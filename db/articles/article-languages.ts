import "server-only";
import { asc } from "drizzle-orm";
import { deskLanguages } from "../../lib/article-doc/desk-languages";
import { type Actor, authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { articles } from "../schema";

/** The article form's language choices: zh-Hans, zh-Hant and en, then every other language the desk's articles (drafts too) are in. */
export async function listDeskLanguages(actor: Actor | null): Promise<string[]> {
  const db = getDb();
  await authorize(db, actor, EDITOR_ROLES);
  const rows = await db.selectDistinct({ language: articles.language }).from(articles).orderBy(asc(articles.language));
  return deskLanguages(rows.map((r) => r.language));
}
