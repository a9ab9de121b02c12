"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { APIError } from "better-auth/api";
import { getAuth } from "@/db/auth";
import { formDataToObject } from "@/lib/form-data";
import { fieldErrors, safeNextPath, signInInput } from "@/lib/validation";
import type { ActionResult } from "@/app/_lib/errors";
import { clientAddress } from "@/app/_lib/rate-limit";
import { recordSignInSuccess, startSignInAttempt, tooManyAttemptsMessage } from "@/app/_lib/sign-in-throttle";

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return { ok: false, error: "Enter your email and password.", fields: fieldErrors(parsed.error) };
  const requestHeaders = await headers();
  const client = clientAddress(requestHeaders);
  const { email, password } = parsed.data;
  // Refused before the password is checked, so a locked account gives nothing away; a failure
  // keeps the point this attempt took.
  const wait = await startSignInAttempt(email, client);
  if (wait > 0) return { ok: false, error: tooManyAttemptsMessage(wait) };
  try {
    // Better Auth checks the password and, through its nextCookies plugin, sets the session cookie.
    await getAuth().api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError) {
      return { ok: false, error: "That email and password do not match an active account." };
    }
    console.error(error);
    return { ok: false, error: "Sign-in failed on our side. Try again." };
  }
  await recordSignInSuccess(email, client);
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}
