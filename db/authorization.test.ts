import fs from "node:fs";
import { attempt } from "../test/attempt";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthorizedError } from "../lib/errors";
import { observationInput } from "../lib/observation-input";
import { recheckByInput } from "../lib/recheck-input";
import { newStatusInput, statusUpdateInput } from "../lib/status-input";
import { articleInput, articleUpdateInput, claimWithMentionInput, newUserInput } from "../lib/validation";
import { claimFromSpanInput, claimUpdateInput, likelyDuplicatesInput, linkMentionInput, similarClaimsInput, unlinkMentionInput } from "../lib/workbench-input";
import { eventInput, makeUser } from "../test/factories";
import { type MutationFixture, mutationFixture } from "../test/mutation-fixture";
import { createArticle } from "./articles/create-article";
import { listDeskLanguages } from "./articles/article-languages";
import { listArticlesForEditor } from "./articles/editor-articles";
import { updateArticle } from "./articles/update-article";
import { getWorkbench } from "./articles/workbench";
import type { Actor } from "./authorize";
import { addMention } from "./claims/add-mention";
import { bulkSetKind } from "./claims/bulk-set-kind";
import { createClaimFromSpan } from "./claims/create-claim-from-span";
import { createClaimWithMention } from "./claims/create-claim-with-mention";
import { deleteClaim, restoreClaim } from "./claims/delete-claim";
import { getClaimForEditor } from "./claims/editor-claim";
import { mergeClaims } from "./claims/merge-claims";
import { linkMentionToClaim } from "./claims/link-mention";
import { findSimilarClaims } from "./claims/similar-claims";
import { listLikelyDuplicates } from "./claims/duplicate-claims";
import { unlinkMention } from "./claims/unlink-mention";
import { listRecheckQueue } from "./claims/recheck-queue";
import { reorderMentions } from "./claims/reorder-mentions";
import { setRecheckBy } from "./claims/set-recheck-by";
import { splitClaim } from "./claims/split-claim";
import { updateClaim } from "./claims/update-claim";
import { getDb } from "./client";
import { deleteDraftEvent, publishDraftEvent } from "./events/draft-events";
import { recordObservation } from "./events/record-observation";
import { recordStatusBulk } from "./events/record-status-bulk";
import { recordStatusEvent } from "./events/record-status-event";
import { importArticleFromUrl } from "./intake/import-article";
import { reattachMention, removeMention } from "./mentions/reattach-mention";
import { user } from "./schema";
import { createStatus } from "./statuses/create-status";
import { reinstateStatus, retireStatus } from "./statuses/retire-status";
import { reorderStatuses } from "./statuses/reorder-statuses";
import { updateStatus } from "./statuses/update-status";
import { dismissSuggestion } from "./suggestions/dismiss-suggestion";
import { suggestForArticle } from "./suggestions/suggest-for-article";
import { writeTransaction } from "./transaction";
import { createUser, insertUserWithPassword } from "./users/create-user";
import { listStatuses } from "./statuses/list-statuses";
import { exportBackup } from "./backup/export-backup";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens/api-tokens";
import { importBackup } from "./backup/import-backup";
import { changeUserRole } from "./users/change-user-role";
import { deactivateUser, reactivateUser } from "./users/deactivate-user";
import { setUserPassword } from "./users/set-user-password";
import { updateOwnProfile } from "./users/update-own-profile";
import { listUsers } from "./users/list-users";
import { listAuditLog } from "./audit-log/list-audit-log";
import { listClaimHistory } from "./audit-log/claim-history";
import { getArticlePreview } from "./articles/article-preview";
import { publishArticle, submitArticleForReview, unpublishArticle } from "./articles/publish-article";
import { assignClaim, listAssignableEditors, listClaimsAssignedToMe } from "./claims/assign-claim";
import { approveReview, sendBackReview } from "./reviews/decide-review";
import { getArticleReviewState, listHeldEventReviews, listReviewsWaitingForMe } from "./reviews/list-reviews";
import { getSecondApprovalSetting, setSecondApproval } from "./reviews/second-approval-setting";
import { reviewRequests } from "./schema";
import { ON_POSTGRES } from "./sql-dialect";
import { firstRow } from "./rows";

