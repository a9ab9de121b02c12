"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/db/auth";
import { isSignInRefusal, SIGN_IN_MISMATCH_MESSAGE, signInThrottled } from "@/db/sign-in/sign-in";
import { tooManyAttemptsMessage } from "@/db/sign-in/throttle";
import { formDataToObject } from "@/lib/form-data";
import { fieldErrors, safeNextPath, signInInput } from "@/lib/validation";
import type { ActionResult } from "@/app/_lib/errors";
import { clientAddress } from "@/app/_lib/rate-limit";
import { localizedFailure } from "@/app/_lib/translate-error";

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // Validated (an email is at most 254 characters) before anything is counted or stored.
  const parsed = signInInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return localizedFailure({ ok: false, error: "Enter your email and password.", fields: fieldErrors(parsed.error) });
  const requestHeaders = await headers();
  const { email, password } = parsed.data;
  const outcome = await signInThrottled(email, clientAddress(requestHeaders), async () => {
    try {
      // Better Auth checks the password and, through its nextCookies plugin, sets the session cookie.
      await getAuth().api.signInEmail({ body: { email, password }, headers: requestHeaders });
      return true;
    } catch (error) {
      if (isSignInRefusal(error)) return null;
      throw error;
    }
  });
  if (!outcome.ok) return localizedFailure({ ok: false, error: outcome.reason === "throttled" ? tooManyAttemptsMessage(outcome.seconds) : SIGN_IN_MISMATCH_MESSAGE });
  redirect(safeNextPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}
