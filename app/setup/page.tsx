import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { countUsers } from "@/db/users/first-admin";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Claimline" };

export default async function SetupPage() {
  await connection();
  if (countUsers() > 0) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-semibold">Setup is finished</h1>
        <p>
          This desk already has accounts. <Link href="/sign-in" className="underline">Sign in</Link>, or ask an admin for an account.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-semibold">Set up Claimline</h1>
      <p className="mb-6 text-sm text-[var(--color-muted)]">Create the first admin account. This page works only while no account exists.</p>
      <SetupForm />
    </div>
  );
}
