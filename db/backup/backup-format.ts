import "server-only";
import { z } from "zod";
import { ROW_SCHEMAS } from "./backup-rows";

/**
 * The Claimline backup file, version 1: one JSON document holding every table that carries
 * editorial content, rows ordered by primary key, keys in the tables' column order. The row
 * schemas are derived from the tables (backup-rows.ts). Timestamps are ISO 8601 UTC strings
 * with milliseconds: the database stores milliseconds, so they round-trip exactly and stay readable.
 *
 * Left out on purpose: password hashes, sessions, accounts and verification rows (credentials
 * never leave the database), the audit log (see export-backup.ts) and claim_search (derived:
 * its triggers rebuild it as rows are inserted).
 *
 * Tables and columns added later (review_request, article_slug_alias, and the columns listed
 * in backup-rows.ts ADDED_LATER) did not need a version 2: they default when absent, so every older version 1 file still restores,
 * and an older Claimline refuses a newer file's unknown keys rather than silently dropping them.
 */
export const BACKUP_FORMAT = "claimline-backup";
export const BACKUP_VERSION = 1;

/** Table order in the file and the order rows are written on import (articles and claims before their mentions, so the search triggers see them). */
export const BACKUP_TABLES = [
  "status",
  "user",
  "article",
  // Right after articles: an article's former slugs, so its old links still redirect.
  "article_slug_alias",
  "claim",
  "mention",
  "source",
  "status_event",
  "status_event_source",
  // After articles and status events: a review request's subject is one of them.
  "review_request",
  "quantity_observation",
  "suggestion_dismissal",
  "app_setting",
] as const;
export type BackupTableName = (typeof BACKUP_TABLES)[number];

export const backupTablesSchema = z.strictObject({
  status: z.array(ROW_SCHEMAS.status),
  user: z.array(ROW_SCHEMAS.user),
  article: z.array(ROW_SCHEMAS.article),
  // Added with migration 0015: a backup made before it has no such key and restores without former slugs.
  article_slug_alias: z.array(ROW_SCHEMAS.article_slug_alias).default([]),
  claim: z.array(ROW_SCHEMAS.claim),
  mention: z.array(ROW_SCHEMAS.mention),
  source: z.array(ROW_SCHEMAS.source),
  status_event: z.array(ROW_SCHEMAS.status_event),
  status_event_source: z.array(ROW_SCHEMAS.status_event_source),
  // Added with migration 0012: a backup made before it has no such key and restores without reviews.
  review_request: z.array(ROW_SCHEMAS.review_request).default([]),
  quantity_observation: z.array(ROW_SCHEMAS.quantity_observation),
  suggestion_dismissal: z.array(ROW_SCHEMAS.suggestion_dismissal),
  app_setting: z.array(ROW_SCHEMAS.app_setting),
});
export type BackupTables = z.infer<typeof backupTablesSchema>;

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  tables: backupTablesSchema,
});
export type Backup = z.infer<typeof backupSchema>;

type AnyRow = Record<string, unknown>;

/** The primary key of a row, as a string (status_event_source has a composite key). */
export function primaryKeyOf(table: BackupTableName, row: AnyRow): string {
  if (table === "status_event_source") return `${String(row.eventId)}/${String(row.sourceId)}`;
  if (table === "status" || table === "app_setting") return String(row.key);
  if (table === "article_slug_alias") return String(row.slug);
  return String(row.id);
}

/** How a primary key is named in messages: "id 7", "key true", "eventId/sourceId 3/4", "slug old-title". */
function primaryKeyLabel(table: BackupTableName): string {
  if (table === "status_event_source") return "eventId/sourceId";
  if (table === "article_slug_alias") return "slug";
  return table === "status" || table === "app_setting" ? "key" : "id";
}

/** Every column that points at another row, declared foreign key or not (currentStatusEventId is kept in step in code). */
export const REFERENCES: readonly { table: BackupTableName; column: string; target: BackupTableName }[] = [
  { table: "article", column: "createdBy", target: "user" },
  { table: "article", column: "updatedBy", target: "user" },
  { table: "article_slug_alias", column: "articleId", target: "article" },
  { table: "claim", column: "currentStatus", target: "status" },
  { table: "claim", column: "currentStatusEventId", target: "status_event" },
  { table: "claim", column: "createdBy", target: "user" },
  { table: "claim", column: "updatedBy", target: "user" },
  { table: "claim", column: "mergedIntoId", target: "claim" },
  { table: "mention", column: "claimId", target: "claim" },
  { table: "mention", column: "articleId", target: "article" },
  { table: "mention", column: "createdBy", target: "user" },
  { table: "status_event", column: "claimId", target: "claim" },
  { table: "status_event", column: "statusKey", target: "status" },
  { table: "status_event", column: "correctsEventId", target: "status_event" },
  { table: "status_event", column: "authorId", target: "user" },
  { table: "status_event_source", column: "eventId", target: "status_event" },
  { table: "status_event_source", column: "sourceId", target: "source" },
  { table: "review_request", column: "requestedBy", target: "user" },
  { table: "review_request", column: "decidedBy", target: "user" },
  { table: "quantity_observation", column: "claimId", target: "claim" },
  { table: "quantity_observation", column: "sourceId", target: "source" },
  { table: "quantity_observation", column: "authorId", target: "user" },
  { table: "suggestion_dismissal", column: "articleId", target: "article" },
  { table: "suggestion_dismissal", column: "dismissedBy", target: "user" },
];

