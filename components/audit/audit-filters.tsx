import Link from "next/link";
import type { ManagedUserDto } from "@/db/users/managed-user";
import { AUDIT_ENTITY_TYPES, type AuditQuery } from "@/lib/audit-query";
import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

const ENTITY_TYPE_LABELS: Record<(typeof AUDIT_ENTITY_TYPES)[number], string> = {
  article: "Article",
  claim: "Claim",
  mention: "Mention",
  status_event: "Status event",
  status: "Status (scale)",
  user: "User",
  review: "Review (second approval)",
  setting: "Desk setting",
  database: "Database (restore)",
};

/** The audit log's filters as a plain GET form: every filtered view has its own URL, with or without JavaScript. */
export function AuditFilters({ query, users, invalid }: { query: AuditQuery; users: ManagedUserDto[]; invalid: string[] }) {
  return (
    <form method="get" action="/editor/audit" role="search" aria-label="Filter the audit log" className="flex flex-col gap-4 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField id="audit-user" label="User" name="userId" defaultValue={query.userId ?? ""} hint="What they did, and what was done to their account.">
          <option value="">Anyone</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-entity-type" label="Entity type" name="entityType" defaultValue={query.entityType ?? ""}>
          <option value="">Any</option>
          {AUDIT_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {ENTITY_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
        <TextField id="audit-entity-id" label="Entity id" name="entityId" defaultValue={query.entityId ?? ""} maxLength={100} hint="A claim's or article's number, a status key…" />
        <TextField id="audit-from" label="From (UTC day)" name="from" type="date" defaultValue={query.from ?? ""} error={invalid.includes("from") ? "Enter a real date." : undefined} />
        <TextField id="audit-to" label="To (UTC day, inclusive)" name="to" type="date" defaultValue={query.to ?? ""} error={invalid.includes("to") ? "Enter a real date." : undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Filter</Button>
        <Link href="/editor/audit" className="text-sm text-[var(--color-accent)] underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
