/** The bench's command line: `npm run bench -- --scale 1000 --duration 2`. */
export interface BenchOptions {
  scales: number[];
  durationSeconds: number;
  connections: number;
  csvRuns: number;
  floorBudgetMs: number;
  seed: number;
  outDir: string;
  keepDatabases: boolean;
  /** Only write results.md again from results.json (after editing bench/findings.md). */
  rewriteOnly: boolean;
  /** The engines whose reader rows are measured (issue 19); db:copy's rows run either way. */
  engines: BenchEngine[];
}

export type BenchEngine = "sqlite" | "postgres";
const ENGINES: readonly BenchEngine[] = ["sqlite", "postgres"];

export const DEFAULT_SCALES = [1_000, 10_000, 100_000];

const USAGE = `Usage: npm run bench -- [--scale N]... [--engines sqlite,postgres] [--duration S] [--connections C] [--csv-runs N] [--seed N] [--out DIR] [--keep]
  --scale N        claims in the generated desk; repeat or comma-separate (default ${DEFAULT_SCALES.join(",")})
  --duration S     seconds per autocannon run; each route has a latency run and a throughput run (default 5)
  --connections C  concurrent connections of the throughput run (default 8)
  --csv-runs N     timed downloads of the whole-desk CSV (default 2)
  --seed N         seed of the generated desk (default fixed, so runs compare)
  --out DIR        where results.json and results.md go (default bench/)
  --engines E,…    the engines whose reader routes, floor and CSV export are measured: sqlite, postgres (default both);
                   PostgreSQL runs on a copy of the generated desk (db:copy) in a throwaway cluster
  --keep           keep the generated databases (their paths are printed)
  --rewrite        measure nothing: write results.md again from results.json (after editing bench/findings.md)`;

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { scales: [], durationSeconds: 5, connections: 8, csvRuns: 2, floorBudgetMs: 1500, seed: 20250805, outDir: "bench", keepDatabases: false, rewriteOnly: false, engines: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value.`);
    const number = () => {
      const n = Number(value().replace(/_/g, ""));
      return Number.isFinite(n) && n > 0 ? n : fail(`${flag} needs a positive number.`);
    };
    if (flag === "--scale") options.scales.push(...value().split(",").map((v) => Number(v.replace(/[_k]/g, (c) => (c === "k" ? "000" : "")))));
    else if (flag === "--duration") options.durationSeconds = number();
    else if (flag === "--connections") options.connections = Math.round(number());
    else if (flag === "--csv-runs") options.csvRuns = Math.round(number());
    else if (flag === "--seed") options.seed = Math.round(number());
    else if (flag === "--out") options.outDir = value();
    else if (flag === "--engines") options.engines.push(...value().split(",").map((v) => (ENGINES.includes(v.trim() as BenchEngine) ? (v.trim() as BenchEngine) : fail(`--engines takes ${ENGINES.join(", ")}; not ${v}.`))));
    else if (flag === "--keep") options.keepDatabases = true;
    else if (flag === "--rewrite") options.rewriteOnly = true;
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown option ${flag}.`);
  }
  if (options.scales.some((n) => !Number.isInteger(n) || n < 20)) fail("--scale takes whole numbers of claims, at least 20.");
  if (options.scales.length === 0) options.scales = [...DEFAULT_SCALES];
  options.scales = [...new Set(options.scales)].sort((a, b) => a - b);
  options.engines = options.engines.length === 0 ? [...ENGINES] : ENGINES.filter((e) => options.engines.includes(e));
  return options;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
