// npm run db:copy -- --from <url> --to <url> — copies a whole desk into a new, empty database,
// SQLite or PostgreSQL either way, in one transaction on the target, and verifies it before
// committing (db/copy/copy-desk.ts). Exit code 0: copied and verified; 1: refused, failed or
// different (nothing written); 2: bad arguments.
// Run through tsx with `--conditions react-server`, so db/'s `import "server-only"` resolves
// to its empty module outside Next.
import { parseCopyArgs } from "../db/copy/copy-args";
import { CopyMismatchError, copyDesk } from "../db/copy/copy-desk";
import type { CopyEngine } from "../db/copy/copy-engine";
import { formatCopyReport } from "../db/copy/format-report";
import { openCopyEngine } from "../db/copy/open-engine";

async function main(): Promise<number> {
  let args;
  try {
    args = parseCopyArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const engines: CopyEngine[] = [];
  try {
    const source = await openCopyEngine(args.from, "source");
    engines.push(source);
    const target = await openCopyEngine(args.to, "target");
    engines.push(target);
    console.log(`Copying ${source.label} → ${target.label} in one transaction…`);
    const report = await copyDesk(source, target, (line) => console.log(line));
    console.log(formatCopyReport(report));
    console.log(`Copied and verified: ${target.label} now holds the desk.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyMismatchError) console.error(formatCopyReport(error.report));
    console.error(`Copy failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    for (const engine of engines) await engine.close();
  }
}

// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
main().then((code) => {
  process.exitCode = code;
});
