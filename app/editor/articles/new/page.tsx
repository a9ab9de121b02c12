import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArticleForm } from "@/components/editor/article-form";
import { ImportForm } from "@/components/editor/import-form";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { listDeskLanguages } from "@/db/articles/article-languages";
import { createArticleAction, importArticleAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("newArticle") };
}

export default async function NewArticlePage() {
  const languages = await listDeskLanguages(await requireSessionUser("/editor/articles/new"));
  const t = await getTranslations("editor.newArticle");
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="import-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          {t("import")}
        </h2>
        <ImportForm action={importArticleAction} />
      </section>
      <section aria-labelledby="paste-heading">
        <h2 id="paste-heading" className="mb-3 text-lg font-semibold">
          {t("paste")}
        </h2>
        <ArticleForm action={createArticleAction} submitLabel={t("create")} languages={languages} />
      </section>
    </div>
  );
}
