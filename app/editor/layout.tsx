import type { ReactNode } from "react";
import Link from "next/link";
import { Providers } from "@/components/providers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/db/session";

/** Editor pages need a signed-in editor or admin. (Mutations check again in the data layer.) */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/editor");
  const links = [
    { href: "/editor", label: "Articles" },
    { href: "/editor/queue", label: "Re-check queue" },
    { href: "/editor/duplicates", label: "Duplicates" },
    { href: "/editor/tokens", label: "API tokens" },
    { href: "/editor/account", label: "Your account" },
    ...(user.role === "admin"
      ? [
          { href: "/editor/desk", label: "Desk settings" },
          { href: "/editor/statuses", label: "Status scale" },
          { href: "/editor/backup", label: "Backup" },
          { href: "/editor/users", label: "Users" },
          { href: "/editor/audit", label: "Audit log" },
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Editor" className="flex flex-wrap gap-4 border-b border-[var(--color-rule)] pb-3 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-[var(--color-accent)] underline-offset-4 hover:underline">
            {link.label}
          </Link>
        ))}
      </nav>
      {/* Only the editor uses TanStack Query: reader pages do not load it. */}
      <Providers>{children}</Providers>
    </div>
  );
}
