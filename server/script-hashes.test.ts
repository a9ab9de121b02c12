import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, policyWithHashes } from "./script-hashes.mjs";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("a stored page's script policy", () => {
  const nonce = "cmVuZGVyLW5vbmNl";
  const page = Buffer.from(
    [
      `<html><head><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script>`,
      `<script nonce="${nonce}" id="_R_">(globalThis.TURBOPACK ||= []).push(1)</script></head><body>`,
      `<p>新能源汽车 &lt;script&gt;alert(1)&lt;/script&gt;</p>`,
      // Injected markup that got past everything else: no nonce, or a guessed one.
      `<script>alert("injected")</script><script nonce="guess">alert("guessed")</script>`,
      `<script type="application/ld+json">{"@type":"ClaimReview"}</script>`,
      `<script nonce="${nonce}">self.__next_f.push([1,"新能源 \\u003c/script>"])</script>`,
      `</body></html>`,
    ].join(""),
  );

  it("hashes exactly the inline scripts that carried the render's nonce, as UTF-8 text", () => {
    expect(inlineScriptHashes(page, nonce)).toEqual([sha("(globalThis.TURBOPACK ||= []).push(1)"), sha(`self.__next_f.push([1,"新能源 \\u003c/script>"])`)]);
  });

  it("allows 'self' and those hashes for scripts, and keeps every other directive", () => {
    const policy = `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`;
    const hashes = inlineScriptHashes(page, nonce);
    expect(policyWithHashes(policy, hashes)).toBe(`default-src 'self'; script-src 'self' ${hashes.join(" ")}; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`);
  });
});
