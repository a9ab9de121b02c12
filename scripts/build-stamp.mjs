// A fingerprint of everything that goes into `next build`, so `npm start` and the e2e run
// rebuild only when the sources changed since the last build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "db", "lib", "messages", "i18n", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next", "data"]);
export const STAMP_FILE = path.join(".next", "claimline-build-stamp");

function walk(entry, hash) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) {
      if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(path.join(entry, name), hash);
    }
    return;
  }
  hash.update(entry);
  hash.update(fs.readFileSync(entry));
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

export function buildIsCurrent() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(STAMP_FILE)) return false;
  return fs.readFileSync(STAMP_FILE, "utf8").trim() === sourceFingerprint();
}

export function writeStamp() {
  fs.writeFileSync(STAMP_FILE, sourceFingerprint());
}