/** The tables whose rows "nothing written" is about: every table but the derived search index and the migrations journal. */
async function tableNames(): Promise<string[]> {
  const rows = ON_POSTGRES
    ? await getDb().all<{ name: string }>(
        sql`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'claim_search%' ORDER BY 1`,
      )
    : // pragma_table_list leaves out virtual tables; the FTS search index is derived from claims, mentions and articles.
      await getDb().all<{ name: string }>(
        sql`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'claim_search%' ORDER BY name`,
      );
  return rows.map(({ name }) => name);
}

/** A fingerprint of every row, so a refused call that *changed* a row (not only added one) is caught too. */
async function databaseFingerprint(): Promise<string> {
  const db = getDb();
  const tables: unknown[] = [];
  for (const name of await tableNames()) {
    // Rows in a stable order: SQLite's rowid; PostgreSQL has none, so the row's own text.
    const order = ON_POSTGRES ? sql.raw(`ORDER BY t::text`) : sql.raw(`ORDER BY rowid`);
    tables.push(await db.all(sql`SELECT * FROM ${sql.identifier(name)} AS t ${order}`));
  }
  return JSON.stringify(tables);
}

type Mutation = {
  name: string;
  roles: ("admin" | "editor")[];
  run: (actor: Actor | null, f: MutationFixture) => unknown;
  /** Puts the fixture in the state the mutation acts on (a deleted claim to restore…), before anything is measured. */
  prepare?: (f: MutationFixture) => void;
  /** Where succeeding needs the outside world (a web page), the allowed-role case is covered elsewhere. */
  successTestedElsewhere?: string;
};

const EDITORS: Mutation["roles"] = ["admin", "editor"];
const ADMINS: Mutation["roles"] = ["admin"];
const span = (start: number, end: number) => ({ start, end });
const sampleStatus = { labelEn: "Partly false", labelZh: "部分不实", color: "#9a3412", icon: "warning", ratingValue: "2" };

/**
 * Every mutation of the data-access layer, with a valid input, and the roles allowed to run
 * it. The completeness test below fails when a mutation is added without an entry here.
 */
