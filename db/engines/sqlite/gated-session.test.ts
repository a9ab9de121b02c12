import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openNewDatabase } from "../../../test/new-database";
import { getDb } from "../../client";
import { firstRow } from "../../rows";
import { rawRows } from "../../raw-rows";
import { appSettings } from "../../schema";
import { StatementCache } from "./gated-session";

/**
 * The SQLite engine's transaction gate (gated-session.ts): one connection per process, so while
 * a transaction awaits between its statements, statements from elsewhere must wait for its
 * COMMIT instead of running inside it, and a transaction's work must use its own handle.
 */
beforeEach(async () => {
  await openNewDatabase();
});

const setting = async (key: string) => (await firstRow(getDb().select().from(appSettings).where(eq(appSettings.key, key))))?.value ?? null;

/** A promise and the function that settles it, to hold a transaction open at a known point. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("the transaction gate", () => {
  it("holds a read from elsewhere until the open transaction commits, so it never sees uncommitted rows", async () => {
    const db = getDb();
    const held = latch();
    const wrote = latch();
    const transaction = db.transaction(async (tx) => {
      await tx.insert(appSettings).values({ key: "gate", value: "written" });
      wrote.open();
      await held.opened;
      await tx.update(appSettings).set({ value: "final" }).where(eq(appSettings.key, "gate"));
    }, { behavior: "immediate" });
    await wrote.opened;

    let readerSaw: string | null | undefined;
    const reader = setting("gate").then((value) => (readerSaw = value));
    // The reader is queued behind the transaction, not answered from inside it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readerSaw).toBeUndefined();

    held.open();
    await transaction;
    await reader;
    expect(readerSaw).toBe("final");
  });

  it("refuses a statement on the shared handle inside a transaction's work instead of waiting for itself", async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(appSettings).values({ key: "misuse", value: "x" });
        await db.select().from(appSettings);
      }),
    ).rejects.toThrow(/use the transaction handle \(tx\)/);
    // Refused and rolled back: the row is gone and the handle serves the next statement.
    expect(await setting("misuse")).toBeNull();
  });

  it("rolls a failed transaction back whole, and the next one runs on a clean handle", async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(appSettings).values({ key: "failed", value: "x" });
        throw new Error("the work failed");
      }, { behavior: "immediate" }),
    ).rejects.toThrow("the work failed");
    // The transaction handle is made once and reused: nothing of the failed one carries over.
    await db.transaction(async (tx) => {
      await tx.insert(appSettings).values({ key: "next", value: "y" });
    }, { behavior: "immediate" });
    expect(await setting("failed")).toBeNull();
    expect(await setting("next")).toBe("y");
  });

  it("runs transactions opened at once one after the other, each committing all of its work", async () => {
    const db = getDb();
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        db.transaction(async (tx) => {
          order.push(`${name} begins`);
          await tx.insert(appSettings).values({ key: name, value: "1" });
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name} ends`);
        }, { behavior: "immediate" }),
      ),
    );
    expect(order).toEqual(["a begins", "a ends", "b begins", "b ends", "c begins", "c ends"]);
    expect([await setting("a"), await setting("b"), await setting("c")]).toEqual(["1", "1", "1"]);
  });

  it("keeps the outer transaction's work when a savepoint inside it rolls back", async () => {
    const db = getDb();
    await db.transaction(async (tx) => {
      await tx.insert(appSettings).values({ key: "outer", value: "kept" });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(appSettings).values({ key: "inner", value: "dropped" });
          throw new Error("inner failed");
        }),
      ).rejects.toThrow("inner failed");
    }, { behavior: "immediate" });
    expect(await setting("outer")).toBe("kept");
    expect(await setting("inner")).toBeNull();
  });
});

describe("the statement cache", () => {
  it("gives every caller of a text its rows in the shape it asked for, though they share one statement", async () => {
    const db = getDb();
    await db.insert(appSettings).values({ key: "shape", value: "v" });
    const text = sql`SELECT key, value FROM app_setting WHERE key = 'shape'`;
    // values() switches the shared statement to arrays; the next all() must get objects again.
    expect(await db.values(text)).toEqual([["shape", "v"]]);
    expect(await db.all(text)).toEqual([{ key: "shape", value: "v" }]);
    expect(await db.get(text)).toEqual({ key: "shape", value: "v" });
    expect(await rawRows(db, db.select({ key: appSettings.key, value: appSettings.value }).from(appSettings).where(eq(appSettings.key, "shape")))).toEqual([["shape", "v"]]);
    expect(await firstRow(db.select({ key: appSettings.key, value: appSettings.value }).from(appSettings).where(eq(appSettings.key, "shape")))).toEqual({ key: "shape", value: "v" });
  });

  it("keeps the shape of a read that waited at the gate while the transaction ran the same text as arrays", async () => {
    const db = getDb();
    await db.insert(appSettings).values({ key: "waited", value: "w" });
    const text = sql`SELECT key, value FROM app_setting WHERE key = 'waited'`;
    const held = latch();
    const inside = latch();
    const transaction = db.transaction(async (tx) => {
      inside.open();
      await held.opened;
      expect(await tx.values(text)).toEqual([["waited", "w"]]);
    });
    await inside.opened;
    // drizzle's queries start when awaited or then()'d: this one is prepared now and waits at the gate.
    const waiting = new Promise((resolve, reject) => {
      db.all(text).then(resolve, reject);
    });
    held.open();
    await transaction;
    expect(await waiting).toEqual([{ key: "waited", value: "w" }]);
  });

  it("prepares a text once and starts over past its capacity", async () => {
    const Database = (await import("better-sqlite3")).default;
    const client = new Database(":memory:");
    try {
      const cache = new StatementCache(client, 2);
      const first = cache.get("SELECT 1");
      expect(cache.get("SELECT 1")).toBe(first);
      cache.get("SELECT 2");
      cache.get("SELECT 3");
      // Full at two: the third text started the cache over, so SELECT 1 is prepared again.
      expect(cache.get("SELECT 1")).not.toBe(first);
      expect(cache.get("SELECT 1").raw().get()).toEqual([1]);
    } finally {
      client.close();
    }
  });
});
