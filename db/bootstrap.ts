import "server-only";
import { newUserInput } from "../lib/validation";
import { getDb, prepareDatabase } from "./client";
import { runDataMigrations } from "./data-migrations/run-data-migrations";
import { feedIdAuthority } from "./feeds/feed-id-authority";
import { seedDemo } from "./seed/seed-demo";
import { ensureAdminFromEnv } from "./users/first-admin";

export interface BootstrapReport {
  adminCreated: string | null;
  demoSeeded: boolean;
}

/**
 * Everything a start needs, idempotent: open and migrate the database (then run the data
 * migrations not yet run, before any request or the demo seed reads an article), fix the feed id
 * authority on the first start, create the admin from ADMIN_EMAIL/ADMIN_PASSWORD if given,
 * seed the demo unless SEED_DEMO=0.
 */
export async function bootstrap(env: Record<string, string | undefined> = process.env): Promise<BootstrapReport> {
  await prepareDatabase();
  const ran = await runDataMigrations(getDb());
  if (ran.length > 0) console.log(`Claimline: ran data migrations ${ran.join(", ")}`);
  // Fixed now, from the public URL of this first start, so the feeds' ids never depend on the
  // host a later start is given. A URL that cannot name one fails the feeds with a message
  // naming FEED_ID_AUTHORITY, as a bad setting fails the requests that need it, not the start.
  try {
    await feedIdAuthority();
  } catch (error) {
    console.warn(error instanceof Error ? error.message : String(error));
  }
  let adminCreated: string | null = null;
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const parsed = newUserInput.pick({ email: true, password: true }).safeParse({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `ADMIN_${String(i.path[0]).toUpperCase()}: ${i.message}`);
      throw new Error(`Cannot create the admin account. ${problems.join(" ")}`);
    }
    const admin = await ensureAdminFromEnv(parsed.data.email, parsed.data.password);
    adminCreated = admin?.email ?? null;
  }
  const demoSeeded = env.SEED_DEMO === "0" || env.SEED_DEMO === "false" ? false : await seedDemo();
  return { adminCreated, demoSeeded };
}
