// npm run db:seed — creates the env admin and seeds the demo into DATABASE_URL if not done yet.
import { bootstrap } from "../db/bootstrap";
import { closeDb } from "../db/client";

async function main() {
  const report = await bootstrap();
  await closeDb();
  console.log(report.demoSeeded ? "Demo data seeded." : "Demo data already present (or SEED_DEMO=0): nothing to do.");
  if (report.adminCreated) console.log(`Admin account created: ${report.adminCreated}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
