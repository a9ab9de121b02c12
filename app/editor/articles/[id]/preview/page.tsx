import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReaderArticle } from "@/components/reader-article";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { getArticlePreview } from "@/db/articles/article-preview";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/validation";

// An editor page: rendered per request with Next's "private, no-store" (never the reader page
// cache, which keeps only reader paths requested without a session: server/cacheable.mjs).
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

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
    article = getArticlePreview(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-8">
      <div role="note" aria-label="Preview" className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-stone-900">
        <p>
          <strong className="text-lg uppercase tracking-wide">Preview</strong>{" "}
          <span>
            {article.status === "published" ? "This article is published; readers see this page." : "A draft: readers cannot see this page until it is published."}
          </span>
        </p>
        <Link href={`/editor/articles/${article.id}`} className="font-medium underline">
          Back to the workbench
        </Link>
      </div>
      {/* Claims have no public page while the article is a draft: statements are not links here. */}
      <ReaderArticle article={article} statuses={listStatuses()} view={null} claimHref={null} />
    </div>
  );
}
