import { describe, expect, it } from "vitest";
import { detectBodyFormat } from "./detect-format";

/** A WeChat article exported to Markdown, hard-wrapped as such exports are. */
const WECHAT_EXPORT = `# OpenAI计划发布首个开源模型

![](https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png)

据 The Information 报道，OpenAI 正准备向公众发布一款新的开源语言模型，
但目前尚不清楚具体的发布时间。

**OpenAI 目前估值约为 270 亿美元。**`;

describe("detectBodyFormat", () => {
  it("reads a WeChat Markdown export as Markdown", () => {
    expect(detectBodyFormat(WECHAT_EXPORT)).toBe("markdown");
  });

  it("reads a news page's HTML as HTML", () => {
    expect(detectBodyFormat("<h1>Title</h1>\n<p>OpenAI is valued at <strong>$27 billion</strong>.</p>")).toBe("html");
    expect(detectBodyFormat('<section style="margin:0">微信正文</section>')).toBe("html");
  });

  it("reads prose as plain text, even with a stray angle bracket, asterisk or dash", () => {
    expect(detectBodyFormat("OpenAI said 3 < 5.\n\nThe model has 175 billion parameters.")).toBe("plain");
    expect(detectBodyFormat("- one line that starts with a dash\n\nand then prose.")).toBe("plain");
    expect(detectBodyFormat("Footnote* applies to 2023.")).toBe("plain");
    expect(detectBodyFormat("")).toBe("plain");
  });

  it("takes each Markdown mark that nobody types in prose as enough", () => {
    expect(detectBodyFormat("Read [the report](https://example.com/r).")).toBe("markdown");
    expect(detectBodyFormat("Intro\n\n## Section\n\nText.")).toBe("markdown");
    expect(detectBodyFormat("It is **true**.")).toBe("markdown");
    expect(detectBodyFormat("```\ncode\n```")).toBe("markdown");
  });

  it("takes lists and quotes as Markdown when there are two or more such lines", () => {
    expect(detectBodyFormat("Points:\n- first\n- second")).toBe("markdown");
    expect(detectBodyFormat("1. 第一\n2. 第二")).toBe("markdown");
    expect(detectBodyFormat("> quoted\n> still quoted")).toBe("markdown");
  });
});
