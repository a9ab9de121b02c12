// A large, valid backup for restore tests: the desk's own export with its editorial content
// repeated under fresh ids and slugs, so a "merge" restore into that same desk adds every copy.

type Row = Record<string, unknown>;
export interface BackupFile {
  format: string;
  version: number;
  tables: Record<string, Row[]>;
}

/**
 * Tables copied for each repeat; statuses, users, settings and review requests stay single (a
 * merge skips them: they still point at the desk's own articles and events, at most one open review each).
 */
const COPIED_TABLES = ["article", "claim", "mention", "source", "status_event", "status_event_source", "quantity_observation", "suggestion_dismissal"] as const;

/** Columns holding the id of a copied table's row, which each copy shifts along with the ids. */
const ID_COLUMNS: Record<string, { column: string; table: string }[]> = {
  article: [{ column: "id", table: "article" }],
  claim: [
    { column: "id", table: "claim" },
    { column: "currentStatusEventId", table: "status_event" },
    { column: "mergedIntoId", table: "claim" },
  ],
  mention: [
    { column: "id", table: "mention" },
    { column: "claimId", table: "claim" },
    { column: "articleId", table: "article" },
  ],
  source: [{ column: "id", table: "source" }],
  status_event: [
    { column: "id", table: "status_event" },
    { column: "claimId", table: "claim" },
    { column: "correctsEventId", table: "status_event" },
  ],
  status_event_source: [
    { column: "eventId", table: "status_event" },
    { column: "sourceId", table: "source" },
  ],
  quantity_observation: [
    { column: "id", table: "quantity_observation" },
    { column: "claimId", table: "claim" },
    { column: "sourceId", table: "source" },
  ],
  suggestion_dismissal: [
    { column: "id", table: "suggestion_dismissal" },
    { column: "articleId", table: "article" },
  ],
};

export const COPY_SLUG_MARK = "-restored-copy-";

/**
 * The backup with copies number `first` to `last` of its articles and everything hanging off
 * them, and none of the originals. Copies with different numbers never share an id or a slug.
 */
export function copyArticles(backup: BackupFile, first: number, last: number): BackupFile {
  // Each copy's ids start past every id of the original (and of earlier copies).
  const stride = Object.fromEntries(COPIED_TABLES.map((t) => [t, Math.max(0, ...backup.tables[t]!.map((r) => Number(r.id ?? 0))) + 1000]));
  const tables: Record<string, Row[]> = { ...backup.tables };
  for (const table of COPIED_TABLES) tables[table] = [];
  for (let copy = first; copy <= last; copy++) {
    for (const table of COPIED_TABLES) {
      for (const original of backup.tables[table]!) {
        const row = { ...original };
        for (const { column, table: target } of ID_COLUMNS[table]!) {
          if (typeof row[column] === "number") row[column] = (row[column] as number) + copy * stride[target]!;
        }
        if (table === "article") row.slug = `${String(row.slug)}${COPY_SLUG_MARK}${copy}`;
        tables[table]!.push(row);
      }
    }
  }
  return { ...backup, tables };
}
