import type { Metadata } from "next";
import { RestoreForm } from "@/components/editor/restore-form";
import { getSessionUser } from "@/db/session";

export const metadata: Metadata = { title: "Backup and restore" };

export default async function BackupPage() {
  const user = await getSessionUser();
  if (user?.role !== "admin") return <p>Only admins can back up and restore the desk.</p>;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Backup and restore</h1>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Download a backup</h2>
        <p className="text-sm text-[var(--color-muted)]">
          Everything but password hashes and sessions, as JSON: articles, claims, mentions, events, sources, statuses, and users&apos; names and roles. For a copy of the
          database file itself while the app runs, use <code>npm run db:backup</code>.
        </p>
        <p>
          <a href="/editor/backup/download" className="text-[var(--color-accent)] underline">
            Download backup (JSON)
          </a>
        </p>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Restore a backup</h2>
        <RestoreForm />
      </section>
    </div>
  );
}
