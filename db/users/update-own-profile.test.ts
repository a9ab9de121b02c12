import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ownProfileInput } from "../../lib/user-input";
import { makeUser } from "../../test/factories";
import { getDb } from "../client";
import { auditLog, user } from "../schema";
import { updateOwnProfile } from "./update-own-profile";
import { firstRow } from "../rows";

const nameOf = async (userId: string) => (await firstRow(getDb().select({ name: user.name }).from(user).where(eq(user.id, userId))))?.name;
const profileAudits = async () => getDb().select().from(auditLog).where(eq(auditLog.action, "user.update_profile"));

describe("an editor's own profile", () => {
  it("renames only the signed-in account, with an audit row in the same write", async () => {
    const editor = await makeUser("editor");
    const colleague = await makeUser("editor");
    const before = await nameOf(editor.userId);
    expect(await updateOwnProfile(editor, ownProfileInput.parse({ name: "  Lin Wei 林伟 " }))).toEqual({ name: "Lin Wei 林伟" });
    expect(await nameOf(editor.userId)).toBe("Lin Wei 林伟");
    expect(await nameOf(colleague.userId)).not.toBe("Lin Wei 林伟");
    expect(await profileAudits()).toMatchObject([{ actorId: editor.userId, entityId: editor.userId, before: { name: before }, after: { name: "Lin Wei 林伟" } }]);
    // Saving the same name again is not a change worth a row.
    await updateOwnProfile(editor, { name: "Lin Wei 林伟" });
    expect(await profileAudits()).toHaveLength(1);
  });

  it("refuses an empty or over-long name, and anonymous callers", async () => {
    expect(ownProfileInput.safeParse({ name: "   " }).success).toBe(false);
    expect(ownProfileInput.safeParse({ name: "x".repeat(101) }).success).toBe(false);
    expect(ownProfileInput.safeParse({ name: "x".repeat(5_000_000) }).success).toBe(false);
    await expect(updateOwnProfile(null, { name: "Nobody" })).rejects.toThrow(/Sign in/);
    expect(await profileAudits()).toHaveLength(0);
  });
});
