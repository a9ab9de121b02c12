/**
 * Runs once when the server starts: migrate the database, create the admin from the
 * environment, seed the demo into an empty database. Only in the Node.js runtime, and not
 * while `next build` prerenders (the build must not touch the production database).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Bad PDF limits stop the start with a message naming them, rather than failing the first PDF.
  const { pdfSettings } = await import("./app/_lib/report-pdf");
  pdfSettings();
  const { bootstrap } = await import("./db/bootstrap");
  const report = await bootstrap();
  if (report.adminCreated) console.log(`Claimline: created admin account ${report.adminCreated}`);
  if (report.demoSeeded) console.log("Claimline: seeded the demo article (set SEED_DEMO=0 to skip)");
}
