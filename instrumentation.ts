/**
 * Runs once when the server starts: migrate the database, create the admin from the
 * environment, seed the demo into an empty database. Only in the Node.js runtime, and not
 * while `next build` prerenders (the build must not touch the production database).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Bad settings stop the server with a message naming them (as server/serve.mjs does for its
  // own), rather than failing every request that needs them. Next only logs an error thrown here and serves on.
  const { pdfSettings } = await import("./app/_lib/report-pdf");
  const { settings } = await import("./db/settings");
  try {
    settings();
    pdfSettings();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const { bootstrap } = await import("./db/bootstrap");
  const report = await bootstrap();
  if (report.adminCreated) console.log(`Claimline: created admin account ${report.adminCreated}`);
  if (report.demoSeeded) console.log("Claimline: seeded the demo article (set SEED_DEMO=0 to skip)");
  // Only now may the page cache (server/serve.mjs) keep pages: it can read the change counter
  // and ask for a page's cache tags.
  const { publishChangeCount } = await import("./db/change-counter");
  const { publishCacheTags } = await import("./db/cache-tags");
  publishChangeCount();
  publishCacheTags();
}
