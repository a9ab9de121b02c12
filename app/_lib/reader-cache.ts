import "server-only";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { getPublishedArticle, listPublishedArticles } from "@/db/articles/published-articles";
import { getPublicClaim } from "@/db/claims/public-claim";
import { listStatuses } from "@/db/statuses/list-statuses";
import { listPublishedClaims } from "@/db/tracker/list-claims";
import { statusChangesOverTime } from "@/db/tracker/status-changes";

/**
 * Reader pages read through this cache, so a repeat view does not touch the database. Every
 * successful mutation expires the one "reader" tag (see the action and route wrappers): a
 * desk writes rarely and readers read often, so a coarse tag keeps this simple and a change
 * is visible on the very next view.
 */
export const READER_TAG = "reader";

const cached = <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
  unstable_cache(async (...args: A) => fn(...args), [name], { tags: [READER_TAG] });

export const cachedPublishedArticle = cached("published-article", getPublishedArticle);
export const cachedPublishedArticles = cached("published-articles", listPublishedArticles);
export const cachedPublicClaim = cached("public-claim", getPublicClaim);
export const cachedStatuses = cached("statuses", listStatuses);
export const cachedTrackerPage = cached("tracker-page", listPublishedClaims);
export const cachedStatusChanges = cached("status-changes", statusChangesOverTime);

/** Expires every cached reader read. Server actions read their own writes at once (updateTag). */
export function invalidateReaderCache(from: "action" | "route"): void {
  if (from === "action") updateTag(READER_TAG);
  else revalidateTag(READER_TAG, { expire: 0 });
}
