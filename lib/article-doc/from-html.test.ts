import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../anchor";
import { docFromHtml } from "./from-html";
import { sanitizeArticleHtml } from "./sanitize";
import { blockText, docText, layoutDoc } from "./text";
import type { ArticleDoc, Block } from "./types";

function texts(doc: ArticleDoc): string[] {
  return doc.blocks.map((block) => (block.type === "image" ? `[image ${block.src}]` : blockText(block)));
}

describe("docFromHtml: structure", () => {
  it("keeps headings, paragraphs, bold, italics, code, links and images", () => {
    const doc = docFromHtml(`
      <h1>开源模型</h1>
      <h3>Sub <em>heading</em></h3>
      <p>Meta <strong>said</strong> it would <b>open</b> <i>the</i> <code>weights</code>,
         per <a href="https://example.com/report?a=1&amp;b=2">a report</a>.</p>
      <img src="https://img.example/chart.png" alt="A chart">
    `);
    expect(doc.blocks).toEqual<Block[]>([
      { type: "heading", level: 1, inlines: [{ text: "开源模型" }] },
      { type: "heading", level: 3, inlines: [{ text: "Sub " }, { text: "heading", italic: true }] },
      {
        type: "paragraph",
        inlines: [
          { text: "Meta " },
          { text: "said", bold: true },
          { text: " it would " },
          { text: "open", bold: true },
          { text: " " },
          { text: "the", italic: true },
          { text: " " },
          { text: "weights", code: true },
          { text: ", per " },
          { text: "a report", href: "https://example.com/report?a=1&b=2" },
          { text: "." },
        ],
      },
      { type: "image", src: "https://img.example/chart.png", alt: "A chart" },
    ]);
  });

  it("turns blockquotes into quotes and list items into ordered or unordered items", () => {
    const doc = docFromHtml(`
      <blockquote><p>First quoted</p><p>Second quoted</p></blockquote>
      <ul><li>apple</li><li><p>banana</p><ol><li>nested</li></ol></li></ul>
      <ol><li>one</li></ol>
      <li>stray item</li>
    `);
    expect(doc.blocks).toEqual<Block[]>([
      { type: "quote", inlines: [{ text: "First quoted" }] },
      { type: "quote", inlines: [{ text: "Second quoted" }] },
      { type: "list-item", ordered: false, inlines: [{ text: "apple" }] },
      { type: "list-item", ordered: false, inlines: [{ text: "banana" }] },
      { type: "list-item", ordered: true, inlines: [{ text: "nested" }] },
      { type: "list-item", ordered: true, inlines: [{ text: "one" }] },
      { type: "list-item", ordered: false, inlines: [{ text: "stray item" }] },
    ]);
  });

  it("splits a paragraph around an image nested inside it", () => {
    const doc = docFromHtml(`<p>Before the chart <span><img src="https://img.example/c.png" alt=" the
      chart "></span> after it.</p>`);
    expect(doc.blocks).toEqual<Block[]>([
      { type: "paragraph", inlines: [{ text: "Before the chart" }] },
      { type: "image", src: "https://img.example/c.png", alt: "the chart" },
      { type: "paragraph", inlines: [{ text: "after it." }] },
    ]);
  });

  it("merges neighbouring inlines whose marks are identical", () => {
    const doc = docFromHtml(`<p><b>bold</b><strong> and bolder</strong> <b><i>both</i></b><i><b> still</b></i></p>`);
    expect(doc.blocks[0]).toEqual({
      type: "paragraph",
      inlines: [
        { text: "bold and bolder", bold: true },
        { text: " " },
        { text: "both still", bold: true, italic: true },
      ],
    });
  });

  it("drops empty blocks, including spacer paragraphs", () => {
    const doc = docFromHtml(`<p></p><p> </p><p><br></p><p>&nbsp;</p><div><span> </span></div><h2></h2><p>kept</p>`);
    expect(texts(doc)).toEqual(["kept"]);
  });

  it("keeps preformatted text verbatim", () => {
    const doc = docFromHtml(`<pre><code>const a  = 1;\n  return a;\n</code></pre>`);
    expect(doc.blocks).toEqual([{ type: "paragraph", inlines: [{ text: "const a  = 1;\n  return a;", code: true }] }]);
  });

  it("drops links and images whose URL is relative (there is no page to resolve them against)", () => {
    const doc = docFromHtml(`<p><a href="/about">about</a><img src="pic.png"></p>`);
    expect(doc.blocks).toEqual([{ type: "paragraph", inlines: [{ text: "about" }] }]);
  });

  it("uses an image's lazy-loading data-src when its src is a placeholder", () => {
    const doc = docFromHtml(`<img data-src="https://mmbiz.qpic.cn/pic/640" src="data:image/gif;base64,R0lGOD" alt="">`);
    expect(doc.blocks).toEqual([{ type: "image", src: "https://mmbiz.qpic.cn/pic/640", alt: "" }]);
  });
});

