/**
 * The two validators e2e/html-validity.spec.ts runs: the Nu HTML Checker (vnu.jar, from the
 * vnu-jar dev dependency, on Debian's Java) over pages, and jing over Atom feeds with RFC 4287's
 * RELAX NG schema. Each runs once over all its documents, because a JVM takes seconds to start.
 * A missing tool fails with one line saying what to install: a check that quietly did not run
 * would look like a pass.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export interface Document {
  /** What the failure text calls it: the page's path, or a name for it. */
  name: string;
  body: string;
}

export interface Finding {
  document: string;
  line: number;
  column: number;
  message: string;
  /** The markup around it, as the checker quotes it (pages are one long line). */
  extract: string;
}

export interface HtmlReport {
  errors: Finding[];
  warnings: Finding[];
}

const ATOM_SCHEMA = path.join(__dirname, "..", "test", "schemas", "atom.rnc");

/** Throws, with what to install, unless `command` runs. */
function requireTool(command: string, args: string[], install: string) {
  const probe = spawnSync(command, args, { encoding: "utf8" });
  if (probe.error) throw new Error(`${command} is not installed: ${install}`);
}

/** Throws, with what to install, unless Java, vnu.jar and jing are all there: called first, so a missing one fails at once. */
export function requireValidators() {
  requireJava();
  vnuJar();
  requireJing();
}

function requireJava() {
  requireTool("java", ["-version"], "apt-get install default-jre-headless (the Nu HTML Checker runs on Java)");
}

function requireJing() {
  requireTool("jing", [], "apt-get install jing (it validates the Atom feeds against RFC 4287's schema)");
}

function vnuJar(): string {
  let jar: string;
  try {
    // vnu-jar exports its path as a String object (it carries a `vnu` helper too): made a string here.
    jar = String(createRequire(__filename)("vnu-jar"));
  } catch {
    throw new Error("The Nu HTML Checker is missing: npm install (vnu-jar is a dev dependency)");
  }
  if (!fs.existsSync(jar)) throw new Error(`The Nu HTML Checker is missing (no ${jar}): npm install (vnu-jar is a dev dependency)`);
  return jar;
}

/** Writes each document to its own file in a fresh directory; returns the files, in order. */
function writeDocuments(documents: Document[], extension: string): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-validate-"));
  const files = documents.map((document, i) => {
    const file = path.join(dir, `${String(i).padStart(3, "0")}.${extension}`);
    fs.writeFileSync(file, document.body);
    return file;
  });
  return { dir, files };
}

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Checks every page as HTML, in one run of the Nu HTML Checker. Its plain "info" notes are left out. */
export function checkHtml(pages: Document[]): HtmlReport {
  requireJava();
  const jar = vnuJar();
  const { dir, files } = writeDocuments(pages, "html");
  try {
    // --stdout: the JSON report on stdout. The exit status only says whether there were errors.
    const run = spawnSync("java", ["-jar", jar, "--format", "json", "--stdout", ...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    let report: { messages: VnuMessage[] };
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`The Nu HTML Checker gave no report (exit ${run.status}): ${run.stderr.trim().split("\n")[0]}`);
    }
    const byFile = new Map(files.map((file, i) => [`file:${file}`, pages[i]!.name]));
    const finding = (m: VnuMessage): Finding => ({
      document: (m.url && byFile.get(m.url)) ?? m.url ?? "(no document)",
      line: m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
      extract: (m.extract ?? "").replace(/\s+/g, " ").trim(),
    });
    return {
      errors: report.messages.filter((m) => m.type !== "info").map(finding),
      warnings: report.messages.filter((m) => m.type === "info" && m.subType === "warning").map(finding),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates every feed against RFC 4287's RELAX NG schema, in one run of jing. */
export function checkAtom(feeds: Document[]): Finding[] {
  requireJing();
  const { dir, files } = writeDocuments(feeds, "atom");
  try {
    // -c: the schema is in RELAX NG's compact syntax, as the RFC gives it.
    const run = spawnSync("jing", ["-c", ATOM_SCHEMA, ...files], { encoding: "utf8" });
    const names = new Map(files.map((file, i) => [file, feeds[i]!.name]));
    // One line per error: "<file>:<line>:<column>: error: <message>". Debian's wrapper also
    // prints "[warning] /usr/bin/jing: Unable to locate …" on stderr for optional jars.
    const findings = run.stdout
      .split("\n")
      .map((line) => /^(.*?):(\d+):(\d+): (?:error|fatal): (.*)$/.exec(line))
      .filter((match) => match !== null)
      .map(([, file, line, column, message]) => ({ document: names.get(file!) ?? file!, line: Number(line), column: Number(column), message: message!, extract: "" }));
    if (run.status !== 0 && findings.length === 0) throw new Error(`jing failed (exit ${run.status}) without naming an error: ${(run.stdout + run.stderr).trim().split("\n").slice(-1)[0]}`);
    return findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per finding, for a failure's text. */
export function listFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.document} ${f.line}:${f.column}: ${f.message}${f.extract ? `\n    ${f.extract.slice(0, 200)}` : ""}`).join("\n");
}
