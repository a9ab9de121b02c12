import { describe, expect, it } from "vitest";
// Typed against the real DTOs so a change to them that breaks the JSON-LD fails to compile here.
import type { PublicClaimDto } from "../db/claims/public-claim-dto";
import type { StatusDto } from "../db/statuses/list-statuses";
import { claimReviewJsonLd, serializeJsonLd } from "./claim-review";

const SITE = { siteUrl: "https://claimline.example", publisherName: "Claimline Desk" };

const TRUE_STATUS: StatusDto = { key: "true", labelEn: "True", labelZh: "属实", color: "#15803d", icon: "check", resolved: true, ratingValue: 5, retired: false };
const UNPROVABLE: StatusDto = { key: "unprovable", labelEn: "Unprovable", labelZh: "无法证实", color: "#57534e", icon: "dash", resolved: true, ratingValue: null, retired: false };

function event(id: number, recordedAt: string): PublicClaimDto["timeline"][number] {
  return { id, statusKey: "true", effectiveDate: "2025-08-05", effectivePrecision: "day", recordedAt, rationale: null, correctsEventId: null, authorName: null, sources: [] };
}

function appearance(overrides: Partial<PublicClaimDto["appearances"][number]>): PublicClaimDto["appearances"][number] {
  return {
    mentionId: 1,
    exact: "plans to release",
    articleSlug: "openai-open-source",
    articleTitle: "OpenAI plans open-source model",
    articleLanguage: "en",
    outlet: "Reuters",
    publishedDate: "2023-05-15",
    sourceUrl: "https://www.reuters.com/technology/openai-open-source-2023-05-15/",
    ...overrides,
  };
}

function claim(overrides: Partial<PublicClaimDto> = {}): PublicClaimDto {
  return {
    id: 42,
    statement: "OpenAI plans to release an open-source language model",
    claimant: "The Information",
    claimantType: null,
    claimDate: "2023-05-15",
    kind: "prediction",
    currentStatus: "true",
    updatedAt: "2025-08-06T10:00:00.000Z",
    quantity: null,
    appearances: [appearance({})],
    // Timeline order is by effective date, not recorded time: the dates must come from recordedAt.
    timeline: [event(1, "2023-05-16T09:00:00.000Z"), event(3, "2025-08-06T10:00:00.000Z"), event(2, "2024-01-10T12:00:00.000Z")],
    observations: [],
    asOf: null,
    published: null,
    tracked: true,
    statusAsOf: "true",
    notice: null,
    firstMadeOn: "2023-05-15",
    trackedSince: "2023-05-16",
    ...overrides,
  };
}