describe("docFromHtml: whitespace and text", () => {
  it("collapses whitespace runs like HTML, across element boundaries, and trims block ends", () => {
    const doc = docFromHtml(`<p>
        The   quick\n\tbrown <b>fox </b> jumps
      </p>`);
    expect(docText(doc)).toBe("The quick brown fox jumps");
  });

  it("turns <br> into a newline and drops the spaces around it", () => {
    const doc = docFromHtml(`<p>第一行 <br/>  second line<br>third<br></p><p><br>leading break</p>`);
    expect(texts(doc)).toEqual(["第一行\nsecond line\nthird", "leading break"]);
  });

  it("keeps mixed Chinese and English text as written", () => {
    const doc = docFromHtml(`<p>据 Reuters 报道，OpenAI 于周二发布了 GPT-5（“新模型”）。</p>`);
    expect(docText(doc)).toBe("据 Reuters 报道，OpenAI 于周二发布了 GPT-5（“新模型”）。");
  });

  it("decodes named, decimal and hexadecimal entities exactly once", () => {
    const doc = docFromHtml(`<p>AT&amp;T &lt;b&gt; &quot;q&quot; &#20013;&#x6587; caf&eacute; &amp;lt; a&nbsp;b</p>`);
    expect(docText(doc)).toBe(`AT&T <b> "q" 中文 café &lt; a\u00a0b`);
  });

  it("reports layout offsets that agree with docText, astral characters included", () => {
    const doc = docFromHtml(`
      <h2>😀 标题</h2><img src="https://img.example/1.png">
      <p>𠀀 text <a href="https://x.example/">link</a><br>next</p>
      <ul><li>item</li></ul><blockquote>quote</blockquote>`);
    const text = docText(doc);
    for (const { block, start, end } of layoutDoc(doc)) {
      expect(sliceCodePoints(text, start, end)).toBe(blockText(block));
    }
    expect(text).toBe("😀 标题\n\n𠀀 text link\nnext\n\nitem\n\nquote");
  });
});

