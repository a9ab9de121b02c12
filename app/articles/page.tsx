import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cachedPublishedArticles } from "@/app/_lib/reader-cache";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Articles", description: "The articles whose claims Claimline tracks." };

export default async function ArticlesPage() {
  await connection();
  const articles = await cachedPublishedArticles();
  return (
    <div className="flex flex-col gap-8">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">Articles</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">Every article whose claims the desk tracks, newest first.</p>
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="sr-only">
          Articles
        </h2>
        {articles.length === 0 ? (
          <p>No articles are published yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
            {articles.map((article) => (
              <li key={article.slug} className="p-5">
                <Link href={`/articles/${encodeURIComponent(article.slug)}`} className="text-xl font-semibold hover:underline">
                  {article.title}
                </Link>
                {article.summary ? <p className="mt-2 leading-relaxed text-[var(--color-muted)]">{article.summary}</p> : null}
                <p className="mt-2 text-sm text-[var(--color-muted)]">
                  {[article.outlet, article.publishedDate ? formatDate(article.publishedDate) : null, `${article.claimCount} claims`].filter(Boolean).join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
