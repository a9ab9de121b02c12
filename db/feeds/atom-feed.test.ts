import { eq } from "drizzle-orm";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import { exportBackup } from "../backup/export-backup";
import { importBackup } from "../backup/import-backup";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { insertStatusEvent } from "../events/record-status-event";
import { appSettings, user } from "../schema";
import { writeTransaction } from "../transaction";
import { bootstrap } from "../bootstrap";
import { atomFeedXml } from "./atom-feed";
import type { FeedScope } from "./feed-events";
import { FEED_ID_AUTHORITY_KEY, feedIdAuthority, forgetFeedIdAuthority } from "./feed-id-authority";

const saved = { ...process.env };
beforeEach(() => {
  delete process.env.PUBLIC_BASE_URL;
  delete process.env.BETTER_AUTH_URL;
  delete process.env.FEED_ID_AUTHORITY;
});
afterEach(() => {
  process.env = { ...saved };
});

/** A published article with a claim and one published event: every feed has an entry. */
async function desk() {
  const admin = await makeUser("admin");
  const article = await makeArticle(admin, { title: "Feed article" });
  const claimId = (await makeClaim(admin, article.id)).claimId;
  await writeTransaction(async (tx) => insertStatusEvent(tx, admin.userId, eventInput(claimId), new Date("2025-08-06T10:00:00Z")));
  const scopes: FeedScope[] = [{ kind: "desk" }, { kind: "article", slug: article.slug }, { kind: "claim", id: claimId }];
  return { admin, article, claimId, scopes };
}

/** Every id in a feed (the feed's own, then its entries'), and every link. */
async function idsAndLinks(scope: FeedScope) {
  const doc = parseDocument((await atomFeedXml(scope))!, { xmlMode: true });
  const feed = DomUtils.getElementsByTagName("feed", doc.children, false)[0]!;
  const ids = DomUtils.getElementsByTagName("id", [feed]).map((id) => DomUtils.textContent(id));
  const links = DomUtils.getElementsByTagName("link", [feed]).map((link) => link.attribs.href!);
  return { ids, links };
}

const storedAuthority = async () => (await getDb().select().from(appSettings)).find((s) => s.key === FEED_ID_AUTHORITY_KEY)?.value;