const MUTATIONS: Mutation[] = [
  { name: "createArticle", roles: EDITORS, run: (a) => createArticle(a, articleInput.parse({ title: "x", language: "en", body: "Body text." })) },
  {
    name: "updateArticle",
    roles: EDITORS,
    run: (a, f) => updateArticle(a, articleUpdateInput.parse({ id: f.articleId, version: f.articleVersion, title: "changed", language: "en", body: "changed" })),
  },
  {
    name: "importArticleFromUrl",
    roles: EDITORS,
    // Authorised before anything is fetched; the address is never contacted when refused.
    run: (a) => importArticleFromUrl(a, { url: "http://192.0.2.1/never-fetched" }),
    successTestedElsewhere: "db/intake/import-article.test.ts, lib/intake/fetch-article.test.ts and e2e/url-import.spec.ts",
  },
  { name: "createClaimWithMention", roles: EDITORS, run: async (a, f) => createClaimWithMention(a, claimWithMentionInput.parse({ articleId: f.articleId, quote: "GPT-3", statement: "s" })) },
  { name: "createClaimFromSpan", roles: EDITORS, run: async (a, f) => createClaimFromSpan(a, claimFromSpanInput.parse({ articleId: f.articleId, ...span(24, 29), statement: "s" })) },
  { name: "addMention", roles: EDITORS, run: async (a, f) => addMention(a, { claimId: f.otherClaimId, articleId: f.articleId, ...span(24, 29) }) },
  { name: "updateClaim", roles: EDITORS, run: async (a, f) => updateClaim(a, claimUpdateInput.parse({ id: f.claimId, version: f.claimVersion, statement: "edited" })) },
  { name: "deleteClaim", roles: EDITORS, run: async (a, f) => deleteClaim(a, f.claimId) },
  { name: "restoreClaim", roles: EDITORS, prepare: async (f) => deleteClaim({ userId: await ownerOf(f) }, f.claimId), run: async (a, f) => restoreClaim(a, f.claimId) },
  { name: "reorderMentions", roles: EDITORS, run: async (a, f) => reorderMentions(a, { articleId: f.articleId, mentionIds: await reversedMentions(f) }) },
  { name: "splitClaim", roles: EDITORS, run: async (a, f) => splitClaim(a, { mentionId: f.mentionId, at: 10, firstStatement: "a", secondStatement: "b" }) },
  { name: "mergeClaims", roles: EDITORS, run: async (a, f) => mergeClaims(a, { targetId: f.claimId, sourceId: f.otherClaimId }) },
  { name: "linkMentionToClaim", roles: EDITORS, run: async (a, f) => linkMentionToClaim(a, linkMentionInput.parse({ mentionId: f.mentionId, claimId: f.otherClaimId })) },
  {
    name: "unlinkMention",
    roles: EDITORS,
    // Only a claim with another mention can give one up.
    prepare: async (f) => {
      await addMention({ userId: await ownerOf(f) }, { claimId: f.claimId, articleId: f.articleId, ...span(24, 29) });
    },
    run: async (a, f) => unlinkMention(a, unlinkMentionInput.parse({ mentionId: f.mentionId })),
  },
  { name: "bulkSetKind", roles: EDITORS, run: async (a, f) => bulkSetKind(a, { claimIds: [f.claimId, f.otherClaimId], kind: "prediction" }) },
  { name: "reattachMention", roles: EDITORS, run: async (a, f) => reattachMention(a, { mentionId: f.mentionId, version: 1, ...span(4, 10) }) },
  { name: "removeMention", roles: EDITORS, run: async (a, f) => removeMention(a, f.mentionId) },
  { name: "dismissSuggestion", roles: EDITORS, run: async (a, f) => dismissSuggestion(a, { articleId: f.articleId, sentence: "GPT-3 拥有1750亿个参数。" }) },
  { name: "recordStatusEvent", roles: EDITORS, run: async (a, f) => recordStatusEvent(a, eventInput(f.claimId)) },
  {
    name: "recordStatusBulk",
    roles: EDITORS,
    run: async (a, f) => recordStatusBulk(a, { claimIds: [f.claimId, f.otherClaimId], statusKey: "true", effectiveDate: { date: "2024-01-01", precision: "day" }, rationale: null, internalNote: null, visibility: "published", sources: [] }),
  },
  { name: "publishDraftEvent", roles: EDITORS, run: async (a, f) => publishDraftEvent(a, f.draftEventId) },
  { name: "deleteDraftEvent", roles: EDITORS, run: async (a, f) => deleteDraftEvent(a, f.draftEventId) },
  { name: "recordObservation", roles: EDITORS, run: async (a, f) => recordObservation(a, observationInput.parse({ claimId: f.claimId, value: "1", observedOn: "2024-01-01" })) },
  { name: "setRecheckBy", roles: EDITORS, run: async (a, f) => setRecheckBy(a, recheckByInput.parse({ claimId: f.claimId, recheckBy: "2026-12-31" })) },
  { name: "createUser", roles: ADMINS, run: (a) => createUser(a, newUserInput.parse({ name: "n", email: "new@test.local", password: "long-enough-password", role: "editor" })) },
  { name: "createStatus", roles: ADMINS, run: async (a) => createStatus(a, newStatusInput.parse({ key: "partly_false", ...sampleStatus })) },
  { name: "updateStatus", roles: ADMINS, run: async (a) => updateStatus(a, statusUpdateInput.parse({ key: "mixed", ...sampleStatus })) },
  { name: "retireStatus", roles: ADMINS, run: async (a) => retireStatus(a, { key: "misleading" }) },
  { name: "reinstateStatus", roles: ADMINS, prepare: async (f) => retireStatus({ userId: await ownerOf(f) }, { key: "misleading" }), run: async (a) => reinstateStatus(a, { key: "misleading" }) },
  { name: "reorderStatuses", roles: ADMINS, run: async (a) => reorderStatuses(a, { keys: (await listStatuses()).map((s) => s.key).reverse() }) },
  { name: "exportBackup", roles: ADMINS, run: async (a) => exportBackup(a) },
  { name: "createApiToken", roles: EDITORS, run: async (a) => createApiToken(a, { name: "integration" }) },
  { name: "revokeApiToken", roles: EDITORS, prepare: async (f) => {
      await createApiToken({ userId: await ownerOf(f) }, { name: "to revoke" });
    }, run: async (a) => revokeApiToken(a, 1), successTestedElsewhere: "db/tokens/api-tokens.test.ts (only the owner or an admin may revoke)" },
  { name: "importBackup", roles: ADMINS, run: async (a) => importBackup(a, await exportBackup({ userId: await ownerOfAny() }), { mode: "merge" }) },
  { name: "changeUserRole", roles: ADMINS, prepare: makeTarget, run: async (a) => changeUserRole(a, { userId: await target(), role: "admin" }) },
  { name: "deactivateUser", roles: ADMINS, prepare: makeTarget, run: async (a) => deactivateUser(a, { userId: await target() }) },
  {
    name: "reactivateUser",
    roles: ADMINS,
    prepare: async () => deactivateUser({ userId: await ownerOfAny() }, { userId: await makeTarget() }),
    run: async (a) => reactivateUser(a, { userId: await target() }),
  },
  { name: "setUserPassword", roles: ADMINS, prepare: makeTarget, run: async (a) => setUserPassword(a, { userId: await target(), password: "a new long password" }) },
  { name: "updateOwnProfile", roles: EDITORS, run: async (a) => updateOwnProfile(a, { name: "A new name" }) },
  { name: "publishArticle", roles: EDITORS, prepare: unpublished, run: async (a, f) => publishArticle(a, { id: f.articleId, version: f.articleVersion + 1 }) },
  { name: "unpublishArticle", roles: EDITORS, run: async (a, f) => unpublishArticle(a, { id: f.articleId, version: f.articleVersion }) },
  { name: "submitArticleForReview", roles: EDITORS, prepare: unpublished, run: async (a, f) => submitArticleForReview(a, { id: f.articleId, version: f.articleVersion + 1 }) },
  { name: "approveReview", roles: EDITORS, prepare: submittedByOwner, run: async (a) => approveReview(a, { reviewId: await openReviewId() }) },
  { name: "sendBackReview", roles: EDITORS, prepare: submittedByOwner, run: async (a) => sendBackReview(a, { reviewId: await openReviewId(), comment: "Check the figure." }) },
  { name: "setSecondApproval", roles: ADMINS, run: async (a) => setSecondApproval(a, { required: true }) },
  { name: "assignClaim", roles: EDITORS, run: async (a, f) => assignClaim(a, { claimId: f.claimId, assigneeId: await ownerOf(f) }) },
];

