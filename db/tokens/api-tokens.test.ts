import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/errors";
import { makeUser } from "../../test/factories";
import { getDb } from "../client";
import { apiTokens, user } from "../schema";
import { actorFromApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { firstRow } from "../rows";

describe("API tokens", () => {
  it("are shown once and stored only as a hash", async () => {
    const editor = await makeUser();
    const created = await createApiToken(editor, { name: "CMS sync" });
    expect(created.token).toMatch(/^clt_[\w-]{40,}$/);
    const stored = (await firstRow(getDb().select().from(apiTokens)))!;
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await listApiTokens(editor)).toEqual([{ id: created.id, name: "CMS sync", prefix: created.prefix, createdAt: created.createdAt, revokedAt: null }]);
    expect(JSON.stringify(await listApiTokens(editor))).not.toContain(created.token);
  });

  it("stand for their user until revoked or the user is deactivated", async () => {
    const editor = await makeUser();
    const first = await createApiToken(editor, { name: "one" });
    const second = await createApiToken(editor, { name: "two" });
    expect(await actorFromApiToken(first.token)).toEqual({ userId: editor.userId });
    expect(await actorFromApiToken(`${first.token}x`)).toBeNull();
    expect(await actorFromApiToken("not-a-token")).toBeNull();
    await revokeApiToken(editor, first.id);
    expect(await actorFromApiToken(first.token)).toBeNull();
    await getDb().update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, editor.userId));
    expect(await actorFromApiToken(second.token)).toBeNull();
  });

  it("can be revoked only by their owner or an admin", async () => {
    const owner = await makeUser();
    const token = await createApiToken(owner, { name: "mine" });
    await expect(revokeApiToken(await makeUser("editor"), token.id)).rejects.toThrow(NotFoundError);
    expect(await actorFromApiToken(token.token)).not.toBeNull();
    await revokeApiToken(await makeUser("admin"), token.id);
    expect(await actorFromApiToken(token.token)).toBeNull();
  });
});
