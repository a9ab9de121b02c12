import { expect, type Page, test } from "@playwright/test";
import { DEMO_SLUG, signIn } from "./fixtures";

// A phone, measured: at 390 CSS px wide, chart labels are at least 12 px, controls at least
// 24×24 px (WCAG 2.2, 2.5.8 Target Size (Minimum)) and nothing is wider than the screen.
//
// Two exemptions of 2.5.8 are applied, as it words them:
// - Inline: a link inside a sentence or a line of text (its size is set by the line, not by us).
// - Spacing: a smaller target whose 24 px circle, centred on it, meets no other target and no
//   other such circle (text buttons and links 20 px tall, in rows with room between them).
// A checkbox or radio is measured with its label: clicking the label works the control. The
// claim icon after highlighted words and its popover's Close button get no exemption: they are
// measured at 24×24 themselves (a second test).
const PHONE = { width: 390, height: 844 };
const MIN_TARGET = 24;
const MIN_LABEL_PX = 12;

interface Measured {
  overflow: { scrollWidth: number; offenders: string[] };
  smallTargets: string[];
  smallLabels: string[];
}

/** Everything measured in the page itself, from layout boxes and computed styles. */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(
    ({ minTarget, minLabel, viewport }) => {
      const describe = (el: Element) => {
        const name = el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40);
        return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> "${name}"`;
      };
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Over 1 px: a skip link is a 1 px visually hidden box until it has focus.
        return box.width > 1 && box.height > 1 && style.visibility !== "hidden" && !el.closest("[hidden], [popover]:not(:popover-open), details:not([open]) > :not(summary)");
      };

      // Targets: whatever a pointer can activate.
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [tabindex]:not([tabindex="-1"])';
      const targets = [...document.querySelectorAll(selector)].filter(visible);
      const inline = (el: Element) => {
        if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
        // In a sentence or a line of text: the block around it has words of its own.
        const block = el.parentElement?.closest("p, li, dd, td, figcaption, blockquote, span, div");
        return !!block && (block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length;
      };
      const boxOf = (el: Element): DOMRect => {
        const own = el.getBoundingClientRect();
        const input = el as HTMLInputElement;
        if (el.tagName !== "INPUT" || !["checkbox", "radio"].includes(input.type) || !input.labels?.length) return own;
        const boxes = [own, ...[...input.labels].map((l) => l.getBoundingClientRect())];
        const left = Math.min(...boxes.map((b) => b.left));
        const top = Math.min(...boxes.map((b) => b.top));
        return new DOMRect(left, top, Math.max(...boxes.map((b) => b.right)) - left, Math.max(...boxes.map((b) => b.bottom)) - top);
      };
      const measured = targets.filter((el) => !inline(el)).map((el) => ({ el, box: boxOf(el) }));
      // Sub-pixel layout: 23.99 is 24.
      const undersized = measured.filter(({ box }) => box.width < minTarget - 0.05 || box.height < minTarget - 0.05);
      const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
      const circleMeetsBox = (c: { x: number; y: number }, b: DOMRect) => {
        const dx = Math.max(b.left - c.x, 0, c.x - b.right);
        const dy = Math.max(b.top - c.y, 0, c.y - b.bottom);
        return dx * dx + dy * dy < (minTarget / 2) ** 2;
      };
      const smallTargets = undersized
        .filter(({ el, box }) => {
          const c = centre(box);
          const others = measured.filter((m) => m.el !== el && !m.el.contains(el) && !el.contains(m.el));
          const meetsTarget = others.some((m) => circleMeetsBox(c, m.box));
          const meetsCircle = undersized.some((u) => u.el !== el && Math.hypot(centre(u.box).x - c.x, centre(u.box).y - c.y) < minTarget);
          return meetsTarget || meetsCircle;
        })
        .map(({ el, box }) => `${describe(el)} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);

      // Chart labels: SVG text at its drawn size (font size times the SVG's scale), HTML text as set.
      const smallLabels: string[] = [];
      for (const chart of document.querySelectorAll('[data-testid$="-chart"]')) {
        for (const text of chart.querySelectorAll("text")) {
          if (!visible(text)) continue;
          const scale = (text as SVGTextElement).getScreenCTM()?.a ?? 1;
          const px = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (px < minLabel - 0.05) smallLabels.push(`svg "${text.textContent}" ${px.toFixed(1)}px`);
        }
        for (const el of chart.querySelectorAll(":not(svg *)")) {
          const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim());
          if (!hasText || !visible(el)) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < minLabel - 0.05) smallLabels.push(`html "${(el.textContent ?? "").trim().slice(0, 30)}" ${px}px`);
        }
      }

      const scrollWidth = document.documentElement.scrollWidth;
      const offenders = scrollWidth > viewport ? [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > viewport + 0.5 && visible(el)).slice(0, 5).map(describe) : [];
      return { overflow: { scrollWidth, offenders }, smallTargets, smallLabels };
    },
    { minTarget: MIN_TARGET, minLabel: MIN_LABEL_PX, viewport: PHONE.width },
  );
}

async function expectPhoneSized(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("load");
  const measured = await measure(page);
  expect(measured.overflow, `${path}: page wider than the phone`).toEqual({ scrollWidth: PHONE.width, offenders: [] });
  expect(measured.smallTargets, `${path}: controls under 24×24 px`).toEqual([]);
  expect(measured.smallLabels, `${path}: chart labels under 12 px`).toEqual([]);
}

test.use({ viewport: PHONE, colorScheme: "light" });

test("reader pages fit a 390 px phone: readable chart labels, 24 px targets, no sideways scrolling", async ({ page, request }) => {
  const article = (await (await request.get(`/api/v1/articles/${DEMO_SLUG}`)).json()) as { claims: { claimId: number; kind: string }[] };
  const quantityClaim = article.claims.find((c) => c.kind === "quantity");
  expect(quantityClaim).toBeDefined();

  await expectPhoneSized(page, "/");
  await expectPhoneSized(page, `/articles/${DEMO_SLUG}`);
  await expectPhoneSized(page, `/claims/${quantityClaim!.claimId}`);
  await expect(page.getByTestId("status-band-chart")).toBeVisible();
  await expect(page.getByTestId("quantity-chart")).toBeVisible();
  await expectPhoneSized(page, "/trends");
  await expect(page.getByTestId("status-changes-chart")).toBeVisible();
});

test("the claim icon after highlighted words is a 24×24 target on its own", async ({ page }) => {
  await page.goto(`/articles/${DEMO_SLUG}`);
  const markers = page.getByTestId("article-body").getByRole("button");
  expect(await markers.count()).toBeGreaterThan(0);
  for (const marker of await markers.all()) {
    const box = (await marker.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(MIN_TARGET - 0.05);
    expect(box.height).toBeGreaterThanOrEqual(MIN_TARGET - 0.05);
  }
  // Still opens its claim.
  await markers.first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectCloseButtonSized(page);
});

async function expectCloseButtonSized(page: Page) {
  const close = page.getByRole("dialog").getByRole("button", { name: "Close" });
  const box = (await close.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(MIN_TARGET - 0.05);
}

test("the editor's workbench fits a 390 px phone", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "OpenAI plans to release its first open-source language model" }).first().click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expectPhoneSized(page, new URL(page.url()).pathname);
});
