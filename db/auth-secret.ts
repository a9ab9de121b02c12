import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFilename, DEFAULT_DATABASE_URL } from "./client";
import { engineOfUrl } from "./engine-kind";

/**
 * The secret that signs session cookies. BETTER_AUTH_SECRET wins; otherwise one is generated
 * on first start and kept beside the database (in the git-ignored data folder, mode 0600),
 * so sessions survive restarts without anyone having to invent a secret. Never logged.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters.");
    return fromEnv;
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (engineOfUrl(url) === "postgres") {
    // No data folder beside a PostgreSQL database, and several app nodes must sign alike: the
    // secret is configuration. Tests (each on a throwaway database) take a fresh one.
    if (process.env.NODE_ENV === "test") return randomBytes(32).toString("base64url");
    throw new Error("On PostgreSQL, set BETTER_AUTH_SECRET (at least 32 characters, the same on every app node): there is no data folder to keep a generated one in.");
  }
  const filename = databaseFilename(url);
  if (filename === ":memory:") return randomBytes(32).toString("base64url");
  const secretFile = path.join(path.dirname(filename), ".auth-secret");
  try {
    return fs.readFileSync(secretFile, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    try {
      // "wx" fails if another process created it first; then we read theirs.
      fs.writeFileSync(secretFile, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(secretFile, "utf8").trim();
    }
  }
}
