import "server-only";
import fs from "node:fs";
import path from "node:path";
import { asc, type Column, count, getTableName, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { exportTablesOf, readBackupTables, serializeBackup } from "../backup/export-backup";
import type { Db } from "../client";
import { TargetInUseError } from "./copy-desk";
import { migratePostgres, POSTGRES_MIGRATIONS_FOLDER } from "../engines/postgres/migrate";
import * as schema from "../engines/postgres/schema";
import type { CopyEngine, CopyReader, CopyRow, CopyTable, CopyWriter } from "./copy-engine";
import { columnNaming, describeTable, tablesOfSchema, driverValues } from "./drizzle-tables";
import { keysetAfter } from "./keyset";

const { tables: TABLES, named: tableNamed } = tablesOfSchema(schema, PgTable, "PostgreSQL");
const EXPORT_TABLES = exportTablesOf(tableNamed, true);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Primary-key order as SQLite sorts it: text by code point ("C" collation, which is UTF-8 byte
 * order, as SQLite's BINARY), not by the database's locale, so both sides digest rows in the same order.
 */
const keyExpression = (column: Column) => (column.dataType === "string" ? sql`${column} collate "C"` : column);

/**
 * Opening a target migrates it, and the emptiness check looks only at Claimline's tables: a
 * mistyped --to naming another program's database would receive the desk beside its own
 * tables. So a target must have no tables outside PostgreSQL's own schemas, or be a Claimline
 * database (drizzle's journal), as the SQLite side requires (sqlite-engine.ts).
 */
async function assertClaimlineOrEmpty(url: string, label: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%' ORDER BY 1`,
    );
    const tables = rows.map((row) => row.name);
    if (tables.length > 0 && !tables.includes("drizzle.__drizzle_migrations")) {
      throw new TargetInUseError(`${label} is not a Claimline database (it has tables ${tables.slice(0, 5).join(", ")}): copy into a new, empty database; nothing was written.`);
    }
  } finally {
    await client.end();
  }
}

