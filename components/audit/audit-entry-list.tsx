import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localTimestamp } from "@/components/editor/local-dates";
import { withLocale } from "@/lib/i18n/locale-href";
import { AUDIT_ENTITY_TYPES } from "@/lib/audit-query";
import type { AuditEntryDto } from "@/db/audit-log/audit-entry";
import { AuditChanges } from "./audit-changes";


/** Where an entity can be looked at, for those entities that have an editor page. */
function entityHref(entry: AuditEntryDto): string | null {
  if (entry.entityType === "claim") return `/editor/claims/${entry.entityId}`;
  if (entry.entityType === "article") return `/editor/articles/${entry.entityId}`;
  if (entry.entityType === "user") return `/editor/audit?userId=${encodeURIComponent(entry.entityId)}`;
  return null;
}

function Entity({ entry, linked }: { entry: AuditEntryDto; linked: boolean }) {
  const t = useTranslations("editor.audit");
  const locale = useLocale();
  const type = AUDIT_ENTITY_TYPES.find((known) => known === entry.entityType);
  const name = t("entity", { type: type ? t(`entityNames.${type}`) : entry.entityType, label: entry.entityLabel ?? entry.entityId });
  const path = linked ? entityHref(entry) : null;
  const href = path ? withLocale(path, locale) : null;
  return href ? (
    <Link href={href} className="break-all text-[var(--color-accent)] underline">
      {name}
    </Link>
  ) : (
    <span className="break-all">{name}</span>
  );
}

interface AuditEntryListProps {
  entries: AuditEntryDto[];
  label: string;
  /** Link entities to their pages (the admins' audit log); off where readers of the list may not follow them. */
  linkEntities?: boolean;
}

/** Audit rows, newest first: what was done to which entity, by whom and when, and what changed. */
export function AuditEntryList({ entries, label, linkEntities = false }: AuditEntryListProps) {
  const t = useTranslations("editor.audit");
  const locale = useLocale();
  return (
    <ol aria-label={label} className="flex flex-col divide-y divide-[var(--color-rule)] rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)]">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-col gap-2 p-3 sm:p-4" data-testid="audit-entry">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
            <code className="rounded bg-[var(--color-paper)] px-1.5 py-0.5 text-xs font-semibold">{entry.action}</code>
            <Entity entry={entry} linked={linkEntities} />
          </div>
          <p className="text-xs text-[var(--color-muted)]">
            {entry.actor ? entry.actor.name : t("system")} · <time dateTime={entry.at}>{localTimestamp(entry.at, locale)}</time>
          </p>
          <AuditChanges changes={entry.changes} />
        </li>
      ))}
    </ol>
  );
}