/** Unique columns besides the primary key, checked within the file. */
const UNIQUE_KEYS: readonly { table: BackupTableName; label: string; keyOf: (row: AnyRow) => string }[] = [
  { table: "user", label: "email", keyOf: (row) => String(row.email).toLowerCase() },
  { table: "article", label: "slug", keyOf: (row) => String(row.slug) },
  { table: "suggestion_dismissal", label: "articleId/sentence", keyOf: (row) => `${String(row.articleId)}/${String(row.sentence)}` },
];

/** Whether a primary key already exists in the database the backup is going into. */
export type ExistingKeyLookup = (table: BackupTableName, key: string) => boolean;

/**
 * The checks zod cannot make row by row: no duplicate primary or unique keys in the file,
 * and every reference pointing at a row of the file or of the database (`existsInDatabase`).
 */
export function findReferenceProblems(tables: BackupTables, existsInDatabase: ExistingKeyLookup): string[] {
  const problems: string[] = [];
  const keys = new Map<BackupTableName, Set<string>>();
  for (const table of BACKUP_TABLES) {
    const rows: readonly AnyRow[] = tables[table];
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const key = primaryKeyOf(table, row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else problems.push(`${table}[${index}].${primaryKeyLabel(table)} ${key} is a duplicate of ${table}[${first}]`);
    });
    keys.set(table, new Set(seen.keys()));
  }
  for (const { table, label, keyOf } of UNIQUE_KEYS) {
    const seen = new Map<string, number>();
    (tables[table] as readonly AnyRow[]).forEach((row, index) => {
      const key = keyOf(row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else problems.push(`${table}[${index}].${label} ${key} is already used by ${table}[${first}]`);
    });
  }
  problems.push(...findAliasesOfCurrentSlugs(tables));
  for (const { table, column, target } of REFERENCES) {
    (tables[table] as readonly AnyRow[]).forEach((row, index) => {
      const value = row[column];
      if (value === null || value === undefined) return;
      const key = String(value);
      if (!keys.get(target)!.has(key) && !existsInDatabase(target, key)) problems.push(`${table}[${index}].${column} ${key} refers to no ${target}`);
    });
  }
  // A review's subject is an article or a status event, as subjectType says: one column, two
  // possible targets, so REFERENCES (one target per column) cannot express it.
  tables.review_request.forEach((row, index) => {
    const key = String(row.subjectId);
    if (!keys.get(row.subjectType)!.has(key) && !existsInDatabase(row.subjectType, key)) {
      problems.push(`review_request[${index}].subjectId ${key} refers to no ${row.subjectType} (subjectType ${row.subjectType})`);
    }
  });
  problems.push(...findSecondOpenReviews(tables.review_request));
  return problems;
}

/**
 * Former slugs that are also a current slug within the file. One address names one article
 * (the article_slug_alias triggers refuse it), so this is said here, naming the slug, rather
 * than left to the database's error halfway through the writes.
 */
function findAliasesOfCurrentSlugs(tables: BackupTables): string[] {
  const articleIndexBySlug = new Map(tables.article.map((a, index) => [a.slug, index]));
  const problems: string[] = [];
  tables.article_slug_alias.forEach((alias, index) => {
    const current = articleIndexBySlug.get(alias.slug);
    if (current !== undefined) problems.push(`article_slug_alias[${index}].slug ${alias.slug} is also the current slug of article[${current}]`);
  });
  return problems;
}

/** The subject a review request is about, as "article 7": at most one open request each (review_request_open_idx). */
export const reviewSubjectKey = (row: { subjectType: string; subjectId: number }) => `${row.subjectType} ${row.subjectId}`;

/** Open requests (outcome null) beyond the first for the same subject within the file. */
function findSecondOpenReviews(rows: BackupTables["review_request"]): string[] {
  const problems: string[] = [];
  const firstOpen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.outcome !== null) return;
    const subject = reviewSubjectKey(row);
    const first = firstOpen.get(subject);
    if (first === undefined) firstOpen.set(subject, index);
    else problems.push(`review_request[${index}] is a second open review of ${subject}: review_request[${first}] is open too, and a subject has at most one`);
  });
  return problems;
}

/** "claim[3].kind: expected one of …" for each zod issue. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path[0] === "tables" ? issue.path.slice(1) : issue.path;
    const where = path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
    const message = issue.code === "invalid_type" && issue.message.endsWith("received undefined") ? "is required" : issue.message;
    return where ? `${where}: ${message}` : message;
  });
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problems: string[] };

/**
 * Parses and validates a backup file's text, without touching any database. The format and
 * version are checked first, so a file from another program or a newer Claimline gets one
 * clear line instead of a problem per row.
 */
export function parseBackup(json: string): ParsedBackup {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { ok: false, problems: ["The file is not a Claimline backup: expected a JSON object."] };
  }
  const { format, version } = document as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) return { ok: false, problems: [`format: expected "${BACKUP_FORMAT}", got ${JSON.stringify(format) ?? "nothing"}`] };
  if (version !== BACKUP_VERSION) {
    return { ok: false, problems: [`version: this version of Claimline reads backup version ${BACKUP_VERSION}, the file is version ${JSON.stringify(version) ?? "missing"}`] };
  }
  const result = backupSchema.safeParse(document);
  return result.success ? { ok: true, backup: result.data } : { ok: false, problems: describeIssues(result.error.issues) };
}

/** The message of the ValidationError an import throws: the first ten problems, one a line. */
export function problemsMessage(problems: readonly string[], shown = 10): string {
  const lines = problems.slice(0, shown).map((p) => `- ${p}`);
  if (problems.length > shown) lines.push(`- … and ${problems.length - shown} more`);
  const noun = problems.length === 1 ? "problem" : "problems";
  return `The backup was not imported (nothing was written): ${problems.length} ${noun}:\n${lines.join("\n")}`;
}
