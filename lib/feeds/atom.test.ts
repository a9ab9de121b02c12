import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { type AtomFeedInput, type AtomStatusEntry, buildAtomFeed, statusEntries } from "./atom";
import { entryTagId, feedTagId } from "./tag-uri";

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const SITE = "https://claimline.example";

function entry(overrides: Partial<AtomStatusEntry> = {}): AtomStatusEntry {
  return {
    eventId: 7,
    claimUrl: `${SITE}/claims/3`,
    statement: "OpenAI plans to release an open-source language model",
    statusLabel: "True",
    correctsEventId: null,
    effectiveDate: "2025-08-05",
    effectivePrecision: "day",
    rationale: "OpenAI released gpt-oss.",
    recordedAt: "2025-08-06T10:00:00.000Z",
    sources: [{ url: "https://openai.com/index/introducing-gpt-oss/", title: "Introducing gpt-oss", publisher: "OpenAI", publishedDate: "2025-08-05", archivedUrl: null }],
    ...overrides,
  };
}

function feed(overrides: Partial<AtomFeedInput> = {}): AtomFeedInput {
  return {
    title: "Claimline: latest verdicts",
    id: feedTagId("claimline.example", { kind: "desk" }),
    idAuthority: "claimline.example",
    selfUrl: `${SITE}/feeds/desk.atom`,
    alternateUrl: `${SITE}/`,
    updated: "2025-08-06T10:00:00.000Z",
    author: { name: "Claimline", uri: SITE },
    entries: [entry()],
    ...overrides,
  };
}

/** Parses the XML back; text of CDATA and entities comes back decoded, as a feed reader sees it. */
function parse(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = DomUtils.getElementsByTagName("feed", doc.children, false)[0]!;
  return { root, entries: children(root, "entry") };
}

function children(parent: Element, name?: string): Element[] {
  return DomUtils.getChildren(parent).filter((n): n is Element => DomUtils.isTag(n) && (name === undefined || n.name === name));
}

function text(parent: Element, name: string): string {
  const [child] = children(parent, name);
  if (!child) throw new Error(`<${name}> missing`);
  return DomUtils.textContent(child);
}

/** An html-typed Atom text construct, decoded the way a feed reader renders it. */
function htmlText(parent: Element, name: string): string {
  return DomUtils.textContent(parseDocument(text(parent, name)));
}

