import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cachedStatusChanges, cachedStatuses } from "@/app/_lib/reader-cache";
import { StatusChangesChart } from "@/components/charts/status-changes-chart";
import { statusLookup } from "@/components/status-badge";
import { parseTrackerQuery, trackerHref } from "@/lib/tracker-query";

export const metadata: Metadata = {
  title: "Status changes over time",
  description: "How many checked claims changed status each month, by status, with the numbers in a table.",
};

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
  const status = statusLookup(statuses);
  const tracker = trackerHref({ ...query, page: 1 });
  const filtered = tracker !== "/";
  return (
    <div className="flex flex-col gap-6">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">Status changes over time</h1>
        <p className="mt-3 text-lg leading-relaxed text-[var(--color-muted)]">
          Published status updates per month, by status{filtered ? ", for the claims your filters select" : ", across every published claim"}.{" "}
          <Link href={tracker} className="text-[var(--color-accent)] underline" data-testid="tracker-link">
            {filtered ? "See these claims in the tracker" : "See the claims in the tracker"}
          </Link>
          .
        </p>
      </section>
      {changes.length === 0 ? <p>No published status update matches these filters.</p> : <StatusChangesChart changes={changes} status={status} />}
      <p className="text-sm">
        <a href="/feeds/desk.atom" className="text-[var(--color-accent)] underline">
          Follow every status update (Atom feed)
        </a>
      </p>
    </div>
  );
}
