import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/errors";
import { makeUser } from "../../test/factories";
import { getDb } from "../client";
import { apiTokens, user } from "../schema";
import { actorFromApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

describe("API tokens", () => {
  it("are shown once and stored only as a hash", () => {
    const editor = makeUser();
    const created = createApiToken(editor, { name: "CMS sync" });
    expect(created.token).toMatch(/^clt_[\w-]{40,}$/);
    const stored = getDb().select().from(apiTokens).get()!;
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(listApiTokens(editor)).toEqual([{ id: created.id, name: "CMS sync", prefix: created.prefix, createdAt: created.createdAt, revokedAt: null }]);
    expect(JSON.stringify(listApiTokens(editor))).not.toContain(created.token);
  });

  it("stand for their user until revoked or the user is deactivated", () => {
    const editor = makeUser();
    const first = createApiToken(editor, { name: "one" });
    const second = createApiToken(editor, { name: "two" });
    expect(actorFromApiToken(first.token)).toEqual({ userId: editor.userId });
    expect(actorFromApiToken(`${first.token}x`)).toBeNull();
    expect(actorFromApiToken("not-a-token")).toBeNull();
    revokeApiToken(editor, first.id);
    expect(actorFromApiToken(first.token)).toBeNull();
    getDb().update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, editor.userId)).run();
    expect(actorFromApiToken(second.token)).toBeNull();
  });

  it("can be revoked only by their owner or an admin", () => {
    const owner = makeUser();
    const token = createApiToken(owner, { name: "mine" });
    expect(() => revokeApiToken(makeUser("editor"), token.id)).toThrow(NotFoundError);
    expect(actorFromApiToken(token.token)).not.toBeNull();
    revokeApiToken(makeUser("admin"), token.id);
    expect(actorFromApiToken(token.token)).toBeNull();
  });
});
