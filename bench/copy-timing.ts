/**
 * db:copy of the generated desk (issue 19): SQLite → SQLite, SQLite → PostgreSQL and back, each
 * timed from opening the engines to the verified commit, as `npm run db:copy` runs it. The
 * PostgreSQL rows run on a throwaway cluster started here (the tests' helper), and are recorded
 * as an error when PostgreSQL's server binaries are not installed.
 */
import fs from "node:fs";
import path from "node:path";
import { copyDesk } from "../db/copy/copy-desk";
import { locateDesk } from "../db/copy/database-url";
import { openCopyEngine } from "../db/copy/open-engine";
import { type PostgresCluster, startPostgres } from "../test/postgres/cluster";

export type CopyDirection = "sqlite-sqlite" | "sqlite-postgres" | "postgres-sqlite";

export const COPY_DIRECTIONS: Record<CopyDirection, string> = {
  "sqlite-sqlite": "SQLite → SQLite",
  "sqlite-postgres": "SQLite → PostgreSQL",
  "postgres-sqlite": "PostgreSQL → SQLite",
};

export type CopyTiming = { direction: CopyDirection; seconds: number; rows: number; rowsPerSecond: number; deskExport: string } | { direction: CopyDirection; error: string };

async function timeCopy(direction: CopyDirection, from: string, to: string): Promise<CopyTiming> {
  const started = performance.now();
  try {
    const source = await openCopyEngine(locateDesk(from), "source");
    try {
      const target = await openCopyEngine(locateDesk(to), "target");
      try {
        const report = await copyDesk(source, target);
        const seconds = (performance.now() - started) / 1000;
        const rows = report.tables.reduce((sum, t) => sum + t.sourceRows, 0);
        return { direction, seconds, rows, rowsPerSecond: rows / seconds, deskExport: report.deskExport.result };
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  } catch (error) {
    return { direction, error: error instanceof Error ? error.message : String(error) };
  }
}

function logged(timing: CopyTiming): CopyTiming {
  const label = COPY_DIRECTIONS[timing.direction];
  if ("error" in timing) console.log(`db:copy ${label} failed: ${timing.error.slice(0, 300)}`);
  else console.log(`db:copy ${label}: ${timing.rows.toLocaleString("en")} rows in ${timing.seconds.toFixed(1)} s (${Math.round(timing.rowsPerSecond).toLocaleString("en")} rows/s).`);
  return timing;
}

/**
 * Copies the desk at `file` each way, into new databases under `dir` and into `database` on the
 * run's cluster (or records why there is none). The PostgreSQL copy is left in place: the
 * PostgreSQL reader rows are measured on it. Returns its URL when that copy succeeded.
 */
export async function measureCopies(file: string, dir: string, cluster: PostgresCluster | { error: string }, database: string): Promise<{ timings: CopyTiming[]; postgresDesk?: string }> {
  const timings: CopyTiming[] = [];
  timings.push(logged(await timeCopy("sqlite-sqlite", `file:${file}`, `file:${path.join(dir, "copy.db")}`)));
  fs.rmSync(path.join(dir, "copy.db"), { force: true });
  let postgresDesk: string | undefined;
  try {
    if ("error" in cluster) throw new Error(cluster.error);
    const desk = await cluster.createDatabase(database);
    timings.push(logged(await timeCopy("sqlite-postgres", `file:${file}`, desk)));
    if (!("error" in timings.at(-1)!)) {
      postgresDesk = desk;
      timings.push(logged(await timeCopy("postgres-sqlite", desk, `file:${path.join(dir, "back.db")}`)));
    }
  } catch (error) {
    const message = `no PostgreSQL cluster: ${error instanceof Error ? error.message : String(error)}`;
    for (const direction of ["sqlite-postgres", "postgres-sqlite"] as const) if (!timings.some((t) => t.direction === direction)) timings.push(logged({ direction, error: message }));
  } finally {
    fs.rmSync(path.join(dir, "back.db"), { force: true });
  }
  return { timings, postgresDesk };
}

/** The run's one cluster (db:copy's target and the PostgreSQL rows' server), or why there is none. */
export async function startBenchCluster(): Promise<PostgresCluster | { error: string }> {
  try {
    return await startPostgres();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
