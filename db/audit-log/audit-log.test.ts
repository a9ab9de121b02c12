import { describe, expect, it } from "vitest";
import { makeArticle, makeClaim, makeUser, eventInput } from "../../test/factories";
import { claimUpdateInput } from "../../lib/workbench-input";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { updateClaim } from "../claims/update-claim";
import { recordStatusEvent } from "../events/record-status-event";
import { auditLog } from "../schema";
import { changeUserRole } from "../users/change-user-role";
import { deactivateUser } from "../users/deactivate-user";
import { listClaimHistory } from "./claim-history";
import { listAuditLog } from "./list-audit-log";

async function auditAt(at: string, actor: Actor | null, action: string, entityType = "claim", entityId = "1") {
  await getDb().insert(auditLog).values({ actorId: actor?.userId ?? null, action, entityType, entityId, at: new Date(at) });
}

const actions = (entries: { action: string }[]) => entries.map((e) => e.action);

describe("the audit log browser", () => {
  it("lists newest first with who, what and the changed fields", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    await changeUserRole(admin, { userId: editor.userId, role: "admin" });
    const [latest] = (await listAuditLog(admin, {})).entries;
    expect(latest).toMatchObject({
      action: "user.change_role",
      entityType: "user",
      entityId: editor.userId,
      entityLabel: expect.stringContaining("Test editor"),
      actor: { id: admin.userId, name: expect.stringContaining("Test admin") },
      changes: [{ field: "role", kind: "changed", before: { short: "editor" }, after: { short: "admin" } }],
    });
  });

  it("filters by user (as actor or as the account changed), entity type, entity id and UTC days", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    await auditAt("2025-01-01T23:59:59Z", editor, "claim.update", "claim", "7");
    await auditAt("2025-01-02T00:00:00Z", editor, "claim.delete", "claim", "8");
    await auditAt("2025-01-03T12:00:00Z", admin, "article.update", "article", "7");
    await deactivateUser(admin, { userId: editor.userId });

    expect(actions((await listAuditLog(admin, { userId: editor.userId })).entries)).toEqual(["user.deactivate", "claim.delete", "claim.update", "user.create"]);
    expect(actions((await listAuditLog(admin, { entityType: "claim" })).entries)).toEqual(["claim.delete", "claim.update"]);
    expect(actions((await listAuditLog(admin, { entityId: "7" })).entries)).toEqual(["article.update", "claim.update"]);
    expect(actions((await listAuditLog(admin, { entityType: "claim", entityId: "7" })).entries)).toEqual(["claim.update"]);
    expect(actions((await listAuditLog(admin, { from: "2025-01-02", to: "2025-01-03" })).entries)).toEqual(["article.update", "claim.delete"]);
    expect(actions((await listAuditLog(admin, { to: "2025-01-01" })).entries)).toEqual(["claim.update"]);
  });

  it("pages with a keyset cursor and never returns more than a bounded page", async () => {
    const admin = await makeUser("admin");
    for (let i = 0; i < 7; i++) await auditAt("2025-01-01T00:00:00Z", admin, `test.${i}`);
    const first = await listAuditLog(admin, { entityType: "claim" }, 3);
    expect(actions(first.entries)).toEqual(["test.6", "test.5", "test.4"]);
    const second = await listAuditLog(admin, { entityType: "claim", before: first.olderThan! }, 3);
    expect(actions(second.entries)).toEqual(["test.3", "test.2", "test.1"]);
    const last = await listAuditLog(admin, { entityType: "claim", before: second.olderThan! }, 3);
    expect(actions(last.entries)).toEqual(["test.0"]);
    expect(last.olderThan).toBeNull();
    expect((await listAuditLog(admin, {}, 10_000)).entries.length).toBeLessThanOrEqual(50);
  });
});

describe("a claim's change history", () => {
  it("gathers the claim's, its mentions' and its events' rows, and no other claim's", async () => {
    const editor = await makeUser("editor");
    const article = await makeArticle(editor);
    const claim = await makeClaim(editor, article.id);
    const other = await makeClaim(editor, article.id, "1750亿个参数", "GPT-3 has 175B parameters");
    await updateClaim(editor, claimUpdateInput.parse({ id: claim.claimId, version: 1, statement: "OpenAI was valued at $27 billion" }));
    await recordStatusEvent(editor, eventInput(claim.claimId, { statusKey: "outdated" }));
    await recordStatusEvent(editor, eventInput(other.claimId));

    const history = await listClaimHistory(editor, claim.claimId);

    expect(actions(history)).toEqual(["claim.status", "status_event.create", "claim.update", "mention.create", "claim.create"]);
    expect(history.every((e) => e.actor?.id === editor.userId)).toBe(true);
    expect(history.find((e) => e.action === "claim.update")!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "statement", before: expect.objectContaining({ short: "OpenAI is valued at $27 billion" }) })]),
    );
    expect(history.some((e) => e.entityId === String(other.claimId) && e.entityType === "claim")).toBe(false);
    // Figures kept by triggers (migration 0008) are nobody's edit, and a write's row predates them.
    const fields = new Set(history.flatMap((e) => e.changes.map((c) => c.field)));
    for (const derived of ["readable", "timelineOwnerId", "timelineReadable"]) expect(fields.has(derived), derived).toBe(false);
  });
});
