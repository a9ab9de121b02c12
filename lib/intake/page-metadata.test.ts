import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isoDayOf, readPageMetadata } from "./page-metadata";

function page(head: string, body = ""): Document {
  return parseHTML(`<!doctype html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`).document;
}

describe("isoDayOf", () => {
  it("keeps the calendar day as written, whatever the offset", () => {
    expect(isoDayOf("2024-03-06T01:30:00+08:00")).toBe("2024-03-06");
    expect(isoDayOf("2024/3/5 10:00")).toBe("2024-03-05");
    expect(isoDayOf("2024年3月5日 10:00")).toBe("2024-03-05");
  });

  it("parses other date formats and refuses nonsense", () => {
    expect(isoDayOf("Tue, 05 Mar 2024 10:00:00 GMT")).toBe("2024-03-05");
    expect(isoDayOf("2024-02-30")).toBeNull();
    expect(isoDayOf("yesterday")).toBeNull();
    expect(isoDayOf("")).toBeNull();
    expect(isoDayOf(null)).toBeNull();
  });
});

describe("readPageMetadata", () => {
  it("reads Open Graph and article meta tags", () => {
    const metadata = readPageMetadata(
      page(`<meta property="og:site_name" content="示例日报"><meta property="article:published_time" content="2024-03-05T08:00:00Z"><meta name="author" content="李明">`),
    );
    expect(metadata).toEqual({ declaredLanguage: "zh-CN", publishedDate: "2024-03-05", siteName: "示例日报", author: "李明" });
  });

  it("falls back on JSON-LD, including @graph and broken blocks", () => {
    const metadata = readPageMetadata(
      page(`<script type="application/ld+json">{ broken</script>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2023-11-20T09:00:00+08:00","publisher":{"@type":"Organization","name":"Example News"},"author":[{"@type":"Person","name":"Jane Doe"}]}]}</script>`),
    );
    expect(metadata).toMatchObject({ publishedDate: "2023-11-20", siteName: "Example News", author: "Jane Doe" });
  });

  it("falls back on a <time datetime> inside the article", () => {
    const metadata = readPageMetadata(page("", `<header><time datetime="2025-01-01">now</time></header><article><time datetime="2024-12-24T20:00">Dec 24</time></article>`));
    expect(metadata.publishedDate).toBe("2024-12-24");
  });

  it("returns nulls for a page that says nothing about itself", () => {
    const document = parseHTML("<html><head></head><body><p>x</p></body></html>").document;
    expect(readPageMetadata(document)).toEqual({ declaredLanguage: null, publishedDate: null, siteName: null, author: null });
  });
});
