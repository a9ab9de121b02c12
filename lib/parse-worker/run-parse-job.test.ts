import type { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveArticleBody } from "../article-doc/derive-body";
import { ClientGoneError, ValidationError } from "../errors";
import { startTsxParseWorker } from "../../test/parse-worker";
import { deriveArticleBodyOffThread } from "../article-doc/derive-body-off-thread";
import { runParseJob } from "./run-parse-job";
import { closeIdleWorkers, setParseWorkerStart } from "./worker-pool";

// Real worker threads running the real parsers (loaded through tsx, see test/parse-worker.ts);
// the start is only wrapped to see which workers were started and when they exit.
let started: Worker[];
let exited: Set<Worker>;

beforeEach(() => {
  started = [];
  exited = new Set();
  setParseWorkerStart(() => {
    const worker = startTsxParseWorker();
    started.push(worker);
    worker.on("exit", () => exited.add(worker));
    return worker;
  });
});

afterEach(async () => {
  await closeIdleWorkers();
  setParseWorkerStart(() => startTsxParseWorker());
});

const html = (body: string) => ({ body, bodyFormat: "html" as const, language: "zh-Hans" });
const markdown = (body: string) => ({ body, bodyFormat: "markdown" as const, language: null });
/** With the server's default parse time limit (PARSE_TIME_LIMIT_SECONDS, ten seconds) unless told otherwise. */
const offThread = (input: Parameters<typeof deriveArticleBodyOffThread>[0], limitMs = 10_000) => deriveArticleBodyOffThread(input, { limitMs });

const exitOf = (worker: Worker) => (exited.has(worker) ? Promise.resolve() : new Promise<void>((resolve) => worker.once("exit", () => resolve())));

const HTML_BODY = `<h2>预算</h2><p>部长说赤字将<strong>减半</strong>。</p><ul><li>第一点<li>第二点</ul><p><a href="https://example.com/r">报告</a><script>alert(1)</script></p>`;
const MARKDOWN_BODY = "## Budget\n\n> The minister said the deficit would be *halved*.\n\n- one\n  - two\n\nSee [the report](https://example.com/r).";

/** Large and legal: sanitizing and parsing it takes far longer than a few milliseconds. */
const LONG_HTML = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} <b>with</b> <i>marks</i> and <a href="https://example.com/${i}">a link</a>.</p>`).join("");

describe("parsing off the request thread", () => {
  it("derives a body and its language in a worker exactly as on this thread, and reuses the worker for the next body", async () => {
    expect(await offThread(html(HTML_BODY))).toEqual(deriveArticleBody(html(HTML_BODY)));
    const fromMarkdown = await offThread(markdown(MARKDOWN_BODY));
    expect(fromMarkdown).toEqual(deriveArticleBody(markdown(MARKDOWN_BODY)));
    expect(fromMarkdown.language).toBe("en");
    expect(started).toHaveLength(1);
  });

  it("refuses a body whose nesting shows at its start at once, on this thread, without waiting for a worker", async () => {
    await expect(offThread(markdown(`${">".repeat(100_000)} deep`))).rejects.toThrow(
      "This body nests quotes or lists more than 50 levels deep; Claimline reads Markdown nested at most 50 deep.",
    );
    await expect(offThread(html("<div>".repeat(200_000)))).rejects.toThrow(/^This body nests its elements more than 200 levels deep/);
    expect(started).toHaveLength(0);
  });

  it("refuses in the worker, before parsing, a body whose nesting starts past what this thread looks at", async () => {
    const error = await offThread(html(`${LONG_HTML}${"<div>".repeat(1_000)}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^This body nests its elements more than 200 levels deep/);
    expect((error as ValidationError).fields).toEqual({ body: "Nested more than 200 levels deep." });
    // A refusal is an answer: the worker stays for the next body.
    expect(started).toHaveLength(1);
    expect(exited.size).toBe(0);
  });

  it("brings typed errors back from the worker", async () => {
    // Raw HTML inside Markdown is only seen once marked has rendered it.
    const error = await offThread(markdown(`Intro\n\n${"<div>".repeat(1_000)}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/^This body nests its elements more than 200 levels deep/);
    expect((error as ValidationError).fields).toEqual({ body: "Nested more than 200 levels deep." });
  });

  it("stops a body that takes longer than its parse time limit (PARSE_TIME_LIMIT_SECONDS on the server) with a clear 422, terminating its worker mid-parse", async () => {
    await offThread(html(HTML_BODY)); // a warm worker, so the limit passes while it parses
    const error = await offThread(html(LONG_HTML), 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      "Claimline stopped reading this body after 0.05 seconds. Simplify its markup or paste it as plain text; if the server is busy, try again in a minute.",
    );
    expect(started).toHaveLength(1);
    await exitOf(started[0]!);
    // The next body gets a fresh worker.
    expect((await offThread(html(HTML_BODY))).bodyText).toContain("减半");
    expect(started).toHaveLength(2);
  });

  it("answers a clear 422 when a body needs more memory than the worker may use, and the server goes on", async () => {
    // The production limit is 1 GB (worker-pool.ts); this worker gets 24 MB, which the parse below needs many times over.
    setParseWorkerStart(() => {
      const worker = startTsxParseWorker({ maxOldGenerationSizeMb: 24 });
      started.push(worker);
      return worker;
    });
    // An ordinary body fits: the worker itself loads within the limit.
    expect((await offThread(html(HTML_BODY))).bodyText).toContain("减半");
    const error = await offThread(html(LONG_HTML)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe("This body needs more memory to read than Claimline allows. Simplify its markup or paste it as plain text.");
    expect((await offThread(html(HTML_BODY))).bodyText).toContain("减半");
    expect(started).toHaveLength(2);
  });

  it("stops the work when the client goes away, terminating its worker mid-parse", async () => {
    await offThread(html(HTML_BODY));
    const client = new AbortController();
    const job = runParseJob({ kind: "derive-body", body: LONG_HTML, format: "html", language: "en" }, { signal: client.signal, limitMs: 60_000, tooSlow: () => new Error("not this"), tooBig: () => new Error("not this") });
    setTimeout(() => client.abort(), 20);
    await expect(job).rejects.toBeInstanceOf(ClientGoneError);
    await exitOf(started[0]!);
    // A client already gone starts nothing.
    await expect(runParseJob({ kind: "derive-body", body: "x", format: "html", language: "en" }, { signal: client.signal, limitMs: 60_000, tooSlow: () => new Error("not this"), tooBig: () => new Error("not this") })).rejects.toBeInstanceOf(ClientGoneError);
    expect(started).toHaveLength(1);
  });
});
