/**
 * The SQLite floor of two checkouts, side by side in one run (issue 19: reads on SQLite may not
 * get more than 10 % slower through the engine split).
 *
 *   npx tsx --conditions react-server bench/floor-compare.ts --before ../floor-before [--claims 1000,100000] [--rounds 5] [--budget-ms 1500] [--clock wall|cpu] [--keep] [--write]
 *
 * Generates one desk per scale with this checkout's generator, once; then, each round, runs the
 * floor (bench/floor.ts, every route's data-access calls in-process) of the BEFORE checkout (A)
 * and of this one (B) in the order A B B A, each in a fresh child process with its cwd in that
 * checkout, so each side runs its own code and its own node_modules on the same desk, and drift
 * in the machine's load falls on both sides alike. Reports, per route, the median over rounds of
 * each side (a round's figure is the mean of its two runs), after/before, and the verdict against
 * the 10 % ceiling, then the same rows in markdown. With --write, the run (revisions, machine, method,
 * table, verdict) goes to bench/floor-compare.md, which `npm run bench` puts into results.md.
 * Exits 1 if a route is over.
 * `--clock cpu` times each call by the child's CPU time instead of the wall clock (see the child),
 * for a machine other work is loading.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../db/client";
import { DEFAULT_SEED, type DeskSummary, generateDesk } from "./generate";
import { median } from "./measure";
import { FLOOR_COMPARE_FILE } from "./report";
import { benchRoutes } from "./routes";

const CEILING = 1.1;
const SIDES = ["before", "after"] as const;
type Side = (typeof SIDES)[number];
/** A round's runs: before, after, after, before. */
const ROUND_ORDER: readonly Side[] = ["before", "after", "after", "before"];

interface CompareOptions {
  before: string;
  claims: number[];
  rounds: number;
  budgetMs: number;
  clock: "wall" | "cpu";
  keep: boolean;
  write: boolean;
}

interface RouteRow {
  claims: number;
  key: string;
  label: string;
  beforeMs: number;
  afterMs: number;
  ratio: number;
  roundRatios: number[];
}

const USAGE = "Usage: tsx --conditions react-server bench/floor-compare.ts --before <checkout> [--claims 1000,100000] [--rounds 5] [--budget-ms 1500] [--clock wall|cpu] [--keep] [--write]";

