import { expect, test } from "@playwright/test";
import { DEMO_EDITOR } from "./fixtures";

// Where sign-in sends the browser afterwards: only ever a page of this site.
for (const next of ["%2F%09%2Fevil.test", "%2F%09%2Fevil.test%2Fphish", "%2F%0A%2Fevil.test", "%2F%5C%2Fevil.test", "https%3A%2F%2Fevil.test", "%2F%2Fevil.test"]) {
  test(`sign-in with next=${next} ends on the site`, async ({ page, baseURL }) => {
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel("Email").fill(DEMO_EDITOR.email);
    await page.getByLabel("Password").fill(DEMO_EDITOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/editor`);
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  });
}

test("a same-site next, with a query, is where sign-in ends", async ({ page, baseURL }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("/editor/queue?days=30")}`);
  await page.getByLabel("Email").fill(DEMO_EDITOR.email);
  await page.getByLabel("Password").fill(DEMO_EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/editor/queue?days=30`);
});
