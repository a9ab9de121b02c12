"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getAuth } from "@/db/auth";
import { createFirstAdmin } from "@/db/users/first-admin";
import { formDataToObject } from "@/lib/form-data";
import { withLocale } from "@/lib/i18n/locale-href";
import { newUserInput } from "@/lib/validation";
import type { ActionResult } from "@/app/_lib/errors";
import { toLocalizedActionError } from "@/app/_lib/translate-error";

const setupInput = newUserInput.omit({ role: true });

export async function setupAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const input = setupInput.parse(formDataToObject(formData));
    await createFirstAdmin(input);
    await getAuth().api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() });
  } catch (error) {
    return toLocalizedActionError(error);
  }
  redirect(withLocale("/editor", await getLocale()));
}
