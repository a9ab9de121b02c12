import "server-only";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { withLocale } from "@/lib/i18n/locale-href";
import { getSessionUser, type SessionUser } from "@/db/session";

/**
 * The signed-in editor for a page, or a redirect to sign-in back to `path`. The editor layout
 * checks too, but Next does not re-render a layout on client-side navigation, so a page whose
 * user was deactivated or signed out meanwhile must check for itself.
 */
export async function requireSessionUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(withLocale(`/sign-in?next=${encodeURIComponent(path)}`, await getLocale()));
  return user;
}
