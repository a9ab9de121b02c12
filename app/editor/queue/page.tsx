import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { listRecheckQueue, type QueueItemDto } from "@/db/claims/recheck-queue";
import { getSessionUser } from "@/db/session";
import { listStatuses, type StatusDto } from "@/db/statuses/list-statuses";
import { formatDate } from "@/lib/format";
import { DEFAULT_STALE_DAYS, MAX_STALE_DAYS, queueQuery } from "@/lib/recheck-input";

export const metadata: Metadata = { title: "Re-check queue" };

type Props = { searchParams: Promise<{ days?: string | string[] }> };

const dayCount = (days: number) => (days === 1 ? "1 day" : `${days} days`);

export default async function RecheckQueuePage({ searchParams }: Props) {
  const params = await searchParams;
  const query = queueQuery.safeParse(params);
  // A bad ?days= is shown beside the field and the default used, rather than failing the page.
  const days = query.success ? query.data.days : DEFAULT_STALE_DAYS;
  const daysError = query.success ? undefined : query.error.issues[0]?.message;
  const user = await getSessionUser();
  const queue = listRecheckQueue(user, { days });
  const status = statusLookup(listStatuses());

  return (
    <>
      <h1 className="text-2xl font-semibold">Re-check queue</h1>

      <section aria-labelledby="due-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="due-heading" className="text-lg font-semibold">
            Due for re-check
          </h2>
          <p className="text-sm text-[var(--color-muted)]">Claims whose re-check date is today ({formatDate(queue.today)}) or earlier, oldest date first.</p>
        </div>
        {queue.due.length === 0 ? (
          <p>No claim is due for re-check.</p>
        ) : (
          <QueueList items={queue.due} status={status} today={queue.today} />
        )}
      </section>

      <section aria-labelledby="stale-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="stale-heading" className="text-lg font-semibold">
            Not updated in {dayCount(queue.days)}
          </h2>
          <p className="text-sm text-[var(--color-muted)]">Open claims with no status recorded (draft or published) for more than {dayCount(queue.days)}, longest first.</p>
        </div>
        {/* A plain GET form: it works without JavaScript and the URL can be shared. */}
        <form method="get" action="/editor/queue" className="flex flex-wrap items-end gap-3">
          <div className="w-40">
            <TextField
              label="Days without an update"
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
            Show
          </Button>
        </form>
        {queue.stale.length === 0 ? (
          <p>Every open claim has been updated in the last {dayCount(queue.days)}.</p>
        ) : (
          <QueueList items={queue.stale} status={status} today={queue.today} />
        )}
      </section>
    </>
  );
}

function QueueList({ items, status, today }: { items: QueueItemDto[]; status: (key: string) => StatusDto; today: string }) {
  return (
    <ul className="flex flex-col gap-2">
      {items.map((item) => (
        <li key={item.claimId} className="flex flex-col gap-3 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex min-w-0 flex-col gap-1">
            <div>
              <StatusBadge status={status(item.currentStatus)} size="sm" />
            </div>
            <Link href={`/editor/claims/${item.claimId}`} className="font-medium hover:underline">
              {item.statement}
            </Link>
            <p className="text-sm text-[var(--color-muted)]">
              {item.article ? (
                <Link href={`/editor/articles/${item.article.id}`} className="underline">
                  {item.article.title}
                </Link>
              ) : (
                "In no article"
              )}
              {item.recheckBy ? ` · Re-check by ${formatDate(item.recheckBy)}${recheckNote(item.recheckBy, today)}` : null}
              {` · Last activity ${formatDate(item.lastActivityAt)}`}
            </p>
          </div>
          <ButtonLink href={`/editor/claims/${item.claimId}#record`} variant="secondary" className="shrink-0">
            Record an update<span className="sr-only">: {item.statement}</span>
          </ButtonLink>
        </li>
      ))}
    </ul>
  );
}

/** YYYY-MM-DD strings compare as dates. */
function recheckNote(recheckBy: string, today: string): string {
  if (recheckBy < today) return " (overdue)";
  return recheckBy === today ? " (today)" : "";
}
