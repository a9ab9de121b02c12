// Builds the production app unless the last build is of the current sources.
import { spawnSync } from "node:child_process";
import { buildIsCurrent, writeStamp } from "./build-stamp.mjs";

export function ensureBuild() {
  if (buildIsCurrent()) {
    console.log("Claimline: production build is up to date.");
    return;
  }
  console.log("Claimline: building the production app (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error("Claimline: next build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  writeStamp();
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
