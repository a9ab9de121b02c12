import "server-only";
import { createHash } from "node:crypto";
import type { CopyRow, CopyTable } from "./copy-engine";

/** A value as both engines must agree on it: Dates as ISO strings (millisecond precision on both engines). */
function canonicalValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return { base64: value.toString("base64") };
  return value;
}

/**
 * A digest of a table's rows in primary-key order: each row as the JSON of its values under
 * the sorted column names, after the engine mapped them to JS values. Equal digests on both
 * sides mean every value of every row arrived as the same JS value.
 */
export class TableDigest {
  private readonly hash = createHash("sha256");
  private readonly columns: string[];
  rows = 0;

  constructor(table: CopyTable) {
    this.columns = [...table.columns].sort();
    this.hash.update(`${JSON.stringify(this.columns)}\n`);
  }

  add(rows: CopyRow[]): void {
    for (const row of rows) {
      this.hash.update(`${JSON.stringify(this.columns.map((c) => canonicalValue(row[c])))}\n`);
      this.rows++;
    }
  }

  hex(): string {
    return this.hash.digest("hex");
  }
}
