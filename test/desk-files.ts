import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { bootstrap } from "../db/bootstrap";
import { closeDb } from "../db/client";

/** A temporary directory for the databases of one test; removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-copy-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The demo desk `npm start` seeds (db/seed), plus an admin, in an SQLite file at `filename`. */
export async function seedDemoDesk(filename: string): Promise<void> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${filename}`;
  try {
    await closeDb();
    await bootstrap({ SEED_DEMO: "1", ADMIN_EMAIL: "admin@example.test", ADMIN_PASSWORD: "a long enough password" });
  } finally {
    await closeDb();
    process.env.DATABASE_URL = previous;
  }
}

/**
 * Everything an SQLite file holds, schema and rows (sorted, since a copy inserts in primary-key
 * order where the desk inserted as it went), as text: equal text, equal content.
 */
export function sqliteContents(filename: string): string {
  const db = new Database(filename, { readonly: true });
  try {
    const objects = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
    const rows = objects
      .filter((o) => o.type === "table" && !o.name.startsWith("claim_search_"))
      .map((o) => `${o.name}: ${JSON.stringify((db.prepare(`SELECT * FROM "${o.name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort())}`);
    return [...objects.map((o) => `${o.type} ${o.name} ${o.sql}`), ...rows].join("\n");
  } finally {
    db.close();
  }
}
