import "server-only";

/** A row as the copier carries it: keyed by the database column name, values as JS values (Date, boolean, number, string, parsed JSON, null). */
export type CopyRow = Record<string, unknown>;

/** What the copier needs to know of a table, the same on every engine. */
export interface CopyTable {
  name: string;
  /** Database column names, in the table's declared order. */
  columns: string[];
  /** Database column names of the primary key: rows are read in this order. */
  primaryKey: string[];
  /** Names of the tables this table's foreign keys point to (itself included when it does). */
  references: string[];
}

/** Reading one database, inside one consistent snapshot (a read transaction on the source, the write transaction on the target). */
export interface CopyReader {
  count(table: string): Promise<number>;
  /** The whole table in primary-key order, a batch of rows at a time. */
  readBatches(table: string, batchSize: number): AsyncGenerator<CopyRow[]>;
  /**
   * The last id each table's id generator handed out (SQLite's sqlite_sequence, PostgreSQL's
   * identity sequences), which can be past the highest id still present when rows were deleted:
   * carried over so that the target never hands out an id the desk already used.
   */
  idCounters(): Promise<Record<string, number>>;
  /**
   * The desk export (db/backup/export-backup.ts, the JSON an admin downloads) of what this
   * snapshot or transaction sees, read with this engine's own table declarations.
   */
  deskExport(): Promise<string>;
}

export interface CopyWriter extends CopyReader {
  deleteAll(table: string): Promise<void>;
  insert(table: string, rows: CopyRow[]): Promise<void>;
  /**
   * After the last row: derive what only the engine keeps (the search index), move the id
   * generators past the copied ids (and past `idCounters`), and check every foreign key.
   */
  finishCopy(idCounters: Record<string, number>): Promise<void>;
}

/** One database behind the copier. The SQLite and PostgreSQL adapters implement it. */
export interface CopyEngine {
  /** "SQLite /path/to/file.db" or "PostgreSQL host:port/db", for messages. */
  readonly label: string;
  /** Every table the copier copies, as this engine declares them (drizzle's own migration journal excluded). */
  readonly tables: CopyTable[];
  /** Runs `work` in one read-only snapshot. */
  readSnapshot<T>(work: (reader: CopyReader) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one write transaction with the database's own triggers off (they would
   * rewrite, refuse or add to the copied rows); commits when `work` resolves, rolls back
   * everything when it throws.
   */
  writeTransaction<T>(work: (writer: CopyWriter) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
