import "server-only";
import { count, eq, getTableColumns, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { ConflictError, ValidationError } from "../../lib/errors";
import { fieldErrors } from "../../lib/validation";
import { ADMIN_ROLES, type Actor, authorize } from "../authorize";
import { getDb, type Tx } from "../client";
import { runDataMigrationsOnImported } from "../data-migrations/run-data-migrations";
import { forgetFeedIdAuthority } from "../feeds/feed-id-authority";
import { appSettings, articles, auditLog, claims, statuses } from "../schema";
import { writeTransaction } from "../transaction";
import {
  BACKUP_TABLES,
  type BackupTableName,
  type BackupTables,
  findReferenceProblems,
  parseBackup,
  primaryKeyOf,
  problemsMessage,
  REFERENCES,
  reviewSubjectKey,
} from "./backup-format";
import { BACKUP_DRIZZLE_TABLES, isTimestampColumn } from "./backup-rows";
import { readBackupTables } from "./export-backup";
import { moveSequencesPastImportedIds, parentsFirst } from "./postgres-import";
import { ON_POSTGRES } from "../sql-dialect";
import { firstRow } from "../rows";

/**
 * "empty-only" restores into a database without articles or claims: the backup's status scale
 * and settings replace the defaults a new database starts with.
 * "merge" adds the backup's rows to a database in use, keeping their ids: a row already there
 * with the same content is skipped, one with different content is a problem (nothing is ever
 * overwritten or renumbered), and the live status scale and settings win over the file's.
 */
export const importOptions = z.strictObject({ mode: z.enum(["empty-only", "merge"]) });
export type ImportOptions = z.infer<typeof importOptions>;

type Counts = Record<BackupTableName, number>;
export interface ImportSummary {
  mode: ImportOptions["mode"];
  inserted: Counts;
  updated: Counts;
  skipped: Counts;
  /**
   * Per data migration (db/data-migrations/), the imported articles it changed: a backup written
   * by an older Claimline holds rows from before them (no document, text derived under older
   * rules, a Chinese slug). Empty for a backup of this version.
   */
  dataMigrations: Record<string, number[]>;
}

type Row = Record<string, unknown>;
interface PlannedWrite {
  table: BackupTableName;
  action: "insert" | "update";
  row: Row;
}

/** Tables that are configuration rather than history: restored over the defaults, never merged over live values. */
const CONFIG_TABLES: ReadonlySet<BackupTableName> = new Set(["status", "app_setting"]);
const USER_COLUMNS = REFERENCES.filter((r) => r.target === "user");

const zeroCounts = (): Counts => Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Counts;

/**
 * Works out, without writing, what an import would do to a database whose rows are
 * `current`: the problems that refuse it, or the rows to insert and update.
 */
function planImport(tables: BackupTables, current: BackupTables, mode: ImportOptions["mode"]) {
  const index = new Map(BACKUP_TABLES.map((t) => [t, new Map((current[t] as Row[]).map((row) => [primaryKeyOf(t, row), JSON.stringify(row)]))]));
  const problems = findReferenceProblems(tables, (table, key) => index.get(table)!.has(key));

  // A backup user whose email already has an account (the admin restoring it, say) is that
  // account: their rows are attributed to it, and the account is left exactly as it is.
  const userIdByEmail = new Map(current.user.map((u) => [u.email.toLowerCase(), u.id]));
  const userIds = new Map<string, string>();
  for (const u of tables.user) {
    const existing = userIdByEmail.get(u.email.toLowerCase());
    if (existing !== undefined && !index.get("user")!.has(u.id)) userIds.set(u.id, existing);
  }
  const slugs = new Map(current.article.map((a) => [a.slug, a.id]));
  const formerSlugs = new Map(current.article_slug_alias.map((a) => [a.slug, a.articleId]));
  const dismissals = new Map(current.suggestion_dismissal.map((d) => [`${d.articleId}/${d.sentence}`, d.id]));
  const openReviews = new Map(current.review_request.filter((r) => r.outcome === null).map((r) => [reviewSubjectKey(r), r.id]));

  const writes: PlannedWrite[] = [];
  const summary: ImportSummary = { mode, inserted: zeroCounts(), updated: zeroCounts(), skipped: zeroCounts(), dataMigrations: {} };
  for (const table of BACKUP_TABLES) {
    (tables[table] as Row[]).forEach((original, i) => {
      const row = { ...original };
      for (const { column } of USER_COLUMNS.filter((r) => r.table === table)) {
        if (typeof row[column] === "string") row[column] = userIds.get(row[column]) ?? row[column];
      }
      const key = primaryKeyOf(table, row);
      const existing = index.get(table)!.get(key);
      if (table === "user") {
        // Never overwrite an account: same id or same email means it is already here.
        if (existing !== undefined || userIds.has(key)) summary.skipped.user++;
        else writes.push({ table, action: "insert", row });
        return;
      }
      if (existing !== undefined) {
        if (CONFIG_TABLES.has(table) && mode === "empty-only" && existing !== JSON.stringify(row)) writes.push({ table, action: "update", row });
        else if (CONFIG_TABLES.has(table) || existing === JSON.stringify(row)) summary.skipped[table]++;
        else if (table === "article_slug_alias") problems.push(`article_slug_alias[${i}].slug ${key} is already a former slug of article ${formerSlugs.get(key)} in the database`);
        else problems.push(`${table}[${i}] ${key} already exists in the database with different content`);
        return;
      }
      // One address, one article, across current and former slugs (the article_slug_alias
      // triggers): a clash is named here, before anything is written.
      if (table === "article" && slugs.has(String(row.slug))) {
        problems.push(`article[${i}].slug ${String(row.slug)} is already used by article ${slugs.get(String(row.slug))} in the database`);
      }
      if (table === "article" && formerSlugs.has(String(row.slug))) {
        problems.push(`article[${i}].slug ${String(row.slug)} is a former slug of article ${formerSlugs.get(String(row.slug))} in the database`);
      }
      if (table === "article_slug_alias" && slugs.has(key)) {
        problems.push(`article_slug_alias[${i}].slug ${key} is the current slug of article ${slugs.get(key)} in the database`);
      }
      const dismissed = dismissals.get(`${String(row.articleId)}/${String(row.sentence)}`);
      if (table === "suggestion_dismissal" && dismissed !== undefined) {
        problems.push(`suggestion_dismissal[${i}] repeats dismissal ${dismissed} of the database (same article and sentence)`);
      }
      // A merge must not open a second review of a subject the database is already reviewing.
      if (table === "review_request" && row.outcome === null) {
        const subject = reviewSubjectKey(row as BackupTables["review_request"][number]);
        const open = openReviews.get(subject);
        if (open !== undefined) problems.push(`review_request[${i}] would be a second open review of ${subject}: review ${open} of the database is open`);
      }
      writes.push({ table, action: "insert", row });
    });
  }
  for (const w of writes) summary[w.action === "insert" ? "inserted" : "updated"][w.table]++;
  return { problems, writes, summary };
}

/** A file row as Drizzle values: ISO strings back to Dates for the timestamp columns. */
function toDrizzleValues(table: BackupTableName, row: Row): Row {
  const columns = getTableColumns(BACKUP_DRIZZLE_TABLES[table] as SQLiteTable);
  const values: Row = {};
  for (const [key, value] of Object.entries(row)) {
    values[key] = columns[key] && isTimestampColumn(columns[key]) && typeof value === "string" ? new Date(value) : value;
  }
  if (table === "user") {
    // No account row, so no password: the user cannot sign in until an admin sets one.
    values.emailVerified = false;
    values.updatedAt = values.createdAt;
  }
  return values;
}

async function applyWrite(tx: Tx, { table, action, row }: PlannedWrite): Promise<void> {
  const values = toDrizzleValues(table, row);
  if (action === "update" && table === "status") {
    await tx.update(statuses).set(values).where(eq(statuses.key, String(row.key)));
  } else if (action === "update" && table === "app_setting") {
    await tx.update(appSettings).set(values).where(eq(appSettings.key, String(row.key)));
  } else {
    // The row passed the table's zod schema, whose columns are the table's own: the cast only
    // stands for that check, which TypeScript cannot follow across the table union.
    await tx.insert(BACKUP_DRIZZLE_TABLES[table] as SQLiteTable).values(values as never);
  }
}

async function refuseNonEmpty(tx: Tx): Promise<void> {
  const articleCount = (await firstRow(tx.select({ n: count() }).from(articles)))!.n;
  const claimCount = (await firstRow(tx.select({ n: count() }).from(claims)))!.n;
  if (articleCount > 0 || claimCount > 0) {
    throw new ConflictError(
      `This database already has ${articleCount} article(s) and ${claimCount} claim(s): restore into an empty database, or import with mode "merge".`,
    );
  }
}

/**
 * An admin restores a JSON backup. The whole file is parsed and checked (row shapes,
 * duplicate keys, every reference, clashes with the database) before anything is written;
 * then everything is written in one transaction with one audit row, or nothing is.
 */
export async function importBackup(actor: Actor | null | undefined, json: string, options: ImportOptions): Promise<ImportSummary> {
  const parsedOptions = importOptions.safeParse(options);
  if (!parsedOptions.success) throw new ValidationError("Choose an import mode: empty-only or merge.", fieldErrors(parsedOptions.error));
  const { mode } = parsedOptions.data;
  // Refuse others before reading their file, so a non-admin learns nothing from the problems list.
  await authorize(getDb(), actor, ADMIN_ROLES);
  const parsed = parseBackup(json);
  if (!parsed.ok) throw new ValidationError(problemsMessage(parsed.problems));

  const summary = await writeTransaction(async (tx) => {
    const admin = await authorize(tx, actor, ADMIN_ROLES);
    if (mode === "empty-only") await refuseNonEmpty(tx);
    const plan = planImport(parsed.backup.tables, await readBackupTables(tx), mode);
    if (plan.problems.length > 0) throw new ValidationError(problemsMessage(plan.problems));

    // A claim can be merged into a later claim, and the checks above already found every
    // reference: SQLite checks foreign keys at commit instead of row by row; PostgreSQL's are
    // checked row by row, so each row goes in after the rows it references (postgres-import.ts).
    if (!ON_POSTGRES) await tx.run(sql`PRAGMA defer_foreign_keys = ON`);
    const writes = ON_POSTGRES ? parentsFirst(plan.writes) : plan.writes;
    // Published events go in as published: the append-only triggers refuse UPDATE and DELETE
    // only. The claim_search triggers index each claim as its mentions arrive.
    for (const write of writes) await applyWrite(tx, write);
    if (ON_POSTGRES) await moveSequencesPastImportedIds(tx, new Set(writes.filter((w) => w.action === "insert").map((w) => w.table)));
    // A backup made by an older Claimline holds rows from before some data migrations (text
    // derived under older rules, "270 亿美元" before CJK line joining; no document; a Chinese
    // slug): they run on the imported articles here, in this transaction, as they ran on the
    // live database, with mentions carried onto the same words. A backup carries no
    // data_migration rows, so each finds what it must change from the rows themselves.
    const importedArticles = plan.writes.filter((w) => w.table === "article" && w.action === "insert").map((w) => Number(w.row.id));
    plan.summary.dataMigrations = await runDataMigrationsOnImported(tx, importedArticles);

    // recordAudit names single rows; an import concerns the whole database, so its one
    // summary row is written here.
    await tx.insert(auditLog)
      .values({ actorId: admin.id, action: "backup.import", entityType: "database", entityId: mode, after: plan.summary });
    return plan.summary;
  });
  // The file's settings may have replaced the feed id authority: an empty-only restore brings
  // the restored desk's ids with it (db/feeds/feed-id-authority.ts).
  forgetFeedIdAuthority();
  return summary;
}