async function unpublished(f: MutationFixture): Promise<void> {
  await unpublishArticle({ userId: await ownerOf(f) }, { id: f.articleId, version: f.articleVersion });
}

async function submittedByOwner(f: MutationFixture): Promise<void> {
  await unpublished(f);
  await submitArticleForReview({ userId: await ownerOf(f) }, { id: f.articleId, version: f.articleVersion + 1 });
}

async function openReviewId(): Promise<number> {
  return (await firstRow(getDb().select({ id: reviewRequests.id }).from(reviewRequests)))!.id;
}

/** Reads that must refuse anyone who is not an editor. */
const EDITOR_READS: { name: string; run: (actor: Actor | null, f: MutationFixture) => unknown }[] = [
  { name: "listArticlesForEditor", run: async (a) => listArticlesForEditor(a) },
  { name: "listDeskLanguages", run: async (a) => listDeskLanguages(a) },
  { name: "getClaimForEditor", run: async (a, f) => getClaimForEditor(a, f.claimId) },
  { name: "getWorkbench", run: async (a, f) => getWorkbench(a, f.articleId) },
  { name: "suggestForArticle", run: async (a, f) => suggestForArticle(a, f.articleId) },
  { name: "listRecheckQueue", run: async (a) => listRecheckQueue(a, { days: 30 }) },
  { name: "listApiTokens", run: async (a) => listApiTokens(a) },
  { name: "findSimilarClaims", run: async (a) => findSimilarClaims(a, similarClaimsInput.parse({ text: "OpenAI 估值约为270亿美元" })) },
  { name: "listLikelyDuplicates", run: async (a) => listLikelyDuplicates(a, likelyDuplicatesInput.parse({})) },
  { name: "listClaimHistory", run: async (a, f) => listClaimHistory(a, f.claimId) },
  { name: "getSecondApprovalSetting", run: async (a) => getSecondApprovalSetting(a) },
  { name: "listReviewsWaitingForMe", run: async (a) => listReviewsWaitingForMe(a) },
  { name: "getArticleReviewState", run: async (a, f) => getArticleReviewState(a, f.articleId) },
  { name: "listHeldEventReviews", run: async (a, f) => listHeldEventReviews(a, [f.draftEventId]) },
  { name: "listAssignableEditors", run: async (a) => listAssignableEditors(a) },
  { name: "listClaimsAssignedToMe", run: async (a) => listClaimsAssignedToMe(a) },
  { name: "getArticlePreview", run: async (a, f) => getArticlePreview(a, f.articleId) },
];

/** Reads that must refuse anyone who is not an admin. */
const ADMIN_READS: { name: string; run: (actor: Actor | null) => unknown }[] = [
  { name: "listUsers", run: async (a) => listUsers(a) },
  { name: "listAuditLog", run: async (a) => listAuditLog(a, {}) },
];

