import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/**
 * The 404 page, in the site's layout. Next's built-in one is not valid HTML inside a root layout
 * that has its own title: it adds a second <title> and a <style> in the body (Nu HTML Checker).
 * A page that calls notFound() still gets Next's bare error shell (vercel/next.js#62228).
 */
export default function NotFound() {
  return (
    <div className="py-12">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-[var(--color-muted)]">There is no page at this address: it may have been removed, or the link is mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="text-[var(--color-accent)] underline">
          Back to the tracker
        </Link>
      </p>
    </div>
  );
}
