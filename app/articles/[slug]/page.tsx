import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AsOfControls } from "@/components/as-of-controls";
import { ExportLinks } from "@/components/export-links";
import { ReaderArticle } from "@/components/reader-article";
import { type TimeViewSearch, pageTimeView } from "@/app/_lib/page-time-view";
import { cachedPublishedArticle, cachedStatuses } from "@/app/_lib/reader-cache";
import { redirectFormerSlug } from "@/app/_lib/former-slug";
import { withTimeView } from "@/lib/as-of";
import { withLocale } from "@/lib/i18n/locale-href";
import { decodePathSegment } from "@/lib/path-segment";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<TimeViewSearch> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const decoded = decodePathSegment(slug);
  const { view, problem } = pageTimeView(search, `/articles/${encodeURIComponent(decoded ?? slug)}`);
  return { view, problem, decoded, article: decoded === null ? null : await cachedPublishedArticle(decoded, { view }) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { article } = await load(props);
  if (!article) return {};
  const [t, tr, locale] = await Promise.all([getTranslations("reader.article"), getTranslations("reader"), getLocale()]);
  const description = (article.summary ?? t("metaDescription", { count: article.claims.length })).slice(0, 300);
  const url = `/articles/${encodeURIComponent(article.slug)}`;
  return {
    title: article.title,
    description,
    openGraph: { type: "article", title: article.title, description, url, publishedTime: article.publishedDate ?? undefined },
    twitter: { card: "summary", title: article.title, description },
    alternates: {
      // Each language is its own page (hreflang alternates in the Link header): canonical to itself.
      canonical: withLocale(url, locale),
      types: { "application/atom+xml": [{ url: `/feeds/articles/${encodeURIComponent(article.slug)}`, title: tr("feedTitle", { title: article.title }) }] },
    },
  };
}

export default async function ArticlePage(props: Props) {
  await connection();
  const { article, view, problem, decoded } = await load(props);
  if (!article) {
    // A link from before the article's slug changed (a title edit, or pinyin for a Chinese title).
    if (decoded !== null) await redirectFormerSlug(decoded, (slug) => withTimeView(`/articles/${encodeURIComponent(slug)}`, view));
    notFound();
  }
  const path = `/articles/${encodeURIComponent(article.slug)}`;
  const locale = await getLocale();
  return (
    <ReaderArticle
      article={article}
      statuses={await cachedStatuses()}
      view={view}
      controls={<AsOfControls path={path} view={view} problem={problem} what="article" />}
      exports={<ExportLinks apiBase={`/api/v1/articles/${encodeURIComponent(article.slug)}`} view={view} htmlReport={`${path}/report`} pdfReport={`${path}/report.pdf`} />}
      claimHref={(claimId) => withLocale(withTimeView(`/claims/${claimId}`, view), locale)}
    />
  );
}
