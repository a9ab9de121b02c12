import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as recordEvent } from "@/app/api/v1/claims/[id]/events/route";
import { getDb } from "@/db/client";
import { statusEvents } from "@/db/schema";
import { createApiToken } from "@/db/tokens/api-tokens";
import { deactivateUser, reactivateUser } from "@/db/users/deactivate-user";
import { setUserPassword } from "@/db/users/set-user-password";
import { makeArticle, makeClaim, makeUser } from "@/test/factories";

/** POST /api/v1/claims/:id/events with a bearer token, as an integration calls it. */
async function post(claimId: number, token: string, rationale: string) {
  const request = new Request(`http://127.0.0.1/api/v1/claims/${claimId}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ statusKey: "false", effectiveDate: "2024-01-01", rationale }),
  });
  return recordEvent(request, { params: Promise.resolve({ id: String(claimId) }) });
}

const rationales = async (claimId: number) =>
  (await getDb().select({ rationale: statusEvents.rationale }).from(statusEvents).where(eq(statusEvents.claimId, claimId))).map((e) => e.rationale);

describe("an API token on a real route", () => {
  it("stops working when its user is deactivated, and the refused request writes nothing", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser();
    const { claimId } = await makeClaim(editor, (await makeArticle(editor)).id);
    const { token } = await createApiToken(editor, { name: "CMS" });
    expect((await post(claimId, token, "Before.")).status).toBe(201);

    await deactivateUser(admin, { userId: editor.userId });
    const refused = await post(claimId, token, "While deactivated.");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "unauthorized" });
    expect(await rationales(claimId)).toEqual(["Before."]);

    // Deactivation suspends; reactivation brings the token back (revoking it is a separate act).
    await reactivateUser(admin, { userId: editor.userId });
    expect((await post(claimId, token, "After.")).status).toBe(201);
  });

  it("stops working for good when an admin resets its user's password", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser();
    const { claimId } = await makeClaim(editor, (await makeArticle(editor)).id);
    const { token } = await createApiToken(editor, { name: "CMS" });
    await setUserPassword(admin, { userId: editor.userId, password: "a brand new passphrase" });
    expect((await post(claimId, token, "After the reset.")).status).toBe(401);
    expect(await rationales(claimId)).toEqual([]);
  });
});
