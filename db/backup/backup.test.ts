import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anchorAt, sliceCodePoints } from "../../lib/anchor";
import { docFromMarkdown, docText } from "../../lib/article-doc";
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from "../../lib/errors";
import { observationInput } from "../../lib/observation-input";
import { articleUpdateInput } from "../../lib/validation";
import { statusKeyInput } from "../../lib/status-input";
import { parseTrackerQuery } from "../../lib/tracker-query";
import { dismissSuggestionInput, mergeClaimsInput } from "../../lib/workbench-input";
import { eventInput, makeArticle, makeClaim, makeUser, spanOf } from "../../test/factories";
import type { Actor } from "../authorize";
import { submitArticleForReview } from "../articles/publish-article";
import { publishedSlugOfFormer } from "../articles/published-articles";
import { updateArticle } from "../articles/update-article";
import { mergeClaims } from "../claims/merge-claims";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { refusal } from "../../test/refusal";
import { ON_POSTGRES } from "../sql-dialect";
import { recordObservation } from "../events/record-observation";
import { recordStatusEvent } from "../events/record-status-event";
import { sendBackReview } from "../reviews/decide-review";
import { getArticleReviewState, listReviewsWaitingForMe } from "../reviews/list-reviews";
import { setSecondApproval } from "../reviews/second-approval-setting";
import { account, appSettings, articles, articleSlugAliases, auditLog, claims, mentions, reviewRequests, statusEvents, user } from "../schema";
import { seedDemo } from "../seed/seed-demo";
import { retireStatus } from "../statuses/retire-status";
import { listPublishedClaims } from "../tracker/list-claims";
import { dismissSuggestion } from "../suggestions/dismiss-suggestion";
import { exportBackup, readBackupTables } from "./export-backup";
import { importBackup } from "./import-backup";
import { firstRow } from "../rows";

/** A desk with a bit of everything: Chinese text, drafts, a correction, sources, observations, a merge, a retired status. */
async function richDesk() {
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  const leaver = await makeUser("editor");
  await getDb().update(user).set({ deactivatedAt: new Date("2025-01-02T03:04:05.678Z") }).where(eq(user.id, leaver.userId));

  const article = await makeArticle(editor, { summary: "OpenAI's valuation and GPT-3", sourceUrl: "https://example.com/openai", publishedDate: "2023-05-16" });
  const draftArticle = await makeArticle(editor, { title: "草稿：尚未发布", status: "draft" });
  const valuation = await makeClaim(editor, article.id);
  const parameters = await makeClaim(editor, article.id, "拥有1750亿个参数", "GPT-3 有1750亿个参数");
  const duplicate = await makeClaim(editor, article.id, "GPT-3", "GPT-3 has 175 billion parameters");
  await makeClaim(editor, draftArticle.id, "OpenAI", "草稿里的主张");
  await mergeClaims(editor, mergeClaimsInput.parse({ targetId: parameters.claimId, sourceId: duplicate.claimId }));

  const first = await recordStatusEvent(
    editor,
    eventInput(valuation.claimId, {
      statusKey: "true",
      rationale: "据**路透社**报道。",
      sources: [
        { url: "https://example.com/reuters", title: "估值报道", publisher: "路透社", publishedDate: "2023-05-10" },
        { url: "https://example.com/bloomberg", archivedUrl: "https://web.archive.org/x" },
      ],
    }),
  );
  await recordStatusEvent(editor, eventInput(valuation.claimId, { statusKey: "mostly_true", correctsEventId: first.eventId, rationale: "更正：估值为约270亿美元。" }));
  await recordStatusEvent(editor, eventInput(parameters.claimId, { statusKey: "outdated", effectiveDate: "2024-06" }));
  await recordStatusEvent(editor, eventInput(parameters.claimId, { statusKey: "false", visibility: "draft", internalNote: "内部备注：待确认" }));
  await retireStatus(admin, statusKeyInput.parse({ key: "outdated" }));
  await recordObservation(editor, observationInput.parse({ claimId: valuation.claimId, value: 157e9, unit: "USD", observedOn: "2024-10-02", note: "新一轮融资", source: { url: "https://example.com/2024" } }));
  await recordObservation(editor, observationInput.parse({ claimId: valuation.claimId, value: 0.1 + 0.2, observedOn: "2024-11-01", source: null }));
  await dismissSuggestion(editor, dismissSuggestionInput.parse({ articleId: article.id, sentence: "GPT-3 拥有1750亿个参数。" }));
  await getDb().insert(appSettings).values({ key: "demo_seeded_at", value: "2025-08-05T00:00:00.000Z" });
  return { admin, editor, valuationId: valuation.claimId };
}

