import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedStatusChanges, cachedStatuses } from "@/app/_lib/reader-cache";
import { StatusChangesChart } from "@/components/charts/status-changes-chart";
import { statusLookup } from "@/components/status-badge";
import { withLocale } from "@/lib/i18n/locale-href";
import { parseTrackerQuery, trackerHref } from "@/lib/tracker-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reader.trends");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The tracker's chart of status changes per month, on its own page: it covers every month of
 * the whole selection, which weighed down every tracker view. It takes the tracker's filters
 * (the same URL parameters; page and sort do not apply), so "these claims over time" is a link.
 */
export default async function TrendsPage({ searchParams }: Props) {
  await connection();
  const query = parseTrackerQuery(await searchParams);
  const [changes, statuses] = await Promise.all([cachedStatusChanges(query), cachedStatuses()]);
  const [locale, t, tr] = await Promise.all([getLocale(), getTranslations("reader.trends"), getTranslations("reader")]);
  const status = statusLookup(statuses);
  const tracker = trackerHref({ ...query, page: 1 });
  const filtered = tracker !== "/";
  return (
    <div className="flex flex-col gap-6">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
          {t.rich(filtered ? "introFiltered" : "intro", {
            link: (chunks) => (
              <Link href={withLocale(tracker, locale)} className="text-[var(--color-accent)] underline" data-testid="tracker-link">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
      {changes.length === 0 ? <p>{t("empty")}</p> : <StatusChangesChart changes={changes} status={status} />}
      <p className="text-sm">
        <a href="/feeds/desk.atom" className="text-[var(--color-accent)] underline">
          {tr("feedEverything")}
        </a>
      </p>
    </div>
  );
}
