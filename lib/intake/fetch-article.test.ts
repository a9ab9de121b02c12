import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ValidationError } from "../errors";
import { docFromHtml } from "../article-doc/from-html";
import { docText } from "../article-doc/text";
import { fetchArticleFromUrl } from "./fetch-article";
import { IntakeError, type IntakeErrorCode } from "./intake-error";

const PARAGRAPHS = [
  "人工智能公司周二宣布，将在今年晚些时候公开其最新大型语言模型的权重，供研究人员和开发者免费下载使用。",
  "公司首席执行官在发布会上表示，开放模型有助于提高透明度，也能让独立研究人员检验模型的安全性和偏见问题。",
  "不过，多位业内人士指出，公司此前也曾做出类似承诺，但最终只发布了部分参数，并未兑现完全开源的说法。",
  "分析人士认为，此举可能会给其他大型科技公司带来压力，促使它们重新考虑各自的模型发布策略和许可条款。",
  "截至发稿时，公司尚未公布具体的发布日期，也没有说明新模型将采用何种开源许可证，以及是否允许商业用途。",
];

const ARTICLE_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>人工智能公司承诺开源新模型 - 示例日报</title>
  <meta property="og:site_name" content="示例日报">
  <meta property="og:title" content="人工智能公司承诺开源新模型">
  <meta property="article:published_time" content="2024-03-06T01:30:00+08:00">
  <meta name="author" content="李明">
  <script>window.tracking = "<p>not article text</p>";</script>
  <style>body { color: red }</style>
</head>
<body>
  <nav class="site-nav"><ul><li><a href="/">首页</a></li><li><a href="/tech">科技</a></li><li><a href="/world">国际</a></li></ul></nav>
  <main>
    <article>
      <h1>人工智能公司承诺开源新模型</h1>
      <p class="byline">记者 李明</p>
      <p>${PARAGRAPHS[0]}</p>
      <h2>公司的说法</h2>
      <p>${PARAGRAPHS[1]} <strong>这是公司第三次做出此类承诺。</strong></p>
      <figure><img src="/images/chart.png" alt="模型参数对比图"><figcaption>模型参数对比</figcaption></figure>
      <p>${PARAGRAPHS[2]}详见<a href="/reports/2024/open-models.html">此前报道</a>。</p>
      <p>${PARAGRAPHS[3]}<img src="/images/tracker.gif" onerror="alert('xss')" alt=""></p>
      <script>document.write("injected")</script>
      <p>${PARAGRAPHS[4]}</p>
    </article>
  </main>
  <footer><p>© 2024 示例日报 版权所有</p></footer>