describe("buildAtomFeed", () => {
  it("writes a well-formed Atom 1.0 feed with the required feed and entry elements", () => {
    const xml = buildAtomFeed(feed({ entries: [entry({ eventId: 9 }), entry({ eventId: 7, recordedAt: "2025-08-01T08:00:00.000Z" })] }));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { root, entries } = parse(xml);
    expect(root.attribs.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(text(root, "id")).toBe("tag:claimline.example,2025:claimline/feed/desk");
    expect(text(root, "title")).toBe("Claimline: latest verdicts");
    expect(text(root, "updated")).toBe("2025-08-06T10:00:00.000Z");
    expect(text(children(root, "author")[0]!, "name")).toBe("Claimline");
    expect(children(root, "link").map((l) => [l.attribs.rel, l.attribs.href])).toEqual([
      ["alternate", `${SITE}/`],
      ["self", `${SITE}/feeds/desk.atom`],
    ]);

    expect(entries).toHaveLength(2);
    for (const e of entries) expect(children(e).map((c) => c.name).sort()).toEqual(["content", "id", "link", "summary", "title", "updated"]);
    expect(entries.map((e) => text(e, "id"))).toEqual([entryTagId("claimline.example", 9), entryTagId("claimline.example", 7)]);
    expect(text(entries[1]!, "updated")).toBe("2025-08-01T08:00:00.000Z");
    expect(children(entries[0]!, "link")[0]!.attribs.href).toBe(`${SITE}/claims/3#event-9`);
  });

  it("titles an entry by status and statement, marking corrections", () => {
    const { entries } = parse(buildAtomFeed(feed({ entries: [entry(), entry({ eventId: 8, correctsEventId: 7, statusLabel: "False" })] })));
    expect(htmlText(entries[0]!, "title")).toBe("True: OpenAI plans to release an open-source language model");
    expect(htmlText(entries[1]!, "title")).toBe("Correction — False: OpenAI plans to release an open-source language model");
    expect(text(entries[1]!, "content")).toContain(`<a href="${SITE}/claims/3#event-7">earlier entry</a>`);
  });

  it("gives an event the same id whichever claim page shows it (merged claims, several feeds)", () => {
    const before = parse(buildAtomFeed(feed({ entries: [entry({ claimUrl: `${SITE}/claims/3` })] }))).entries[0]!;
    const afterMerge = parse(buildAtomFeed(feed({ entries: [entry({ claimUrl: `${SITE}/claims/1` })] }))).entries[0]!;
    expect(text(afterMerge, "id")).toBe(text(before, "id"));
    expect(text(before, "id")).toBe("tag:claimline.example,2025:claimline/status-event/7");
  });

  it("puts the rationale, effective date and source links in the content, as plain text", () => {
    const { entries } = parse(buildAtomFeed(feed({ entries: [entry({ effectiveDate: "2025-08-01", effectivePrecision: "month" })] })));
    const content = text(entries[0]!, "content");
    // User text carries its language, so a feed reader reads it with the right voice and fonts.
    expect(content).toContain('<p lang="en">OpenAI released gpt-oss.</p>');
    expect(content).toContain("Effective Aug 2025.");
    expect(content).toContain('<a href="https://openai.com/index/introducing-gpt-oss/" lang="en">Introducing gpt-oss</a> (OpenAI, 5 Aug 2025)');
    expect(htmlText(entries[0]!, "summary")).toBe("Effective Aug 2025. OpenAI released gpt-oss.");
  });

  it("marks a Chinese rationale and source title with their stored or detected language", () => {
    const source = { url: "https://example.com/a", title: "微软向 OpenAI 追加投资", publisher: null, publishedDate: null, archivedUrl: null };
    const { entries } = parse(buildAtomFeed(feed({ entries: [entry({ rationale: "路透社援引知情人士的说法，估值与报道一致。", sources: [source] })] })));
    const content = text(entries[0]!, "content");
    expect(content).toContain('<p lang="zh-Hans">路透社援引知情人士的说法，估值与报道一致。</p>');
    expect(content).toContain('<a href="https://example.com/a" lang="zh-Hans">微软向 OpenAI 追加投资</a>');
  });

  it("escapes <, & and CDATA terminators in titles and content, so text cannot become markup", () => {
    const statement = 'Revenue < $1B & "growing" ]]> ]]><injected/>';
    const rationale = "<script>alert(1)</script> R&D ]]><x/>";
    const xml = buildAtomFeed(
      feed({
        title: "R&amp;D <desk> & co",
        entries: [
          entry({
            statement,
            rationale,
            sources: [{ url: "https://example.com/?a=1&b=<2>", title: "A <b>bold</b> claim", publisher: "X & Y", publishedDate: null, archivedUrl: "javascript:alert(1)" }],
          }),
        ],
      }),
    );
    const { root, entries } = parse(xml);
    expect(DomUtils.getElementsByTagName("injected", root, true)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName("x", root, true)).toHaveLength(0);
    expect(children(entries[0]!).map((c) => c.name).sort()).toEqual(["content", "id", "link", "summary", "title", "updated"]);
    expect(text(root, "title")).toBe("R&amp;D <desk> & co");
    expect(htmlText(entries[0]!, "title")).toBe(`True: ${statement}`);
    expect(htmlText(entries[0]!, "summary")).toBe(`Effective 5 Aug 2025. ${rationale}`);

    const content = parseDocument(text(entries[0]!, "content"));
    expect(DomUtils.getElementsByTagName("script", content, true)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName("b", content, true)).toHaveLength(0);
    expect(DomUtils.textContent(content)).toContain(rationale);
    expect(DomUtils.textContent(content)).toContain("A <b>bold</b> claim (X & Y)");
    // Only http(s) links: the javascript: archive URL is dropped.
    expect(DomUtils.getElementsByTagName("a", content, true).map((a) => a.attribs.href)).toEqual(["https://example.com/?a=1&b=%3C2%3E"]);
  });

  it("writes source links percent-encoded: a quote, space or Chinese character in a stored URL stays inside its href", () => {
    const url = 'https://news.example/报道?q="估值" 2023';
    const { entries } = parse(buildAtomFeed(feed({ entries: [entry({ sources: [{ url, title: null, publisher: null, publishedDate: null, archivedUrl: `${url}#存档` }] })] })));
    const content = parseDocument(text(entries[0]!, "content"));
    expect(DomUtils.getElementsByTagName("a", content, true).map((a) => a.attribs.href)).toEqual([
      "https://news.example/%E6%8A%A5%E9%81%93?q=%22%E4%BC%B0%E5%80%BC%22%202023",
      "https://news.example/%E6%8A%A5%E9%81%93?q=%22%E4%BC%B0%E5%80%BC%22%202023#%E5%AD%98%E6%A1%A3",
    ]);
    // The text shows the address as it was entered.
    expect(DomUtils.textContent(content)).toContain(url);
  });

  it("dates an empty feed now and a non-empty one by its newest entry, unless told", () => {
    const { root } = parse(buildAtomFeed(feed({ updated: undefined, entries: [entry({ recordedAt: "2024-01-01T00:00:00.000Z" }), entry({ recordedAt: "2025-02-03T04:05:06.000Z" })] })));
    expect(text(root, "updated")).toBe("2025-02-03T04:05:06.000Z");
    const before = Date.now();
    const empty = parse(buildAtomFeed(feed({ updated: undefined, entries: [] })));
    expect(Date.parse(text(empty.root, "updated"))).toBeGreaterThanOrEqual(before - 1000);
    expect(empty.entries).toHaveLength(0);
  });

  it("drops characters XML cannot carry", () => {
    const xml = buildAtomFeed(feed({ title: "Desk\u0000\u000B feed", entries: [entry({ statement: "Bad\u0008 char \uD800 here", rationale: null })] }));
    expect(xml).not.toMatch(/[\u0000\u0008\u000B\uD800]/);
    const { root, entries } = parse(xml);
    expect(text(root, "title")).toBe("Desk feed");
    expect(htmlText(entries[0]!, "title")).toBe("True: Bad char  here");
  });
});

describe("statusEntries", () => {
  it("links each event to its claim page and names its status by label, falling back to the key", () => {
    const event = { id: 5, claimId: 3, statement: "S", correctsEventId: null, effectiveDate: "2025-08-05", effectivePrecision: "day" as const, rationale: null, recordedAt: "2025-08-06T10:00:00.000Z", sources: [] };
    const entries = statusEntries([{ ...event, statusKey: "true" }, { ...event, id: 6, statusKey: "gone" }], [{ key: "true", labelEn: "True" }], SITE);
    expect(entries.map((e) => [e.eventId, e.claimUrl, e.statusLabel])).toEqual([
      [5, `${SITE}/claims/3`, "True"],
      [6, `${SITE}/claims/3`, "gone"],
    ]);
  });
});
