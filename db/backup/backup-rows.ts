import "server-only";
import { type Column, getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import type { ArticleDoc } from "../../lib/article-doc/types";
import { isIsoDay } from "../../lib/dates";
import {
  appSettings,
  articles,
  articleSlugAliases,
  claims,
  eventSources,
  mentions,
  quantityObservations,
  reviewRequests,
  sources,
  statusEvents,
  statuses,
  suggestionDismissals,
  user,
} from "../schema";

/**
 * The row schemas of the backup file, derived from the Drizzle tables (drizzle-zod), so the
 * file's columns, their order and their nullability are the tables' own. What a table says
 * and the file must say differently is declared here once:
 *
 * - how a column is written: timestamps as ISO 8601 UTC strings with milliseconds (the
 *   database keeps milliseconds, so they round-trip exactly), enums with a message naming
 *   the allowed values;
 * - checks tighter than the column type (ids positive, dates real days, emails emails);
 * - columns the file leaves out, each with its reason;
 * - columns added after version 1 was first written: absent in an older file, restored as null.
 *
 * A new column therefore reaches the file by itself, and backup-rows.test.ts fails until it is
 * declared as added later (older files still import) or as left out.
 */

/** The Drizzle table behind each section of the file, in file order (see BACKUP_TABLES). */
export const BACKUP_DRIZZLE_TABLES = {
  status: statuses,
  user,
  article: articles,
  article_slug_alias: articleSlugAliases,
  claim: claims,
  mention: mentions,
  source: sources,
  status_event: statusEvents,
  status_event_source: eventSources,
  review_request: reviewRequests,
  quantity_observation: quantityObservations,
  suggestion_dismissal: suggestionDismissals,
  app_setting: appSettings,
} as const satisfies Record<string, SQLiteTable>;
type Tables = typeof BACKUP_DRIZZLE_TABLES;
type TableName = keyof Tables;

/** Columns of the backed-up tables that the file leaves out, with why. */
export const LEFT_OUT = {
  // Better Auth's bookkeeping: an imported user gets no credentials (import-backup.ts sets emailVerified and updatedAt).
  user: { emailVerified: "false on import: no credentials come with a user", image: "Better Auth's, unused by Claimline", updatedAt: "set to createdAt on import" },
  // Kept by triggers (migration 0008), never written by the app: rebuilt as the rows are inserted.
  claim: { readable: "kept by triggers", timelineOwnerId: "kept by triggers", timelineReadable: "kept by triggers" },
} as const satisfies { [T in TableName]?: { [C in keyof Tables[T]["$inferSelect"]]?: string } };
type LeftOut<T extends TableName> = T extends keyof typeof LEFT_OUT ? keyof (typeof LEFT_OUT)[T] : never;

/**
 * Nullable columns added after the first version 1 files were written: such a file has no
 * key for them, and they restore as null. A new nullable column goes here, so every older
 * backup still restores without a version 2.
 */
export const ADDED_LATER = {
  // 0011 claimantType ("not said"), 0012 assigneeId (unassigned), 0016 statementLanguage.
  claim: ["statementLanguage", "claimantType", "assigneeId"],
  // Migration 0016's language columns: detected when read.
  mention: ["language"],
  source: ["titleLanguage"],
  status_event: ["rationaleLanguage"],
} as const satisfies { [T in TableName]?: readonly (keyof Tables[T]["$inferSelect"])[] };

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `expected one of ${values.join(", ")}` });
const timestamp = z.iso.datetime({ error: "expected an ISO 8601 UTC timestamp such as 2025-08-05T10:00:00.000Z" });
const day = z.string({ error: "expected a date as YYYY-MM-DD" }).refine(isIsoDay, "expected a real date as YYYY-MM-DD");
const nonEmpty = z.string().min(1, "must not be empty");
const rowId = z.number().int().positive();
const count = z.number().int().nonnegative();
/** A user id (nullable columns get null from the table). */
const userRef = nonEmpty;

/** Checks the shape of an article's parsed body without rebuilding it, so the stored JSON is written back key for key. */
const articleDocShape = z.object({
  version: z.literal(1),
  blocks: z.array(z.looseObject({ type: oneOf(["heading", "paragraph", "quote", "list-item", "image"]) })),
});
// Typed as the column's ArticleDoc: the value is written back as stored, and re-derived on import anyway.
const articleDoc = z.unknown().superRefine((value, ctx) => {
  if (value === null) return;
  const result = articleDocShape.safeParse(value);
  for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}) as unknown as z.ZodType<ArticleDoc>;

/** A Date column: SQLite's integer milliseconds, PostgreSQL's timestamptz(3) (db/engines/postgres/schema/columns.ts). */
export const isTimestampColumn = (column: Column) => column.columnType === "SQLiteTimestamp" || column.columnType === "PgTimestamp";

/** How the file writes a column when no tighter check is given: undefined keeps drizzle-zod's schema. */
function fileEncoding(column: Column): z.ZodType | undefined {
  if (isTimestampColumn(column)) return timestamp;
  const values = (column as { enumValues?: string[] }).enumValues;
  if (values && values.length > 0) return oneOf(values as [string, ...string[]]);
  return undefined;
}

/** A row of table T as the file holds it: the table's columns minus those left out, timestamps as strings. */
export type FileRow<T extends TableName> = {
  [K in Exclude<keyof Tables[T]["$inferSelect"], LeftOut<T>>]: Tables[T]["$inferSelect"][K] extends infer V ? (V extends Date ? string : V) : never;
};
type FileRowSchema<T extends TableName> = z.ZodObject<{ [K in keyof FileRow<T>]: z.ZodType<FileRow<T>[K], unknown> }, z.core.$strict>;

