import { expect, type APIRequestContext, test } from "@playwright/test";
import { DEMO_SLUG, signIn, unique } from "./fixtures";

async function demoClaimPath(request: APIRequestContext, statement: string): Promise<string> {
  const result = await (await request.get(`/api/v1/claims?q=${encodeURIComponent(statement)}`)).json();
  const claim = result.items.find((c: { statement: string }) => c.statement === statement);
  return `/claims/${claim.id}`;
}

test("a claim page embeds ClaimReview JSON-LD with every field, and links its Atom feed", async ({ page, request }) => {
  const path = await demoClaimPath(request, "GPT-3 has 175 billion parameters");
  await page.goto(path);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const review = scripts.map((s) => JSON.parse(s)).find((j) => j["@type"] === "ClaimReview");
  expect(review).toMatchObject({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: "GPT-3 has 175 billion parameters",
    url: expect.stringMatching(/\/claims\/\d+$/),
    datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/),
    author: { "@type": "Organization", name: expect.any(String), url: expect.any(String) },
    reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
    itemReviewed: {
      "@type": "Claim",
      author: { name: "OpenAI" },
      datePublished: "2020-05-28",
      appearance: [expect.objectContaining({ "@type": "CreativeWork", headline: "OpenAI plans to release its first open-source language model" })],
      firstAppearance: expect.objectContaining({ "@type": "CreativeWork" }),
    },
  });

  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').first().getAttribute("href");
  expect(feedHref).toMatch(/\/feeds\/claims\/\d+$/);
  const feed = await request.get(feedHref!);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(xml).toContain("True: GPT-3 has 175 billion parameters");

  // Sharing: Open Graph and Twitter card tags.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "GPT-3 has 175 billion parameters");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /^True/);
});

test("desk and article feeds are valid Atom of published status events", async ({ request, page }) => {
  for (const path of ["/feeds/desk.atom", `/feeds/articles/${DEMO_SLUG}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const xml = await response.text();
    for (const element of ["<id>", "<title", "<updated>", '<link rel="self"', "<entry>"]) expect(xml, `${path} ${element}`).toContain(element);
  }
  expect((await request.get("/feeds/articles/no-such-article")).status()).toBe(404);
  await page.goto(`/articles/${DEMO_SLUG}`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute("href", new RegExp(`/feeds/articles/${DEMO_SLUG}$`));
});

test("drafts and internal notes reach no reader output: pages, search, feeds, JSON-LD or the public API", async ({ page, browser }) => {
  const marker = unique("LEAKCHECK").replace(/\s+/g, "");
  const draftTitle = `${marker} draft article`;
  await signIn(page);

  // A draft article with a claim.
  const article = await (await page.request.post("/api/v1/articles", { data: { title: draftTitle, language: "en", body: `The ${marker} claim is in a draft.`, status: "draft" } })).json();
  const draftClaim = await page.request.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: `${marker} claim`, statement: `${marker} claim statement` } });
  expect(draftClaim.status()).toBe(201);

  // On a published demo claim: a draft event, and a published event with an internal note.
  const claimPath = await demoClaimPath(page.request, "OpenAI is valued at about $27 billion (270亿美元)");
  const claimId = claimPath.split("/").pop();
  for (const data of [
    { statusKey: "false", effectiveDate: "2026-11-01", rationale: `${marker} draft rationale`, internalNote: `${marker} draft note`, visibility: "draft" },
    { statusKey: "outdated", effectiveDate: "2026-11-02", rationale: "Still out of date.", internalNote: `${marker} internal note` },
  ]) {
    expect((await page.request.post(`/api/v1/claims/${claimId}/events`, { data })).status()).toBe(201);
  }

  const reader = await (await browser.newContext()).newPage();
  const outputs = [
    "/",
    `/?q=${encodeURIComponent("开源")}`,
    "/articles",
    `/articles/${DEMO_SLUG}`,
    claimPath,
    `${claimPath}?asof=2026-12-31`,
    "/feeds/desk.atom",
    `/feeds/articles/${DEMO_SLUG}`,
    `/feeds/claims/${claimId}`,
    "/api/v1/claims",
    `/api/v1/claims/${claimId}`,
    "/api/v1/articles",
    `/api/v1/articles/${DEMO_SLUG}`,
    `/api/v1/articles/${DEMO_SLUG}/events.csv`,
    `/api/v1/articles/${DEMO_SLUG}/report.json`,
    `/api/v1/articles/${DEMO_SLUG}/annotations.jsonld`,
    "/api/v1/reports/desk/events.csv",
    "/api/v1/reports/desk/claimreview.jsonld",
    `/articles/${DEMO_SLUG}/report`,
  ];
  for (const path of outputs) {
    const response = await reader.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain(marker);
  }
  // Search finds nothing of the draft (the search page itself echoes the words searched for).
  await reader.goto(`/?q=${marker}`);
  await expect(reader.getByTestId("result-count")).toHaveText(`0 claims matching “${marker}”`);
  expect((await (await reader.request.get(`/api/v1/claims?q=${marker}`)).json()).total).toBe(0);
  // The published part of the event is public, its note is not.
  expect(await (await reader.request.get(claimPath)).text()).toContain("Still out of date.");
  expect((await reader.request.get(`/articles/${article.slug}`)).status()).toBe(404);
  expect((await reader.request.get(`/feeds/articles/${article.slug}`)).status()).toBe(404);
  expect((await reader.request.get(`/api/v1/articles/${article.slug}`)).status()).toBe(404);
  expect((await reader.request.get(`/api/v1/articles/${article.slug}/events.csv`)).status()).toBe(404);
  const draftClaimId = (await draftClaim.json()).claimId;
  expect((await reader.request.get(`/claims/${draftClaimId}`)).status()).toBe(404);
  expect((await reader.request.get(`/api/v1/claims/${draftClaimId}`)).status()).toBe(404);
  expect((await reader.request.get(`/feeds/claims/${draftClaimId}`)).status()).toBe(404);
});

test("an article's original link is written percent-encoded, whatever characters its stored URL has", async ({ page }) => {
  await signIn(page);
  // Accepted as typed (browsers do), stored as typed: only its serialisation in markup changes.
  const sourceUrl = 'https://news.example/报道?q="估值" <2023>';
  const response = await page.request.post("/api/v1/articles", {
    data: { title: unique("Quoted source URL"), bodyFormat: "plain", body: "OpenAI 估值约为270亿美元。", status: "published", language: "zh-Hans", sourceUrl },
  });
  expect(response.status()).toBe(201);
  const { slug } = await response.json();
  const html = await (await page.request.get(`/articles/${encodeURIComponent(slug)}`)).text();
  const encoded = "https://news.example/%E6%8A%A5%E9%81%93?q=%22%E4%BC%B0%E5%80%BC%22%20%3C2023%3E";
  expect(html).toContain(`href="${encoded}"`);
  await page.goto(`/articles/${encodeURIComponent(slug)}`);
  await expect(page.getByRole("link", { name: "Original" })).toHaveAttribute("href", encoded);
});
