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

const PASSWORD = "correct horse battery staple";

async function makeEditorWithPassword(admin: { userId: string }, email = "sam@desk.example") {
  const created = await createUser(admin, managedUserInput.parse({ name: "Sam", email, password: PASSWORD, role: "editor" }));
  return { userId: created.id, email };
}

const auditRows = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();
const sessionCount = (userId: string) => getDb().select().from(session).where(eq(session.userId, userId)).all().length;

describe("managing users", () => {
  it("lists every account without password hashes, saying who has a password", async () => {
    const admin = makeUser("admin");
    await makeEditorWithPassword(admin);
    const listed = listUsers(admin);
    expect(listed.map((u) => u.email)).toContain("sam@desk.example");
    expect(listed.find((u) => u.email === "sam@desk.example")).toMatchObject({ role: "editor", deactivatedAt: null, hasPassword: true });
    const hash = getDb().select({ password: account.password }).from(account).where(eq(account.userId, listed[0]!.id)).get()!.password!;
    expect(JSON.stringify(listed)).not.toContain(hash);
    expect(Object.keys(listed[0]!).sort()).toEqual(["createdAt", "deactivatedAt", "email", "hasPassword", "id", "name", "role"]);
  });

  it("changes a role, with an audit row, and the new role applies on the next check", async () => {
    const admin = makeUser("admin");
    const editor = makeUser("editor");
    expect(changeUserRole(admin, { userId: editor.userId, role: "admin" }).role).toBe("admin");
    expect(authorize(getDb(), editor, ["admin"]).role).toBe("admin");
    expect(auditRows("user.change_role")).toMatchObject([{ actorId: admin.userId, entityType: "user", entityId: editor.userId, before: { role: "editor" }, after: { role: "admin" } }]);
    // Saving the same role again records nothing.
    changeUserRole(admin, { userId: editor.userId, role: "admin" });
    expect(auditRows("user.change_role")).toHaveLength(1);
  });

  it("deactivation ends the user's sessions, refuses their requests and suspends their API tokens", async () => {
    const admin = makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cookie = await signInForCookie(editor.email, PASSWORD);
    expect(await sessionUserId(cookie)).toBe(editor.userId);
    const token = createApiToken(editor, { name: "CMS" });
    expect(actorFromApiToken(token.token)).toEqual({ userId: editor.userId });

    const result = deactivateUser(admin, { userId: editor.userId });

    expect(result.deactivatedAt).not.toBeNull();
    expect(sessionCount(editor.userId)).toBe(0);
    expect(await sessionUserId(cookie)).toBeNull();
    expect(() => authorize(getDb(), editor, EDITOR_ROLES)).toThrow(UnauthorizedError);
    expect(actorFromApiToken(token.token)).toBeNull();
    await expect(signInForCookie(editor.email, PASSWORD)).rejects.toThrow();
    expect(auditRows("user.deactivate")).toMatchObject([{ actorId: admin.userId, entityId: editor.userId, before: { deactivatedAt: null }, after: { sessionsEnded: 1 } }]);
  });

  it("reactivation lets the user sign in again and brings back their unrevoked tokens", async () => {
    const admin = makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const token = createApiToken(editor, { name: "CMS" });
    deactivateUser(admin, { userId: editor.userId });
    // A second click changes nothing and records nothing.
    deactivateUser(admin, { userId: editor.userId });
    expect(auditRows("user.deactivate")).toHaveLength(1);

    expect(reactivateUser(admin, { userId: editor.userId }).deactivatedAt).toBeNull();

    expect(authorize(getDb(), editor, EDITOR_ROLES).id).toBe(editor.userId);
    expect(await sessionUserId(await signInForCookie(editor.email, PASSWORD))).toBe(editor.userId);
    expect(actorFromApiToken(token.token)).toEqual({ userId: editor.userId });
    expect(auditRows("user.reactivate")).toMatchObject([{ actorId: admin.userId, entityId: editor.userId, after: { deactivatedAt: null } }]);
  });

  it("refuses to let the last active admin be demoted or deactivated, writing nothing", () => {
    const admin = makeUser("admin");
    const before = getDb().select().from(auditLog).all().length;
    expect(() => changeUserRole(admin, { userId: admin.userId, role: "editor" })).toThrow(/last active admin/);
    expect(() => deactivateUser(admin, { userId: admin.userId })).toThrow(/last active admin/);
    // A deactivated admin does not count as another admin.
    const dormant = makeUser("admin");
    writeTransaction((tx) => tx.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, dormant.userId)).run());
    expect(() => deactivateUser(admin, { userId: admin.userId })).toThrow(ConflictError);
    expect(getDb().select().from(auditLog).all().length).toBe(before + 1); // only the second admin's creation
    expect(authorize(getDb(), admin, ["admin"]).role).toBe("admin");
  });

  it("refuses an admin demoting or deactivating themself, but lets another admin do it", () => {
    const first = makeUser("admin");
    const second = makeUser("admin");
    expect(() => changeUserRole(first, { userId: first.userId, role: "editor" })).toThrow(/your own admin role/);
    expect(() => deactivateUser(first, { userId: first.userId })).toThrow(/your own account/);
    expect(changeUserRole(second, { userId: first.userId, role: "editor" }).role).toBe("editor");
    // The demoted admin loses admin rights on their very next request.
    expect(() => deactivateUser(first, { userId: second.userId })).toThrow(ForbiddenError);
  });

  it("sets a first password for a user restored without one, and they can sign in", async () => {
    const admin = makeUser("admin");
    // A restored user: a user row and no credential account.
    const restoredId = "restored-user-1";
    getDb().insert(user).values({ id: restoredId, name: "Restored", email: "restored@desk.example", emailVerified: true, role: "editor" }).run();
    expect(listUsers(admin).find((u) => u.id === restoredId)?.hasPassword).toBe(false);
    await expect(signInForCookie("restored@desk.example", PASSWORD)).rejects.toThrow();

    const result = await setUserPassword(admin, { userId: restoredId, password: PASSWORD });

    expect(result.hasPassword).toBe(true);
    expect(await sessionUserId(await signInForCookie("restored@desk.example", PASSWORD))).toBe(restoredId);
    const [row] = auditRows("user.set_password");
    expect(row).toMatchObject({ actorId: admin.userId, entityId: restoredId, before: { hasPassword: false }, after: { hasPassword: true } });
    const stored = getDb().select({ password: account.password }).from(account).where(eq(account.userId, restoredId)).get()!.password!;
    expect(JSON.stringify(row)).not.toContain(stored);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  it("resets a password: the old one stops working and the user's sessions end", async () => {
    const admin = makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cookie = await signInForCookie(editor.email, PASSWORD);
    const fresh = "a brand new passphrase";

    await setUserPassword(admin, { userId: editor.userId, password: fresh });

    expect(await sessionUserId(cookie)).toBeNull();
    await expect(signInForCookie(editor.email, PASSWORD)).rejects.toThrow();
    expect(await sessionUserId(await signInForCookie(editor.email, fresh))).toBe(editor.userId);
    const credentials = getDb().select().from(account).where(and(eq(account.userId, editor.userId), eq(account.providerId, "credential"))).all();
    expect(credentials).toHaveLength(1);
  });

  it("a password reset revokes the user's API tokens in the same transaction, and the audit row lists them", async () => {
    const admin = makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const cms = createApiToken(editor, { name: "CMS" });
    const sheet = createApiToken(editor, { name: "Sheet" });
    const old = createApiToken(editor, { name: "Old" });
    revokeApiToken(editor, old.id);
    const oldRevokedAt = listApiTokens(editor).find((t) => t.id === old.id)!.revokedAt;
    const bystander = makeUser("editor");
    const theirs = createApiToken(bystander, { name: "Theirs" });

    await setUserPassword(admin, { userId: editor.userId, password: "a brand new passphrase" });

    expect(actorFromApiToken(cms.token)).toBeNull();
    expect(actorFromApiToken(sheet.token)).toBeNull();
    expect(listApiTokens(editor).every((t) => t.revokedAt !== null)).toBe(true);
    // Only this user's tokens: another editor's keeps working.
    expect(actorFromApiToken(theirs.token)).toEqual({ userId: bystander.userId });
    const [row] = auditRows("user.set_password");
    expect(row).toMatchObject({
      actorId: admin.userId,
      entityType: "user",
      entityId: editor.userId,
      before: { hasPassword: true },
      after: { hasPassword: true, sessionsEnded: 0, apiTokensRevoked: [{ id: cms.id, name: "CMS", prefix: cms.prefix }, { id: sheet.id, name: "Sheet", prefix: sheet.prefix }] },
    });
    expect(JSON.stringify(row)).not.toContain(cms.token);
    // The already revoked token keeps the time it was revoked at.
    expect(listApiTokens(editor).find((t) => t.id === old.id)!.revokedAt).toBe(oldRevokedAt);
  });

  it("an admin resetting their own password keeps their session but not their API tokens", async () => {
    const admin = makeUser("admin");
    const token = createApiToken(admin, { name: "Mine" });
    await setUserPassword(admin, { userId: admin.userId, password: "a brand new passphrase" });
    expect(actorFromApiToken(token.token)).toBeNull();
    expect(auditRows("user.set_password")).toMatchObject([{ after: { sessionsEnded: 0, apiTokensRevoked: [{ id: token.id, name: "Mine" }] } }]);
  });

  it("a password reset that fails writes nothing: the tokens stay valid", async () => {
    const admin = makeUser("admin");
    const editor = await makeEditorWithPassword(admin);
    const token = createApiToken(editor, { name: "CMS" });
    await expect(setUserPassword(makeUser("editor"), { userId: editor.userId, password: "a brand new passphrase" })).rejects.toThrow(ForbiddenError);
    expect(actorFromApiToken(token.token)).toEqual({ userId: editor.userId });
    expect(auditRows("user.set_password")).toEqual([]);
  });
});
