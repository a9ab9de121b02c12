// Plain links, not next/link: its client code (2.8 kB gzipped) would load on every reader page
// for client-side navigation that reading pages do not need. The rule assumes a pages/ router.
/* eslint-disable @next/next/no-html-link-for-pages */
import { getSessionUser } from "@/db/session";
import { signOutAction } from "@/app/sign-in/actions";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b border-[var(--color-rule)] bg-[var(--color-surface)]">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href="/" className="text-lg font-semibold tracking-tight">
          Claimline
        </a>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          <a href="/" className="hover:underline">
            Tracker
          </a>
          <a href="/articles" className="hover:underline">
            Articles
          </a>
          {user ? (
            <>
              <a href="/editor" className="hover:underline">
                Editor
              </a>
              <span className="hidden text-[var(--color-muted)] sm:inline">{user.name}</span>
              <form action={signOutAction}>
                <button type="submit" className="underline hover:no-underline">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <a href="/sign-in" className="hover:underline">
              Sign in
            </a>
          )}
        </nav>
      </div>
    </header>
  );
}
