import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchArticleFromUrl } from "./fetch-article";
import { IntakeError } from "./intake-error";

// URL imports against pages served on 127.0.0.1: a page nested too deeply is refused before
// Readability sees it; a page that takes too long to extract is stopped (issue 14, item 5).

const nestedDivs = (depth: number) => `${"<div>".repeat(depth)}deep text${"</div>".repeat(depth)}`;
const DEEP_PAGE = `<!doctype html><html><head><title>Deep</title></head><body>${nestedDivs(5_000)}</body></html>`;
/** A legal page with a great deal in it: extracting it takes far longer than 50 ms. */
const LONG_PAGE = `<!doctype html><html><body><article>${Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} of a very long page, with <b>marks</b>.</p>`).join("")}</article></body></html>`;

/** Pages on 127.0.0.1, with the server's default parse time limit (PARSE_TIME_LIMIT_SECONDS, ten seconds). */
const local = { allowPrivateAddresses: true, parseLimitMs: 10_000 };

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(req.url === "/deep" ? DEEP_PAGE : req.url === "/deep-late" ? LONG_PAGE.replace("</article>", `${nestedDivs(5_000)}</article>`) : LONG_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function intakeError(promise: Promise<unknown>): Promise<IntakeError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}

describe("URL import limits", () => {
  it("refuses the 5,000-deep page that held the server for 16 minutes, as a 422 under the address", async () => {
    const error = await intakeError(fetchArticleFromUrl(`${base}/deep`, local));
    expect(error.code).toBe("too_complex");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^This page nests its elements more than 200 levels deep; Claimline reads at most 200\./);
    expect(error.fields.url).toBe(error.message);
  });

  it("stops extracting a page that takes longer than its parse time limit (PARSE_TIME_LIMIT_SECONDS on the server)", async () => {
    const error = await intakeError(fetchArticleFromUrl(`${base}/long`, { ...local, parseLimitMs: 50 }));
    expect(error.code).toBe("too_slow");
    expect(error.message).toBe("Claimline stopped reading the page from " + new URL(base).host + " after 50 ms; it is too complex to extract an article from.");
  });

  it("refuses in the worker a page whose nesting starts past what the request thread looks at", async () => {
    const error = await intakeError(fetchArticleFromUrl(`${base}/deep-late`, local));
    expect(error.code).toBe("too_complex");
  });

  it("starts nothing for a client that has already gone away", async () => {
    const gone = new AbortController();
    gone.abort();
    await expect(fetchArticleFromUrl(`${base}/long`, { ...local, signal: gone.signal })).rejects.toThrow("The request was cancelled");
  });
});
