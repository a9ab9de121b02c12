"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { APIError } from "better-auth/api";
import { getAuth } from "@/db/auth";
import { formDataToObject } from "@/lib/form-data";
import { fieldErrors, safeNextPath, signInInput } from "@/lib/validation";
import type { ActionResult } from "@/app/_lib/errors";

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return { ok: false, error: "Enter your email and password.", fields: fieldErrors(parsed.error) };
  try {
    // Better Auth checks the password and, through its nextCookies plugin, sets the session cookie.
    await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) return { ok: false, error: "That email and password do not match an active account." };
    console.error(error);
    return { ok: false, error: "Sign-in failed on our side. Try again." };
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}
