import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedPublishedArticles } from "@/app/_lib/reader-cache";
import { formatDate } from "@/lib/format";
import { withLocale } from "@/lib/i18n/locale-href";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.articles");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function ArticlesPage() {
  await connection();
  const [articles, locale, t] = await Promise.all([cachedPublishedArticles(), getLocale(), getTranslations("reader.articles")]);
  return (
    <div className="flex flex-col gap-8">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">{t("intro")}</p>
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="sr-only">
          {t("heading")}
        </h2>
        {articles.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
            {articles.map((article) => (
              <li key={article.slug} className="p-5">
                <Link href={withLocale(`/articles/${encodeURIComponent(article.slug)}`, locale)} className="text-xl font-semibold hover:underline">
                  {article.title}
                </Link>
                {article.summary ? <p className="mt-2 leading-relaxed text-[var(--color-muted)]">{article.summary}</p> : null}
                <p className="mt-2 text-sm text-[var(--color-muted)]">
                  {[article.outlet, article.publishedDate ? formatDate(article.publishedDate, "day", locale) : null, t("claimCount", { count: article.claimCount })].filter(Boolean).join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