function parseArgs(argv: string[]): CompareOptions {
  const options: CompareOptions = { before: "", claims: [1_000, 100_000], rounds: 5, budgetMs: 1500, clock: "wall", keep: false, write: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value.`);
    const positive = (text: string) => {
      const n = Number(text.replace(/_/g, ""));
      return Number.isInteger(n) && n > 0 ? n : fail(`${flag} needs whole positive numbers.`);
    };
    if (flag === "--before") options.before = path.resolve(value());
    else if (flag === "--claims") options.claims = value().split(",").map(positive);
    else if (flag === "--rounds") options.rounds = positive(value());
    else if (flag === "--budget-ms") options.budgetMs = positive(value());
    else if (flag === "--clock") {
      const clock = value();
      options.clock = clock === "cpu" || clock === "wall" ? clock : fail("--clock is wall or cpu.");
    }
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--write") options.write = true;
    else fail(`Unknown option ${flag}.`);
  }
  if (!options.before) fail("--before is required.");
  if (!fs.existsSync(path.join(options.before, "bench", "floor.ts"))) fail(`${options.before} has no bench/floor.ts.`);
  return options;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function revision(checkout: string): string {
  const result = spawnSync("git", ["-C", checkout, "log", "-1", "--format=%h %s"], { encoding: "utf8" });
  return result.stdout.trim().slice(0, 100) || "(not a git checkout)";
}

/** Generates the desk with this checkout's code (the schema is the same on both sides) and returns where it and its summary are. */
function prepareDesk(claims: number, dir: string): { file: string; summaryFile: string; desk: DeskSummary } {
  const file = path.join(dir, "claimline.db");
  const db = openDatabase(`file:${file}`);
  const desk = generateDesk(db.$client, { claims, seed: DEFAULT_SEED });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const summaryFile = path.join(dir, "desk-summary.json");
  fs.writeFileSync(summaryFile, JSON.stringify(desk));
  return { file, summaryFile, desk };
}

/** One side's floor, in a fresh process in that checkout: { routeKey: medianMs }. */
function runFloor(checkout: string, deskFile: string, summaryFile: string, options: CompareOptions): Record<string, number> {
  const child = path.join(import.meta.dirname, "floor-compare-child.ts");
  const tsx = path.join(checkout, "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--conditions", "react-server", child, summaryFile, String(options.budgetMs)], {
    cwd: checkout,
    env: { ...process.env, DATABASE_URL: `file:${deskFile}`, DEBUG_SQL: "", FLOOR_CLOCK: options.clock },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`The floor in ${checkout} failed (${result.status ?? result.signal}):\n${result.stderr.slice(-2000)}`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as Record<string, number>;
}

function compareScale(claims: number, options: CompareOptions): RouteRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimline-floor-compare-${claims}-`));
  try {
    console.log(`\n== ${claims.toLocaleString("en")} claims ==`);
    const { file, summaryFile, desk } = prepareDesk(claims, dir);
    console.log(`Generated ${desk.articles} articles, ${desk.mentions} mentions, ${desk.events} events in ${(desk.generateMs / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB).`);
    const checkouts: Record<Side, string> = { before: options.before, after: process.cwd() };
    // perRound[side][route] = one figure per round (the mean of that round's two runs).
    const perRound: Record<Side, Record<string, number[]>> = { before: {}, after: {} };
    for (let round = 1; round <= options.rounds; round++) {
      const runs: Record<Side, Record<string, number>[]> = { before: [], after: [] };
      for (const side of ROUND_ORDER) runs[side].push(runFloor(checkouts[side], file, summaryFile, options));
      for (const side of SIDES) {
        for (const key of Object.keys(runs[side][0]!)) {
          const mean = runs[side].reduce((sum, r) => sum + r[key]!, 0) / runs[side].length;
          (perRound[side][key] ??= []).push(mean);
        }
      }
      console.log(`round ${round}/${options.rounds}: ${Object.keys(perRound.after).map((key) => `${key} ${perRound.before[key]!.at(-1)!.toFixed(2)}→${perRound.after[key]!.at(-1)!.toFixed(2)}`).join(", ")} (load ${os.loadavg()[0]!.toFixed(1)})`);
    }
    if (options.keep) console.log(`Kept the desk: ${file}`);
    return benchRoutes(desk)
      .filter((route) => perRound.after[route.key] && perRound.before[route.key])
      .map((route) => {
        const before = perRound.before[route.key]!;
        const after = perRound.after[route.key]!;
        const beforeMs = median(before);
        const afterMs = median(after);
        return { claims, key: route.key, label: route.label, beforeMs, afterMs, ratio: afterMs / beforeMs, roundRatios: after.map((a, i) => a / before[i]!) };
      });
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function verdict(ratio: number): string {
  const percent = Math.round((ratio - 1) * 1000) / 10;
  const change = percent > 0 ? `${percent} % slower` : percent < 0 ? `${-percent} % faster` : "same";
  return ratio <= CEILING ? `within 10 % (${change})` : `**over** (${change})`;
}

function markdown(rows: readonly RouteRow[]): string {
  const lines = ["| Claims | Route | Before, ms | After, ms | After / before | Rounds' after / before | Verdict |", "| ---: | --- | ---: | ---: | ---: | --- | --- |"];
  for (const row of rows) {
    const spread = `${Math.min(...row.roundRatios).toFixed(2)}–${Math.max(...row.roundRatios).toFixed(2)}`;
    lines.push(`| ${row.claims.toLocaleString("en")} | ${row.label} | ${row.beforeMs.toFixed(2)} | ${row.afterMs.toFixed(2)} | ${row.ratio.toFixed(2)} | ${spread} | ${verdict(row.ratio)} |`);
  }
  return lines.join("\n");
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" / ");

function overallVerdict(rows: readonly RouteRow[]): string {
  const over = rows.filter((row) => row.ratio > CEILING);
  if (over.length === 0) return "**Every route is within 10 % of before.**";
  return `**${over.length} of ${rows.length} routes over 10 %:** ${over.map((row) => `${row.label} at ${row.claims.toLocaleString("en")} claims (${row.ratio.toFixed(2)} ×)`).join(", ")}.`;
}

/** The run as bench/report.ts puts it into results.md: what was compared, on what, how, and the rows. */
function writeRun(options: CompareOptions, rows: readonly RouteRow[], loadAtStart: string): void {
  const text = `Generated by \`bench/floor-compare.ts\` on ${new Date().toISOString()}. **Before** \`${revision(options.before)}\`; **after** \`${revision(process.cwd())}\`. ${os.cpus().length} cores, load average ${loadAtStart} at the start and ${loadAverage()} at the end.

Both sides measure the same generated desk (seed ${DEFAULT_SEED}) with their own \`bench/floor.ts\` (each route's data-access calls in-process, ${options.budgetMs} ms per route and run, median per call, ${options.clock} clock), each run in a fresh process in its own checkout. Each of ${options.rounds} rounds runs before, after, after, before; a side's round figure is the mean of its two runs, and the table gives the median over rounds and the spread of the rounds' ratios.

${markdown(rows)}

${overallVerdict(rows)}
`;
  fs.writeFileSync(FLOOR_COMPARE_FILE, text);
  console.log(`\nWrote ${FLOOR_COMPARE_FILE}; \`npm run bench -- --rewrite\` puts it into results.md.`);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const loadAtStart = loadAverage();
  console.log(`Before: ${options.before} (${revision(options.before)})`);
  console.log(`After:  ${process.cwd()} (${revision(process.cwd())})`);
  console.log(`${os.cpus().length} cores, load average ${loadAtStart}; ${options.rounds} rounds of A B B A, ${options.budgetMs} ms per route and run, ${options.clock} clock.`);
  const rows = options.claims.flatMap((claims) => compareScale(claims, options));
  console.log("");
  for (const row of rows) console.log(`${String(row.claims).padStart(6)} ${row.label.padEnd(36)} ${row.beforeMs.toFixed(2).padStart(8)} → ${row.afterMs.toFixed(2).padStart(8)} ms  ${row.ratio.toFixed(2)} ×  ${verdict(row.ratio)}`);
  console.log(`\nLoad average at the end: ${loadAverage()}\n`);
  console.log(markdown(rows));
  console.log(`\n${overallVerdict(rows)}`);
  if (options.write) writeRun(options, rows, loadAtStart);
  if (rows.some((row) => row.ratio > CEILING)) process.exitCode = 1;
}

main();
