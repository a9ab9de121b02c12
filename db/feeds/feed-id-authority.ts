import "server-only";
import { eq } from "drizzle-orm";
import { tagAuthorityOfUrl } from "../../lib/feeds/tag-uri";
import { changeCount } from "../change-counter";
import { type Db, getDb } from "../client";
import { appSettings } from "../schema";
import { settings } from "../settings";
import { siteUrl } from "../site-url";
import { writeTransaction } from "../transaction";
import { firstRow } from "../rows";

/** The app_setting row that holds the authority, so it travels with the database and its backups. */
export const FEED_ID_AUTHORITY_KEY = "feed_id_authority";

// Read once per database connection and change of the database: feeds are polled, and the
// value changes only through this module or a restore (in this process, which calls
// forgetFeedIdAuthority(), or from the command line or another process, which moves the change
// counter). Keyed by connection, so a test's fresh database (or a reopened one) never sees another's value.
const known = new WeakMap<Db, { authority: string; changeCount: number }>();

/**
 * The authority of every feed and entry id (lib/feeds/tag-uri.ts). Atom ids must not change
 * when a desk moves (RFC 4287 §4.2.6), so the authority is fixed once and stored in the
 * database: FEED_ID_AUTHORITY when the operator sets it (an explicit choice, stored so that
 * it outlives the variable), else the one stored before, else the host of the public URL of
 * the first start (PUBLIC_BASE_URL or BETTER_AUTH_URL), stored then and kept from then on,
 * wherever the desk is served later. A restored backup brings its desk's authority with it.
 */
export async function feedIdAuthority(): Promise<string> {
  const db = getDb();
  const configured = settings().FEED_ID_AUTHORITY;
  const cached = known.get(db);
  if (cached !== undefined && cached.changeCount === (await changeCount()) && (configured === undefined || configured === cached.authority)) return cached.authority;
  const authority = await writeTransaction(async (tx) => {
    const stored = (await firstRow(tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, FEED_ID_AUTHORITY_KEY))))?.value;
    const chosen = configured ?? stored ?? authorityOfPublicUrl();
    if (stored === undefined) {
      await tx.insert(appSettings).values({ key: FEED_ID_AUTHORITY_KEY, value: chosen });
    } else if (stored !== chosen) {
      await tx.update(appSettings).set({ value: chosen, updatedAt: new Date() }).where(eq(appSettings.key, FEED_ID_AUTHORITY_KEY));
      console.warn(`Claimline: feed ids now use FEED_ID_AUTHORITY=${chosen} instead of ${stored}: feed readers will see every entry as new.`);
    }
    return chosen;
  });
  known.set(db, { authority, changeCount: await changeCount() });
  return authority;
}

/** Drops the value read, for a write that may have replaced the row (a restore). */
export function forgetFeedIdAuthority(): void {
  known.delete(getDb());
}

function authorityOfPublicUrl(): string {
  const url = siteUrl();
  const authority = tagAuthorityOfUrl(url);
  if (authority === null) {
    throw new Error(`Claimline settings: the public URL ${url} has no host name that can name feed ids; set FEED_ID_AUTHORITY (a DNS name or email address the desk controls).`);
  }
  return authority;
}
