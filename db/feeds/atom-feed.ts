import "server-only";
import { TIME_AXIS_PARAM, type TimeView, withTimeView } from "../../lib/as-of";
import { buildAtomFeed, statusEntries } from "../../lib/feeds/atom";
import { formatDate } from "../../lib/format";
import { type FeedSubject, feedTagId } from "../../lib/feeds/tag-uri";
import { siteUrl } from "../site-url";
import { listStatuses } from "../statuses/list-statuses";
import { type FeedScope, feedEvents } from "./feed-events";
import { feedIdAuthority } from "./feed-id-authority";

/**
 * The Atom document of a feed, or null when its article or claim is not public. Links start
 * with the site's current public URL; ids come from the desk's fixed authority, so a desk
 * that moves to another host keeps every feed and entry id and only its links change.
 *
 * A feed of a day (`view`, see feedEvents) links to itself and to its pages on that day, has
 * an id of its own, and says its day in its title. Its `updated` comes from its entries, never
 * the clock, so a feed as published on a day is the same document whenever it is fetched.
 */
export async function atomFeedXml(scope: FeedScope, view: TimeView | null = null): Promise<string | null> {
  const feed = await feedEvents(scope, undefined, view);
  if (!feed) return null;
  const site = siteUrl();
  const authority = await feedIdAuthority();
  const { path, alternatePath, subject, title } = describe(scope, feed);
  return buildAtomFeed({
    title: view ? `${title} (${dayInTitle(view)})` : title,
    id: feedTagId(authority, subject, view),
    idAuthority: authority,
    selfUrl: `${site}${withTimeView(path, view)}`,
    // The tracker has no day of its own: the desk feed's page is the same on every day.
    alternateUrl: `${site}${scope.kind === "desk" ? alternatePath : withTimeView(alternatePath, view)}`,
    // Without entries, a dated feed stands on the epoch, as a report with nothing recorded does.
    updated: view ? (feed.events.map((e) => e.recordedAt).sort().at(-1) ?? NOTHING_RECORDED) : undefined,
    author: { name: "Claimline", uri: site },
    entries: statusEntries(feed.events, await listStatuses(), site, view),
  });
}

const NOTHING_RECORDED = new Date(0).toISOString();

function dayInTitle(view: TimeView): string {
  return `${TIME_AXIS_PARAM[view.axis] === "asof" ? "as of" : "as published on"} ${formatDate(view.day)}`;
}

interface FeedDescription {
  path: string;
  /** The page the feed follows. */
  alternatePath: string;
  subject: FeedSubject;
  title: string;
}

function describe(scope: FeedScope, feed: { subjectTitle: string | null; articleId: number | null }): FeedDescription {
  switch (scope.kind) {
    case "desk":
      return { path: "/feeds/desk.atom", alternatePath: "/", subject: { kind: "desk" }, title: "Claimline: latest verification updates" };
    case "article": {
      const slug = encodeURIComponent(scope.slug);
      return { path: `/feeds/articles/${slug}`, alternatePath: `/articles/${slug}`, subject: { kind: "article", id: feed.articleId! }, title: `Claimline: ${feed.subjectTitle}` };
    }
    case "claim":
      return { path: `/feeds/claims/${scope.id}`, alternatePath: `/claims/${scope.id}`, subject: { kind: "claim", id: scope.id }, title: `Claimline: ${feed.subjectTitle}` };
  }
}
