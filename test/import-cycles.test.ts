import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * No import circles (issue 19), type-only imports included: this test is the only check (ESLint's
 * import/no-cycle was tried and dropped, as it doubled the lint time and skips `import type`).
 * Following `import type` too keeps DTO types in type modules both sides import
 * (db/claims/public-claim-dto.ts) rather than in the module that imports the code filling them.
 * It reads the sources with TypeScript's own parser; dynamic import() is not followed.
 */

const ROOT = process.cwd();
const FOLDERS = ["db", "lib", "app", "components"];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".d.ts"))
    .map((name) => path.join(ROOT, folder, name));
}

/** The file an import names, for relative and @/ imports; null for packages. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const specifiers = source.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
  return specifiers.map((specifier) => resolveImport(file, specifier)).filter((target): target is string => target !== null);
}

/** Each circle found by a depth-first walk, as the files around it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports", () => {
  it("form no circle in db/, lib/, app/ or components/, type-only imports included", () => {
    const graph = new Map(FOLDERS.flatMap(sourceFiles).map((file) => [file, importsOf(file)] as const));
    expect(graph.size).toBeGreaterThan(300);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(ROOT, file)).join(" → "));
    expect(cycles).toEqual([]);
  });

  it("are seen by the walk: a circle is reported", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });
});
