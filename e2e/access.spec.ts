import { expect, test } from "@playwright/test";
import { ENTRY_POINTS } from "../app/_lib/entry-points";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

test.describe("editor access", () => {
  test("an anonymous visitor to /editor is sent to sign in, and comes back after", async ({ page }) => {
    await page.goto("/editor/articles/new");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Feditor%2Farticles%2Fnew$/);
    await page.getByLabel("Email").fill("editor@demo.claimline.local");
    await page.getByLabel("Password").fill("claimline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/editor\/articles\/new$/);
  });

  test("a wrong password is refused with a message and the email is kept", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("editor@demo.claimline.local");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email and password do not match." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue("editor@demo.claimline.local");
  });

  test("unauthenticated requests to every editor route are refused with 401 and write nothing", async ({ request, page }) => {
    await page.goto(`/articles/${DEMO_SLUG}`);
    const claimHref = await page.getByRole("link", { name: "GPT-3 has 175 billion parameters", exact: true }).getAttribute("href");
    const claimId = claimHref!.split("/").pop();
    const title = unique("Anonymous article");
    const attempts = [
      { url: "/api/v1/articles", data: { title, language: "en", body: "Should never be stored.", status: "published" } },
      { url: "/api/v1/articles/1/claims", data: { quote: "GPT-3", statement: title } },
      { url: `/api/v1/claims/${claimId}/events`, data: { statusKey: "false", effectiveDate: "2026-01-01", rationale: title } },
    ];
    // And every mutating route of the registry, with an empty body: refused before it is read.
    const registered = ENTRY_POINTS.filter((e) => e.id.startsWith("POST ") && !("public" in e)).map((e) => e.id.slice("POST ".length).replace("[id]", claimId!));
    expect(registered.length).toBeGreaterThanOrEqual(4);
    for (const url of registered) attempts.push({ url, data: {} as never });
    for (const attempt of attempts) {
      const response = await request.post(attempt.url, { data: attempt.data });
      expect(response.status(), attempt.url).toBe(401);
      expect(await response.json()).toMatchObject({ error: "unauthorized" });
    }
    await page.goto("/");
    await expect(page.getByText(title)).toHaveCount(0);
    await page.goto(`/claims/${claimId}`);
    await expect(page.getByText(title)).toHaveCount(0);
    await expect(page.getByTestId("current-status")).toHaveText(/True/);
  });

  test("a server action submitted after the session is gone is refused and writes nothing", async ({ page, context }) => {
    await signIn(page, undefined, "/editor/articles/new");
    const title = unique("Orphan form");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body", { exact: true }).fill("This article must not be saved.");
    await page.getByLabel("State").selectOption("published");
    // The session ends (expired, signed out elsewhere) while the form is open.
    await context.clearCookies();
    await page.getByRole("button", { name: "Create article" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Your session has ended. Sign in again; nothing was saved." })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue(title);

    await page.goto("/");
    await expect(page.getByText(title)).toHaveCount(0);
    await signIn(page);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  });

  test("signed-in editors can use the JSON API from the same origin", async ({ page }) => {
    await signIn(page);
    const title = unique("API article");
    const created = await page.request.post("/api/v1/articles", { data: { title, language: "en", body: "GPT-3 has 175 billion parameters." } });
    expect(created.status()).toBe(201);
    const article = await created.json();
    expect(article).toMatchObject({ title, status: "draft" });
    const missing = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: "not in the text", statement: "x" } });
    expect(missing.status()).toBe(422);
    expect(await missing.json()).toMatchObject({ error: "invalid", fields: { quote: expect.stringContaining("do not appear") } });
    const crossSite = await page.request.post("/api/v1/articles", { data: { title, language: "en", body: "x" }, headers: { origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);
  });
});

test.describe("sessions and headers", () => {
  test("repeated failed sign-ins lock the account for a while, with a message, even with the right password", async ({ page }) => {
    const email = `${unique("nobody").replace(/\W+/g, "-")}@example.org`;
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-guess-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Email and password do not match." })).toBeVisible();
    }
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-guess");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-in attempts\. Try again in 1[45] minutes\./ })).toBeVisible();
  });

  test("the session cookie is HttpOnly and SameSite, and pages carry a nonce-based Content Security Policy", async ({ page, context }) => {
    await signIn(page);
    const session = (await context.cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Secure only when served over HTTPS (BETTER_AUTH_URL https://…); the test server is plain http.
    expect(session!.secure).toBe(false);

    for (const path of ["/", `/articles/${DEMO_SLUG}`, "/editor"]) {
      const response = await page.goto(path);
      const policy = response!.headers()["content-security-policy"] ?? "";
      const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(response!.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
      // Next put this request's nonce on its own scripts, and every script in the page has it.
      const scripts = await page.locator("script:not([type='application/ld+json'])").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((n) => n === nonce)).toBe(true);
    }
    // A second load gets a fresh nonce.
    const first = (await page.goto("/"))!.headers()["content-security-policy"];
    const second = (await page.goto("/"))!.headers()["content-security-policy"];
    expect(first).not.toBe(second);
  });
});
