import type { Metadata } from "next";
import { ArticleForm } from "@/components/editor/article-form";
import { ImportForm } from "@/components/editor/import-form";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { listDeskLanguages } from "@/db/articles/article-languages";
import { createArticleAction, importArticleAction } from "../../actions";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const languages = listDeskLanguages(await requireSessionUser("/editor/articles/new"));
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-2xl font-semibold">New article</h1>
      <section aria-labelledby="import-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          Import from a URL
        </h2>
        <ImportForm action={importArticleAction} />
      </section>
      <section aria-labelledby="paste-heading">
        <h2 id="paste-heading" className="mb-3 text-lg font-semibold">
          Or paste it
        </h2>
        <ArticleForm action={createArticleAction} submitLabel="Create article" languages={languages} />
      </section>
    </div>
  );
}
