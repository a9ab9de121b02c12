import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import Link from "next/link";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { AuditEntryList } from "@/components/audit/audit-entry-list";
import { AuditFilters } from "@/components/audit/audit-filters";
import { listAuditLog } from "@/db/audit-log/list-audit-log";
import { listUsers } from "@/db/users/list-users";
import { auditQueryString, parseAuditQuery } from "@/lib/audit-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireSessionUser("/editor/audit");
  const [t, locale] = await Promise.all([getTranslations("editor.audit"), getLocale()]);
  if (me.role !== "admin") return <p>{t("adminsOnly")}</p>;
  const { query, invalid } = parseAuditQuery(await searchParams);
  const { before, ...filters } = query;
  const page = await listAuditLog(me, query);
  const users = await listUsers(me);
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-2xl">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-[var(--color-muted)]">{t("intro")}</p>
      </div>
      <AuditFilters query={query} users={users} invalid={invalid} />
      {page.entries.length === 0 ? (
        <p role="status">{filtered || before ? t("noMatch") : t("nothingYet")}</p>
      ) : (
        <AuditEntryList entries={page.entries} label={filtered ? t("entriesFiltered") : t("entries")} linkEntities />
      )}
      {before || page.olderThan ? (
        <nav aria-label={t("pages")} className="flex flex-wrap gap-4 text-sm">
          {before ? (
            <Link href={withLocale(`/editor/audit${auditQueryString(filters)}`, locale)} className="text-[var(--color-accent)] underline">
              {t("newest")}
            </Link>
          ) : null}
          {page.olderThan ? (
            <Link href={withLocale(`/editor/audit${auditQueryString({ ...filters, before: page.olderThan })}`, locale)} className="text-[var(--color-accent)] underline">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
