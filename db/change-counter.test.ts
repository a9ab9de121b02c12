import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase } from "./backup/online-backup";
import { restoreDatabase } from "./backup/online-restore";
import { changedTagsSince } from "./cache-tags";
import { changeCount, UNWATCHED_TABLES, WATCHED_TABLES } from "./change-counter";
import { openDatabase } from "./client";
import { appSettings } from "./schema";

let dir: string;
let url: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-counter-"));
  url = `file:${path.join(dir, "live.db")}`;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the change counter", () => {
  it("watches or knowingly ignores every table (a new table must be put in one list)", () => {
    const db = openDatabase(url).$client;
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .pluck()
      .all() as string[];
    // The full-text index's own tables are kept by its triggers from `claim`, `mention` and `article`.
    const ordinary = tables.filter((name) => !name.startsWith("claim_search_"));
    expect([...ordinary].sort()).toEqual([...WATCHED_TABLES, ...UNWATCHED_TABLES].sort());
    const triggers = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    for (const table of WATCHED_TABLES) for (const op of ["insert", "update", "delete"]) expect(triggers, `${table} ${op}`).toContain(`${table}_changed_${op}`);
    db.close();
  });

  it("moves in the writing transaction, and another connection on the file sees it on its next read", async () => {
    const app = openDatabase(url);
    const other = new Database(path.join(dir, "live.db"));
    const before = await changeCount(other);
    expect(await changeCount(app.$client)).toBe(before);
    await app.insert(appSettings).values({ key: "seen", value: "yes" });
    expect(await changeCount(other)).toBe(before + 1);
    expect(await changeCount(app.$client)).toBe(before + 1);
    // A write that rolls back moves nothing.
    await expect(app.transaction(async (tx) => {
              await tx.insert(appSettings).values({ key: "undone", value: "no" });
              throw new Error("roll back");
            })).rejects.toThrow("roll back");
    expect(await changeCount(other)).toBe(before + 1);
    other.close();
    app.$client.close();
  });
});

describe("a restore from the command line", () => {
  it("replaces the content under open connections and moves the counter past every value it had", async () => {
    const app = openDatabase(url);
    await app.insert(appSettings).values({ key: "kept", value: "in the backup" });
    const backup = path.join(dir, "backup.db");
    await backupDatabase(url, backup);
    await app.insert(appSettings).values({ key: "lost", value: "after the backup" });
    const highest = await changeCount(app.$client);

    // Another process's connection, open through the restore as an app process's would be.
    const other = new Database(path.join(dir, "live.db"));
    const result = await restoreDatabase(url, backup);

    expect(await changeCount(other)).toBe(result.changeCount);
    expect(result.changeCount).toBeGreaterThan(highest);
    // Every cached page is stale: the desk's tag, which every public answer carries, moved with it.
    expect(await changedTagsSince(highest, other)).toContain("desk");
    expect(other.prepare("SELECT key FROM app_setting WHERE key IN ('kept', 'lost')").pluck().all()).toEqual(["kept"]);
    expect(app.$client.prepare("SELECT key FROM app_setting WHERE key IN ('kept', 'lost')").pluck().all()).toEqual(["kept"]);
    expect(fs.readdirSync(dir).filter((name) => name.includes("restoring"))).toEqual([]);
    other.close();
    app.$client.close();
  });
});