describe("claimReviewJsonLd", () => {
  it("describes a rated claim with every ClaimReview field", () => {
    expect(claimReviewJsonLd(claim(), TRUE_STATUS, SITE)).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://claimline.example/claims/42",
      claimReviewed: "OpenAI plans to release an open-source language model",
      datePublished: "2023-05-16",
      dateModified: "2025-08-06",
      author: { "@type": "Organization", name: "Claimline Desk", url: "https://claimline.example" },
      reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "The Information" },
        datePublished: "2023-05-15",
        appearance: [
          {
            "@type": "CreativeWork",
            url: "https://www.reuters.com/technology/openai-open-source-2023-05-15/",
            headline: "OpenAI plans open-source model",
            datePublished: "2023-05-15",
            publisher: { "@type": "Organization", name: "Reuters" },
          },
        ],
        firstAppearance: {
          "@type": "CreativeWork",
          url: "https://www.reuters.com/technology/openai-open-source-2023-05-15/",
          headline: "OpenAI plans open-source model",
          datePublished: "2023-05-15",
          publisher: { "@type": "Organization", name: "Reuters" },
        },
      },
    });
  });

  it("keeps the label but omits the rating scale for a status that is not rated", () => {
    const rating = claimReviewJsonLd(claim(), UNPROVABLE, SITE).reviewRating;
    expect(rating).toEqual({ "@type": "Rating", alternateName: "Unprovable" });
    expect(rating).not.toHaveProperty("ratingValue");
    expect(rating).not.toHaveProperty("bestRating");
  });

  it("lists appearances earliest first, undated last, one per article, and the earliest as firstAppearance", () => {
    const jsonLd = claimReviewJsonLd(
      claim({
        appearances: [
          appearance({ mentionId: 1, articleSlug: "undated", articleTitle: "Undated", publishedDate: null }),
          appearance({ mentionId: 2, articleSlug: "later", articleTitle: "Later", publishedDate: "2024-02-01" }),
          appearance({ mentionId: 3, articleSlug: "earliest", articleTitle: "Earliest", publishedDate: "2023-05-01" }),
          appearance({ mentionId: 4, articleSlug: "later", articleTitle: "Later", publishedDate: "2024-02-01" }),
        ],
      }),
      TRUE_STATUS,
      SITE,
    );
    expect(jsonLd.itemReviewed.appearance.map((a) => a.headline)).toEqual(["Earliest", "Later", "Undated"]);
    expect(jsonLd.itemReviewed.firstAppearance?.headline).toBe("Earliest");
  });

  it("points an appearance without a source URL at our article page, and leaves out what is unknown", () => {
    const jsonLd = claimReviewJsonLd(
      claim({ claimant: null, claimDate: null, timeline: [], appearances: [appearance({ articleSlug: "a b/c", sourceUrl: null, outlet: null, publishedDate: null })] }),
      TRUE_STATUS,
      SITE,
    );
    expect(jsonLd.itemReviewed.appearance[0]).toEqual({ "@type": "CreativeWork", url: "https://claimline.example/articles/a%20b%2Fc", headline: "OpenAI plans open-source model" });
    expect(jsonLd.itemReviewed).not.toHaveProperty("author");
    expect(jsonLd.itemReviewed).not.toHaveProperty("datePublished");
    expect(jsonLd).not.toHaveProperty("datePublished");
    expect(jsonLd).not.toHaveProperty("dateModified");
  });

  it("types the claimant as the desk recorded it: a Person, an Organization, and an Organization when not said", () => {
    const author = (claimantType: PublicClaimDto["claimantType"]) => claimReviewJsonLd(claim({ claimant: "Sam Altman", claimantType }), TRUE_STATUS, SITE).itemReviewed.author;
    expect(author("person")).toEqual({ "@type": "Person", name: "Sam Altman" });
    expect(author("organization")).toEqual({ "@type": "Organization", name: "Sam Altman" });
    expect(author(null)).toEqual({ "@type": "Organization", name: "Sam Altman" });
  });

  it("writes statements, names and headlines as single lines", () => {
    const jsonLd = claimReviewJsonLd(
      claim({
        statement: "OpenAI plans\nto release  an\r\n\topen-source model\n",
        claimant: " Sam\nAltman ",
        claimantType: "person",
        appearances: [appearance({ articleTitle: "OpenAI\n plans open-source model", outlet: "Reuters\nTechnology" })],
      }),
      TRUE_STATUS,
      { ...SITE, publisherName: "Claimline\nDesk" },
    );
    expect(jsonLd.claimReviewed).toBe("OpenAI plans to release an open-source model");
    expect(jsonLd.author.name).toBe("Claimline Desk");
    expect(jsonLd.itemReviewed.author).toEqual({ "@type": "Person", name: "Sam Altman" });
    expect(jsonLd.itemReviewed.appearance[0]).toMatchObject({ headline: "OpenAI plans open-source model", publisher: { "@type": "Organization", name: "Reuters Technology" } });
    // A claimant of only whitespace names no one.
    expect(claimReviewJsonLd(claim({ claimant: " \n " }), TRUE_STATUS, SITE).itemReviewed).not.toHaveProperty("author");
  });

  it("writes an appearance's URL percent-encoded", () => {
    const jsonLd = claimReviewJsonLd(claim({ appearances: [appearance({ sourceUrl: 'https://news.example/报道?q="a b"<c>' })] }), TRUE_STATUS, SITE);
    expect(jsonLd.itemReviewed.appearance[0]!.url).toBe("https://news.example/%E6%8A%A5%E9%81%93?q=%22a%20b%22%3Cc%3E");
  });

  it("falls back to the claim date for datePublished before any event is published", () => {
    const jsonLd = claimReviewJsonLd(claim({ timeline: [] }), TRUE_STATUS, SITE);
    expect(jsonLd.datePublished).toBe("2023-05-15");
    expect(jsonLd).not.toHaveProperty("dateModified");
  });
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of a script tag, and parses back to the same text", () => {
    const statement = "</script><script>alert(1)</script> & <!-- \u2028\u2029";
    // Any text, not only ClaimReview's single-line fields (which turn U+2028/U+2029 into spaces).
    const serialized = serializeJsonLd({ ...claimReviewJsonLd(claim({ statement }), TRUE_STATUS, SITE), text: statement });
    expect(serialized).not.toMatch(/[<>&\u2028\u2029]/);
    expect(serialized).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003c!-- \\u2028\\u2029");
    expect(JSON.parse(serialized).text).toBe(statement);
    expect(JSON.parse(serialized).claimReviewed).toBe("</script><script>alert(1)</script> & <!--");
  });
});
