import "server-only";
import { eq } from "drizzle-orm";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { CLIENT_ADDRESS_HEADER } from "../server/client-address.mjs";
import { resolveAuthSecret } from "./auth-secret";
import { getDb } from "./client";
import { account, session, user, verification } from "./schema";
import { settings } from "./settings";
import { ON_POSTGRES } from "./sql-dialect";
import { requestedOrigin, siteOrigin, siteUrl } from "./site-url";
import { firstRow } from "./rows";

function createAuth() {
  return betterAuth({
    appName: "Claimline",
    baseURL: settings().BETTER_AUTH_URL ?? siteUrl(),
    // The same notion of "this site" as every other same-origin check (db/site-url.ts).
    trustedOrigins: (request) => [siteOrigin(), request ? requestedOrigin(request.headers) : null],
    // Only app/api/auth/[...all]/route.ts reaches Better Auth over HTTP, and it opens just
    // sign-in (throttled in the database by db/sign-in), sign-out and the session read, so
    // Better Auth's own in-memory limiter has nothing left to guard.
    rateLimit: { enabled: false },
    // A refused sign-in (wrong password, deactivated account) is a user's mistake, not a server
    // fault: Better Auth logs it at warn or, for a deactivated account's refused session, at
    // error. Only real errors are logged, and those refusals are not.
    logger: { level: "error", log: logBetterAuthError },
    advanced: {
      // Sessions record the address server/client-address.mjs established, never a header a client chose.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    secret: resolveAuthSecret(),
    database: drizzleAdapter(getDb(), { provider: ON_POSTGRES ? "pg" : "sqlite", schema: { user, session, account, verification } }),
    // Accounts are created by an admin (or /setup), never by public sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "editor" },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot start a session.
          before: async (newSession) => {
            const row = await firstRow(getDb().select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, newSession.userId)));
            return row && !row.deactivatedAt ? undefined : false;
          },
        },
      },
    },
    // nextCookies lets server actions set the session cookie.
    plugins: [nextCookies()],
  });
}

const EXPECTED_REFUSALS = new Set(["Failed to create session"]);

function logBetterAuthError(level: string, message: string, ...details: unknown[]): void {
  if (level !== "error" || EXPECTED_REFUSALS.has(message)) return;
  console.error(`[Better Auth] ${message}`, ...details);
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __claimlineAuth?: Auth };

/** The Better Auth instance, created on first use (after the database is open and migrated). */
export function getAuth(): Auth {
  holder.__claimlineAuth ??= createAuth();
  return holder.__claimlineAuth;
}
