import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { asc, count, sql } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { exportTablesOf, readBackupTables, serializeBackup } from "../backup/export-backup";
import { type OpenDb, openDatabase } from "../client";
import { asyncHandle } from "../engines/sqlite/open-sqlite";
import * as schema from "../schema/sqlite-tables";
import type { CopyEngine, CopyReader, CopyRow, CopyTable, CopyWriter } from "./copy-engine";
import { TargetInUseError } from "./copy-desk";
import { columnNaming, describeTable, tablesOfSchema, driverValues } from "./drizzle-tables";
import { keysetAfter } from "./keyset";
import { firstRow } from "../rows";

const MIGRATIONS_JOURNAL = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");

const { tables: TABLES, named: tableNamed } = tablesOfSchema(schema, SQLiteTable, "SQLite");
// SQLite's own declarations, not the active engine's (db/schema): db:copy may run beside a PostgreSQL DATABASE_URL.
const EXPORT_TABLES = exportTablesOf(tableNamed, false);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables whose integer id SQLite hands out with AUTOINCREMENT, i.e. that have a row in sqlite_sequence. */
function autoIncrementTables(): string[] {
  return [...TABLES.values()]
    .filter((table) => getTableConfig(table).columns.some((c) => c.primary && (c as SQLiteColumn & { autoIncrement?: boolean }).autoIncrement === true))
    .map((table) => getTableConfig(table).name);
}

/** A source must already have this version's schema: opening it read-only never migrates someone's live desk. */
function assertCurrentSchema(client: Database.Database, label: string): void {
  const journal = JSON.parse(fs.readFileSync(MIGRATIONS_JOURNAL, "utf8")) as { entries: unknown[] };
  const hasJournal = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
  const applied = hasJournal ? (client.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number) : 0;
  if (applied !== journal.entries.length) {
    throw new Error(
      `${label} has ${applied} of this version's ${journal.entries.length} migrations: run \`npm run db:migrate\` with DATABASE_URL set to it (or start the app on it) first.`,
    );
  }
}

/**
 * Opening a target migrates it, and the emptiness check looks only at Claimline's tables: a
 * mistyped --to naming another program's database would receive the desk beside its own
 * tables. So a target file must be new, empty, or a Claimline database (drizzle's journal).
 */
function assertClaimlineOrEmpty(filename: string, label: string): void {
  if (!fs.existsSync(filename)) return;
  const client = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes("__drizzle_migrations")) {
      throw new TargetInUseError(`${label} is not a Claimline database (it has tables ${tables.slice(0, 5).join(", ")}): copy into a new, empty database; nothing was written.`);
    }
  } finally {
    client.close();
  }
}

function reader(db: OpenDb): CopyReader {
  return {
    async count(name) {
      return (await firstRow(db.select({ n: count() }).from(tableNamed(name))))!.n;
    },
    async *readBatches(name, batchSize) {
      const table = tableNamed(name);
      const naming = columnNaming(table);
      const keyNames = describeTable(getTableConfig(table)).primaryKey;
      const keyColumns = keyNames.map((column) => naming.columnsByName.get(column)!);
      const order = keyColumns.map((column) => asc(column));
      let last: CopyRow | undefined;
      for (;;) {
        const query = db.select().from(table);
        const filtered = last ? query.where(keysetAfter(keyColumns, keyNames.map((name) => last![name]))) : query;
        const rows = await filtered.orderBy(...order).limit(batchSize) as Record<string, unknown>[];
        const batch = rows.map((row) => naming.toCopyRow(row));
        if (batch.length > 0) yield batch;
        if (batch.length < batchSize) return;
        last = batch[batch.length - 1];
      }
    },
    async idCounters() {
      const rows = db.$client.prepare("SELECT name, seq FROM sqlite_sequence").all() as { name: string; seq: number }[];
      return Object.fromEntries(rows.map((r) => [r.name, r.seq]));
    },
    async deskExport() {
      return serializeBackup(await readBackupTables(db, EXPORT_TABLES));
    },
  };
}

/**
 * The copier's SQLite side. A source opens read-only and is read in one read transaction (a
 * consistent snapshot while the app keeps writing, WAL); a target opens through db/client's
 * openDatabase, so it gets this version's migrations and whatever a new database starts with.
 */
