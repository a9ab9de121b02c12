import Link from "next/link";
import { connection } from "next/server";
import { cachedPublishedArticles } from "@/app/_lib/reader-cache";
import { formatDate } from "@/lib/format";

export default async function HomePage() {
  await connection();
  const articles = await cachedPublishedArticles();
  return (
    <div className="flex flex-col gap-8">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">What the news said, and how it held up</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
          Each checkable statement is tied to the exact words that made it, with its verification history: what was known when, and the sources.
        </p>
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="mb-4 text-sm font-semibold uppercase tracking-wide text-[var(--color-muted)]">
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
