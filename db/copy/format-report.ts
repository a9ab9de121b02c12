import "server-only";
import { type CopyReport, tableMatches } from "./copy-desk";

/** The per-table summary the script prints: rows on each side and whether the row digests agree. */
export function formatCopyReport(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  const lines = [`${"table".padEnd(width)}  ${"source".padStart(8)}  ${"target".padStart(8)}  rows' digest`];
  for (const t of report.tables) {
    const digest = t.sourceDigest === t.targetDigest ? `equal ${t.sourceDigest.slice(0, 12)}` : `DIFFERENT ${t.sourceDigest.slice(0, 12)} ≠ ${t.targetDigest.slice(0, 12)}`;
    lines.push(`${t.table.padEnd(width)}  ${String(t.sourceRows).padStart(8)}  ${String(t.targetRows).padStart(8)}  ${tableMatches(t) ? "" : "✗ "}${digest}`);
  }
  const exportLine = {
    identical: `Desk export (db/backup/export-backup.ts): identical on both sides, ${report.deskExport.bytes} bytes.`,
    different: "Desk export (db/backup/export-backup.ts): DIFFERENT between the two sides.",
    "not-compared": "Desk export: not compared (larger than one JavaScript string can hold). Verified by row counts and row digests.",
  }[report.deskExport.result];
  lines.push(exportLine);
  return lines.join("\n");
}
