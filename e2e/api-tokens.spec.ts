import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures";

test("an integration writes with an API token made in the editor UI, until it is revoked", async ({ page, playwright, baseURL }) => {
  await signIn(page, undefined, "/editor/tokens");
  const name = unique("CMS sync");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^clt_/);

  // A separate client with no cookies at all, as an integration would be.
  const integration = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const title = unique("Token article");
  const created = await integration.post("/api/v1/articles", { data: { title, language: "en", body: "Written by an integration." } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ title, status: "draft" });

  // After reload the token is listed by its prefix only.
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke token ${name}` }).click();
  await expect(page.getByRole("button", { name: `Revoke token ${name}` })).toHaveCount(0);

  const refused = await integration.post("/api/v1/articles", { data: { title: `${title} again`, language: "en", body: "Refused." } });
  expect(refused.status()).toBe(401);
  const anonymous = await (await playwright.request.newContext({ baseURL })).post("/api/v1/articles", { data: { title, language: "en", body: "x" } });
  expect(anonymous.status()).toBe(401);
});
