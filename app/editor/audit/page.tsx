import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/app/_lib/editor-session";
import { AuditEntryList } from "@/components/audit/audit-entry-list";
import { AuditFilters } from "@/components/audit/audit-filters";
import { listAuditLog } from "@/db/audit-log/list-audit-log";
import { listUsers } from "@/db/users/list-users";
import { auditQueryString, parseAuditQuery } from "@/lib/audit-query";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireSessionUser("/editor/audit");
  if (me.role !== "admin") return <p>Only admins can read the audit log.</p>;
  const { query, invalid } = parseAuditQuery(await searchParams);
  const { before, ...filters } = query;
  const page = listAuditLog(me, query);
  const users = listUsers(me);
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="max-w-2xl">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-2 text-[var(--color-muted)]">Every change to the desk, who made it and when, newest first, with the fields it changed. Times are UTC.</p>
      </div>
      <AuditFilters query={query} users={users} invalid={invalid} />
      {page.entries.length === 0 ? (
        <p role="status">{filtered || before ? "No entries match these filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <AuditEntryList entries={page.entries} label={filtered ? "Audit entries matching the filters" : "Audit entries"} linkEntities />
      )}
      {before || page.olderThan ? (
        <nav aria-label="Audit log pages" className="flex flex-wrap gap-4 text-sm">
          {before ? (
            <Link href={`/editor/audit${auditQueryString(filters)}`} className="text-[var(--color-accent)] underline">
              ← Newest entries
            </Link>
          ) : null}
          {page.olderThan ? (
            <Link href={`/editor/audit${auditQueryString({ ...filters, before: page.olderThan })}`} className="text-[var(--color-accent)] underline">
              Older entries →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
