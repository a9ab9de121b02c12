import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import { notFound } from "next/navigation";
import { ReaderArticle } from "@/components/reader-article";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { getArticlePreview } from "@/db/articles/article-preview";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/validation";

// An editor page: rendered per request with Next's "private, no-store" (never the reader page
// cache, which keeps only reader paths requested without a session: server/cacheable.mjs).
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("preview"), robots: { index: false, follow: false } };
}

/**
 * A draft exactly as readers will see it: the reader article page's components and data
 * (db/articles/published-articles.ts readerView), under a banner that says it is a preview.
 */
export default async function ArticlePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await requireSessionUser(`/editor/articles/${id.data}/preview`);
  let article;
  try {
    article = await getArticlePreview(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [t, locale] = await Promise.all([getTranslations("editor.preview"), getLocale()]);
  return (
    <div className="flex flex-col gap-8">
      <div role="note" aria-label={t("label")} className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-stone-900">
        <p>
          <strong className="text-lg uppercase tracking-wide">{t("label")}</strong>{" "}
          <span>
            {article.status === "published" ? t("published") : t("draft")}
          </span>
        </p>
        <Link href={withLocale(`/editor/articles/${article.id}`, locale)} className="font-medium underline">
          {t("back")}
        </Link>
      </div>
      {/* Claims have no public page while the article is a draft: statements are not links here. */}
      <ReaderArticle article={article} statuses={await listStatuses()} view={null} claimHref={null} />
    </div>
  );
}
