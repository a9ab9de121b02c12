import { eq, getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventInput, makeArticle, makeClaim, makeUser } from "../../test/factories";
import type { Actor } from "../authorize";
import { getDb } from "../client";
import { openNewDatabase } from "../../test/new-database";
import { recordStatusEvent } from "../events/record-status-event";
import { claims, mentions, sources, statusEvents, user } from "../schema";
import { BACKUP_TABLES } from "./backup-format";
import { ADDED_LATER, BACKUP_DRIZZLE_TABLES, isTimestampColumn, LEFT_OUT, ROW_KEYS } from "./backup-rows";
import { exportBackup } from "./export-backup";
import { importBackup } from "./import-backup";
import { firstRow } from "../rows";

/**
 * The columns of the first version 1 files, frozen. Every column the tables have since gained
 * must be declared in backup-rows.ts: ADDED_LATER (so these files still restore) or LEFT_OUT.
 */
const FIRST_VERSION_1_COLUMNS: Record<string, readonly string[]> = {
  status: ["key", "labelEn", "labelZh", "color", "icon", "resolved", "ratingValue", "sortOrder", "retiredAt", "createdAt"],
  user: ["id", "name", "email", "role", "deactivatedAt", "createdAt"],
  article: [
    "id", "slug", "title", "summary", "sourceUrl", "outlet", "byline", "language", "publishedDate", "body", "bodyFormat", "bodyDoc", "bodyText",
    "status", "version", "createdBy", "updatedBy", "createdAt", "updatedAt",
  ],
  article_slug_alias: ["slug", "articleId", "createdAt"],
  claim: [
    "id", "statement", "claimant", "claimDate", "kind", "quantityValue", "quantityUnit", "quantityQualifier", "quantityAsOf", "recheckBy",
    "currentStatus", "currentStatusEventId", "version", "createdBy", "updatedBy", "createdAt", "updatedAt", "deletedAt", "mergedIntoId",
  ],
  mention: ["id", "claimId", "articleId", "exact", "prefix", "suffix", "startOffset", "endOffset", "position", "anchorState", "version", "createdBy", "createdAt", "updatedAt", "deletedAt"],
  source: ["id", "url", "title", "publisher", "publishedDate", "archivedUrl", "createdAt"],
  status_event: ["id", "claimId", "statusKey", "effectiveDate", "effectivePrecision", "recordedAt", "rationale", "internalNote", "visibility", "correctsEventId", "authorId"],
  status_event_source: ["eventId", "sourceId", "position"],
  review_request: ["id", "subjectType", "subjectId", "subjectVersion", "requestedBy", "requestedAt", "outcome", "decidedBy", "decidedAt", "comment"],
  quantity_observation: ["id", "claimId", "value", "unit", "observedOn", "note", "sourceId", "authorId", "recordedAt"],
  suggestion_dismissal: ["id", "articleId", "sentence", "dismissedBy", "dismissedAt"],
  app_setting: ["key", "value", "updatedAt"],
};

const addedLater = (table: string): readonly string[] => (ADDED_LATER as Record<string, readonly string[]>)[table] ?? [];
const leftOut = (table: string): readonly string[] => Object.keys((LEFT_OUT as Record<string, object>)[table] ?? {});

describe("the backup row schemas, derived from the tables", () => {
  it("write every column of every backed-up table, in the table's order, except those left out on purpose", () => {
    for (const table of BACKUP_TABLES) {
      const columns = Object.keys(getTableColumns(BACKUP_DRIZZLE_TABLES[table]));
      for (const column of leftOut(table)) expect(columns, `${table}.${column} is left out but is no column`).toContain(column);
      expect(ROW_KEYS[table], table).toEqual(columns.filter((c) => !leftOut(table).includes(c)));
    }
  });

  it("know every column added since the first version 1 files: declared added later (older files restore) or left out", () => {
    for (const table of BACKUP_TABLES) {
      const sinceFirstFiles = ROW_KEYS[table].filter((c) => !FIRST_VERSION_1_COLUMNS[table]!.includes(c));
      // A failure here means a table gained a column the backup format does not know about:
      // add it to ADDED_LATER (nullable, restored as null from older files) or LEFT_OUT in backup-rows.ts.
      expect(sinceFirstFiles, `${table}: columns not in the first version 1 files`).toEqual([...addedLater(table)]);
    }
  });
});

async function deskWithLanguagesAndAssignee() {
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  const article = await makeArticle(editor);
  const { claimId } = await makeClaim(editor, article.id);
  await getDb().update(claims).set({ assigneeId: editor.userId, claimantType: "organization" }).where(eq(claims.id, claimId));
  await recordStatusEvent(editor, eventInput(claimId, { statusKey: "true", rationale: "据路透社报道。", sources: [{ url: "https://example.com/reuters", title: "估值报道" }] }));
  return { admin };
}

async function freshDatabaseWithAdmin(admin: Actor) {
  const adminRow = (await firstRow(getDb().select().from(user).where(eq(user.id, admin.userId))))!;
  await openNewDatabase();
  await getDb().insert(user).values(adminRow);
}

describe("backups written before a column was added", () => {
  it("restore, with each added-later column null", async () => {
    const { admin } = await deskWithLanguagesAndAssignee();
    const current = JSON.parse(await exportBackup(admin)) as { tables: Record<string, Record<string, unknown>[]> };
    // What a file written before those columns looks like: none of their keys.
    for (const [table, rows] of Object.entries(current.tables)) for (const row of rows) for (const column of addedLater(table)) delete row[column];
    const older = JSON.stringify(current);
    for (const column of ["statementLanguage", "claimantType", "assigneeId", "rationaleLanguage", "titleLanguage"]) expect(older).not.toContain(`"${column}"`);

    await freshDatabaseWithAdmin(admin);
    const summary = await importBackup(admin, older, { mode: "empty-only" });
    expect(summary.inserted).toMatchObject({ claim: 1, mention: 1, source: 1, status_event: 1 });
    expect(await getDb().select({ language: claims.statementLanguage, claimantType: claims.claimantType, assigneeId: claims.assigneeId }).from(claims)).toEqual([
      { language: null, claimantType: null, assigneeId: null },
    ]);
    expect(await getDb().select({ language: mentions.language }).from(mentions)).toEqual([{ language: null }]);
    expect(await getDb().select({ language: sources.titleLanguage }).from(sources)).toEqual([{ language: null }]);
    expect(await getDb().select({ language: statusEvents.rationaleLanguage }).from(statusEvents)).toEqual([{ language: null }]);
  });

  it("write timestamps as ISO strings and leave out the trigger-kept and credential columns", async () => {
    const { admin } = await deskWithLanguagesAndAssignee();
    const { tables } = JSON.parse(await exportBackup(admin)) as { tables: Record<string, Record<string, unknown>[]> };
    for (const table of BACKUP_TABLES) {
      const columns = getTableColumns(BACKUP_DRIZZLE_TABLES[table]);
      for (const row of tables[table]!) {
        for (const [key, column] of Object.entries(columns)) {
          if (leftOut(table).includes(key)) expect(row, `${table}.${key}`).not.toHaveProperty(key);
          else if (isTimestampColumn(column) && row[key] !== null) expect(row[key], `${table}.${key}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        }
      }
    }
    expect(tables.claim![0]).toMatchObject({ claimantType: "organization" });
  });
});
