import "server-only";
import path from "node:path";

/** Where a desk lives: an SQLite file, or a PostgreSQL database. */
export type DeskLocation = { engine: "sqlite"; url: string; filename: string } | { engine: "postgres"; url: string; identity: string };

/**
 * Reads a database URL the way DATABASE_URL is read (db/client.ts): `file:path.db` or a bare
 * path is SQLite, `postgres://` / `postgresql://` is PostgreSQL. Throws a message naming what is
 * supported for anything else, and for an in-memory database (a copy into it would vanish).
 */
export function locateDesk(url: string): DeskLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const parsed = new URL(url);
    // The same server and database however the URL spells the rest (user, password, options).
    const identity = `${parsed.hostname.toLowerCase()}:${parsed.port || "5432"}${decodeURIComponent(parsed.pathname) || "/"}`;
    return { engine: "postgres", url, identity };
  }
  if (url === ":memory:" || url === "file::memory:") {
    throw new Error(`${url} is an in-memory database: name a file (file:./data/claimline.db) or a PostgreSQL database (postgres://…).`);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== "file") {
    throw new Error(`Unsupported database URL scheme "${scheme}:": use file:./path/to/claimline.db (SQLite) or postgres://user@host/database (PostgreSQL).`);
  }
  const file = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  if (file === "") throw new Error(`${url} names no file: use file:./path/to/claimline.db.`);
  return { engine: "sqlite", url, filename: path.resolve(file) };
}

/** Whether two locations are the same database (a copy onto itself would refuse or destroy it). */
export function sameDesk(a: DeskLocation, b: DeskLocation): boolean {
  if (a.engine === "sqlite" && b.engine === "sqlite") return a.filename === b.filename;
  if (a.engine === "postgres" && b.engine === "postgres") return a.identity === b.identity;
  return false;
}
