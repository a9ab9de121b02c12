import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTRY_POINTS } from "./entry-points";

const ROOT = path.resolve(__dirname, "../..");
const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Every server action and mutating route handler in app/, as registry ids. */
function discoveredEntryPoints(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(path.join(ROOT, "app"))) {
    const source = fs.readFileSync(file, "utf8");
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const exported = [...source.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(\w+)/gm)].map((m) => m[1]!);
    if (/^\s*["']use server["'];?/.test(source)) {
      for (const name of exported) found.push(`${relative}#${name}`);
    } else if (relative.endsWith("/route.ts")) {
      const route = `/${relative.slice("app/".length, -"/route.ts".length)}`;
      for (const name of exported.filter((n) => MUTATING_METHODS.includes(n))) found.push(`${name} ${route}`);
    }
  }
  return found.sort();
}

/** The mutations the data-access authorization matrix walks (its MUTATIONS entries). */
function mutationsInMatrix(): Set<string> {
  const matrix = fs.readFileSync(path.join(ROOT, "db/authorization.test.ts"), "utf8");
  return new Set([...matrix.matchAll(/\{\s*name: "(\w+)",/g)].map((m) => m[1]!));
}

describe("the registry of entry points that change data", () => {
  it("lists every server action and mutating route handler in app/, and nothing that is gone", () => {
    const registered = ENTRY_POINTS.map((e) => e.id).sort();
    const discovered = discoveredEntryPoints();
    expect(discovered.filter((id) => !registered.includes(id)), "add these to app/_lib/entry-points.ts").toEqual([]);
    expect(registered.filter((id) => !discovered.includes(id)), "these no longer exist").toEqual([]);
  });

  it("maps each non-public entry to a mutation the authorization matrix proves refuses anonymous, deactivated and wrong-role callers", () => {
    const matrix = mutationsInMatrix();
    expect(matrix.size).toBeGreaterThan(20);
    for (const entry of ENTRY_POINTS) {
      if ("public" in entry) {
        expect(entry.public.length, `${entry.id} must say why it is public`).toBeGreaterThan(20);
        continue;
      }
      expect(matrix.has(entry.mutation), `${entry.id}: ${entry.mutation} is not in db/authorization.test.ts`).toBe(true);
      // The entry really calls it (a rename would otherwise leave the registry stale).
      const [file] = entry.id.includes("#") ? [entry.id.split("#")[0]!] : [`app${entry.id.split(" ")[1]}/route.ts`];
      expect(fs.readFileSync(path.join(ROOT, file), "utf8"), `${entry.id} does not call ${entry.mutation}`).toMatch(new RegExp(`\\b${entry.mutation}\\b`));
    }
  });
});
