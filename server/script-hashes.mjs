// @ts-check
import { createHash } from "node:crypto";

/**
 * A script policy that lets the same page bytes go to every reader (issue 18).
 *
 * Next renders each page with the request's nonce on its scripts (proxy.ts). A stored page
 * cannot keep a nonce: served twice, it would no longer be a number used once, and a shared
 * cache would hand it to everyone. So before a reader page is stored, its policy trades the
 * nonce for the SHA-256 hashes of exactly the inline scripts Next rendered with that nonce
 * (CSP Level 3 hash sources), and `'self'` for Next's own script files.
 *
 * An injected inline script has no hash in the list and does not run, as before. It cannot
 * borrow one either: only scripts that carried this render's nonce, which the page's content
 * could not know, are hashed. The nonce attributes stay in the bytes (React's payload names
 * them too); with no nonce source in the policy, they allow nothing.
 */

/**
 * The hash sources (`'sha256-…'`) of the inline scripts carrying `nonce`, in page order.
 * Script bodies are hashed as the browser does: their text, UTF-8 encoded.
 * @param {Buffer} body
 * @param {string} nonce
 */
export function inlineScriptHashes(body, nonce) {
  const html = body.toString("utf8");
  const tag = /<script\b([^>]*)>/gi;
  const nonceAttribute = `nonce="${nonce}"`;
  /** @type {string[]} */
  const hashes = [];
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const attributes = match[1] ?? "";
    const end = html.indexOf("</script", tag.lastIndex);
    if (end === -1) break;
    if (attributes.includes(nonceAttribute) && !/\bsrc\s*=/i.test(attributes)) {
      const source = `'sha256-${createHash("sha256").update(html.slice(tag.lastIndex, end), "utf8").digest("base64")}'`;
      if (!hashes.includes(source)) hashes.push(source);
    }
    tag.lastIndex = end;
  }
  return hashes;
}

/**
 * The page's policy with its script sources replaced: `'self'` and the hashes, no nonce and
 * no `'strict-dynamic'` (which would ignore `'self'`, and Next loads its chunks by inserting
 * script elements). Every other directive is kept as proxy.ts wrote it.
 * @param {string} policy
 * @param {readonly string[]} hashes
 */
export function policyWithHashes(policy, hashes) {
  return policy
    .split(";")
    .map((directive) => {
      const [name] = directive.trim().split(/\s+/);
      if (name !== "script-src") return directive.trim();
      return ["script-src", "'self'", ...hashes].join(" ");
    })
    .join("; ");
}