describe("feed ids", () => {
  it("stay the same when the desk moves to another host, while the links follow it", async () => {
    const { scopes, claimId } = await desk();
    process.env.BETTER_AUTH_URL = "http://127.0.0.1:3000";
    const before = await Promise.all(scopes.map(idsAndLinks));
    expect(before[2]!.ids).toEqual(["tag:127.0.0.1,2025:claimline/feed/claim/" + claimId, expect.stringMatching(/^tag:127\.0\.0\.1,2025:claimline\/status-event\/\d+$/)]);
    expect(before[0]!.links).toContain("http://127.0.0.1:3000/feeds/desk.atom");
    expect(await storedAuthority()).toBe("127.0.0.1");

    process.env.BETTER_AUTH_URL = "https://desk.example.org";
    const moved = await Promise.all(scopes.map(idsAndLinks));
    process.env.PUBLIC_BASE_URL = "https://news.example.net/factcheck";
    // As a restarted process would: nothing cached, the stored authority read afresh.
    forgetFeedIdAuthority();
    const public_ = await Promise.all(scopes.map(idsAndLinks));

    for (const after of [moved, public_]) {
      expect(after.map((f) => f.ids)).toEqual(before.map((f) => f.ids));
      for (const [i, feed] of after.entries()) {
        expect(feed.links).toHaveLength(before[i]!.links.length);
        for (const link of feed.links) expect(link).not.toContain("127.0.0.1");
      }
    }
    expect(moved[0]!.links).toContain("https://desk.example.org/feeds/desk.atom");
    expect(public_[1]!.links.every((link) => link.startsWith("https://news.example.net/factcheck/"))).toBe(true);
  });

  it("are fixed at the first start, from the public URL of that start", async () => {
    process.env.PUBLIC_BASE_URL = "https://first.example.org";
    await bootstrap({ SEED_DEMO: "0" });
    expect(await storedAuthority()).toBe("first.example.org");
    process.env.PUBLIC_BASE_URL = "https://second.example.org";
    await bootstrap({ SEED_DEMO: "0" });
    expect((await idsAndLinks({ kind: "desk" })).ids[0]).toBe("tag:first.example.org,2025:claimline/feed/desk");
  });

  it("name an article feed by the article, not its address", async () => {
    const { article } = await desk();
    process.env.BETTER_AUTH_URL = "http://127.0.0.1:3000";
    expect((await idsAndLinks({ kind: "article", slug: article.slug })).ids[0]).toBe(`tag:127.0.0.1,2025:claimline/feed/article/${article.id}`);
  });

  it("use FEED_ID_AUTHORITY when set, and keep it once the variable is gone", async () => {
    const { scopes } = await desk();
    process.env.BETTER_AUTH_URL = "http://127.0.0.1:3000";
    process.env.FEED_ID_AUTHORITY = " Desk.Example.org ";
    expect((await idsAndLinks(scopes[0]!)).ids[0]).toBe("tag:desk.example.org,2025:claimline/feed/desk");
    delete process.env.FEED_ID_AUTHORITY;
    expect((await idsAndLinks(scopes[0]!)).ids[0]).toBe("tag:desk.example.org,2025:claimline/feed/desk");
    expect(await storedAuthority()).toBe("desk.example.org");

    process.env.FEED_ID_AUTHORITY = "factcheck@example.org";
    expect((await idsAndLinks(scopes[0]!)).ids[0]).toBe("tag:factcheck@example.org,2025:claimline/feed/desk");
    process.env.FEED_ID_AUTHORITY = "http://not.an.authority/";
    await expect(atomFeedXml(scopes[0]!)).rejects.toThrow(/FEED_ID_AUTHORITY must be a DNS name/);
  });

  it("follow the stored authority when something else replaces it (another process, a restore from the command line)", async () => {
    await desk();
    process.env.BETTER_AUTH_URL = "https://old.example.org";
    expect(await feedIdAuthority()).toBe("old.example.org");
    // Not through this module, so nothing tells its cache: the change counter moves all the same.
    await getDb().update(appSettings).set({ value: "restored.example.org" }).where(eq(appSettings.key, FEED_ID_AUTHORITY_KEY));
    expect(await feedIdAuthority()).toBe("restored.example.org");
  });

  it("refuse to guess from an IPv6 literal, naming the setting to use", async () => {
    await desk();
    process.env.BETTER_AUTH_URL = "http://[::1]:3000";
    await expect(feedIdAuthority()).rejects.toThrow(/set FEED_ID_AUTHORITY/);
    expect(await storedAuthority()).toBeUndefined();
    // The server still starts: only the feeds wait for the setting.
    await expect(bootstrap({ SEED_DEMO: "0" })).resolves.toMatchObject({ demoSeeded: false });
  });

  it("come back with a restored backup: the restored desk keeps its ids on its new host", async () => {
    const { admin, scopes } = await desk();
    process.env.BETTER_AUTH_URL = "https://old-host.example.org";
    const before = await Promise.all(scopes.map(async (s) => (await idsAndLinks(s)).ids));
    const json = await exportBackup(admin);
    const adminRow = (await getDb().select().from(user)).find((u) => u.id === admin.userId)!;

    // A new database on the new host: its first feed read fixes the new host's authority…
    await openNewDatabase();
    process.env.BETTER_AUTH_URL = "https://new-host.example.org";
    await getDb().insert(user).values(adminRow);
    expect(await feedIdAuthority()).toBe("new-host.example.org");
    // …until the restore brings the old desk's, which the cached value must not hide.
    await importBackup(admin, json, { mode: "empty-only" });
    expect(await Promise.all(scopes.map(async (s) => (await idsAndLinks(s)).ids))).toEqual(before);
    expect((await idsAndLinks(scopes[0]!)).links).toContain("https://new-host.example.org/feeds/desk.atom");
  });
});
