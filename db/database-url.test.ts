import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFilename } from "./client";

describe("DATABASE_URL", () => {
  it("names an SQLite file relative to the working directory, absolutely, or in memory", () => {
    expect(databaseFilename("file:./data/desk.db")).toBe(path.resolve("data/desk.db"));
    expect(databaseFilename("file:///srv/claimline/desk.db")).toBe("/srv/claimline/desk.db");
    expect(databaseFilename(":memory:")).toBe(":memory:");
  });

  it("refuses a PostgreSQL URL with what works today instead of opening a file named after it", () => {
    expect(() => databaseFilename("postgres://claimline@db.example/desk")).toThrow(/scheme not supported: postgres\..*does not run on PostgreSQL yet.*db:copy/);
    expect(() => databaseFilename("postgresql://db.example/desk")).toThrow(/does not run on PostgreSQL yet/);
  });

  it("refuses any other scheme without mentioning PostgreSQL", () => {
    expect(() => databaseFilename("mysql://db.example/desk")).toThrow(/^DATABASE_URL scheme not supported: mysql\. Use file:/);
    expect(() => databaseFilename("mysql://db.example/desk")).not.toThrow(/PostgreSQL/);
  });
});
