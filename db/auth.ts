import "server-only";
import { eq } from "drizzle-orm";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { resolveAuthSecret } from "./auth-secret";
import { getDb } from "./client";
import { account, session, user, verification } from "./schema";

function createAuth() {
  const port = process.env.PORT || "3000";
  return betterAuth({
    appName: "Claimline",
    baseURL: process.env.BETTER_AUTH_URL || `http://localhost:${port}`,
    trustedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    secret: resolveAuthSecret(),
    database: drizzleAdapter(getDb(), { provider: "sqlite", schema: { user, session, account, verification } }),
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
            const row = getDb().select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, newSession.userId)).get();
            return row && !row.deactivatedAt ? undefined : false;
          },
        },
      },
    },
    // nextCookies lets server actions set the session cookie.
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __claimlineAuth?: Auth };

/** The Better Auth instance, created on first use (after the database is open and migrated). */
export function getAuth(): Auth {
  holder.__claimlineAuth ??= createAuth();
  return holder.__claimlineAuth;
}
