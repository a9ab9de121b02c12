import type { CopyTiming } from "./copy-timing";
import type { FirstLoadJs } from "./first-load-js";
import type { FloorResult } from "./floor";
import type { SuggestTiming } from "./suggest-timing";
import type { DeskSummary } from "./generate";
import type { DownloadResult, HttpResult } from "./measure";
import type { BenchOptions } from "./options";
import type { BenchRoute } from "./routes";
import type { EngineRows } from "./postgres-rows";
import type { ScaleOutResult } from "./scale-out";

/** Everything one bench run measured: what results.json holds and results.md is written from. */
export interface ScaleResult {
  claims: number;
  desk: DeskSummary;
  databaseMb: number;
  routes: BenchRoute[];
  floor: Record<string, FloorResult>;
  /** The production server as it runs: reader cache on. */
  cached: Record<string, HttpResult>;
  /** The same server with READER_CACHE=0: every view is a first view. */
  uncached: Record<string, HttpResult>;
  /** Absent when the run measured PostgreSQL only (--engines postgres). */
  csv?: DownloadResult | { error: string };
  /** Serving at scale (issue 18): ceiling, 1 vs N processes, shared cache. Absent in runs before it. */
  scaleOut?: ScaleOutResult;
  /** db:copy of the desk each way (issue 19). Absent in runs before it. */
  copy?: CopyTiming[];
  /** The same reader rows on PostgreSQL, on db:copy's copy of the desk (issue 19); absent in runs before it or with --engines sqlite. */
  postgres?: EngineRows | { error: string };
}

export interface TargetRow {
  target: string;
  where: string;
  goal: string;
  measured: string;
  verdict: "pass" | "miss" | "not measured";
}

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; loadAverageAtStart: number[]; node: string };
  options: BenchOptions;
  firstLoadJs: FirstLoadJs;
  suggestions: SuggestTiming;
  scales: ScaleResult[];
  targets: TargetRow[];
}
