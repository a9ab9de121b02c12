import { TIME_AXIS_PARAM, type TimeView } from "../as-of";

/**
 * tag: URIs (RFC 4151) for the ids of Atom feeds and entries. RFC 4287 §4.2.6 asks that an
 * id never change, even when the feed moves to another address, so ids are minted from an
 * authority fixed once per desk (db/feeds/feed-id-authority.ts), never from the current URL.
 */

/** RFC 4151 DNScomp: letters and digits, inner hyphens. */
const DNS_COMPONENT = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
const DNS_NAME = `${DNS_COMPONENT}(?:\\.${DNS_COMPONENT})*`;
/** RFC 4151 authorityName = DNSname / emailAddress (compared case-insensitively, written in lower case here). */
const AUTHORITY = new RegExp(`^(?:[a-z0-9._-]+@)?${DNS_NAME}$`);

/** Whether `value` can stand as a tag: URI's authority: a DNS name, or an email address, in lower case. */
export function isTagAuthority(value: string): boolean {
  return value.length <= 253 && AUTHORITY.test(value);
}

/**
 * The authority a public URL suggests: its host name in lower case, without a trailing dot
 * (an IDN host is already punycode in a parsed URL). Null for an IP v6 literal, which a tag:
 * URI cannot carry: such a desk must set FEED_ID_AUTHORITY.
 */
export function tagAuthorityOfUrl(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  return isTagAuthority(host) ? host : null;
}

/** The date part of every Claimline tag: fixed, as RFC 4151 asks, so an id never changes. */
const TAG_DATE = "2025";

function tag(authority: string, specific: string): string {
  return `tag:${authority},${TAG_DATE}:claimline/${specific}`;
}

export type FeedSubject = { kind: "desk" } | { kind: "article"; id: number } | { kind: "claim"; id: number };

/**
 * A feed's own id. An article feed is named by the article's id rather than its slug, since
 * an edit can change the slug (and with it the feed's address) but not which article it follows.
 * A feed of a day (`?asof=` or `?published=`) is another feed, with entries of its own choosing,
 * so its id names the day and its axis too (`…/feed/desk/published/2024-01-01`); its entries
 * keep their ids, being the same events.
 */
export function feedTagId(authority: string, subject: FeedSubject, view: TimeView | null = null): string {
  const feed = subject.kind === "desk" ? "feed/desk" : `feed/${subject.kind}/${subject.id}`;
  return tag(authority, view ? `${feed}/${TIME_AXIS_PARAM[view.axis]}/${view.day}` : feed);
}

/**
 * An entry's id, naming the status event itself, not the claim page: an event keeps its id
 * when its claim is merged into another, and is the same entry in the desk, article and claim feeds.
 */
export function entryTagId(authority: string, eventId: number): string {
  return tag(authority, `status-event/${eventId}`);
}
