import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { StatusBadge, statusLookup } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { getPublicClaim } from "@/db/claims/public-claim";
import { listStatuses } from "@/db/statuses/list-statuses";
import { CLAIM_KIND_LABELS } from "@/lib/claim-rules";
import { formatDate } from "@/lib/format";
import { idParam } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

function loadClaim(raw: string) {
  const id = idParam.safeParse(raw);
  return id.success ? getPublicClaim(id.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = loadClaim((await params).id);
  return claim ? { title: claim.statement } : {};
}

export default async function ClaimPage({ params }: Props) {
  await connection();
  const claim = loadClaim((await params).id);
  if (!claim) notFound();
  const status = statusLookup(listStatuses());
  const facts = [
    claim.claimant ? ["Claimant", claim.claimant] : null,
    claim.claimDate ? ["Claimed on", formatDate(claim.claimDate)] : null,
    ["Kind", CLAIM_KIND_LABELS[claim.kind].en],
  ].filter((f): f is string[] => f !== null);

  return (
    <article className="flex max-w-3xl flex-col gap-8">
      <header>
        <p className="mb-3" data-testid="current-status">
          <StatusBadge status={status(claim.currentStatus)} />
        </p>
        <h1 className="text-3xl font-semibold leading-tight tracking-tight">{claim.statement}</h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-[var(--color-muted)]">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="appearances-heading">
        <h2 id="appearances-heading" className="mb-3 text-xl font-semibold">
          Where it appears ({claim.appearances.length})
        </h2>
        <ul className="flex flex-col gap-3">
          {claim.appearances.map((a) => (
            <li key={a.mentionId} className="rounded-lg border border-[var(--color-rule)] bg-white p-4">
              <blockquote lang={a.articleLanguage} className="border-l-4 border-stone-300 pl-3">
                “{a.exact}”
              </blockquote>
              <p className="mt-2 text-sm text-[var(--color-muted)]">
                <Link href={`/articles/${encodeURIComponent(a.articleSlug)}#claim-${claim.id}`} className="text-[var(--color-accent)] underline">
                  {a.articleTitle}
                </Link>
                {a.outlet ? ` · ${a.outlet}` : ""}
                {a.publishedDate ? ` · ${formatDate(a.publishedDate)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-4 text-xl font-semibold">
          Timeline
        </h2>
        <Timeline events={claim.timeline} status={status} />
      </section>
    </article>
  );
}
