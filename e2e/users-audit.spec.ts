import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn, unique } from "./fixtures";

// Created by scripts/e2e-server.mjs from ADMIN_EMAIL / ADMIN_PASSWORD, with the default name.
const ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password", name: "Administrator" };

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  expect(serious).toEqual([]);
}

test("an admin adds an editor, deactivates them mid-session, and finds that in the audit log", async ({ page, browser }) => {
  const name = unique("Sam Editor");
  const email = `sam-${name.split(" ").pop()}@e2e.claimline.local`;
  const password = "a long editor password";

  await signIn(page, ADMIN, "/editor/users");
  const addUser = page.getByRole("region", { name: "Add a user" });
  await addUser.getByLabel("Name").fill(name);
  await addUser.getByLabel("Email").fill(email);
  await addUser.getByLabel("Role").selectOption("editor");
  await addUser.getByLabel("Initial password").fill(password);
  await addUser.getByRole("button", { name: "Add user" }).click();
  await expect(addUser.getByRole("status")).toContainText("User added");
  const card = page.getByRole("listitem", { name });
  await expect(card).toContainText(email);
  await expect(card).toContainText("Active");

  // The new editor works in a browser of their own.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, { email, password }, "/editor/articles/new");
  const title = unique("Written before deactivation");
  await editorPage.getByLabel("Title").fill(title);
  await editorPage.getByLabel("Body", { exact: true }).fill("This article must not be saved.");

  await card.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(card).toContainText("Deactivated");
  await expect(card.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();

  // Their open form is refused: Better Auth clears the dead session cookie, so Next refreshes
  // the page into the sign-in redirect (or, if it has not yet, the form says the session ended).
  await editorPage.getByRole("button", { name: "Create article" }).click();
  const refused = editorPage.getByRole("alert").filter({ hasText: "Your session has ended. Sign in again; nothing was saved." });
  await expect(refused.or(editorPage.getByRole("heading", { level: 1, name: "Sign in" }))).toBeVisible();
  // Their next page load goes to sign-in, and signing in again is refused.
  await editorPage.goto("/editor/articles/new");
  await expect(editorPage).toHaveURL(/\/sign-in\?next=/);
  await editorPage.getByLabel("Email").fill(email);
  await editorPage.getByLabel("Password").fill(password);
  await editorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(editorPage.getByRole("alert").filter({ hasText: "Email and password do not match." })).toBeVisible();
  await editorContext.close();

  // The admin finds who deactivated them, and when, by filtering the log on that user.
  await page.goto("/editor/audit");
  await page.getByLabel("User").selectOption({ label: `${name} (${email})` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/editor\/audit\?userId=/);
  const entries = page.getByRole("list", { name: "Audit entries matching the filters" }).getByTestId("audit-entry");
  await expect(entries).toHaveCount(2);
  const deactivation = entries.filter({ hasText: "user.deactivate" });
  await expect(deactivation).toContainText(`${name} (${email})`);
  await expect(deactivation).toContainText(ADMIN.name);
  await expect(deactivation).toContainText("deactivatedAt");
  await expect(entries.filter({ hasText: "user.create" })).toHaveCount(1);

  // Nothing they submitted after deactivation was saved.
  await page.goto("/editor");
  await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

// One test per page and colour scheme, as in accessibility.spec.ts: axe over a long audit page is slow.
for (const colorScheme of ["light", "dark"] as const) {
  for (const path of ["/editor/users", "/editor/audit"]) {
    test(`${path} has no serious or critical axe violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await signIn(page, ADMIN, path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(path === "/editor/users" ? "Users" : "Audit log");
      await expectNoSeriousAxeViolations(page);
    });
  }
}
