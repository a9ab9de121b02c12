import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as recordEvent } from "@/app/api/v1/claims/[id]/events/route";
import { getDb } from "@/db/client";
import { statusEvents } from "@/db/schema";
import { createApiToken } from "@/db/tokens/api-tokens";
import { latestPastDay } from "@/lib/today";
import { makeArticle, makeClaim, makeUser } from "@/test/factories";

/** POST /api/v1/claims/:id/events as an integration does: a bearer token and a JSON body. */
async function post(claimId: number, token: string, body: unknown) {
  const request = new Request(`http://127.0.0.1/api/v1/claims/${claimId}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return recordEvent(request, { params: Promise.resolve({ id: String(claimId) }) });
}

describe("POST /api/v1/claims/:id/events and the future", () => {
  it("refuses an event dated 2205 with 422 and the field's message, and stores nothing", async () => {
    const editor = await makeUser();
    const { claimId } = await makeClaim(editor, (await makeArticle(editor)).id);
    const { token } = await createApiToken(editor, { name: "CMS" });
    for (const effectiveDate of ["2205-01-01", "2205-01", "2205"]) {
      const response = await post(claimId, token, { statusKey: "false", effectiveDate, rationale: "From the future." });
      expect(response.status, effectiveDate).toBe(422);
      expect(await response.json()).toMatchObject({ error: "invalid", fields: { effectiveDate: `That date is in the future; enter a date up to ${latestPastDay()}.` } });
    }
    expect(await getDb().select().from(statusEvents).where(eq(statusEvents.claimId, claimId))).toEqual([]);
  });

  it("takes tomorrow (UTC), which is already today east of UTC", async () => {
    const editor = await makeUser();
    const { claimId } = await makeClaim(editor, (await makeArticle(editor)).id);
    const { token } = await createApiToken(editor, { name: "CMS" });
    const response = await post(claimId, token, { statusKey: "false", effectiveDate: latestPastDay(), rationale: "Kiribati." });
    expect(response.status).toBe(201);
    expect(await getDb().select({ effectiveDate: statusEvents.effectiveDate }).from(statusEvents).where(eq(statusEvents.claimId, claimId))).toEqual([{ effectiveDate: latestPastDay() }]);
  });
});
