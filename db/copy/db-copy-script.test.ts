import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDesk, sqliteContents, tempDir } from "../../test/desk-files";

/** `npm run db:copy` as people run it: its output and exit codes. */
let files: ReturnType<typeof tempDir>;
let demoFile: string;

beforeAll(async () => {
  files = tempDir();
  demoFile = path.join(files.dir, "demo.db");
  await seedDemoDesk(demoFile);
}, 60_000);

afterAll(() => files?.remove());

function dbCopy(...args: string[]) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return spawnSync(tsx, ["--conditions", "react-server", "scripts/db-copy.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });
}

describe("npm run db:copy", () => {
  it("copies, prints a line per table and the desk export check, and exits 0; a second run is refused with exit 1", () => {
    const target = path.join(files.dir, "copy.db");
    const copied = dbCopy("--from", `file:${demoFile}`, "--to", `file:${target}`);
    expect(copied.stderr).toBe("");
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/^claim\s+6\s+6\s+equal [0-9a-f]{12}$/m);
    expect(copied.stdout).toMatch(/Desk export \(db\/backup\/export-backup\.ts\): identical on both sides, \d+ bytes\./);
    expect(sqliteContents(target)).toBe(sqliteContents(demoFile));

    const again = dbCopy("--from", `file:${demoFile}`, "--to", `file:${target}`);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Copy failed: SQLite .*copy\.db is not empty/);
  }, 60_000);

  it("exits 2 with the usage on bad arguments", () => {
    const bad = dbCopy("--from", `file:${demoFile}`);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--to is missing");
    expect(bad.stderr).toContain("Usage: npm run db:copy -- --from <database url> --to <database url>");
  }, 60_000);
});
