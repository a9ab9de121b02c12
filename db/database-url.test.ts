import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFilename, openDatabase } from "./client";
import { engineOfUrl } from "./engine-kind";

describe("DATABASE_URL", () => {
  it("names an SQLite file relative to the working directory, absolutely, or in memory", () => {
    expect(databaseFilename("file:./data/desk.db")).toBe(path.resolve("data/desk.db"));
    expect(databaseFilename("file:///srv/claimline/desk.db")).toBe("/srv/claimline/desk.db");
    expect(databaseFilename(":memory:")).toBe(":memory:");
  });

  it("opens PostgreSQL only in a process started on it, since the tables follow DATABASE_URL at start", () => {
    expect(engineOfUrl("postgres://claimline@db.example/desk")).toBe("postgres");
    expect(engineOfUrl("postgresql://db.example/desk")).toBe("postgres");
    expect(engineOfUrl("file:./data/desk.db")).toBe("sqlite");
    expect(() => openDatabase("postgres://claimline@db.example/desk")).toThrow(/runs on SQLite .*cannot open a PostgreSQL database/);
  });

  it("refuses any other scheme, naming both engines' URLs", () => {
    expect(() => databaseFilename("mysql://db.example/desk")).toThrow(/^DATABASE_URL scheme not supported: mysql\. Use file:.*\(SQLite\) or postgres:\/\/.*\(PostgreSQL\)/);
  });
});
