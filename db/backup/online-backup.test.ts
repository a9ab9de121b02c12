import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { appSettings } from "../schema";
import { backupDatabase, defaultBackupPath } from "./online-backup";
import { restoreDatabase } from "./online-restore";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-backup-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("online backup", () => {
  it("copies a live file database while another connection holds a read transaction", async () => {
    const url = `file:${path.join(dir, "live.db")}`;
    const app = openDatabase(url);
    await app.insert(appSettings).values({ key: "before", value: "早" });

    // A reader in the middle of a transaction, as a request would be.
    const reader = new Database(path.join(dir, "live.db"));
    reader.exec("BEGIN");
    expect(reader.prepare("SELECT count(*) FROM app_setting").pluck().get()).toBe(1);
    // Written after the reader's snapshot, still only in the WAL: the backup must include it.
    await app.insert(appSettings).values({ key: "after", value: "晚" });

    const destination = path.join(dir, "backups", "copy.db");
    const result = await backupDatabase(url, destination);
    reader.exec("COMMIT");
    reader.close();
    app.$client.close();

    expect(result).toMatchObject({ destination, source: path.join(dir, "live.db") });
    expect(result.bytes).toBe(fs.statSync(destination).size);
    expect(fs.existsSync(`${destination}.partial`)).toBe(false);
    const copy = new Database(destination, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.prepare("SELECT key, value FROM app_setting ORDER BY key").all()).toEqual([
      { key: "after", value: "晚" },
      { key: "before", value: "早" },
    ]);
    expect(copy.prepare("SELECT count(*) FROM status").pluck().get()).toBe(10);
    copy.close();
  });

  it("refuses an in-memory database, a missing file and an existing destination", async () => {
    await expect(backupDatabase(":memory:", path.join(dir, "x.db"))).rejects.toThrow(/in-memory/);
    await expect(backupDatabase(`file:${path.join(dir, "missing.db")}`, path.join(dir, "x.db"))).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, "missing.db"))).toBe(false);

    const url = `file:${path.join(dir, "live.db")}`;
    openDatabase(url).$client.close();
    fs.writeFileSync(path.join(dir, "taken.db"), "earlier backup");
    await expect(backupDatabase(url, path.join(dir, "taken.db"))).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(path.join(dir, "taken.db"), "utf8")).toBe("earlier backup");
  });

  it("refuses a PostgreSQL database, pointing to pg_dump, and writes no file", async () => {
    const destination = path.join(dir, "x.db");
    await expect(backupDatabase("postgres://claimline@db.example/claimline", destination)).rejects.toThrow(/PostgreSQL.*pg_dump/);
    await expect(restoreDatabase("postgresql://claimline@db.example/claimline", destination)).rejects.toThrow(/PostgreSQL.*pg_dump/);
    expect(fs.existsSync(destination)).toBe(false);
  });

  it("names default backups by UTC time under data/backups", () => {
    expect(defaultBackupPath(new Date("2025-08-05T07:08:09.123Z"), "/srv/claimline")).toBe("/srv/claimline/data/backups/claimline-20250805-070809.db");
  });
});
