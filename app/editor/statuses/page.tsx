import type { Metadata } from "next";
import { NewStatusForm } from "@/components/statuses/new-status-form";
import { ScaleRow } from "@/components/statuses/scale-row";
import { getSessionUser } from "@/db/session";
import { listStatuses } from "@/db/statuses/list-statuses";
import { createStatusAction, reinstateStatusAction, reorderStatusesAction, retireStatusAction, updateStatusAction } from "./actions";

export const metadata: Metadata = { title: "Verification scale" };

const ACTIONS = { update: updateStatusAction, retire: retireStatusAction, reinstate: reinstateStatusAction, reorder: reorderStatusesAction };

export default async function StatusesPage() {
  const user = await getSessionUser();
  // Controls are hidden from editors as a courtesy; the data layer refuses them regardless.
  const isAdmin = user?.role === "admin";
  const statuses = listStatuses();
  const order = statuses.map((s) => s.key);

  return (
    <>
      <div className="max-w-2xl">
        <h1 className="text-2xl font-semibold">Verification scale</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          The statuses editors choose from, in the order they are offered. A retired status stays on the events that used it and can be reinstated, but cannot be
          chosen for new events.
        </p>
      </div>
      {isAdmin ? null : (
        <p role="note" className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] px-3 py-2 text-sm">
          Only admins can change the verification scale.
        </p>
      )}
      <ol aria-label="Statuses, top to bottom" className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
        {statuses.map((status) => (
          <ScaleRow key={status.key} status={status} order={order} actions={isAdmin ? ACTIONS : undefined} />
        ))}
      </ol>
      {isAdmin ? (
        <section aria-labelledby="new-status-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="new-status-heading" className="mb-3 text-lg font-semibold">
            New status
          </h2>
          <NewStatusForm action={createStatusAction} />
        </section>
      ) : null}
    </>
  );
}
