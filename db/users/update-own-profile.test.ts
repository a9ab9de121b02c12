import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ownProfileInput } from "../../lib/user-input";
import { makeUser } from "../../test/factories";
import { getDb } from "../client";
import { auditLog, user } from "../schema";
import { updateOwnProfile } from "./update-own-profile";

const nameOf = (userId: string) => getDb().select({ name: user.name }).from(user).where(eq(user.id, userId)).get()?.name;
const profileAudits = () => getDb().select().from(auditLog).where(eq(auditLog.action, "user.update_profile")).all();

describe("an editor's own profile", () => {
  it("renames only the signed-in account, with an audit row in the same write", () => {
    const editor = makeUser("editor");
    const colleague = makeUser("editor");
    const before = nameOf(editor.userId);
    expect(updateOwnProfile(editor, ownProfileInput.parse({ name: "  Lin Wei 林伟 " }))).toEqual({ name: "Lin Wei 林伟" });
    expect(nameOf(editor.userId)).toBe("Lin Wei 林伟");
    expect(nameOf(colleague.userId)).not.toBe("Lin Wei 林伟");
    expect(profileAudits()).toMatchObject([{ actorId: editor.userId, entityId: editor.userId, before: { name: before }, after: { name: "Lin Wei 林伟" } }]);
    // Saving the same name again is not a change worth a row.
    updateOwnProfile(editor, { name: "Lin Wei 林伟" });
    expect(profileAudits()).toHaveLength(1);
  });

  it("refuses an empty or over-long name, and anonymous callers", () => {
    expect(ownProfileInput.safeParse({ name: "   " }).success).toBe(false);
    expect(ownProfileInput.safeParse({ name: "x".repeat(101) }).success).toBe(false);
    expect(ownProfileInput.safeParse({ name: "x".repeat(5_000_000) }).success).toBe(false);
    expect(() => updateOwnProfile(null, { name: "Nobody" })).toThrow(/Sign in/);
    expect(profileAudits()).toHaveLength(0);
  });
});