export function openSqliteEngine(filename: string, role: "source" | "target"): CopyEngine {
  const label = `SQLite ${filename}`;
  let db: OpenDb;
  if (role === "source") {
    if (!fs.existsSync(filename)) throw new Error(`${label} does not exist.`);
    const client = new Database(filename, { readonly: true, fileMustExist: true });
    try {
      assertCurrentSchema(client, label);
    } catch (error) {
      client.close();
      throw error;
    }
    db = asyncHandle(client);
  } else {
    assertClaimlineOrEmpty(filename, label);
    db = openDatabase(`file:${filename}`);
  }
  const client = db.$client;
  const tables: CopyTable[] = [...TABLES.values()].map((table) => describeTable(getTableConfig(table)));

  const inserts = new Map<string, (row: CopyRow) => void>();
  const writer: CopyWriter = {
    ...reader(db),
    async deleteAll(name) {
      // Every row, on purpose: the target's seeded defaults make way for the source's.
      await db.run(sql`DELETE FROM ${tableNamed(name)}`);
    },
    async insert(name, rows: CopyRow[]) {
      if (rows.length === 0) return;
      // One prepared single-row INSERT per table, run for every row: in SQLite (no round trips)
      // that is several times faster than drizzle building and preparing a 500-row INSERT per batch.
      let insert = inserts.get(name);
      if (!insert) {
        const values = driverValues(tableNamed(name));
        const statement = client.prepare(`INSERT INTO ${quote(name)} (${values.columns.map(quote).join(", ")}) VALUES (${values.columns.map(() => "?").join(", ")})`);
        insert = (row) => statement.run(values.toDriver(row));
        inserts.set(name, insert);
      }
      for (const row of rows) insert(row);
    },
    async finishCopy(idCounters) {
      // claim_search (FTS5) is derived from the claims, mentions and articles by the view its
      // triggers read (migration 0005): filled once from it, as the migration filled it.
      client.exec("DELETE FROM claim_search");
      client.exec("INSERT INTO claim_search (rowid, statement, quotes, titles) SELECT claim_id, statement, quotes, titles FROM claim_search_source");
      // Explicit ids already moved sqlite_sequence to the highest copied id; a source whose
      // counter is further on (its newest rows deleted) keeps its place, so no id is handed out twice.
      const raise = client.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?");
      const add = client.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)");
      for (const name of autoIncrementTables()) {
        const counter = idCounters[name];
        if (counter === undefined) continue;
        if (raise.run(counter, name).changes === 0) add.run(name, counter);
      }
      const broken = client.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const sample = broken.slice(0, 5).map((b) => `${b.table} row ${b.rowid} → ${b.parent}`);
        throw new Error(`${broken.length} row(s) reference rows that are not there: ${sample.join(", ")}`);
      }
    },
  };

  return {
    label,
    tables,
    async readSnapshot(work) {
      client.exec("BEGIN");
      try {
        return await work(reader(db));
      } finally {
        client.exec("COMMIT");
      }
    },
    async writeTransaction(work) {
      // IMMEDIATE: the write lock up front, so a running app cannot write between the
      // emptiness check and the copy.
      client.exec("BEGIN IMMEDIATE");
      try {
        // SQLite cannot switch triggers off; dropping them inside the transaction does the same
        // (DDL is transactional in SQLite): the append-only, kept-column, search, change-counter
        // and cache-tag triggers neither refuse nor rewrite nor add to the copied rows. They are
        // created again, from their own stored SQL, before the commit; a rollback restores them.
        const triggers = client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid").all() as { name: string; sql: string }[];
        for (const { name } of triggers) client.exec(`DROP TRIGGER "${name.replaceAll('"', '""')}"`);
        // Checked at commit (and by finishCopy): a claim may be merged into a later claim.
        client.pragma("defer_foreign_keys = ON");
        const result = await work({
          ...writer,
          async finishCopy(idCounters) {
            await writer.finishCopy(idCounters);
            for (const { sql } of triggers) client.exec(sql);
          },
        });
        client.exec("COMMIT");
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      client.close();
    },
  };
}