describe("docFromHtml: WeChat-style markup", () => {
  it("flattens nested sections and styled spans into sensible paragraphs", () => {
    const html = `
      <section style="margin:0"><section style="padding:8px">
        <section><span style="font-size:16px"><span style="color:#333">第一段文字，</span></span><span>提到 OpenAI。</span></section>
        <section><p><span style="letter-spacing:1px">第二段</span></p><p>第三段</p></section>
        <section><span><strong>小标题</strong></span></section>
        <section><img data-src="https://mmbiz.qpic.cn/abc/640" data-type="png" style="width:100%"></section>
        <p style="text-align:center"><span style="font-size:12px">图片来源：网络</span></p>
      </section></section>`;
    const doc = docFromHtml(html);
    expect(doc.blocks).toEqual<Block[]>([
      { type: "paragraph", inlines: [{ text: "第一段文字，提到 OpenAI。" }] },
      { type: "paragraph", inlines: [{ text: "第二段" }] },
      { type: "paragraph", inlines: [{ text: "第三段" }] },
      { type: "paragraph", inlines: [{ text: "小标题", bold: true }] },
      { type: "image", src: "https://mmbiz.qpic.cn/abc/640", alt: "" },
      { type: "paragraph", inlines: [{ text: "图片来源：网络" }] },
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/style|section|span/);
  });

  it("separates inline text that sits beside a block inside a container", () => {
    const doc = docFromHtml(`<section>loose text<p>paragraph</p>more loose</section>`);
    expect(texts(doc)).toEqual(["loose text", "paragraph", "more loose"]);
  });

  it("carries marks of an inline wrapper onto the blocks inside it", () => {
    const doc = docFromHtml(`<a href="https://x.example/"><p>linked paragraph</p></a>`);
    expect(doc.blocks).toEqual([{ type: "paragraph", inlines: [{ text: "linked paragraph", href: "https://x.example/" }] }]);
  });
});

describe("docFromHtml: hostile markup", () => {
  const payloads = [
    `<script>alert(1)</script><p>safe</p>`,
    `<p>pic <img src=x onerror=alert(1)></p>`,
    `<svg onload=alert(1)><circle r="5"/></svg>`,
    `<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>svg text</text></a></svg>`,
    `<a href="javascript:alert(1)">click</a>`,
    `<a href="JaVaScRiPt:alert(1)">a</a><a href="jav&#x09;ascript:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a><a href=" &#14; javascript:alert(1)">d</a>`,
    `<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>">inner</iframe>`,
    `<body onload=alert(1)><div onclick="alert(1)" style="background:url(javascript:alert(1))">click me</div></body>`,
    `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
    `<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">`,
    `<style>@import 'javascript:alert(1)';</style><p style="color:red">styled</p>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
    `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
    `<form action="javascript:alert(1)"><input onfocus=alert(1) autofocus><button onclick=alert(1)>b</button></form>`,
    `<details open ontoggle=alert(1)><summary>s</summary>d</details>`,
    `<video><source onerror="alert(1)"></video><audio src=x onerror=alert(1)></audio>`,
    `<a href="vbscript:msgbox(1)">vb</a><img src="  javascript:alert(1)">`,
    `<<script>alert(1)//<</script>`,
    `<!--<img src="--><img src=x onerror=alert(1)//">`,
    `<IMG SRC=JaVaScRiPt:alert('XSS')><IMG SRC=\`javascript:alert("RSnake says, 'XSS'")\`>`,
    `<TABLE BACKGROUND="javascript:alert('XSS')"><tr><td>cell</td></tr></TABLE>`,
    `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');"><LINK REL="stylesheet" HREF="javascript:alert('XSS');"><BASE HREF="javascript:alert('XSS');//">`,
  ];
  const forbidden = /<script|<\/script|<style|<iframe|<svg|<object|<embed|onerror|onload|onclick|onfocus|ontoggle|javascript:|vbscript:|data:|alert\(/i;

  it.each(payloads)("leaves nothing executable in the doc or the sanitized HTML: %s", (payload) => {
    expect(JSON.stringify(docFromHtml(payload))).not.toMatch(forbidden);
    expect(sanitizeArticleHtml(payload)).not.toMatch(forbidden);
  });

  it("keeps the harmless parts of hostile markup", () => {
    const doc = docFromHtml(`<p onclick="alert(1)">Real <a href="https://ok.example/" onmouseover="alert(2)">link</a></p>
      <img src="https://ok.example/a.png" onerror="alert(1)">`);
    expect(doc.blocks).toEqual<Block[]>([
      { type: "paragraph", inlines: [{ text: "Real " }, { text: "link", href: "https://ok.example/" }] },
      { type: "image", src: "https://ok.example/a.png", alt: "" },
    ]);
  });

  it("only ever produces http(s) or mailto links and http(s) images", () => {
    const doc = docFromHtml(`<a href="mailto:desk@example.com">mail</a><a href="ftp://x.example/f">ftp</a>
      <a href="//evil.example/">protocol-relative</a><img src="mailto:x@example.com"><img src="ftp://x.example/a.png">`);
    const hrefs = doc.blocks.flatMap((b) => (b.type === "image" ? [b.src] : b.inlines.flatMap((i) => (i.href ? [i.href] : []))));
    expect(hrefs).toEqual(["mailto:desk@example.com"]);
  });
});

describe("docFromHtml: pathological input", () => {
  it("survives very deep nesting without overflowing the stack", () => {
    const depth = 20_000;
    const doc = docFromHtml(`${"<div><span>".repeat(depth)}deep text${"</span></div>".repeat(depth)}`);
    expect(docText(doc)).toBe("deep text");
  });
});
