import { describe, expect, it } from "vitest";
import { docFromHtml } from "./from-html";
import { docFromMarkdown } from "./from-markdown";
import { docFromPlain } from "./from-plain";
import { breakJoinsWithoutSpace } from "./segment-break";
import { docText } from "./text";

/**
 * Hard-wrapped lines as they arrive from WeChat exports, wire copy and English news: the line
 * before the wrap, the line after it, and the paragraph a reader should see.
 */
const WRAPS: ReadonlyArray<readonly [why: string, before: string, after: string, expected: string]> = [
  // Chinese: nothing between the lines.
  ["ideograph | ideograph", "OpenAI正在准备向公众发布一款新的开源语", "言模型，该模型将可在消费级硬件上运行。", "OpenAI正在准备向公众发布一款新的开源语言模型，该模型将可在消费级硬件上运行。"],
  ["digit | ideograph, inside a figure", "据知情人士透露，公司估值约为270", "亿美元，较去年翻了一番。", "据知情人士透露，公司估值约为270亿美元，较去年翻了一番。"],
  ["full-width comma | digit", "训练该模型用了大约20，", "000小时的人工反馈。", "训练该模型用了大约20，000小时的人工反馈。"],
  ["digit | ideograph after a full-width separator", "训练该模型用了大约20，000", "小时的人工反馈。", "训练该模型用了大约20，000小时的人工反馈。"],
  ["ideograph | digit", "参数规模达到", "1750亿，是上一代的十倍。", "参数规模达到1750亿，是上一代的十倍。"],
  ["per cent | ideograph", "用户数同比增长了35%", "，其中海外用户占比过半。", "用户数同比增长了35%，其中海外用户占比过半。"],
  ["digit | per cent-free ideograph", "近5", "成受访者表示会继续使用。", "近5成受访者表示会继续使用。"],
  ["full stop | next sentence", "该公司尚未回应置评请求。", "此前有报道称，发布时间可能推迟。", "该公司尚未回应置评请求。此前有报道称，发布时间可能推迟。"],
  ["colon | opening quote", "奥尔特曼在社交媒体上表示：", "“我们很高兴能与大家分享。”", "奥尔特曼在社交媒体上表示：“我们很高兴能与大家分享。”"],
  ["closing quote (ambiguous width) | ideograph", "他说：“这是一个重要的里程碑”", "并称团队已为此准备了一年。", "他说：“这是一个重要的里程碑”并称团队已为此准备了一年。"],
  ["ideograph | opening quote (ambiguous width)", "他强调", "“安全始终是第一位的”。", "他强调“安全始终是第一位的”。"],
  ["book title marks", "据《华尔街日报》报道，该模型名为", "《开源一号》。", "据《华尔街日报》报道，该模型名为《开源一号》。"],
  ["full-width bracket | Latin", "这家公司（", "OpenAI）成立于2015年。", "这家公司（OpenAI）成立于2015年。"],
  ["Latin | full-width punctuation", "该公司首席执行官Sam Altman", "，在旧金山接受了采访。", "该公司首席执行官Sam Altman，在旧金山接受了采访。"],
  ["full-width comma | Latin", "据彭博社报道，", "OpenAI计划在夏季发布。", "据彭博社报道，OpenAI计划在夏季发布。"],
  ["enumeration comma | ideograph", "支持中文、英文、", "日文等多种语言。", "支持中文、英文、日文等多种语言。"],
  ["middle dot (ambiguous) | ideograph", "研究员阿什利·", "佩普曼表示同意。", "研究员阿什利·佩普曼表示同意。"],
  ["ellipsis (ambiguous) | ideograph", "他停顿了一下……", "然后继续说道。", "他停顿了一下……然后继续说道。"],
  ["full-width digits", "大约２０，０００", "小时", "大约２０，０００小时"],
  ["Japanese kana", "新しいモデルを公開", "すると発表した。", "新しいモデルを公開すると発表した。"],
  ["ideographic space | ideograph", "标题　", "正文", "标题　正文"],
  ["zero-width space | Latin", "word\u200b", "joined", "word\u200bjoined"],
  ["astral ideograph | ideograph", "生僻字𠀀", "在此", "生僻字𠀀在此"],
  // English: one space, as before.
  ["Latin word | Latin word", "OpenAI is getting ready to release a new", "open-source language model to the public.", "OpenAI is getting ready to release a new open-source language model to the public."],
  ["figure | Latin word", "The company is valued at $27", "billion, people familiar said.", "The company is valued at $27 billion, people familiar said."],
  ["comma | Latin word", "According to Bloomberg,", "the release could slip.", "According to Bloomberg, the release could slip."],
  ["Latin digit | Latin digit", "between 2019 and", "2024 revenue grew", "between 2019 and 2024 revenue grew"],
  // Mixed: CSS Text 3 keeps the space between a Latin letter and an ideograph (either order).
  ["Latin letter | ideograph", "该模型由OpenAI", "发布。", "该模型由OpenAI 发布。"],
  ["ideograph | Latin letter", "新模型将命名为", "GPT-OSS。", "新模型将命名为 GPT-OSS。"],
  ["English quote | ideograph", "He said \"open\"", "开源", "He said \"open\" 开源"],
  // Korean separates words with spaces, so CSS keeps its breaks.
  ["Hangul | Hangul", "새로운 오픈소스", "모델을 공개했다.", "새로운 오픈소스 모델을 공개했다."],
  ["Hangul | ideograph", "모델", "模型", "모델 模型"],
];

