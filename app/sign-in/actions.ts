"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAuth } from "@/db/auth";
import { isSignInRefusal, signInThrottled } from "@/db/sign-in/sign-in";
import { formDataToObject } from "@/lib/form-data";
import { withLocale } from "@/lib/i18n/locale-href";
import { fieldErrors, safeNextPath, signInInput } from "@/lib/validation";
import type { ActionResult } from "@/app/_lib/errors";
import { clientAddress } from "@/app/_lib/rate-limit";
import { localizedFailure } from "@/app/_lib/translate-error";

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // Validated (an email is at most 254 characters) before anything is counted or stored.
  const parsed = signInInput.safeParse(formDataToObject(formData));
  // The form posts to its page's URL, so these answer in that page's language.
  const [t, locale] = await Promise.all([getTranslations("auth.signIn"), getLocale()]);
  if (!parsed.success) return localizedFailure({ ok: false, error: t("invalid"), fields: fieldErrors(parsed.error) });
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
  if (!outcome.ok) return { ok: false, error: outcome.reason === "throttled" ? t("throttled", { minutes: Math.ceil(outcome.seconds / 60) }) : t("mismatch") };
  redirect(withLocale(safeNextPath(parsed.data.next), locale));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect(withLocale("/", await getLocale()));
}
