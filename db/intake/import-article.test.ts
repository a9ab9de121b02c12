import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { IntakeError } from "../../lib/intake/intake-error";
import { makeUser } from "../../test/factories";
import { getDb } from "../client";
import { articles } from "../schema";
import { importArticleFromUrl } from "./import-article";
import { firstRow } from "../rows";

// The server's side of "Import from a URL": the settings it passes to the intake (lib/intake),
// and the draft it writes. The fetching and extraction themselves are tested in lib/intake.

const PARAGRAPHS = [
  "人工智能公司周二宣布，将在今年晚些时候公开其最新大型语言模型的权重，供研究人员和开发者免费下载使用。",
  "公司首席执行官在发布会上表示，开放模型有助于提高透明度，也能让独立研究人员检验模型的安全性和偏见问题。",
  "不过，多位业内人士指出，公司此前也曾做出类似承诺，但最终只发布了部分参数，并未兑现完全开源的说法。",
];
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>开源新模型 - 示例日报</title>
<meta property="og:site_name" content="示例日报"><meta property="og:title" content="人工智能公司承诺开源新模型"></head>
<body><article><h1>人工智能公司承诺开源新模型</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;

/** Legal, and far too much to extract within a millisecond even in a warm worker. */
const LONG_PAGE = `<!doctype html><html><body><article>${Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} of a very long page.</p>`).join("")}</article></body></html>`;

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(req.url === "/long" ? LONG_PAGE : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story`;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("importArticleFromUrl", () => {
  it("fetches a page on 127.0.0.1 only when INTAKE_ALLOW_PRIVATE_ADDRESSES=1, and saves it as a draft", async () => {
    const editor = await makeUser("editor");
    vi.stubEnv("INTAKE_ALLOW_PRIVATE_ADDRESSES", "");
    const refused = await importArticleFromUrl(editor, { url }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IntakeError);
    expect((refused as IntakeError).code).toBe("blocked_address");
    expect(await getDb().select().from(articles)).toEqual([]);

    vi.stubEnv("INTAKE_ALLOW_PRIVATE_ADDRESSES", "1");
    const saved = await importArticleFromUrl(editor, { url });
    expect(saved).toMatchObject({ title: "人工智能公司承诺开源新模型", outlet: "示例日报", sourceUrl: url, status: "draft", language: "zh-Hans" });
    expect((await firstRow(getDb().select({ bodyText: articles.bodyText }).from(articles)))!.bodyText).toContain(PARAGRAPHS[1]);
  });

  it("stops extracting after PARSE_TIME_LIMIT_SECONDS", async () => {
    const editor = await makeUser("editor");
    vi.stubEnv("INTAKE_ALLOW_PRIVATE_ADDRESSES", "1");
    vi.stubEnv("PARSE_TIME_LIMIT_SECONDS", "0.001");
    const error = await importArticleFromUrl(editor, { url: url.replace("/story", "/long") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect((error as IntakeError).code).toBe("too_slow");
    expect((error as IntakeError).message).toMatch(/after 1 ms; it is too complex/);
    expect(await getDb().select().from(articles)).toEqual([]);
  });
});
