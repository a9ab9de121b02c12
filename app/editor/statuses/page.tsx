import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewStatusForm } from "@/components/statuses/new-status-form";
import { ScaleRow } from "@/components/statuses/scale-row";
import { getSessionUser } from "@/db/session";
import { listStatuses } from "@/db/statuses/list-statuses";
import { createStatusAction, reinstateStatusAction, reorderStatusesAction, retireStatusAction, updateStatusAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("statuses") };
}

const ACTIONS = { update: updateStatusAction, retire: retireStatusAction, reinstate: reinstateStatusAction, reorder: reorderStatusesAction };

export default async function StatusesPage() {
  const user = await getSessionUser();
  const t = await getTranslations("editor.statuses");
  // Controls are hidden from editors as a courtesy; the data layer refuses them regardless.
  const isAdmin = user?.role === "admin";
  const statuses = await listStatuses();
  const order = statuses.map((s) => s.key);

  return (
    <>
      <div className="max-w-2xl">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          {t("intro")}
        </p>
      </div>
      {isAdmin ? null : (
        <p role="note" className="rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] px-3 py-2 text-sm">
          {t("adminsOnly")}
        </p>
      )}
      <ol aria-label={t("listLabel")} className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
        {statuses.map((status) => (
          <ScaleRow key={status.key} status={status} order={order} actions={isAdmin ? ACTIONS : undefined} />
        ))}
      </ol>
      {isAdmin ? (
        <section aria-labelledby="new-status-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="new-status-heading" className="mb-3 text-lg font-semibold">
            {t("newHeading")}
          </h2>
          <NewStatusForm action={createStatusAction} />
        </section>
      ) : null}
    </>
  );
}
