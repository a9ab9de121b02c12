import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_SLUG } from "./fixtures";

const PAGES = [
  { name: "the tracker", path: "/" },
  { name: "the trends page", path: "/trends" },
  { name: "an article page", path: `/articles/${DEMO_SLUG}` },
  { name: "an article page as of a day", path: `/articles/${DEMO_SLUG}?asof=2024-06-30` },
  { name: "an article page as published on a day", path: `/articles/${DEMO_SLUG}?published=2023-01-01` },
  { name: "a claim page", path: "claim" },
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const { name, path } of PAGES) {
      test(`${name} has no serious or critical axe violations`, async ({ page }) => {
        if (path === "claim") {
          await page.goto(`/articles/${DEMO_SLUG}`);
          await page.getByRole("link", { name: "GPT-3 has 175 billion parameters", exact: true }).click();
          await expect(page).toHaveURL(/\/claims\/\d+/);
        } else {
          await page.goto(path);
        }
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
        expect(serious).toEqual([]);
      });
    }
  });
}
