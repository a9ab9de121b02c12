import { expect, test } from "@playwright/test";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

// Hostile clients ask for addresses no page links to. Each must be a client error (400 or
// 404), never the server's 500: a segment looked up in an object ("constructor"), a malformed
// percent-encoding ("%ff"), an id in a spelling other than its canonical one ("0x1").
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210)}` });

test.describe("hostile paths", () => {
  let claimId: number;

  test.beforeAll(async ({ request }) => {
    const article = await request.get(`/api/v1/articles/${DEMO_SLUG}`);
    expect(article.status()).toBe(200);
    claimId = ((await article.json()) as { claims: { claimId: number }[] }).claims[0]!.claimId;
  });

  test("a reader's addresses still answer 200 in their canonical spelling", async ({ request }) => {
    for (const path of [`/claims/${claimId}`, `/api/v1/claims/${claimId}`, `/feeds/claims/${claimId}`, `/articles/${DEMO_SLUG}`, `/api/v1/articles/${DEMO_SLUG}/report.json`, `/feeds/articles/${DEMO_SLUG}`]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
    // A query parameter named after Object's members is ignored, not a failure.
    expect((await request.get("/api/v1/reports/tracker/report.json?constructor=1&__proto__=2&toString=3")).status()).toBe(200);
  });

  test("a Chinese-titled article is found at every address by its pinyin slug, and a percent-encoded Chinese address is a 404, not a failure", async ({ page }) => {
    await signIn(page);
    const title = unique("路径核查");
    const created = await page.request.post("/api/v1/articles", { data: { title, language: "zh-Hans", body: "据报道，估值约为270亿美元。", status: "published" } });
    expect(created.status()).toBe(201);
    const { slug } = (await created.json()) as { slug: string };
    // Slugs are ASCII now (pinyin): a Chinese title no longer makes a 170-character encoded path.
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const path of [`/articles/${slug}`, `/articles/${slug}/report`, `/api/v1/articles/${slug}`, `/api/v1/articles/${slug}/report.json`, `/feeds/articles/${slug}`]) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
    const encoded = encodeURIComponent(title);
    for (const path of [`/articles/${encoded}`, `/articles/${encoded}/report`, `/api/v1/articles/${encoded}`, `/api/v1/articles/${encoded}/report.json`, `/feeds/articles/${encoded}`]) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });

  test("export file names an object would inherit are 404", async ({ request }) => {
    for (const file of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      for (const path of [`/api/v1/articles/${DEMO_SLUG}/${file}`, `/api/v1/reports/desk/${file}`, `/api/v1/reports/tracker/${file}`]) {
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(404);
        expect(await response.json(), path).toMatchObject({ error: "not_found" });
      }
    }
  });

  test("malformed percent-encodings in article, claim, feed and export addresses are 4xx", async ({ request }) => {
    const paths = [
      "/articles/%ff",
      "/articles/%ff/report",
      "/articles/%ff/report.pdf",
      "/articles/%E6%A0",
      "/api/v1/articles/%ff",
      "/api/v1/articles/%ff/report.json",
      "/api/v1/articles/%ff/events.csv",
      `/api/v1/articles/${DEMO_SLUG}/%ff`,
      "/api/v1/reports/desk/%ff",
      "/claims/%ff",
      "/api/v1/claims/%ff",
      "/feeds/articles/%ff",
      "/feeds/claims/%ff",
      // Well-formed for Next, which decodes it to "%ff": the route must not decode it again into a throw.
      "/articles/%25ff",
      "/articles/%25ff/report",
      "/articles/%25ff/report.pdf",
      "/api/v1/articles/%25ff",
      "/api/v1/articles/%25ff/report.json",
      "/feeds/articles/%25ff",
      "/claims/%25ff",
    ];
    for (const path of paths) expectClientError((await request.get(path, { maxRedirects: 0 })).status(), path);
  });

  test("an id in any spelling but its canonical one names nothing", async ({ request }) => {
    // Claim 1's other spellings and this claim's own. ("%31" is "1" itself: Next decodes it, as URLs allow.)
    const spellings = ["0x1", "1.0", "01", "+1", "1e0", `0${claimId}`, `${claimId}.0`, `0x${claimId.toString(16)}`, "9007199254740993", "-1", "0"];
    for (const id of spellings) {
      for (const path of [`/claims/${id}`, `/api/v1/claims/${id}`, `/feeds/claims/${id}`]) {
        expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
      }
    }
  });
});

function expectClientError(status: number, path: string) {
  expect([400, 404], `${path} answered ${status}`).toContain(status);
}