const TARGET_EMAIL = "target@test.claimline.local";

/** The account the user-management mutations act on. */
async function makeTarget(): Promise<string> {
  return (await writeTransaction(async (tx) => insertUserWithPassword(tx, null, { name: "Target", email: TARGET_EMAIL, role: "editor" }, "not-a-real-hash"))).id;
}

async function target(): Promise<string> {
  return (await firstRow(getDb().select({ id: user.id }).from(user).where(eq(user.email, TARGET_EMAIL))))!.id;
}

async function ownerOf(_f: MutationFixture): Promise<string> {
  return (await firstRow(getDb().select({ id: user.id }).from(user).where(eq(user.role, "admin"))))!.id;
}

async function ownerOfAny(): Promise<string> {
  return (await firstRow(getDb().select({ id: user.id }).from(user).where(eq(user.role, "admin"))))!.id;
}

async function reversedMentions(f: MutationFixture): Promise<number[]> {
  return (await getWorkbench({ userId: await ownerOf(f) }, f.articleId)).claims.map((c) => c.mentionId).reverse();
}

async function prepared(mutation: Mutation): Promise<MutationFixture> {
  const f = await mutationFixture();
  await mutation.prepare?.(f);
  return f;
}

async function deactivatedAdmin(): Promise<Actor> {
  const actor = await makeUser("admin");
  await writeTransaction(async (tx) => tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, actor.userId)));
  return actor;
}

describe("authorization in the data-access layer", () => {
  for (const mutation of MUTATIONS) {
    describe(mutation.name, () => {
      it("refuses anonymous callers and deactivated accounts, writing nothing", async () => {
        const f = await prepared(mutation);
        const refused = await deactivatedAdmin();
        const before = await databaseFingerprint();
        expect(await attempt(async () => mutation.run(null, f))).toBeInstanceOf(UnauthorizedError);
        expect(await attempt(async () => mutation.run(refused, f))).toBeInstanceOf(UnauthorizedError);
        expect(await databaseFingerprint()).toBe(before);
      });

      if (!mutation.roles.includes("editor")) {
        it("refuses editors (admins only), writing nothing", async () => {
          const f = await prepared(mutation);
          const editor = await makeUser("editor");
          const before = await databaseFingerprint();
          expect(await attempt(async () => mutation.run(editor, f))).toBeInstanceOf(ForbiddenError);
          expect(await databaseFingerprint()).toBe(before);
        });
      }

      if (!mutation.successTestedElsewhere) {
        it("lets an allowed role through", async () => {
          const f = await prepared(mutation);
          expect(await attempt(async () => mutation.run(await makeUser(mutation.roles.at(-1)), f))).toBeNull();
        });
      }
    });
  }

  for (const read of EDITOR_READS) {
    it(`${read.name}: refuses anonymous callers and deactivated accounts`, async () => {
      const f = await mutationFixture();
      expect(await attempt(async () => read.run(null, f))).toBeInstanceOf(UnauthorizedError);
      expect(await attempt(async () => read.run(await deactivatedAdmin(), f))).toBeInstanceOf(UnauthorizedError);
      expect(await attempt(async () => read.run(await makeUser("editor"), f))).toBeNull();
    });
  }

  for (const read of ADMIN_READS) {
    it(`${read.name}: refuses anonymous callers, deactivated accounts and editors`, async () => {
      expect(await attempt(async () => read.run(null))).toBeInstanceOf(UnauthorizedError);
      expect(await attempt(async () => read.run(await deactivatedAdmin()))).toBeInstanceOf(UnauthorizedError);
      expect(await attempt(async () => read.run(await makeUser("editor")))).toBeInstanceOf(ForbiddenError);
      expect(await attempt(async () => read.run(await makeUser("admin")))).toBeNull();
    });
  }

  it("covers every function of the data-access layer that takes an actor", () => {
    // Any exported `function name(actor: Actor | null, …)` under db/ must be listed above, so a
    // new mutation or editor read cannot ship without its authorization being tested.
    const listed = new Set([...MUTATIONS, ...EDITOR_READS, ...ADMIN_READS].map((m) => m.name));
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
          for (const match of fs.readFileSync(full, "utf8").matchAll(/export (?:async )?function (\w+)\(actor: Actor \| null/g)) found.push(match[1]!);
        }
      }
    };
    walk(path.join(process.cwd(), "db"));
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((name) => !listed.has(name))).toEqual([]);
  });
});
