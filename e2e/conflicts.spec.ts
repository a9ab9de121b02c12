import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn, unique } from "./fixtures";

const ADMIN = { email: "admin@e2e.claimline.local", password: "e2e-admin-password" };

async function editorPage(browser: Browser, account: { email: string; password: string } | undefined, articleId: number): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  await page.goto(`/editor/articles/${articleId}`);
  await page.getByText("Edit article details and body").click();
  return page;
}

test("two editors save the same article: the second sees what the first changed and reapplies their edit without losing either", async ({ browser }) => {
  const setup = await (await browser.newContext()).newPage();
  await signIn(setup);
  const title = unique("Conflict test");
  const created = await setup.request.post("/api/v1/articles", { data: { title, language: "en", body: "First paragraph about GPT-3." } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  // Both open the article at version 1.
  const alice = await editorPage(browser, undefined, id);
  const bob = await editorPage(browser, ADMIN, id);

  // Bob renames it and saves first.
  await bob.getByLabel("Title").fill(`${title} (renamed by Bob)`);
  await bob.getByRole("button", { name: "Save article" }).click();
  await expect(bob.getByText("Article saved.")).toBeVisible();

  // Alice, still on version 1, extends the body and saves: refused, nothing overwritten.
  await alice.getByLabel("Body", { exact: true }).fill("First paragraph about GPT-3.\n\nAlice's second paragraph.");
  await alice.getByRole("button", { name: "Save article" }).click();
  const conflict = alice.getByTestId("article-conflict");
  await expect(alice.getByText("Someone else saved this article after you opened it.")).toBeVisible();
  await expect(conflict).toContainText(`Title: ${title} → ${title} (renamed by Bob)`);
  await expect(alice.getByLabel("Body", { exact: true })).toHaveValue(/Alice's second paragraph/);

  // She reapplies her edit on Bob's version: his title comes in, her body stays.
  await conflict.getByRole("button", { name: "Reapply my edits to their version" }).click();
  await expect(alice.getByLabel("Title")).toHaveValue(`${title} (renamed by Bob)`);
  await expect(conflict.getByRole("status")).toContainText("Your edits are now applied to their version.");
  await alice.getByRole("button", { name: "Save article" }).click();
  await expect(alice.getByText("Article saved.")).toBeVisible();

  const saved = await (await setup.request.get(`/api/v1/articles/${id}/workbench`)).json();
  expect(saved.article).toMatchObject({ title: `${title} (renamed by Bob)`, version: 3 });
  expect(saved.article.body).toContain("Alice's second paragraph.");
});

test("two editors change the same claim in the workbench: the second sees the first's change and reapplies theirs", async ({ browser }) => {
  const setup = await (await browser.newContext()).newPage();
  await signIn(setup);
  const created = await setup.request.post("/api/v1/articles", { data: { title: unique("Claim conflict"), language: "en", body: "OpenAI is valued at $27 billion." } });
  const { id } = await created.json();
  const statement = unique("OpenAI is valued at $27 billion");
  expect((await setup.request.post(`/api/v1/articles/${id}/claims`, { data: { quote: "valued at $27 billion", statement } })).status()).toBe(201);

  const open = async (account?: { email: string; password: string }) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, account);
    await page.goto(`/editor/articles/${id}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    return page;
  };
  const alice = await open();
  const bob = await open(ADMIN);

  await bob.getByLabel("Claimant").fill("The Information");
  await bob.getByRole("button", { name: "Save claim" }).click();
  await expect.poll(async () => (await (await setup.request.get(`/api/v1/articles/${id}/workbench`)).json()).claims[0].claimant).toBe("The Information");

  await alice.getByLabel("Statement").fill(`${statement} (Reuters)`);
  await alice.getByRole("button", { name: "Save claim" }).click();
  const conflict = alice.getByTestId("claim-conflict");
  await expect(conflict).toContainText("Claimant: (empty) → The Information");
  await conflict.getByRole("button", { name: "Reapply my edits to their version" }).click();
  await expect(alice.getByLabel("Claimant")).toHaveValue("The Information");
  await expect(alice.getByLabel("Statement")).toHaveValue(`${statement} (Reuters)`);
  await alice.getByRole("button", { name: "Save claim" }).click();

  await expect.poll(async () => (await (await setup.request.get(`/api/v1/articles/${id}/workbench`)).json()).claims[0]).toMatchObject({ statement: `${statement} (Reuters)`, claimant: "The Information", claimVersion: 3 });
});
