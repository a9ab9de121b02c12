import { describe, expect, it } from "vitest";
import { eventInput, makeArticle, makeClaim, makeUser } from "../test/factories";
import { articleTags, changedTagsSince, claimTags, readerPageTags, tagsChangedSince } from "./cache-tags";
import { changeCount } from "./change-counter";
import { mergeClaims } from "./claims/merge-claims";
import { getDb } from "./client";
import { recordStatusEvent } from "./events/record-status-event";
import { listStatuses } from "./statuses/list-statuses";
import { reorderStatuses } from "./statuses/reorder-statuses";

/** Two published articles with a claim each, on a real database. */
async function twoArticles() {
  const editor = await makeUser("admin");
  const a = await makeArticle(editor, { title: `Cache tags A ${Math.random()}` });
  const b = await makeArticle(editor, { title: `Cache tags B ${Math.random()}` });
  const onA = (await makeClaim(editor, a.id)).claimId;
  const onB = (await makeClaim(editor, b.id)).claimId;
  return { editor, a, b, onA, onB };
}

describe("cache tags", () => {
  it("an event invalidates its claim, its article and the lists, and leaves another article's page alone", async () => {
    const { editor, a, b, onA } = await twoArticles();
    const mark = await changeCount();
    await recordStatusEvent(editor, eventInput(onA, { statusKey: "false" }));
    expect(await changeCount()).toBeGreaterThan(mark);
    expect(await tagsChangedSince(await articleTags(a.id), mark)).toBe(true);
    expect(await tagsChangedSince(await claimTags(onA), mark)).toBe(true);
    expect(await tagsChangedSince(await readerPageTags("/"), mark)).toBe(true);
    expect(await tagsChangedSince(await articleTags(b.id), mark)).toBe(false);
    // What a purge after this write names: exactly these, never the whole desk.
    expect(await changedTagsSince(mark)).toEqual(expect.arrayContaining([`claim-${onA}`, "list"]));
    expect(await changedTagsSince(mark)).not.toContain("desk");
    expect(await changedTagsSince(mark)).not.toContain(`article-${b.id}`);
  });

  it("names a page's article and every claim it shows, and a claim page's articles", async () => {
    const { a, onA } = await twoArticles();
    const slug = getDb().$client.prepare("SELECT slug FROM article WHERE id = ?").pluck().get(a.id) as string;
    expect(await readerPageTags(`/articles/${slug}`)).toEqual(["desk", `article-${a.id}`, `claim-${onA}`]);
    expect(await readerPageTags(`/articles/${slug}/report`)).toEqual(await readerPageTags(`/articles/${slug}`));
    expect(await readerPageTags(`/claims/${onA}`)).toEqual(["desk", `claim-${onA}`, `article-${a.id}`]);
    expect(await readerPageTags("/articles/no-such-article")).toEqual(["desk", "list"]);
    expect(await readerPageTags("/trends")).toEqual(["desk", "list"]);
  });

  it("an event on a merged claim reaches the page of the claim whose timeline shows it, and that claim's article", async () => {
    const { editor, a, b, onA, onB } = await twoArticles();
    await mergeClaims(editor, { targetId: onB, sourceId: onA });
    const mark = await changeCount();
    // The merged claim's events stay its own (append-only) and show on the target's timeline.
    getDb().$client.prepare("INSERT INTO status_event (claim_id, status_key, effective_date, effective_precision, recorded_at, visibility, author_id) VALUES (?, 'true', '2024-01-01', 'day', ?, 'public', ?)").run(onA, new Date().toISOString(), editor.userId);
    expect(await tagsChangedSince(await claimTags(onB), mark)).toBe(true);
    expect(await tagsChangedSince(await articleTags(b.id), mark)).toBe(true);
    expect(await claimTags(onB)).toEqual(expect.arrayContaining([`claim-${onA}`, `claim-${onB}`, `article-${a.id}`, `article-${b.id}`]));
  });

  it("a change to the status definitions touches every public answer", async () => {
    const { editor, a } = await twoArticles();
    const mark = await changeCount();
    await reorderStatuses(editor, { keys: (await listStatuses()).map((s) => s.key).reverse() });
    expect(await tagsChangedSince(await articleTags(a.id), mark)).toBe(true);
    expect(await changedTagsSince(mark)).toEqual(["desk"]);
  });
});
