import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusBadge } from "@/components/status-badge";
import type { FormAction } from "@/components/editor/types";
import { DEFAULT_STATUS_KEY } from "@/lib/status-scale";
import { EditStatusForm } from "./edit-status-form";
import { StatusButtonForm } from "./status-button-form";

export interface ScaleActions {
  update: FormAction<StatusDto>;
  retire: FormAction<StatusDto>;
  reinstate: FormAction<StatusDto>;
  reorder: FormAction<{ keys: string[] }>;
}

interface ScaleRowProps {
  status: StatusDto;
  /** Every key, top to bottom: a move posts the whole new order. */
  order: string[];
  /** Absent for non-admins, who see the scale without controls. */
  actions?: ScaleActions;
}

/** The order after moving one key by one place, as the hidden inputs `keys.0`, `keys.1`, … */
function movedOrder(order: string[], key: string, by: -1 | 1): Record<string, string> {
  const next = [...order];
  const from = next.indexOf(key);
  [next[from], next[from + by]] = [next[from + by]!, next[from]!];
  return Object.fromEntries(next.map((k, i) => [`keys.${i}`, k]));
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-[var(--color-muted)]">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One status on the admin screen: how it looks, what it means, and (for admins) its controls. */
export function ScaleRow({ status, order, actions }: ScaleRowProps) {
  const t = useTranslations("editor.statuses");
  const position = order.indexOf(status.key);
  const name = <span className="sr-only"> “{status.labelEn}”</span>;
  return (
    <li className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-sm tabular-nums text-[var(--color-muted)]" aria-hidden="true">
          {position + 1}.
        </span>
        <StatusBadge status={status} />
        {status.retired ? <span className="rounded bg-stone-200 px-1.5 text-xs font-medium text-stone-800">{t("retiredTag")}</span> : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4 lg:grid-cols-7">
        <Fact term={t("key")}>
          <code>{status.key}</code>
        </Fact>
        <Fact term={t("english")}>{status.labelEn}</Fact>
        <Fact term={t("chinese")}>
          <span lang="zh-Hans">{status.labelZh}</span>
        </Fact>
        <Fact term={t("colour")}>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm border border-stone-300" style={{ backgroundColor: status.color }} aria-hidden="true" />
            <code>{status.color}</code>
          </span>
        </Fact>
        <Fact term={t("icon")}>{status.icon}</Fact>
        <Fact term={t("resolved")}>{status.resolved ? t("yes") : t("no")}</Fact>
        <Fact term={t("rating")}>{status.ratingValue === null ? t("notRated") : t("ratingOf", { value: status.ratingValue })}</Fact>
      </dl>
      {actions ? (
        <>
          <div className="flex flex-wrap items-start gap-2">
            <StatusButtonForm action={actions.reorder} values={position > 0 ? movedOrder(order, status.key, -1) : {}} disabled={position === 0}>
              {t("moveUp")}
              {name}
            </StatusButtonForm>
            <StatusButtonForm action={actions.reorder} values={position < order.length - 1 ? movedOrder(order, status.key, 1) : {}} disabled={position === order.length - 1}>
              {t("moveDown")}
              {name}
            </StatusButtonForm>
            {status.retired ? (
              <StatusButtonForm action={actions.reinstate} values={{ key: status.key }}>
                {t("reinstate")}
                {name}
              </StatusButtonForm>
            ) : status.key === DEFAULT_STATUS_KEY ? (
              <p className="self-center text-sm text-[var(--color-muted)]">{t("defaultStatus")}</p>
            ) : (
              <StatusButtonForm action={actions.retire} values={{ key: status.key }}>
                {t("retire")}
                {name}
              </StatusButtonForm>
            )}
          </div>
          <details className="rounded-md border border-[var(--color-rule)] p-3">
            <summary className="cursor-pointer text-sm font-medium">{t("edit", { label: status.labelEn })}</summary>
            <div className="mt-3">
              <EditStatusForm action={actions.update} status={status} />
            </div>
          </details>
        </>
      ) : null}
    </li>
  );
}
