import { expect, type Page } from "@playwright/test";

export const DEMO_EDITOR = { email: "editor@demo.claimline.local", password: "claimline-demo" };
export const DEMO_SLUG = "openai-open-source-model-2023";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, account = DEMO_EDITOR, next = "/editor") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/]/g, "\\/")}$`));
}

/** A name no other test or run uses, for rows a test creates. */
export function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
