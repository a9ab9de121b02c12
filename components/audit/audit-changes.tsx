import { useLocale, useTranslations } from "next-intl";
import type { AuditChange, AuditValue } from "@/lib/audit-diff";

const removedText = "text-[var(--color-muted)] line-through decoration-1";

/** The whole of a value the row shows cut short (up to its bounded length). */
function FullValue({ label, value }: { label: string; value: AuditValue }) {
  const t = useTranslations("editor.audit");
  const locale = useLocale();
  return (
    <div className="mt-1">
      <p className="text-xs font-medium text-[var(--color-muted)]">{label}</p>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded border border-[var(--color-rule)] bg-[var(--color-paper)] p-2 text-xs">
        {value.full ?? value.short}
        {value.omitted > 0 ? `\n${t("omitted", { count: value.omitted.toLocaleString(locale) })}` : null}
      </pre>
    </div>
  );
}

function ChangeRow({ change }: { change: AuditChange }) {
  const t = useTranslations("editor.audit");
  const { before, after } = change;
  const cut = Boolean(before?.full || after?.full);
  return (
    <>
      <dt className="break-all pt-0.5 font-mono text-xs text-[var(--color-muted)]">{change.field}</dt>
      <dd className="min-w-0 break-words">
        {before ? (
          <>
            <span className="sr-only">{t("was")} </span>
            <span className={removedText}>{before.short}</span>
          </>
        ) : null}
        {before && after ? (
          <span aria-hidden="true" className="px-1.5 text-[var(--color-muted)]">
            →
          </span>
        ) : null}
        {after ? (
          <>
            <span className="sr-only">{before ? t("now") : t("setTo")} </span>
            <span>{after.short}</span>
          </>
        ) : (
          <span className="ml-1.5 text-xs text-[var(--color-muted)]">{t("removed")}</span>
        )}
        {cut ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-[var(--color-accent)]">
              {t.rich("showAll", { field: change.field, hidden: (words) => <span className="sr-only">{words}</span> })}
            </summary>
            {before ? <FullValue label={t("before")} value={before} /> : null}
            {after ? <FullValue label={t("after")} value={after} /> : null}
          </details>
        ) : null}
      </dd>
    </>
  );
}

/** Fields a creation recorded beyond this many are folded away: they are all "new", not changes to read. */
const FOLD_CREATIONS_OVER = 4;

/** The fields an audit row changed: "field  was → now", compact. */
export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  const t = useTranslations("editor.audit");
  if (changes.length === 0) return null;
  const list = (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(7rem,max-content)_minmax(0,1fr)]">
      {changes.map((change) => (
        <ChangeRow key={change.field} change={change} />
      ))}
    </dl>
  );
  const isCreation = changes.every((c) => c.kind === "added");
  if (!isCreation || changes.length <= FOLD_CREATIONS_OVER) return list;
  return (
    <details>
      <summary className="cursor-pointer text-sm text-[var(--color-accent)]">{t("showFields", { count: changes.length })}</summary>
      <div className="mt-2">{list}</div>
    </details>
  );
}
