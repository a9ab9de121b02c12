import type Database from "better-sqlite3";
import { boolean, integer, pgTable, text } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as postgresSchema from "../../db/engines/postgres/schema";
import * as sqliteSchema from "../../db/schema/sqlite-tables";
import { migratedSqlite } from "./both-engines";
import { clusterForThisFile } from "./test-cluster";
import { compareFacts, declarationFacts, sqliteDeclaredClasses } from "./drift/declarations";
import { postgresShape } from "./drift/postgres-shape";
import { compareShapes, type SchemaShape } from "./drift/shape";
import { sqliteShape } from "./drift/sqlite-shape";
import { freshPostgresDatabase } from "./fresh-database";

/**
 * The schema-drift test (issue 19): SQLite's migrations (db/migrations) and PostgreSQL's
 * (db/engines/postgres/migrations) must make the same tables, columns, column types (as the
 * JavaScript type they are read as), nullability, primary keys, indexes and foreign keys, and
 * the two engines' drizzle declarations must agree with each other, so one data-access layer
 * can be written against either.
 */

/** Objects only one engine has, and why; everything else must match. */
const SQLITE_ONLY: Record<string, string> = {
  sqlite_sequence: "SQLite's AUTOINCREMENT bookkeeping; PostgreSQL numbers ids with identity sequences",
  __drizzle_migrations: "drizzle's migration journal; on PostgreSQL it lives in the `drizzle` schema, outside `public`",
  claim_search: "the FTS5 trigram search table; search is engine-specific (db/engines/postgres/migrations has PostgreSQL's own)",
  claim_search_data: "an FTS5 shadow table of claim_search",
  claim_search_idx: "an FTS5 shadow table of claim_search",
  claim_search_content: "an FTS5 shadow table of claim_search",
  claim_search_docsize: "an FTS5 shadow table of claim_search",
  claim_search_config: "an FTS5 shadow table of claim_search",
};
const POSTGRES_ONLY: Record<string, string> = {
  claim_search: "search is engine-specific: a plain table with pg_trgm indexes instead of FTS5 (columns checked below)",
};

const cluster = clusterForThisFile();
let pgUrl: string;

beforeAll(async () => {
  pgUrl = await freshPostgresDatabase(cluster, "drift");
}, 120_000);

afterAll(async () => {
});

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const declared = sqliteDeclaredClasses(sqliteSchema);
const shapeOfSqlite = (sqlite: Database.Database) => sqliteShape(sqlite, declared, (table) => table in SQLITE_ONLY);
const shapeOfPostgres = (url: string) => withPostgres(url, (client) => postgresShape(client, (table) => table in POSTGRES_ONLY));