</body>
</html>`;

const NAV_ONLY_PAGE = `<!doctype html><html><head><title>Menu</title></head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
</body></html>`;

function sendHtml(res: ServerResponse, html: string | Buffer, contentType = "text/html; charset=utf-8") {
  res.writeHead(200, { "content-type": contentType });
  res.end(html);
}

/** A 6 MB page streamed without Content-Length, so only counting the body can catch it. */
function sendHuge(res: ServerResponse) {
  res.writeHead(200, { "content-type": "text/html" });
  const chunk = `<p>${"填充文字".repeat(5000)}</p>\n`;
  let sent = 0;
  const writeMore = () => {
    while (sent < 6 * 1024 * 1024 && !res.destroyed) {
      sent += Buffer.byteLength(chunk);
      if (!res.write(chunk)) return void res.once("drain", writeMore);
    }
    res.end();
  };
  res.on("error", () => undefined);
  writeMore();
}

const GBK_ZHONGWEN = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // "中文" in GBK

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    requested.push(path);
    const redirect = /^\/hop\/(\d+)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      res.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : "/article" });
      return void res.end();
    }
    switch (path) {
      case "/article":
        return sendHtml(res, ARTICLE_PAGE);
      case "/nav":
        return sendHtml(res, NAV_ONLY_PAGE);
      case "/gbk":
        return sendHtml(
          res,
          Buffer.concat([Buffer.from("<html><head><title>GBK</title></head><body><article><p>"), ...Array(40).fill(GBK_ZHONGWEN), Buffer.from("</p></article></body></html>")]),
          "text/html; charset=gbk",
        );
      case "/xhtml":
        return sendHtml(res, ARTICLE_PAGE, "application/xhtml+xml");
      case "/pdf":
        return sendHtml(res, "%PDF-1.7 ...", "application/pdf");
      case "/untyped":
        res.writeHead(200);
        return void res.end(ARTICLE_PAGE);
      case "/huge":
        return sendHuge(res);
      case "/declared-huge":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(2_000_000) });
        return void res.end("x".repeat(2_000_000));
      case "/slow":
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><body>");
        return; // never finishes: the client's deadline has to end it
      case "/loop":
        res.writeHead(301, { location: "/loop" });
        return void res.end();
      case "/to-ftp":
        res.writeHead(302, { location: "ftp://example.com/file" });
        return void res.end();
      default:
        res.writeHead(404, { "content-type": "text/html" });
        return void res.end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The server passes PARSE_TIME_LIMIT_SECONDS; ten seconds is its default. */
const PARSE_LIMIT_MS = 10_000;
const local = { allowPrivateAddresses: true, parseLimitMs: PARSE_LIMIT_MS };

async function intakeError(promise: Promise<unknown>): Promise<IntakeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}

async function expectCode(promise: Promise<unknown>, code: IntakeErrorCode): Promise<IntakeError> {
  const error = await intakeError(promise);
  expect(error.code).toBe(code);
  return error;
}

describe("fetchArticleFromUrl: extraction", () => {
  it("extracts a Chinese news article with its metadata, absolute URLs and no script", async () => {
    const article = await fetchArticleFromUrl(`${base}/article`, local);
    expect(article).toMatchObject({
      sourceUrl: `${base}/article`,
      title: "人工智能公司承诺开源新模型",
      outlet: "示例日报",
      publishedDate: "2024-03-06", // the day the outlet printed, not the UTC day (03-05)
      language: "zh-Hans",
    });
    expect(article.byline).toContain("李明");

    expect(article.html).toContain(`src="${base}/images/chart.png"`);
    expect(article.html).toContain(`href="${base}/reports/2024/open-models.html"`);
    expect(article.html).not.toMatch(/<script|onerror|alert|document\.write|tracking|<style/i);

    const doc = docFromHtml(article.html);
    const text = docText(doc);
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    expect(text).not.toContain("首页");
    expect(text).not.toContain("版权所有");
    expect(doc.blocks).toContainEqual({ type: "heading", level: 2, inlines: [{ text: "公司的说法" }] });
    expect(doc.blocks).toContainEqual({ type: "image", src: `${base}/images/chart.png`, alt: "模型参数对比图" });
    expect(doc.blocks.flatMap((b) => (b.type === "image" ? [] : b.inlines))).toContainEqual({ text: "这是公司第三次做出此类承诺。", bold: true });
    expect(JSON.stringify(doc)).not.toMatch(/onerror|alert|script/i);
  });

  it("accepts application/xhtml+xml", async () => {
    const article = await fetchArticleFromUrl(`${base}/xhtml`, local);
    expect(article.title).toBe("人工智能公司承诺开源新模型");
  });

  it("decodes the page in the character set its Content-Type names", async () => {
    const article = await fetchArticleFromUrl(`${base}/gbk`, local);
    expect(docText(docFromHtml(article.html))).toBe("中文".repeat(40));
    expect(article.language).toBe("zh-Hans");
  });

  it("follows a redirect chain and reports where the page really is", async () => {
    const article = await fetchArticleFromUrl(`${base}/hop/3`, local);
    expect(article.sourceUrl).toBe(`${base}/article`);
    expect(article.outlet).toBe("示例日报");
  });
});

describe("fetchArticleFromUrl: refusals", () => {
  it("refuses anything but http and https, and unparsable input", async () => {
    const ftp = await expectCode(fetchArticleFromUrl("ftp://example.com/file.html", local), "invalid_url");
    expect(ftp.message).toContain("ftp:");
    await expectCode(fetchArticleFromUrl("not a url", local), "invalid_url");
    await expectCode(fetchArticleFromUrl("javascript:alert(1)", local), "invalid_url");
    await expectCode(fetchArticleFromUrl("http://user:pw@example.com/", local), "invalid_url");
  });

  it("shows its message on the URL field, like any validation error", async () => {
    const error = await expectCode(fetchArticleFromUrl("ftp://example.com/", local), "invalid_url");
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ url: error.message });
  });

  it("refuses a non-HTML response, naming its type", async () => {
    const error = await expectCode(fetchArticleFromUrl(`${base}/pdf`, local), "not_html");
    expect(error.message).toBe("That address is not a web page (it sent application/pdf).");
    await expectCode(fetchArticleFromUrl(`${base}/untyped`, local), "not_html");
  });

  it("stops reading a page past the default 5 MB cap", async () => {
    const error = await expectCode(fetchArticleFromUrl(`${base}/huge`, local), "too_large");
    expect(error.message).toBe("That page is larger than 5 MB; Claimline imports pages up to 5 MB.");
  });

  it("refuses a page whose declared length is over a custom cap without reading it", async () => {
    const error = await expectCode(fetchArticleFromUrl(`${base}/declared-huge`, { ...local, maxBytes: 1024 * 1024 }), "too_large");
    expect(error.message).toContain("1 MB");
  });

  it("refuses a page with no article in it", async () => {
    const error = await expectCode(fetchArticleFromUrl(`${base}/nav`, local), "nothing_extractable");
    expect(error.message).toBe("That page has no article text Claimline could find.");
  });

  it("gives up on a page slower than the timeout", async () => {
    const started = Date.now();
    const error = await expectCode(fetchArticleFromUrl(`${base}/slow`, { ...local, timeoutMs: 300 }), "timeout");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toContain("300 ms");
  });

  it("reports HTTP errors with their status", async () => {
    const error = await expectCode(fetchArticleFromUrl(`${base}/missing`, local), "http_error");
    expect(error.message).toBe("That page answered HTTP 404 (Not Found).");
  });

  it("stops after five redirects, and refuses a redirect to another scheme", async () => {
    await expectCode(fetchArticleFromUrl(`${base}/loop`, local), "http_error");
    expect(requested.filter((path) => path === "/loop")).toHaveLength(6);
    await expectCode(fetchArticleFromUrl(`${base}/to-ftp`, local), "invalid_url");
  });

  it("reports a refused connection as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await expectCode(fetchArticleFromUrl(`http://127.0.0.1:${port}/`, local), "unreachable");
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port}: connection refused.`);
  });
});

describe("fetchArticleFromUrl: private addresses", () => {
  const guarded = { allowPrivateAddresses: false, parseLimitMs: PARSE_LIMIT_MS };

  it.each([
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://2130706433/", // 127.0.0.1 as one number
    "http://0x7f.1/",
  ])("refuses %s before connecting", async (url) => {
    const fetchImpl = vi.fn<typeof fetch>();
    await expectCode(fetchArticleFromUrl(url, { ...guarded, fetchImpl }), "blocked_address");
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("refuses the local test server, and a host name that resolves to loopback", async () => {
    const before = requested.length;
    await expectCode(fetchArticleFromUrl(`${base}/article`, guarded), "blocked_address");
    await expectCode(fetchArticleFromUrl(base.replace("127.0.0.1", "localhost") + "/article", guarded), "blocked_address");
    expect(requested.length).toBe(before);
  });

  it("checks every redirect hop, not just the first address", async () => {
    // A public address (never contacted: the fetch is faked) that redirects inward. Not a
    // documentation range such as 203.0.113.0/24: the guard refuses those at the first hop.
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(null, { status: 302, headers: { location: `${base}/article` } }));
    const before = requested.length;
    const error = await expectCode(fetchArticleFromUrl("http://93.184.216.34/story", { ...guarded, fetchImpl }), "blocked_address");
    expect(error.message).toContain("127.0.0.1");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(requested.length).toBe(before);
  });
});
