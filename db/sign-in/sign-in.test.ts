import { describe, expect, it } from "vitest";
import { POST, GET } from "../../app/api/auth/[...all]/route";
import { managedUserInput } from "../../lib/user-input";
import { makeUser } from "../../test/factories";
import "../../test/sign-in";
import { CLIENT_ADDRESS_HEADER } from "../../server/client-address.mjs";
import { getDb } from "../client";
import { rateLimits } from "../schema";
import { createUser } from "../users/create-user";
import { deactivateUser } from "../users/deactivate-user";
import { signInThrottled } from "./sign-in";

const PASSWORD = "correct horse battery staple";
const BASE = "http://127.0.0.1:3000/api/auth";

async function editorWithPassword(email: string) {
  const admin = await makeUser("admin");
  const created = await createUser(admin, managedUserInput.parse({ name: "Sam", email, password: PASSWORD, role: "editor" }));
  return { admin, userId: created.id, email };
}

function signInRequest(body: unknown, address = "203.0.113.5", extra: Record<string, string> = {}) {
  return new Request(`${BASE}/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: address, ...extra },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("Better Auth's HTTP sign-in", () => {
  it("signs in with the right password and sets the session cookie", async () => {
    const editor = await editorWithPassword("sam@desk.example");
    const response = await POST(signInRequest({ email: "Sam@Desk.example", password: PASSWORD }));
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toContain("better-auth.session_token=");
    expect(await response.json()).toMatchObject({ user: { id: editor.userId } });
  });

  it("throttles wrong passwords from rotating addresses like the form: the sixth is refused, the right password too", async () => {
    await editorWithPassword("target@desk.example");
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const response = await POST(signInRequest({ email: "target@desk.example", password: `guess-${i}` }, `198.51.100.${i}`, { "x-forwarded-for": `192.0.2.${i}` }));
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await POST(signInRequest({ email: "target@desk.example", password: PASSWORD }, "198.51.100.77"));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
  });

  it("shares one budget with the form's path: failures on either count for both", async () => {
    await editorWithPassword("shared@desk.example");
    // The form's server action calls signInThrottled with a check that asks Better Auth in-process.
    for (let i = 0; i < 3; i++) expect(await signInThrottled("shared@desk.example", `10.1.0.${i}`, async () => null)).toEqual({ ok: false, reason: "mismatch" });
    for (let i = 0; i < 2; i++) expect((await POST(signInRequest({ email: "shared@desk.example", password: "wrong" }, `10.2.0.${i}`))).status).toBe(401);
    expect(await signInThrottled("shared@desk.example", "10.3.0.1", async () => true)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("answers a deactivated account exactly as a wrong password", async () => {
    const editor = await editorWithPassword("gone@desk.example");
    await deactivateUser(editor.admin, { userId: editor.userId });
    const deactivated = await POST(signInRequest({ email: "gone@desk.example", password: PASSWORD }));
    const wrong = await POST(signInRequest({ email: "gone@desk.example", password: "not the password" }));
    expect(deactivated.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await deactivated.json()).toEqual(await wrong.json());
  });

  it("refuses an oversized or malformed body before anything is counted or stored", async () => {
    const huge = await POST(signInRequest({ email: `${"a".repeat(5_000_000)}@x.example`, password: "x" }));
    expect(huge.status).toBe(413);
    const long = await POST(signInRequest({ email: `${"a".repeat(300)}@x.example`, password: "x" }));
    expect(long.status).toBe(422);
    expect((await POST(signInRequest("{not json"))).status).toBe(400);
    expect(await getDb().select().from(rateLimits)).toEqual([]);
  });

  it("closes every Better Auth endpoint the app does not use", async () => {
    for (const path of ["update-user", "change-password", "change-email", "delete-user", "sign-up/email", "revoke-sessions", "request-password-reset"]) {
      const response = await POST(new Request(`${BASE}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
      expect(response.status, path).toBe(404);
    }
    expect((await GET(new Request(`${BASE}/list-sessions`))).status).toBe(404);
    expect((await GET(new Request(`${BASE}/get-session`))).status).toBe(200);
  });
});
