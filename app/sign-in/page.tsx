import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/db/session";
import { safeNextPath } from "@/lib/validation";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  if (await getSessionUser()) redirect(target);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-[var(--color-muted)]">For editors and admins of this desk. Readers need no account.</p>
      <SignInForm next={target} />
    </div>
  );
}
