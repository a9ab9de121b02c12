import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, UnauthorizedError } from "../../lib/errors";
import { managedUserInput } from "../../lib/user-input";
import { makeUser } from "../../test/factories";
import { sessionUserId, signInForCookie } from "../../test/sign-in";
import { authorize, EDITOR_ROLES } from "../authorize";
import { getDb } from "../client";
import { account, auditLog, session, user } from "../schema";
import { actorFromApiToken, createApiToken, listApiTokens, revokeApiToken } from "../tokens/api-tokens";
import { writeTransaction } from "../transaction";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { deactivateUser, reactivateUser } from "./deactivate-user";
import { listUsers } from "./list-users";
import { setUserPassword } from "./set-user-password";
import { firstRow } from "../rows";

const PASSWORD = "correct horse battery staple";

async function makeEditorWithPassword(admin: { userId: string }, email = "sam@desk.example") {
  const created = await createUser(admin, managedUserInput.parse({ name: "Sam", email, password: PASSWORD, role: "editor" }));
  return { userId: created.id, email };
}

const auditRows = async (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action));
const sessionCount = async (userId: string) => (await getDb().select().from(session).where(eq(session.userId, userId))).length;

describe("managing users", () => {
  it("lists every account without password hashes, saying who has a password", async () => {
    const admin = await makeUser("admin");
    await makeEditorWithPassword(admin);
    const listed = await listUsers(admin);
    expect(listed.map((u) => u.email)).toContain("sam@desk.example");
    expect(listed.find((u) => u.email === "sam@desk.example")).toMatchObject({ role: "editor", deactivatedAt: null, hasPassword: true });
    const hash = (await firstRow(getDb().select({ password: account.password }).from(account).where(eq(account.userId, listed[0]!.id))))!.password!;
    expect(JSON.stringify(listed)).not.toContain(hash);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "deactivatedAt", "email", "hasPassword", "id", "name", "role"]);
  });

  it("changes a role, with an audit row, and the new role applies on the next check", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    expect((await changeUserRole(admin, { userId: editor.userId, role: "admin" })).role).toBe("admin");
    expect((await authorize(getDb(), editor, ["admin"])).role).toBe("admin");
    expect(await auditRows("user.change_role")).toMatchObject([{ actorId: admin.userId, entityType: "user", entityId: editor.userId, before: { role: "editor" }, after: { role: "admin" } }]);
    // Saving the same role again records nothing.
    await changeUserRole(admin, { userId: editor.userId, role: "admin" });
    expect(await auditRows("user.change_role")).toHaveLength(1);
  });

  it("deactivation ends the user's sessions, refuses their requests and suspends their API tokens", async () => {
    const admin = await makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cookie = await signInForCookie(editor.email, PASSWORD);
    expect(await sessionUserId(cookie)).toBe(editor.userId);
    const token = await createApiToken(editor, { name: "CMS" });
    expect(await actorFromApiToken(token.token)).toEqual({ userId: editor.userId });

    const result = await deactivateUser(admin, { userId: editor.userId });

    expect(result.deactivatedAt).not.toBeNull();
    expect(await sessionCount(editor.userId)).toBe(0);
    expect(await sessionUserId(cookie)).toBeNull();
    await expect(authorize(getDb(), editor, EDITOR_ROLES)).rejects.toThrow(UnauthorizedError);
    expect(await actorFromApiToken(token.token)).toBeNull();
    await expect(signInForCookie(editor.email, PASSWORD)).rejects.toThrow();
    expect(await auditRows("user.deactivate")).toMatchObject([{ actorId: admin.userId, entityId: editor.userId, before: { deactivatedAt: null }, after: { sessionsEnded: 1 } }]);
  });

  it("reactivation lets the user sign in again and brings back their unrevoked tokens", async () => {
    const admin = await makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const token = await createApiToken(editor, { name: "CMS" });
    await deactivateUser(admin, { userId: editor.userId });
    // A second click changes nothing and records nothing.
    await deactivateUser(admin, { userId: editor.userId });
    expect(await auditRows("user.deactivate")).toHaveLength(1);

    expect((await reactivateUser(admin, { userId: editor.userId })).deactivatedAt).toBeNull();

    expect((await authorize(getDb(), editor, EDITOR_ROLES)).id).toBe(editor.userId);
    expect(await sessionUserId(await signInForCookie(editor.email, PASSWORD))).toBe(editor.userId);
    expect(await actorFromApiToken(token.token)).toEqual({ userId: editor.userId });
    expect(await auditRows("user.reactivate")).toMatchObject([{ actorId: admin.userId, entityId: editor.userId, after: { deactivatedAt: null } }]);
  });

  it("refuses to let the last active admin be demoted or deactivated, writing nothing", async () => {
    const admin = await makeUser("admin");
    const before = (await getDb().select().from(auditLog)).length;
    await expect(changeUserRole(admin, { userId: admin.userId, role: "editor" })).rejects.toThrow(/last active admin/);
    await expect(deactivateUser(admin, { userId: admin.userId })).rejects.toThrow(/last active admin/);
    // A deactivated admin does not count as another admin.
    const dormant = await makeUser("admin");
    await writeTransaction(async (tx) => tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, dormant.userId)));
    await expect(deactivateUser(admin, { userId: admin.userId })).rejects.toThrow(ConflictError);
    expect((await getDb().select().from(auditLog)).length).toBe(before + 1); // only the second admin's creation
    expect((await authorize(getDb(), admin, ["admin"])).role).toBe("admin");
  });

  it("refuses an admin demoting or deactivating themself, but lets another admin do it", async () => {
    const first = await makeUser("admin");
    const second = await makeUser("admin");
    await expect(changeUserRole(first, { userId: first.userId, role: "editor" })).rejects.toThrow(/your own admin role/);
    await expect(deactivateUser(first, { userId: first.userId })).rejects.toThrow(/your own account/);
    expect((await changeUserRole(second, { userId: first.userId, role: "editor" })).role).toBe("editor");
    // The demoted admin loses admin rights on their very next request.
    await expect(deactivateUser(first, { userId: second.userId })).rejects.toThrow(ForbiddenError);
  });

  it("sets a first password for a user restored without one, and they can sign in", async () => {
    const admin = await makeUser("admin");
    // A restored user: a user row and no credential account.
    const restoredId = "restored-user-1";
    await getDb().insert(user).values({ id: restoredId, name: "Restored", email: "restored@desk.example", emailVerified: true, role: "editor" });
    expect((await listUsers(admin)).find((u) => u.id === restoredId)?.hasPassword).toBe(false);
    await expect(signInForCookie("restored@desk.example", PASSWORD)).rejects.toThrow();

    const result = await setUserPassword(admin, { userId: restoredId, password: PASSWORD });

    expect(result.hasPassword).toBe(true);
    expect(await sessionUserId(await signInForCookie("restored@desk.example", PASSWORD))).toBe(restoredId);
    const [row] = await auditRows("user.set_password");
    expect(row).toMatchObject({ actorId: admin.userId, entityId: restoredId, before: { hasPassword: false }, after: { hasPassword: true } });
    const stored = (await firstRow(getDb().select({ password: account.password }).from(account).where(eq(account.userId, restoredId))))!.password!;
    expect(JSON.stringify(row)).not.toContain(stored);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  it("resets a password: the old one stops working and the user's sessions end", async () => {
    const admin = await makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cookie = await signInForCookie(editor.email, PASSWORD);
    const fresh = "a brand new passphrase";

    await setUserPassword(admin, { userId: editor.userId, password: fresh });

    expect(await sessionUserId(cookie)).toBeNull();
    await expect(signInForCookie(editor.email, PASSWORD)).rejects.toThrow();
    expect(await sessionUserId(await signInForCookie(editor.email, fresh))).toBe(editor.userId);
    const credentials = await getDb().select().from(account).where(and(eq(account.userId, editor.userId), eq(account.providerId, "credential")));
    expect(credentials).toHaveLength(1);
  });

  it("a password reset revokes the user's API tokens in the same transaction, and the audit row lists them", async () => {
    const admin = await makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cms = await createApiToken(editor, { name: "CMS" });
    const sheet = await createApiToken(editor, { name: "Sheet" });
    const old = await createApiToken(editor, { name: "Old" });
    await revokeApiToken(editor, old.id);
    const oldRevokedAt = (await listApiTokens(editor)).find((t) => t.id === old.id)!.revokedAt;
    const bystander = await makeUser("editor");
    const theirs = await createApiToken(bystander, { name: "Theirs" });

    await setUserPassword(admin, { userId: editor.userId, password: "a brand new passphrase" });

    expect(await actorFromApiToken(cms.token)).toBeNull();
    expect(await actorFromApiToken(sheet.token)).toBeNull();
    expect((await listApiTokens(editor)).every((t) => t.revokedAt !== null)).toBe(true);
    // Only this user's tokens: another editor's keeps working.
    expect(await actorFromApiToken(theirs.token)).toEqual({ userId: bystander.userId });
    const [row] = await auditRows("user.set_password");
    expect(row).toMatchObject({
      actorId: admin.userId,
      entityType: "user",
      entityId: editor.userId,
      before: { hasPassword: true },
      after: { hasPassword: true, sessionsEnded: 0, apiTokensRevoked: [{ id: cms.id, name: "CMS", prefix: cms.prefix }, { id: sheet.id, name: "Sheet", prefix: sheet.prefix }] },
    });
    expect(JSON.stringify(row)).not.toContain(cms.token);
    // The already revoked token keeps the time it was revoked at.
    expect((await listApiTokens(editor)).find((t) => t.id === old.id)!.revokedAt).toBe(oldRevokedAt);
  });

  it("an admin resetting their own password keeps their session but not their API tokens", async () => {
    const admin = await makeUser("admin");
    const token = await createApiToken(admin, { name: "Mine" });
    await setUserPassword(admin, { userId: admin.userId, password: "a brand new passphrase" });
    expect(await actorFromApiToken(token.token)).toBeNull();
    expect(await auditRows("user.set_password")).toMatchObject([{ after: { sessionsEnded: 0, apiTokensRevoked: [{ id: token.id, name: "Mine" }] } }]);
  });

  it("a password reset that fails writes nothing: the tokens stay valid", async () => {
    const admin = await makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const token = await createApiToken(editor, { name: "CMS" });
    await expect(setUserPassword(await makeUser("editor"), { userId: editor.userId, password: "a brand new passphrase" })).rejects.toThrow(ForbiddenError);
    expect(await actorFromApiToken(token.token)).toEqual({ userId: editor.userId });
    expect(await auditRows("user.set_password")).toEqual([]);
  });
});
