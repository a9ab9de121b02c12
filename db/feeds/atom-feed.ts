import "server-only";
import { buildAtomFeed, statusEntries } from "../../lib/feeds/atom";
import { type FeedSubject, feedTagId } from "../../lib/feeds/tag-uri";
import { siteUrl } from "../site-url";
import { listStatuses } from "../statuses/list-statuses";
import { type FeedScope, feedEvents } from "./feed-events";
import { feedIdAuthority } from "./feed-id-authority";

/**
 * The Atom document of a feed, or null when its article or claim is not public. Links start
 * with the site's current public URL; ids come from the desk's fixed authority, so a desk
 * that moves to another host keeps every feed and entry id and only its links change.
 */
export function atomFeedXml(scope: FeedScope): string | null {
  const feed = feedEvents(scope);
  if (!feed) return null;
  const site = siteUrl();
  const authority = feedIdAuthority();
  const { path, alternatePath, subject, title } = describe(scope, feed);
  const self = `${site}${path}`;
  return buildAtomFeed({
    title,
    id: feedTagId(authority, subject),
    idAuthority: authority,
    selfUrl: self,
    alternateUrl: `${site}${alternatePath}`,
    author: { name: "Claimline", uri: site },
    entries: statusEntries(feed.events, listStatuses(), site),
  });
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