/** A source must already have this version's schema: the copier never migrates the desk it reads. */
async function assertCurrentSchema(client: pg.Client, label: string): Promise<void> {
  const journal = JSON.parse(fs.readFileSync(path.join(POSTGRES_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  const exists = await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  const applied = exists.rows[0].present ? Number((await client.query("SELECT count(*) AS n FROM drizzle.__drizzle_migrations")).rows[0].n) : 0;
  if (applied !== journal.entries.length) {
    throw new Error(`${label} has ${applied} of this version's ${journal.entries.length} PostgreSQL migrations: migrate it (start the app on it) first.`);
  }
}

/** Identity columns (ids the database numbers): their sequences continue after the copied ids. */
const identityColumns = () =>
  [...TABLES.values()].flatMap((table) =>
    getTableConfig(table)
      .columns.filter((c) => c.generatedIdentity !== undefined)
      .map((c) => ({ table: getTableName(table), column: c.name })),
  );

/**
 * The copier's PostgreSQL side, on one connection. The target is migrated with drizzle's
 * node-postgres migrator first. Its write transaction sets `session_replication_role = replica`,
 * which switches off the database's user triggers and foreign-key checks for that transaction
 * only; it needs a superuser (or, on PostgreSQL 15+, a role granted SET on that parameter).
 */
export async function openPostgresEngine(url: string, identity: string, role: "source" | "target"): Promise<CopyEngine> {
  const label = `PostgreSQL ${identity}`;
  if (role === "target") {
    await assertClaimlineOrEmpty(url, label);
    await migratePostgres(url);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (role === "source") await assertCurrentSchema(client, label);
  } catch (error) {
    await client.end();
    throw error;
  }
  const db = drizzle(client);
  const tables: CopyTable[] = [...TABLES.values()].map((table) => describeTable(getTableConfig(table)));

  const reader: CopyReader = {
    async count(name) {
      return (await db.select({ n: count() }).from(tableNamed(name)))[0]!.n;
    },
    async *readBatches(name, batchSize) {
      const table = tableNamed(name);
      const naming = columnNaming(table);
      const keyNames = describeTable(getTableConfig(table)).primaryKey;
      const keyColumns = keyNames.map((name) => naming.columnsByName.get(name) as PgColumn);
      const order = keyColumns.map((column) => (column.dataType === "string" ? sql`${column} collate "C"` : asc(column)));
      let last: CopyRow | undefined;
      for (;;) {
        const query = db.select().from(table);
        const filtered = last ? query.where(keysetAfter(keyColumns, keyNames.map((name) => last![name]), keyExpression)) : query;
        const rows = (await filtered.orderBy(...order).limit(batchSize)) as Record<string, unknown>[];
        const batch = rows.map((row) => naming.toCopyRow(row));
        if (batch.length > 0) yield batch;
        if (batch.length < batchSize) return;
        last = batch[batch.length - 1];
      }
    },
    async idCounters() {
      const counters: Record<string, number> = {};
      for (const { table, column } of identityColumns()) {
        const sequence = (await client.query("SELECT pg_get_serial_sequence($1, $2) AS name", [quote(table), column])).rows[0].name as string;
        const { rows } = await client.query(`SELECT last_value, is_called FROM ${sequence}`);
        if (rows[0].is_called) counters[table] = Number(rows[0].last_value);
      }
      return counters;
    },
    async deskExport() {
      // The app's own export code on this connection: inside the copy's transaction on a target,
      // so the export sees the rows before they are committed. Its queries are the builder calls
      // both engines share; the handle is node-postgres' drizzle, not the app's (Db) type.
      return serializeBackup(await readBackupTables(db as unknown as Db, EXPORT_TABLES));
    },
  };

  const driverValuesByTable = new Map<string, ReturnType<typeof driverValues>>();
  const writer: CopyWriter = {
    ...reader,
    async deleteAll(name) {
      await client.query(`DELETE FROM ${quote(name)}`);
    },
    async insert(name, rows) {
      if (rows.length === 0) return;
      let values = driverValuesByTable.get(name);
      if (!values) driverValuesByTable.set(name, (values = driverValues(tableNamed(name))));
      const width = values.columns.length;
      const tuples = rows.map((_, r) => `(${values.columns.map((__, c) => `$${r * width + c + 1}`).join(", ")})`);
      // A named (prepared) statement per table and batch size: every full batch of a table has
      // the same text, so the server parses and plans it once instead of once per batch.
      await client.query({
        name: `copy_${name}_${rows.length}`,
        text: `INSERT INTO ${quote(name)} (${values.columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`,
        values: rows.flatMap((row) => values.toDriver(row)),
      });
    },
    async finishCopy(idCounters) {
      // claim_search is kept by triggers (migration 0004 here), off during the copy, and is no
      // drizzle table: derived once from the view those triggers read, as SQLite's FTS5 index is.
      await client.query("DELETE FROM claim_search");
      await client.query("INSERT INTO claim_search (claim_id, statement, quotes, titles) SELECT claim_id, statement, quotes, titles FROM claim_search_source");
      // An id the desk used (even one whose row is gone) is never handed out again: each identity
      // sequence continues after the highest copied id, or after the source's own counter if further.
      for (const { table, column } of identityColumns()) {
        const highest = Number((await client.query(`SELECT coalesce(max(${quote(column)}), 0) AS n FROM ${quote(table)}`)).rows[0].n);
        const last = Math.max(highest, idCounters[table] ?? 0);
        const sequence = `pg_get_serial_sequence('${quote(table).replaceAll("'", "''")}', '${column.replaceAll("'", "''")}')`;
        await client.query(last > 0 ? `SELECT setval(${sequence}, $1, true)` : `SELECT setval(${sequence}, 1, false)`, last > 0 ? [last] : []);
      }
      // Foreign keys are triggers in PostgreSQL, off under the replica role: checked here, by hand, before the commit.
      const problems: string[] = [];
      for (const table of TABLES.values()) {
        for (const fk of getTableConfig(table).foreignKeys) {
          const { columns, foreignColumns, foreignTable } = fk.reference();
          const child = quote(getTableName(table));
          const parent = quote(getTableName(foreignTable));
          const present = columns.map((c) => `c.${quote(c.name)} IS NOT NULL`).join(" AND ");
          const match = columns.map((c, i) => `p.${quote(foreignColumns[i]!.name)} = c.${quote(c.name)}`).join(" AND ");
          const n = Number((await client.query(`SELECT count(*) AS n FROM ${child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${match})`)).rows[0].n);
          if (n > 0) problems.push(`${getTableName(table)}.${columns.map((c) => c.name).join(",")} → ${getTableName(foreignTable)}: ${n} row(s)`);
        }
      }
      if (problems.length > 0) throw new Error(`Rows reference rows that are not there: ${problems.join("; ")}`);
    },
  };

  return {
    label,
    tables,
    async readSnapshot(work) {
      // One snapshot for every table, while the app keeps writing.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        return await work(reader);
      } finally {
        await client.query("COMMIT");
      }
    },
    async writeTransaction(work) {
      await client.query("BEGIN");
      try {
        try {
          await client.query("SET LOCAL session_replication_role = replica");
        } catch (error) {
          throw new Error(
            `${label}: the copy switches the target's triggers off for its transaction (SET LOCAL session_replication_role = replica), which needs a superuser, or a role granted SET on session_replication_role (PostgreSQL 15+). Connect as such a role. (${error instanceof Error ? error.message : String(error)})`,
          );
        }
        // An exclusive lock on every table: an app already running on the target cannot write
        // between the emptiness check and the commit.
        await client.query(`LOCK TABLE ${[...TABLES.keys()].map(quote).join(", ")} IN EXCLUSIVE MODE`);
        const result = await work(writer);
        await client.query("COMMIT");
        // The planner's statistics of the new rows, now rather than when autovacuum gets to them
        // (up to a minute or more): until then it plans for empty tables, and the bench measured
        // the desk feed as of a day at 500 ms instead of 10 on a freshly copied desk. After the
        // commit, so the copy's locks are not held while it samples.
        await client.query("ANALYZE");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
