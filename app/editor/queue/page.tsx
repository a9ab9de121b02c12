import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import { LOCALE_PARAM, type Locale } from "@/lib/i18n/locale-choice.mjs";
import { localDate } from "@/components/editor/local-dates";
import Link from "next/link";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { listRecheckQueue, type QueueItemDto } from "@/db/claims/recheck-queue";
import { getSessionUser } from "@/db/session";
import { listStatuses, type StatusDto } from "@/db/statuses/list-statuses";
import { DEFAULT_STALE_DAYS, MAX_STALE_DAYS, queueQuery } from "@/lib/recheck-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("queue") };
}

type Props = { searchParams: Promise<{ days?: string | string[] }> };

export default async function RecheckQueuePage({ searchParams }: Props) {
  const params = await searchParams;
  const query = queueQuery.safeParse(params);
  // A bad ?days= is shown beside the field and the default used, rather than failing the page.
  const days = query.success ? query.data.days : DEFAULT_STALE_DAYS;
  const daysError = query.success ? undefined : query.error.issues[0]?.message;
  const user = await getSessionUser();
  const queue = await listRecheckQueue(user, { days });
  const status = statusLookup(await listStatuses());
  const [t, locale] = await Promise.all([getTranslations("editor.queue"), getLocale()]);

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>

      <section aria-labelledby="due-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="due-heading" className="text-lg font-semibold">
            {t("dueHeading")}
          </h2>
          <p className="text-sm text-[var(--color-muted)]">{t("dueIntro", { today: localDate(queue.today, locale) })}</p>
        </div>
        {queue.due.length === 0 ? (
          <p>{t("noneDue")}</p>
        ) : (
          <QueueList items={queue.due} status={status} today={queue.today} t={t} locale={locale} />
        )}
      </section>

      <section aria-labelledby="stale-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="stale-heading" className="text-lg font-semibold">
            {t("staleHeading", { days: queue.days })}
          </h2>
          <p className="text-sm text-[var(--color-muted)]">{t("staleIntro", { days: queue.days })}</p>
        </div>
        {/* A plain GET form: it works without JavaScript and the URL can be shared. */}
        <form method="get" action="/editor/queue" className="flex flex-wrap items-end gap-3">
          {/* A GET form replaces the query: the page's language goes with the days. */}
          {locale === "en" ? null : <input type="hidden" name={LOCALE_PARAM} value={locale} />}
          <div className="w-40">
            <TextField
              label={t("daysLabel")}
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_STALE_DAYS}
              required
              defaultValue={query.success ? days : String(params.days ?? "")}
              error={daysError}
            />
          </div>
          <Button type="submit" variant="secondary">
            {t("show")}
          </Button>
        </form>
        {queue.stale.length === 0 ? (
          <p>{t("noneStale", { days: queue.days })}</p>
        ) : (
          <QueueList items={queue.stale} status={status} today={queue.today} t={t} locale={locale} />
        )}
      </section>
    </>
  );
}

type QueueText = Awaited<ReturnType<typeof getTranslations<"editor.queue">>>;

function QueueList({ items, status, today, t, locale }: { items: QueueItemDto[]; status: (key: string) => StatusDto; today: string; t: QueueText; locale: Locale }) {
  return (
    <ul className="flex flex-col gap-2">
      {items.map((item) => (
        <li key={item.claimId} className="flex flex-col gap-3 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex min-w-0 flex-col gap-1">
            <div>
              <StatusBadge status={status(item.currentStatus)} size="sm" />
            </div>
            <Link href={withLocale(`/editor/claims/${item.claimId}`, locale)} className="font-medium hover:underline">
              {item.statement}
            </Link>
            <p className="text-sm text-[var(--color-muted)]">
              {item.article ? (
                <Link href={withLocale(`/editor/articles/${item.article.id}`, locale)} className="underline">
                  {item.article.title}
                </Link>
              ) : (
                t("noArticle")
              )}
              {item.recheckBy ? t("recheckBy", { date: localDate(item.recheckBy, locale), when: recheckWhen(item.recheckBy, today) }) : null}
              {t("lastActivity", { date: localDate(item.lastActivityAt, locale) })}
            </p>
          </div>
          <ButtonLink href={withLocale(`/editor/claims/${item.claimId}#record`, locale)} variant="secondary" className="shrink-0">
            {t.rich("recordUpdate", { statement: item.statement, hidden: (words) => <span className="sr-only">{words}</span> })}
          </ButtonLink>
        </li>
      ))}
    </ul>
  );
}

/** YYYY-MM-DD strings compare as dates. */
function recheckWhen(recheckBy: string, today: string): "overdue" | "today" | "later" {
  if (recheckBy < today) return "overdue";
  return recheckBy === today ? "today" : "later";
}