describe("schema drift between SQLite and PostgreSQL", () => {
  it("both engines' migrations make the same tables, columns, types, nullability, keys and indexes", async () => {
    const sqlite = migratedSqlite();
    const a = shapeOfSqlite(sqlite);
    sqlite.close();
    const b = await shapeOfPostgres(pgUrl);
    expect(compareShapes(a, b)).toEqual([]);
    // The comparison saw what matters, not empty shapes: expression and partial indexes, keys, types.
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(b.claim?.indexes.claim_readable_claim_date_idx).toEqual({ unique: false, columns: ["readable", "claim_dateisnull", "claim_date", "id"], where: null });
    expect(b.review_request?.indexes.review_request_open_idx).toEqual({ unique: true, columns: ["subject_type", "subject_id"], where: "outcomeisnull" });
    expect(b.status_event_source?.primaryKey).toEqual(["event_id", "source_id"]);
    expect(b.claim?.foreignKeys).toContain("merged_into_id -> claim(id) on delete no action");
    expect(b.claim?.columns).toMatchObject({ readable: { type: "boolean", notNull: true }, deleted_at: { type: "timestamp", notNull: false }, quantity_value: { type: "real" } });
  });

  it("both engines' drizzle declarations agree: tables, columns, JS data types, nullability, defaults, enums, keys, indexes", () => {
    expect(compareFacts(declarationFacts(sqliteSchema, "sqlite"), declarationFacts(postgresSchema, "pg"))).toEqual([]);
  });

  it("every table the migrations make is declared for drizzle, so no column's type is guessed", async () => {
    const sqlite = migratedSqlite();
    const migrated = Object.keys(shapeOfSqlite(sqlite)).sort();
    sqlite.close();
    const facts = declarationFacts(sqliteSchema, "sqlite");
    expect(migrated.filter((table) => !facts.has(`table ${table}`))).toEqual([]);
    expect(Object.keys(await shapeOfPostgres(pgUrl)).sort()).toEqual(migrated);
  });

  it("the engine-specific search tables hold the same columns: SQLite's FTS5 rowid is PostgreSQL's claim_id", async () => {
    const sqlite = migratedSqlite();
    const fts = sqlite.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('claim_search')").all().map((c) => c.name);
    sqlite.close();
    const columns = await withPostgres(pgUrl, async (client) =>
      (await client.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'claim_search' ORDER BY ordinal_position`)).rows.map((c) => c.name),
    );
    expect(fts).toEqual(["statement", "quotes", "titles"]);
    expect(columns).toEqual(["claim_id", ...fts]);
  });
});

describe("the drift test catches drift", () => {
  it("reports a column, a nullability, an index and a foreign key that only one engine's database has", async () => {
    const url = await freshPostgresDatabase(cluster, "drifted");
    await withPostgres(url, async (client) => {
      await client.query(`ALTER TABLE claim ADD COLUMN only_here text`);
      await client.query(`ALTER TABLE mention ALTER COLUMN language SET NOT NULL`);
      await client.query(`DROP INDEX claim_readable_claim_date_desc_idx`);
      await client.query(`CREATE INDEX claim_readable_claim_date_desc_idx ON claim (readable, (claim_date IS NULL), claim_date, id)`);
      await client.query(`ALTER TABLE source ADD COLUMN owner_id text REFERENCES "user"(id) ON DELETE CASCADE`);
    });
    const sqlite = migratedSqlite();
    sqlite.exec("ALTER TABLE `source` ADD `owner_id` text REFERENCES `user`(`id`) ON DELETE SET NULL");
    const differences = compareShapes(shapeOfSqlite(sqlite), await shapeOfPostgres(url));
    sqlite.close();
    expect(differences).toEqual([
      "column claim.only_here: only on PostgreSQL",
      'index claim.claim_readable_claim_date_desc_idx: {"unique":false,"columns":["readable","claim_dateisnotnull","claim_date","id"],"where":null} on SQLite, {"unique":false,"columns":["readable","claim_dateisnull","claim_date","id"],"where":null} on PostgreSQL',
      "column mention.language: nullable on SQLite, NOT NULL on PostgreSQL",
      "foreign key source: owner_id -> user(id) on delete set null: only on SQLite",
      "foreign key source: owner_id -> user(id) on delete cascade: only on PostgreSQL",
    ]);
  });

  it("reports a table only one engine's database has, and a column stored as another type", () => {
    const a: SchemaShape = { claim: { columns: { id: { type: "integer", notNull: true }, readable: { type: "boolean", notNull: true } }, primaryKey: ["id"], indexes: {}, foreignKeys: [] } };
    const b: SchemaShape = {
      claim: { columns: { id: { type: "integer", notNull: true }, readable: { type: "integer", notNull: true } }, primaryKey: ["id"], indexes: {}, foreignKeys: [] },
      extra: { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] },
    };
    expect(compareShapes(a, b)).toEqual(["column claim.readable: type boolean on SQLite, integer on PostgreSQL", "table extra: only on PostgreSQL"]);
  });

  it("reports declarations that disagree: a JS type, a missing table", () => {
    const driftedClaims = pgTable("claim", { id: integer("id").primaryKey(), readable: integer("readable").notNull(), statement: text("statement") });
    const driftedModule = { ...postgresSchema, claims: driftedClaims, extra: pgTable("extra", { on: boolean("on") }) };
    const differences = compareFacts(declarationFacts(sqliteSchema, "sqlite"), declarationFacts(driftedModule, "pg"));
    expect(differences).toContain('column claim.readable: "boolean not null default" on SQLite, "number not null" on PostgreSQL');
    expect(differences).toContain('column claim.statement: "string not null" on SQLite, "string nullable" on PostgreSQL');
    expect(differences).toContain("table extra: declared only on PostgreSQL");
    expect(differences).toContain("index claim.claim_readable_claim_date_idx: declared only on SQLite");
  });
});