/** Checks tighter than the column type; each must accept the column's own values (TypeScript holds them to it). */
type Checks<T extends TableName> = { [C in keyof FileRow<T>]?: z.ZodType<NonNullable<FileRow<T>[C]>> };

/**
 * The row schema of one table: drizzle-zod's select schema, with each column written as the
 * file writes it (tighter `checks` first) and made nullable where the column is (drizzle-zod
 * does that for refinements given as functions); left-out columns dropped, added-later
 * columns defaulted to null, unknown keys refused (an older Claimline refuses a newer file's
 * columns rather than dropping them).
 */
function backupRow<T extends TableName>(name: T, checks: Checks<T> = {}): FileRowSchema<T> {
  const table: SQLiteTable = BACKUP_DRIZZLE_TABLES[name];
  const leftOut: Record<string, string> = (LEFT_OUT as Partial<Record<TableName, Record<string, string>>>)[name] ?? {};
  const addedLater: readonly string[] = (ADDED_LATER as Partial<Record<TableName, readonly string[]>>)[name] ?? [];
  const refine: Record<string, () => z.ZodType> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const schema = (checks as Record<string, z.ZodType | undefined>)[key] ?? fileEncoding(column);
    if (schema) refine[key] = () => schema;
  }
  const derived = createSelectSchema(table, refine as never) as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const shape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(derived.shape)) {
    if (key in leftOut) continue;
    shape[key] = addedLater.includes(key) ? nullDefault(name, key, schema) : schema;
  }
  return z.strictObject(shape) as unknown as FileRowSchema<T>;
}

function nullDefault(table: string, key: string, schema: z.ZodType): z.ZodType {
  // Only a nullable column can be missing from an older file without inventing a value.
  if (!schema.safeParse(null).success) throw new Error(`Backup format: ${table}.${key} is declared added later, but is not nullable.`);
  return schema.default(null);
}

export const ROW_SCHEMAS = {
  status: backupRow("status", {
    key: nonEmpty,
    labelEn: nonEmpty,
    labelZh: nonEmpty,
    color: nonEmpty,
    icon: nonEmpty,
    ratingValue: z.number().int().min(1).max(5),
    sortOrder: z.number().int(),
  }),
  // Who did what, without any way to sign in: imported users get no credentials.
  user: backupRow("user", { id: nonEmpty, email: z.email("expected an email address") }),
  article: backupRow("article", {
    id: rowId,
    slug: nonEmpty,
    language: nonEmpty,
    publishedDate: day,
    // Restored as stored, then re-derived in the import's transaction with its mentions carried
    // onto the same words (import-backup.ts): offsets index into bodyText, so the file keeps
    // the text they were made on.
    bodyDoc: articleDoc,
    version: rowId,
    createdBy: userRef,
    updatedBy: userRef,
  }),
  // An address the article had before its slug changed; it redirects to the current slug (db/articles/slug-aliases.ts).
  article_slug_alias: backupRow("article_slug_alias", { slug: nonEmpty, articleId: rowId }),
  claim: backupRow("claim", {
    id: rowId,
    statement: nonEmpty,
    statementLanguage: nonEmpty,
    claimDate: day,
    quantityValue: z.number(),
    quantityAsOf: day,
    recheckBy: day,
    assigneeId: userRef,
    currentStatus: nonEmpty,
    currentStatusEventId: rowId,
    version: rowId,
    createdBy: userRef,
    updatedBy: userRef,
    mergedIntoId: rowId,
  }),
  mention: backupRow("mention", {
    id: rowId,
    claimId: rowId,
    articleId: rowId,
    language: nonEmpty,
    startOffset: count,
    endOffset: count,
    position: z.number().int(),
    version: rowId,
    createdBy: userRef,
  }).refine((m) => m.endOffset >= m.startOffset, { message: "endOffset is before startOffset", path: ["endOffset"] }),
  source: backupRow("source", { id: rowId, url: nonEmpty, titleLanguage: nonEmpty, publishedDate: day }),
  status_event: backupRow("status_event", {
    id: rowId,
    claimId: rowId,
    statusKey: nonEmpty,
    effectiveDate: day,
    rationaleLanguage: nonEmpty,
    correctsEventId: rowId,
    authorId: userRef,
  }),
  status_event_source: backupRow("status_event_source", { eventId: rowId, sourceId: rowId, position: z.number().int() }),
  // A desk's request for a second approval, open while `outcome` is null; decided rows are the
  // review history. `subjectId` is an article's or a status event's id, as `subjectType` says:
  // findReferenceProblems checks it.
  review_request: backupRow("review_request", { id: rowId, subjectId: rowId, subjectVersion: rowId, requestedBy: userRef, decidedBy: userRef }),
  quantity_observation: backupRow("quantity_observation", { id: rowId, claimId: rowId, value: z.number(), observedOn: day, sourceId: rowId, authorId: userRef }),
  suggestion_dismissal: backupRow("suggestion_dismissal", { id: rowId, articleId: rowId, dismissedBy: userRef }),
  app_setting: backupRow("app_setting", { key: nonEmpty }),
} as const satisfies { [T in TableName]: FileRowSchema<T> };

/** The columns of each table's rows, in file order: the tables' column order. */
export const ROW_KEYS = Object.fromEntries(Object.entries(ROW_SCHEMAS).map(([name, schema]) => [name, Object.keys(schema.shape)])) as unknown as Record<TableName, readonly string[]>;
