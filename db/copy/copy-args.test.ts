import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCopyArgs } from "./copy-args";

describe("db:copy arguments", () => {
  it("reads an SQLite and a PostgreSQL URL, either way round", () => {
    expect(parseCopyArgs(["--from", "file:./data/a.db", "--to", "postgres://copier@db.example:6543/desk"])).toEqual({
      from: { engine: "sqlite", url: "file:./data/a.db", filename: path.resolve("data/a.db") },
      to: { engine: "postgres", url: "postgres://copier@db.example:6543/desk", identity: "db.example:6543/desk" },
    });
    expect(parseCopyArgs(["--from=postgresql://db/desk", "--to=file:/tmp/b.db"]).to).toMatchObject({ engine: "sqlite", filename: "/tmp/b.db" });
  });

  it("names a missing flag and shows the usage", () => {
    expect(() => parseCopyArgs(["--from", "file:a.db"])).toThrow(/--to is missing[\s\S]*Usage: npm run db:copy -- --from <database url> --to <database url>/);
    expect(() => parseCopyArgs([])).toThrow(/--from is missing[\s\S]*--to is missing/);
  });

  it("names an unknown flag or a stray argument", () => {
    expect(() => parseCopyArgs(["--form", "file:a.db", "--to", "file:b.db"])).toThrow(/Unknown option '--form'[\s\S]*Usage/);
    expect(() => parseCopyArgs(["file:a.db", "file:b.db"])).toThrow(/Unexpected argument 'file:a.db'[\s\S]*Usage/);
  });

  it("refuses an unsupported scheme and an in-memory database", () => {
    expect(() => parseCopyArgs(["--from", "mysql://db/desk", "--to", "file:b.db"])).toThrow(/--from Unsupported database URL scheme "mysql:"/);
    expect(() => parseCopyArgs(["--from", "file:a.db", "--to", ":memory:"])).toThrow(/--to :memory: is an in-memory database/);
  });

  it("refuses the same database twice, however the URL spells it", () => {
    expect(() => parseCopyArgs(["--from", "file:./data/a.db", "--to", `file:${path.resolve("data/../data/a.db")}`])).toThrow(/name the same database/);
    expect(() => parseCopyArgs(["--from", "postgres://a@DB:5432/desk", "--to", "postgresql://b:secret@db/desk?sslmode=require"])).toThrow(
      /name the same database/,
    );
  });
});
