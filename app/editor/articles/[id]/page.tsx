import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ArticleForm } from "@/components/editor/article-form";
import { Workbench } from "@/components/workbench/workbench";
import { listDeskLanguages } from "@/db/articles/article-languages";
import { getWorkbench } from "@/db/articles/workbench";
import { getSessionUser } from "@/db/session";
import { listStatuses } from "@/db/statuses/list-statuses";
import { NotFoundError } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { recordStatusEventAction, updateArticleAction } from "../../actions";
import { approveReviewAction, publishArticleAction, sendBackReviewAction, submitArticleForReviewAction, unpublishArticleAction } from "../../review-actions";
import { PublishBar } from "@/components/workbench/publish-bar";
import { getArticleReviewState } from "@/db/reviews/list-reviews";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("workbench") };
}

export default async function EditorArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await getSessionUser();
  let workbench;
  try {
    workbench = await getWorkbench(user, id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { article } = workbench;
  const t = await getTranslations("editor.articlePage");

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{article.title}</h1>
      <PublishBar
        initial={workbench}
        review={await getArticleReviewState(user, article.id)}
        actions={{ publish: publishArticleAction, unpublish: unpublishArticleAction, submit: submitArticleForReviewAction, approve: approveReviewAction, sendBack: sendBackReviewAction }}
      />
      <Workbench initial={workbench} statuses={await listStatuses()} recordStatus={recordStatusEventAction} />
      <details className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
        <summary className="cursor-pointer font-medium">{t("editDetails")}</summary>
        <p className="mt-2 text-sm text-[var(--color-muted)]">{t("editHint")}</p>
        <div className="mt-4">
          <ArticleForm action={updateArticleAction} article={article} submitLabel={t("save")} languages={await listDeskLanguages(user)} />
        </div>
      </details>
    </div>
  );
}