/** Opens a new, empty in-memory database with only the restoring admin's account, as after a fresh install. */
async function freshDatabaseWithAdmin(admin: Actor) {
  const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
  await openNewDatabase();
  await getDb().insert(user).values(adminRow);
}

async function rowCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const tables = ON_POSTGRES
    ? await db.all<{ name: string }>(sql`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
    : await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await db.all<{ n: number }>(sql`SELECT count(*) AS "n" FROM ${sql.identifier(name)}`))[0]!.n;
  return counts;
}

async function searchIndex() {
  return ON_POSTGRES
    ? getDb().all(sql`SELECT claim_id AS "claimId", statement, quotes, titles FROM claim_search ORDER BY claim_id`)
    : getDb().all(sql`SELECT rowid AS "claimId", statement, quotes, titles FROM claim_search ORDER BY rowid`);
}

async function expectRefused(run: () => unknown, ...expected: string[]): Promise<string> {
  let message = "";
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    message = (error as Error).message;
  }
  expect(message).toContain("nothing was written");
  for (const part of expected) expect(message).toContain(part);
  return message;
}

type Doc = { version: unknown; tables: Record<string, Record<string, unknown>[]> };
const edit = (json: string, change: (doc: Doc) => void) => {
  const doc = JSON.parse(json) as Doc;
  change(doc);
  return JSON.stringify(doc);
};

describe("backup round trip", () => {
  it("export → import into a new database → export gives the same bytes", async () => {
    const { admin } = await richDesk();
    const first = await exportBackup(admin);
    const index = await searchIndex();
    expect(first.endsWith("}\n")).toBe(true);
    expect(first).toContain('"labelZh": "已过时"');
    expect(first).toContain("内部备注：待确认");
    expect(first).not.toContain("not-a-real-hash");
    expect(first).toMatch(/"mergedIntoId": \d+/);
    expect(first).toContain('"visibility": "draft"');

    await freshDatabaseWithAdmin(admin);
    // The new database's default scale: the rows of the file's scale that differ from it are restored over it.
    const defaults = new Map((await readBackupTables(getDb())).status.map((s) => [s.key, JSON.stringify(s)]));
    const differing = (JSON.parse(first) as Doc).tables.status!.filter((s) => defaults.get(String(s.key)) !== JSON.stringify(s)).length;
    const summary = await importBackup(admin, first, { mode: "empty-only" });
    expect(await exportBackup(admin)).toBe(first);

    expect(summary.inserted).toMatchObject({ user: 2, article: 2, claim: 4, status_event: 4, source: 3, quantity_observation: 2, suggestion_dismissal: 1, app_setting: 1 });
    expect(summary.skipped.user).toBe(1);
    // Text derived under today's rules is left as it is.
    expect(summary.dataMigrations).toEqual({});
    // The backup's scale replaced the new database's defaults where they differ: "outdated" is
    // retired in the file, and on SQLite each new database stamps its defaults with its own time.
    expect(differing).toBeGreaterThanOrEqual(1);
    expect(summary.updated.status).toBe(differing);
    // Search is derived: its triggers rebuilt it as the rows went in.
    expect(await searchIndex()).toEqual(index);
    // Imported users have no credentials, and published history is append-only again.
    expect(await getDb().select().from(account)).toHaveLength(0);
    const published = (await firstRow(getDb().select().from(statusEvents).where(eq(statusEvents.visibility, "published"))))!;
    expect(await refusal(getDb().update(statusEvents).set({ rationale: "x" }).where(eq(statusEvents.id, published.id)))).toMatch(/append-only/);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, "backup.import"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.userId, entityType: "database", after: { mode: "empty-only" } });
  });

  it("round-trips the demo desk", async () => {
    await seedDemo();
    const admin = await makeUser("admin");
    const first = await exportBackup(admin);
    await freshDatabaseWithAdmin(admin);
    await importBackup(admin, first, { mode: "empty-only" });
    expect(await exportBackup(admin)).toBe(first);
  });

  it("attributes a backup user's rows to the account that already has their email, leaving it as it is", async () => {
    const { admin } = await richDesk();
    const json = await exportBackup(admin);
    const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
    await openNewDatabase();
    // The restoring admin signed up afresh (/setup): same email, new id.
    await getDb().insert(user).values({ ...adminRow, id: "new-admin-id", name: "Restorer" });
    await importBackup({ userId: "new-admin-id" }, json, { mode: "empty-only" });
    expect(await getDb().select().from(user).where(eq(user.email, adminRow.email))).toMatchObject([{ id: "new-admin-id", name: "Restorer" }]);
    expect(await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId)))).toBeUndefined();
  });

  it("merges idempotently into the database it came from, and refuses rows that differ", async () => {
    const { admin, valuationId } = await richDesk();
    const json = await exportBackup(admin);
    const before = await rowCounts();
    const summary = await importBackup(admin, json, { mode: "merge" });
    expect(Object.values(summary.inserted).every((n) => n === 0)).toBe(true);
    expect(await rowCounts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });

    await getDb().update(claims).set({ claimant: "Someone else" }).where(eq(claims.id, valuationId));
    await expectRefused(async () => importBackup(admin, json, { mode: "merge" }), `claim[0] ${valuationId} already exists in the database with different content`);
    await expect(importBackup(admin, json, { mode: "empty-only" })).rejects.toThrow(ConflictError);
  });
});

describe("backup refusals", () => {
  it("refuses malformed files, naming the problems, and writes nothing", async () => {
    const { admin } = await richDesk();
    const json = await exportBackup(admin);
    await freshDatabaseWithAdmin(admin);
    const counts = await rowCounts();

    await expectRefused(async () => importBackup(admin, json.slice(0, 200), { mode: "empty-only" }), "not valid JSON");
    await expectRefused(async () => importBackup(admin, edit(json, (d) => (d.version = 2)), { mode: "empty-only" }), "reads backup version 1, the file is version 2");
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => (d.tables.claim![1]!.kind = "rumour")), { mode: "empty-only" }),
      "claim[1].kind: expected one of fact, quantity, prediction, attribution, opinion",
    );
    await expectRefused(async () => importBackup(admin, edit(json, (d) => delete d.tables.article![0]!.title), { mode: "empty-only" }), "article[0].title: is required");
    await expectRefused(async () => importBackup(admin, edit(json, (d) => (d.tables.mention![2]!.claimId = 99)), { mode: "merge" }), "mention[2].claimId 99 refers to no claim");
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.source!.push({ ...d.tables.source![0]! })), { mode: "empty-only" }),
      "source[3].id 1 is a duplicate of source[0]",
    );
    // The last row is valid on its own: only the cross-reference check catches it.
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.status_event!.push({ ...d.tables.status_event![0]!, id: 50, correctsEventId: 40 })), { mode: "empty-only" }),
      "status_event[4].correctsEventId 40 refers to no status_event",
    );
    const many = await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.source!.push(...Array.from({ length: 12 }, () => ({ ...d.tables.source![0]! })))), { mode: "empty-only" }),
      "12 problems",
      "… and 2 more",
    );
    expect(many.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(11);

    expect(await rowCounts()).toEqual(counts);
  });

  it("is for admins only", async () => {
    const { admin, editor } = await richDesk();
    const json = await exportBackup(admin);
    await expect(exportBackup(editor)).rejects.toThrow(ForbiddenError);
    await expect(exportBackup(null)).rejects.toThrow(UnauthorizedError);
    const counts = await rowCounts();
    await expect(importBackup(editor, json, { mode: "merge" })).rejects.toThrow(ForbiddenError);
    await expect(importBackup(null, "not even json", { mode: "merge" })).rejects.toThrow(UnauthorizedError);
    expect(await rowCounts()).toEqual(counts);
  });
});

/** richDesk plus the three kinds of review: an article waiting, an article sent back with a comment, and a held status event waiting. */
async function deskWithReviews() {
  const desk = await richDesk();
  const reviewer = await makeUser("editor");
  await setSecondApproval(desk.admin, { required: true });
  const waiting = await makeArticle(desk.editor, { title: "Waiting for a second look", status: "draft" });
  await submitArticleForReview(desk.editor, { id: waiting.id, version: waiting.version });
  const sentBack = await makeArticle(desk.editor, { title: "Sent back once", status: "draft" });
  await submitArticleForReview(desk.editor, { id: sentBack.id, version: sentBack.version });
  const sentBackId = (await getArticleReviewState(reviewer, sentBack.id)).open!.reviewId;
  await sendBackReview(reviewer, { reviewId: sentBackId, comment: "请补充第二个来源。" });
  const held = await recordStatusEvent(desk.editor, eventInput(desk.valuationId, { statusKey: "false" }));
  expect(held).toMatchObject({ held: true });
  return { ...desk, reviewer, waiting, sentBack, heldEventId: held.eventId };
}

describe("review requests in the backup", () => {
  it("round-trips open and decided reviews, with the sent-back comment, so pending work stays pending", async () => {
    const { admin, reviewer, waiting, sentBack, heldEventId } = await deskWithReviews();
    const reviews = await getDb().select().from(reviewRequests).orderBy(reviewRequests.id);
    expect(reviews.map((r) => [r.subjectType, r.subjectId, r.outcome])).toEqual([
      ["article", waiting.id, null],
      ["article", sentBack.id, "sent_back"],
      ["status_event", heldEventId, null],
    ]);
    const first = await exportBackup(admin);
    expect(first).toContain('"review_request": [');
    expect(first).toContain("请补充第二个来源。");

    await freshDatabaseWithAdmin(admin);
    const summary = await importBackup(admin, first, { mode: "empty-only" });
    expect(summary.inserted.review_request).toBe(3);
    expect(await exportBackup(admin)).toBe(first);
    expect(await getDb().select().from(reviewRequests).orderBy(reviewRequests.id)).toEqual(reviews);
    // Still pending for the reviewer, and the author still sees why the other was sent back.
    expect((await listReviewsWaitingForMe(reviewer)).map((r) => r.reviewId).sort()).toEqual([reviews[0]!.id, reviews[2]!.id]);
    expect((await getArticleReviewState(reviewer, waiting.id)).open).toMatchObject({ reviewId: reviews[0]!.id, submittedVersion: waiting.version });
    expect(await getArticleReviewState(reviewer, sentBack.id)).toMatchObject({ open: null, sentBack: { comment: "请补充第二个来源。" } });
    // And a merge of the same file into the restored desk changes nothing.
    expect((await importBackup(admin, first, { mode: "merge" })).skipped.review_request).toBe(3);
  });

  it("restores a backup written before review requests were backed up", async () => {
    const { admin } = await richDesk();
    const old = edit(await exportBackup(admin), (d) => delete d.tables.review_request);
    expect(old).not.toContain("review_request");
    await freshDatabaseWithAdmin(admin);
    const summary = await importBackup(admin, old, { mode: "empty-only" });
    expect(summary.inserted).toMatchObject({ article: 2, claim: 4, review_request: 0 });
    expect(await getDb().select().from(reviewRequests)).toEqual([]);
  });

  it("refuses a review of a subject that does not exist, or a second open review of one subject, writing nothing", async () => {
    const { admin, waiting } = await deskWithReviews();
    const json = await exportBackup(admin);
    await freshDatabaseWithAdmin(admin);
    const counts = await rowCounts();

    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => (d.tables.review_request![0]!.subjectId = 999)), { mode: "empty-only" }),
      "review_request[0].subjectId 999 refers to no article (subjectType article)",
    );
    // Event 1 exists, but as a status event, not an article: the type decides where to look.
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => Object.assign(d.tables.review_request![2]!, { subjectType: "status_event", subjectId: 999 })), { mode: "empty-only" }),
      "review_request[2].subjectId 999 refers to no status_event (subjectType status_event)",
    );
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.review_request!.push({ ...d.tables.review_request![0]!, id: 50 })), { mode: "empty-only" }),
      `review_request[3] is a second open review of article ${waiting.id}: review_request[0] is open too`,
    );
    await expectRefused(async () => importBackup(admin, edit(json, (d) => (d.tables.review_request![1]!.outcome = "maybe")), { mode: "empty-only" }), "review_request[1].outcome: expected one of approved, sent_back, withdrawn");
    expect(await rowCounts()).toEqual(counts);

    // Merging into a desk already reviewing that article must not open a second review of it.
    await importBackup(admin, json, { mode: "empty-only" });
    const after = await rowCounts();
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.review_request!.push({ ...d.tables.review_request![0]!, id: 50 })), { mode: "merge" }),
      `review_request[3] would be a second open review of article ${waiting.id}: review 1 of the database is open`,
    );
    expect(await rowCounts()).toEqual(after);
  });
});

/** richDesk with two published articles, the first renamed twice: two former slugs that redirect to its current one. */
async function deskWithFormerSlugs() {
  const desk = await richDesk();
  const renamed = await makeArticle(desk.editor, { title: "Valuation story, first headline" });
  const other = await makeArticle(desk.editor, { title: "Another story entirely" });
  const once = await updateArticle(desk.editor, articleUpdateInput.parse({ ...renamed, slug: "valuation-second-headline" }));
  await updateArticle(desk.editor, articleUpdateInput.parse({ ...once, slug: "valuation-story" }));
  const aliases = await getDb().select().from(articleSlugAliases).orderBy(articleSlugAliases.slug);
  expect(aliases.map((a) => [a.slug, a.articleId])).toEqual([
    ["valuation-second-headline", renamed.id],
    ["valuation-story-first-headline", renamed.id],
  ]);
  return { ...desk, renamed, other, aliases };
}

describe("former slugs in the backup", () => {
  it("round-trip, so the old links of a restored article still lead to it", async () => {
    const { admin, aliases } = await deskWithFormerSlugs();
    const first = await exportBackup(admin);
    expect(first).toContain('"article_slug_alias": [');

    await freshDatabaseWithAdmin(admin);
    expect(await publishedSlugOfFormer("valuation-story-first-headline")).toBeNull();
    const summary = await importBackup(admin, first, { mode: "empty-only" });
    expect(summary.inserted.article_slug_alias).toBe(2);
    expect(await exportBackup(admin)).toBe(first);
    expect(await getDb().select().from(articleSlugAliases).orderBy(articleSlugAliases.slug)).toEqual(aliases);
    expect(await publishedSlugOfFormer("valuation-story-first-headline")).toBe("valuation-story");
    expect(await publishedSlugOfFormer("valuation-second-headline")).toBe("valuation-story");
    // Merged again into the restored desk, the same aliases are already there.
    expect((await importBackup(admin, first, { mode: "merge" })).skipped.article_slug_alias).toBe(2);
  });

  it("restores a backup written before former slugs were backed up", async () => {
    const { admin } = await deskWithFormerSlugs();
    const old = edit(await exportBackup(admin), (d) => delete d.tables.article_slug_alias);
    expect(old).not.toContain("article_slug_alias");
    await freshDatabaseWithAdmin(admin);
    const summary = await importBackup(admin, old, { mode: "empty-only" });
    expect(summary.inserted).toMatchObject({ article: 4, article_slug_alias: 0 });
    expect(await getDb().select().from(articleSlugAliases)).toEqual([]);
    expect(await publishedSlugOfFormer("valuation-story-first-headline")).toBeNull();
  });

  it("refuses a merge whose former slug is another article's current or former slug, naming the slug, and writes nothing", async () => {
    const { admin, renamed, other } = await deskWithFormerSlugs();
    const json = await exportBackup(admin);
    const counts = await rowCounts();
    const aliasOf = (slug: string, articleId: number) => ({ slug, articleId, createdAt: "2025-08-05T10:00:00.000Z" });

    // A former slug of the renamed article that is the other article's current slug.
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => d.tables.article_slug_alias!.push(aliasOf(other.slug, renamed.id))), { mode: "merge" }),
      `article_slug_alias[2].slug ${other.slug} is the current slug of article ${other.id} in the database`,
    );
    // Another desk's article (new id) whose former slug this desk already gives to the renamed article.
    const strayArticle = (d: Doc) => {
      const copy = { ...d.tables.article!.find((a) => a.id === other.id)!, id: 900, slug: "another-desks-story" };
      d.tables.article!.push(copy);
    };
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => (strayArticle(d), (d.tables.article_slug_alias![1]!.articleId = 900))), { mode: "merge" }),
      `article_slug_alias[1].slug valuation-story-first-headline is already a former slug of article ${renamed.id} in the database`,
    );
    // And the other way round: a new article whose current slug is a former slug here.
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => (strayArticle(d), (d.tables.article!.at(-1)!.slug = "valuation-second-headline"))), { mode: "merge" }),
      `article[4].slug valuation-second-headline is a former slug of article ${renamed.id} in the database`,
    );
    expect(await rowCounts()).toEqual(counts);

    // Within one file too, before the database's triggers would say it.
    await freshDatabaseWithAdmin(admin);
    const empty = await rowCounts();
    await expectRefused(
      async () => importBackup(admin, edit(json, (d) => (d.tables.article_slug_alias![0]!.slug = other.slug)), { mode: "empty-only" }),
      `article_slug_alias[0].slug ${other.slug} is also the current slug of article[3]`,
    );
    expect(await rowCounts()).toEqual(empty);
  });
});

/** A hard-wrapped WeChat-style body: wraps inside figures, after a full-width comma, and in English. */
const WRAPPED_BODY = [
  "据知情人士透露，OpenAI正准备发布一款开源语言模型，公司估值约为270",
  "亿美元。训练该模型用了大约20，000",
  "小时的人工反馈。",
  "",
  "The company declined to comment on the",
  "report, people familiar said.",
].join("\n");

/** What the body derived to before CJK line joining: every single line break became a space (as rederive-bodies.test.ts fakes it). */
function oldDerivation(markdown: string) {
  const doc = docFromMarkdown(markdown.replace(/(?<!\n)\n(?!\n)/g, " "));
  return { bodyDoc: doc, bodyText: docText(doc) };
}

describe("restoring a backup made before CJK line joining", () => {
  it("derives the bodies again in the import, with each mention on the same words", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    const article = await makeArticle(editor, { title: "开源模型 backup test", body: WRAPPED_BODY, bodyFormat: "markdown" });
    const joined = ["估值约为270亿美元", "大约20，000小时", "comment on the report"];
    for (const [i, quote] of joined.entries()) await makeClaim(editor, article.id, quote, `Claim ${i + 1} about the open model`);

    // The file as the old code wrote it: old text and document, mentions anchored on the old text.
    const old = oldDerivation(WRAPPED_BODY);
    const oldQuotes = ["估值约为270 亿美元", "大约20，000 小时", "comment on the report"];
    const json = edit(await exportBackup(admin), (d) => {
      Object.assign(d.tables.article!.find((a) => a.id === article.id)!, old);
      d.tables.mention!.filter((m) => m.articleId === article.id).forEach((m, i) => {
        const { start, end } = spanOf(old.bodyText, oldQuotes[i]!);
        const anchor = anchorAt(old.bodyText, start, end);
        Object.assign(m, { startOffset: start, endOffset: end, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix });
      });
    });
    expect(json).toContain("270 亿美元");

    await freshDatabaseWithAdmin(admin);
    const summary = await importBackup(admin, json, { mode: "empty-only" });
    expect(summary.dataMigrations).toEqual({ "0014_cjk_line_joining": [article.id] });

    const row = (await firstRow(getDb().select().from(articles).where(eq(articles.id, article.id))))!;
    expect(row.bodyText).toContain("估值约为270亿美元。训练该模型用了大约20，000小时的人工反馈。");
    expect(row.bodyText).toContain("The company declined to comment on the report, people familiar said.");
    expect(docText(row.bodyDoc!)).toBe(row.bodyText);
    expect(row.body).toBe(WRAPPED_BODY);
    const restored = await getDb().select().from(mentions).where(eq(mentions.articleId, article.id)).orderBy(mentions.id);
    expect(restored.map((m) => [m.exact, m.anchorState])).toEqual(joined.map((quote) => [quote, "anchored"]));
    for (const mention of restored) expect(sliceCodePoints(row.bodyText, mention.startOffset, mention.endOffset)).toBe(mention.exact);
    // Search finds the words as now shown, and the re-derivation is audited in the import's transaction.
    expect((await listPublishedClaims(parseTrackerQuery({ q: "270亿美元" }))).items.map((item) => item.statement)).toEqual(["Claim 1 about the open model"]);
    expect((await getDb().select().from(auditLog).where(eq(auditLog.action, "article.rederive"))).map((a) => a.entityId)).toEqual([String(article.id)]);
  });
});
