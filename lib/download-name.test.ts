import { parse } from "content-disposition";
import { describe, expect, it } from "vitest";
import { attachmentHeader, downloadName, safeFileStem } from "./download-name";

const STEMS: [title: string, stem: string][] = [
  ["OpenAI 发布开放权重模型", "OpenAI 发布开放权重模型"],
  // Separators and the characters Windows refuses become spaces, collapsed.
  ['a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j"],
  ["长沙：重庆／银行", "长沙：重庆／银行"],
  // Control and invisible format characters (a right-to-left override) go.
  ["line\nbreak\ttab\u0000nul", "line break tab nul"],
  ["evil\u202Etxt.exe", "evil txt.exe"],
  // No leading or trailing dots or spaces (hidden files, Windows).
  ["  ..hidden.  ", "hidden"],
  ["///", ""],
];

describe("safeFileStem", () => {
  it.each(STEMS)("%j → %j", (title, stem) => {
    expect(safeFileStem(title)).toBe(stem);
  });

  it("keeps a long title to 60 characters, whole code points", () => {
    const stem = safeFileStem("𠀀".repeat(100));
    expect(Array.from(stem)).toHaveLength(60);
    expect(stem.isWellFormed()).toBe(true);
  });
});

describe("downloadName and attachmentHeader", () => {
  const NAMES: [title: string, slug: string | undefined, name: string, ascii: string][] = [
    ["长沙银行", undefined, "长沙银行-events.csv", "changsha-yinhang-events.csv"],
    ["长沙银行", "changsha-yinhang-2", "长沙银行-events.csv", "changsha-yinhang-2-events.csv"],
    // An old Chinese slug is no ASCII name: the title's pinyin is used instead.
    ["长沙银行", "长沙银行", "长沙银行-events.csv", "changsha-yinhang-events.csv"],
    ["Desk", undefined, "Desk-events.csv", "desk-events.csv"],
    ["👍", undefined, "👍-events.csv", "article-events.csv"],
    ["///", undefined, "claimline-events.csv", "article-events.csv"],
  ];

  it.each(NAMES)("%s (slug %s) → %s, ASCII %s", (title, slug, name, ascii) => {
    expect(downloadName(title, "events", ".csv", slug)).toEqual({ name, ascii });
  });

  it("sends the UTF-8 name as filename* and the ASCII one as filename (RFC 6266)", () => {
    const header = attachmentHeader(downloadName("OpenAI 发布：模型", "asof-2024-01-01-report", ".pdf", "openai-fabu-moxing"));
    expect(header).toBe(
      "attachment; filename=\"openai-fabu-moxing-asof-2024-01-01-report.pdf\"; filename*=UTF-8''OpenAI%20%E5%8F%91%E5%B8%83%EF%BC%9A%E6%A8%A1%E5%9E%8B-asof-2024-01-01-report.pdf",
    );
    expect(parse(header).parameters.filename).toBe("OpenAI 发布：模型-asof-2024-01-01-report.pdf");
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it("sends a plain ASCII name once", () => {
    expect(attachmentHeader({ name: "claimline-backup-20260101.json", ascii: "claimline-backup-20260101.json" })).toBe(
      'attachment; filename="claimline-backup-20260101.json"',
    );
  });
});
