import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { listArticlesForEditor } from "@/db/articles/editor-articles";
import { getSessionUser } from "@/db/session";
import { localDate } from "@/components/editor/local-dates";
import { withLocale } from "@/lib/i18n/locale-href";
import { MyWork } from "@/components/editor/my-work";
import { listClaimsAssignedToMe } from "@/db/claims/assign-claim";
import { listReviewsWaitingForMe } from "@/db/reviews/list-reviews";
import { listStatuses } from "@/db/statuses/list-statuses";
import { approveReviewAction, sendBackReviewAction } from "./review-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("home") };
}

export default async function EditorHome() {
  const user = await getSessionUser();
  const articles = await listArticlesForEditor(user);
  const [t, locale] = await Promise.all([getTranslations("editor.home"), getLocale()]);
  return (
    <>
      {/* One h1 before the sections: what waits for this editor comes first, then every article. */}
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <MyWork assigned={await listClaimsAssignedToMe(user)} reviews={await listReviewsWaitingForMe(user)} statuses={await listStatuses()} approve={approveReviewAction} sendBack={sendBackReviewAction} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("articles")}</h2>
        <ButtonLink href={withLocale("/editor/articles/new", locale)}>{t("newArticle")}</ButtonLink>
      </div>
      {articles.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-[var(--color-surface)] text-left text-sm">
          <thead className="border-b border-[var(--color-rule)] text-[var(--color-muted)]">
            <tr>
              <th scope="col" className="p-3 font-medium">
                {t("title")}
              </th>
              <th scope="col" className="p-3 font-medium">
                {t("state")}
              </th>
              <th scope="col" className="hidden p-3 font-medium sm:table-cell">
                {t("claims")}
              </th>
              <th scope="col" className="hidden p-3 font-medium sm:table-cell">
                {t("updated")}
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} className="border-b border-[var(--color-rule)] last:border-0">
                <td className="p-3">
                  <Link href={withLocale(`/editor/articles/${a.id}`, locale)} className="font-medium hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="p-3">{a.status === "published" ? t("published") : a.pendingReview ? t("waiting") : t("draft")}</td>
                <td className="hidden p-3 sm:table-cell">{a.mentionCount}</td>
                <td className="hidden p-3 sm:table-cell">{localDate(a.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
