import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article-body";
import { ArticleForm } from "@/components/editor/article-form";
import { ClaimForm } from "@/components/editor/claim-form";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { getArticleForEditor } from "@/db/articles/editor-articles";
import { getSessionUser } from "@/db/session";
import { listStatuses } from "@/db/statuses/list-statuses";
import { articleText } from "@/lib/article-text";
import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { createClaimAction, updateArticleAction } from "../../actions";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditorArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await getSessionUser();
  let article;
  try {
    article = getArticleForEditor(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const status = statusLookup(listStatuses());
  const orphaned = article.claims.filter((c) => c.anchorState === "orphaned");

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex flex-col gap-6">
        <div>
          <p className="text-sm text-[var(--color-muted)]">
            {article.status === "published" ? (
              <>
                Published ·{" "}
                <Link href={`/articles/${encodeURIComponent(article.slug)}`} className="underline">
                  Reader view
                </Link>
              </>
            ) : (
              "Draft: readers cannot see this article"
            )}
          </p>
          <h1 className="mt-1 text-2xl font-semibold">{article.title}</h1>
        </div>
        <ArticleBody
          text={articleText(article.body)}
          language={article.language}
          mentions={article.claims
            .filter((c) => c.anchorState === "anchored")
            .map((c) => ({ mentionId: c.mentionId, claimId: c.claimId, start: c.start, end: c.end, statusKey: c.currentStatus, statement: c.statement }))}
          status={status}
          hrefFor={(m) => `/editor/claims/${m.claimId}`}
        />
        <details className="rounded-lg border border-[var(--color-rule)] bg-white p-4">
          <summary className="cursor-pointer font-medium">Edit article details and body</summary>
          <div className="mt-4">
            <ArticleForm action={updateArticleAction} article={article} submitLabel="Save article" />
          </div>
        </details>
      </div>

      <aside className="flex flex-col gap-6">
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" className="mb-3 text-lg font-semibold">
            Claims ({article.claims.length})
          </h2>
          {orphaned.length > 0 ? (
            <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
              {orphaned.length} mention(s) lost their words in an edit and are marked orphaned.
            </p>
          ) : null}
          <ol className="flex flex-col gap-2">
            {article.claims.map((c) => (
              <li key={c.mentionId} className="rounded-md border border-[var(--color-rule)] bg-white p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={status(c.currentStatus)} size="sm" />
                  {c.anchorState === "orphaned" ? <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Orphaned</span> : null}
                </div>
                <Link href={`/editor/claims/${c.claimId}`} className="mt-1 block font-medium hover:underline">
                  {c.statement}
                </Link>
                <p lang={article.language} className="mt-1 text-sm text-[var(--color-muted)]">
                  “{c.exact}”
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="add-claim-heading" className="rounded-lg border border-[var(--color-rule)] bg-white p-4">
          <h2 id="add-claim-heading" className="mb-3 text-lg font-semibold">
            Add a claim
          </h2>
          <ClaimForm action={createClaimAction} articleId={article.id} />
        </section>
      </aside>
    </div>
  );
}