describe("breakJoinsWithoutSpace", () => {
  it.each(WRAPS)("%s", (_why, before, after, expected) => {
    const joins = breakJoinsWithoutSpace(Array.from(before).pop()!, after);
    expect(joins ? before + after : `${before} ${after}`).toBe(expected);
  });

  it("keeps a space when either side is missing", () => {
    expect(breakJoinsWithoutSpace("", "中")).toBe(false);
    expect(breakJoinsWithoutSpace("中", "")).toBe(false);
  });
});

describe("a hard-wrapped body becomes the same text whatever its format", () => {
  it.each(WRAPS)("Markdown, HTML and plain text: %s", (_why, before, after, expected) => {
    expect(docText(docFromMarkdown(`${before}\n${after}`))).toBe(expected);
    expect(docText(docFromHtml(`<p>${escapeHtml(before)}\n${escapeHtml(after)}</p>`))).toBe(expected);
    // Plain text keeps a Latin line break as a newline (poems, addresses), and only joins Chinese wraps.
    const plain = docText(docFromPlain(`${before}\n${after}`));
    expect(plain.replace("\n", " ")).toBe(expected);
  });

  it("joins a wrap in the spaces around it, across inline elements and in Markdown list items and quotes", () => {
    expect(docText(docFromMarkdown("估值约为 **270**  \n亿美元"))).toBe("估值约为 270\n亿美元"); // two trailing spaces: a hard <br>, kept
    expect(docText(docFromMarkdown("估值约为**270** \n 亿美元"))).toBe("估值约为270亿美元");
    expect(docText(docFromHtml("<p>估值约为<b>270\n</b>亿美元</p>"))).toBe("估值约为270亿美元");
    expect(docText(docFromHtml("<p>估值约为<b>270 </b>\n亿美元</p>"))).toBe("估值约为270亿美元");
    expect(docText(docFromMarkdown("- 估值约为270\n  亿美元\n\n> 大约20，000\n> 小时"))).toBe("估值约为270亿美元\n\n大约20，000小时");
  });

  it("keeps a space that was typed on one line, and leaves preformatted text alone", () => {
    expect(docText(docFromMarkdown("大约 20，000 小时"))).toBe("大约 20，000 小时");
    expect(docText(docFromHtml("<pre>270\n亿美元</pre>"))).toBe("270\n亿美元");
  });

  it("joins a realistic WeChat-style Markdown export", () => {
    const md = [
      "# OpenAI将发布开源模型",
      "",
      "据知情人士透露，OpenAI正准备发布一款开源语言模型，公司估值约为270",
      "亿美元。训练该模型用了大约20，000",
      "小时的人工反馈，",
      "参数规模达到1750亿。",
      "",
      "The company declined to comment on the",
      "report.",
    ].join("\n");
    expect(docText(docFromMarkdown(md))).toBe(
      "OpenAI将发布开源模型\n\n据知情人士透露，OpenAI正准备发布一款开源语言模型，公司估值约为270亿美元。训练该模型用了大约20，000小时的人工反馈，参数规模达到1750亿。\n\nThe company declined to comment on the report.",
    );
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
