import "server-only";
import { createHash } from "node:crypto";
import type { CopyEngine, CopyReader, CopyTable } from "./copy-engine";
import { TableDigest } from "./row-digest";
import { foreignKeyOrder } from "./table-order";

/**
 * Tables that hold what a new database starts with (the default status scale, the change
 * counter and its first cache tag) or what an app start writes before anyone enters anything
 * (settings such as the feed id authority, the data migrations it ran, sign-in throttles, the
 * reader figures the triggers keep). Rows there do not make a target "in use": the copy
 * replaces them with the source's rows, inside the same transaction. A row in any other table
 * (a user, an article, a session…) does, and the copy is refused.
 */
export const REPLACED_ON_COPY: ReadonlySet<string> = new Set([
  "status",
  "app_setting",
  "data_migration",
  "change_counter",
  "cache_tag_change",
  "reader_status_count",
  "reader_status_month",
  "rate_limit",
]);

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceDigest: string;
  targetDigest: string;
}

export interface CopyReport {
  tables: TableReport[];
  /** "identical": the desk exports of both sides are the same bytes; "not-compared": the export is too large for one JavaScript string. */
  deskExport: { result: "identical" | "different" | "not-compared"; bytes?: number; reason?: "too large" };
}

export const tableMatches = (t: TableReport) => t.sourceRows === t.targetRows && t.sourceDigest === t.targetDigest;
export const copyVerified = (r: CopyReport) => r.tables.every(tableMatches) && r.deskExport.result !== "different";

/** The target is not empty: nothing was written. */
export class TargetInUseError extends Error {}

/** The copy arrived different from its source: it was rolled back. The report says where. */
export class CopyMismatchError extends Error {
  constructor(readonly report: CopyReport) {
    super("The copy differs from its source (see the table above): it was rolled back, the target is as it was.");
  }
}

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const batchSizeFor = (table: CopyTable) => Math.max(1, Math.min(500, Math.floor(30_000 / table.columns.length)));

async function digestOf(db: CopyReader, table: CopyTable): Promise<TableDigest> {
  const digest = new TableDigest(table);
  for await (const rows of db.readBatches(table.name, batchSizeFor(table))) digest.add(rows);
  return digest;
}

/**
 * The desk export of both sides, compared by the SHA-256 of its bytes (one side's text is let go
 * before the other's is made). An export too large for one JavaScript string (beyond ~500 MB,
 * about 80,000 claims) cannot be made by the app either: the counts and digests, which cover
 * every column of every table the export holds, stand alone then, and the report says so.
 */
async function compareDeskExports(from: CopyReader, to: CopyReader): Promise<CopyReport["deskExport"]> {
  try {
    const exported = await from.deskExport();
    const bytes = Buffer.byteLength(exported);
    const sourceHash = createHash("sha256").update(exported).digest("hex");
    const copied = await to.deskExport();
    return { result: createHash("sha256").update(copied).digest("hex") === sourceHash ? "identical" : "different", bytes };
  } catch (error) {
    // Only a string past V8's length limit means "too large"; any other RangeError is a fault to report.
    if (error instanceof RangeError && /Invalid string length/.test(error.message)) return { result: "not-compared", reason: "too large" };
    throw error;
  }
}

function assertSameTables(source: CopyEngine, target: CopyEngine): void {
  const names = (e: CopyEngine) => new Set(e.tables.map((t) => t.name));
  const missing = [...names(source)].filter((n) => !names(target).has(n));
  const extra = [...names(target)].filter((n) => !names(source).has(n));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `${source.label} and ${target.label} declare different tables (only in the source: ${missing.join(", ") || "none"}; only in the target: ${extra.join(", ") || "none"}).`,
    );
  }
}

/**
 * Copies every table of the desk at `source` into the empty database at `target`, in one
 * transaction on the target with its triggers off, then verifies inside that transaction,
 * before committing: the same row count and the same digest of the rows' values in every
 * table, and the same desk export byte for byte (unless it is too large for one string). Any
 * difference or error rolls everything back.
 */
export async function copyDesk(source: CopyEngine, target: CopyEngine, log: (line: string) => void = () => {}): Promise<CopyReport> {
  assertSameTables(source, target);
  const order = foreignKeyOrder(target.tables);
  return source.readSnapshot((from) =>
    target.writeTransaction(async (to) => {
      const inUse: string[] = [];
      for (const table of order) {
        if (REPLACED_ON_COPY.has(table.name)) continue;
        const rows = await to.count(table.name);
        if (rows > 0) inUse.push(`${table.name} (${rows})`);
      }
      if (inUse.length > 0) {
        throw new TargetInUseError(`${target.label} is not empty: it has rows in ${inUse.join(", ")}. Copy into a new, empty database; nothing was written.`);
      }
      for (const table of [...order].reverse()) if (REPLACED_ON_COPY.has(table.name)) await to.deleteAll(table.name);

      const sourceTables = new Map(source.tables.map((t) => [t.name, t]));
      const sourceDigests = new Map<string, TableDigest>();
      for (const table of order) {
        const digest = new TableDigest(sourceTables.get(table.name)!);
        for await (const rows of from.readBatches(table.name, batchSizeFor(table))) {
          digest.add(rows);
          await to.insert(table.name, rows);
        }
        sourceDigests.set(table.name, digest);
        log(`copied ${table.name}: ${digest.rows} row(s)`);
      }
      await to.finishCopy(await from.idCounters());

      const tables: TableReport[] = [];
      const targetTables = new Map(target.tables.map((t) => [t.name, t]));
      for (const table of order) {
        const sourceDigest = sourceDigests.get(table.name)!;
        const targetDigest = await digestOf(to, targetTables.get(table.name)!);
        tables.push({
          table: table.name,
          sourceRows: await from.count(table.name),
          targetRows: await to.count(table.name),
          sourceDigest: sourceDigest.hex(),
          targetDigest: targetDigest.hex(),
        });
      }
      const report: CopyReport = { tables, deskExport: await compareDeskExports(from, to) };
      if (!copyVerified(report)) throw new CopyMismatchError(report);
      return report;
    }),
  );
}
