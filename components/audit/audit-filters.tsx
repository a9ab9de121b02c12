import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { withLocale } from "@/lib/i18n/locale-href";
import { LOCALE_PARAM } from "@/lib/i18n/locale-choice.mjs";
import type { ManagedUserDto } from "@/db/users/managed-user";
import { AUDIT_ENTITY_TYPES, type AuditQuery } from "@/lib/audit-query";
import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** The audit log's filters as a plain GET form: every filtered view has its own URL, with or without JavaScript. */
export function AuditFilters({ query, users, invalid }: { query: AuditQuery; users: ManagedUserDto[]; invalid: string[] }) {
  const t = useTranslations("editor.audit");
  const locale = useLocale();
  return (
    <form method="get" action="/editor/audit" role="search" aria-label={t("filterLabel")} className="flex flex-col gap-4 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
      {/* A GET form replaces the query: the page's language goes with the filters. */}
      {locale === "en" ? null : <input type="hidden" name={LOCALE_PARAM} value={locale} />}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField id="audit-user" label={t("user")} name="userId" defaultValue={query.userId ?? ""} hint={t("userHint")}>
          <option value="">{t("anyone")}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-entity-type" label={t("entityType")} name="entityType" defaultValue={query.entityType ?? ""}>
          <option value="">{t("any")}</option>
          {AUDIT_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`entityTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="audit-entity-id" label={t("entityId")} name="entityId" defaultValue={query.entityId ?? ""} maxLength={100} hint={t("entityIdHint")} />
        <TextField id="audit-from" label={t("from")} name="from" type="date" defaultValue={query.from ?? ""} error={invalid.includes("from") ? t("badDate") : undefined} />
        <TextField id="audit-to" label={t("to")} name="to" type="date" defaultValue={query.to ?? ""} error={invalid.includes("to") ? t("badDate") : undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">{t("filter")}</Button>
        <Link href={withLocale("/editor/audit", locale)} className="text-sm text-[var(--color-accent)] underline">
          {t("clearFilters")}
        </Link>
      </div>
    </form>
  );
}
