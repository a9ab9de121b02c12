import Link from "next/link";
import { getSessionUser } from "@/db/session";
import { signOutAction } from "@/app/sign-in/actions";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b border-[var(--color-rule)] bg-[var(--color-surface)]">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Claimline
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          <Link href="/" className="hover:underline">
            Tracker
          </Link>
          <Link href="/articles" className="hover:underline">
            Articles
          </Link>
          {user ? (
            <>
              <Link href="/editor" className="hover:underline">
                Editor
              </Link>
              <span className="hidden text-[var(--color-muted)] sm:inline">{user.name}</span>
              <form action={signOutAction}>
                <button type="submit" className="underline hover:no-underline">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className="hover:underline">
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
