import { expect, it } from "vitest";
import { publishChangeCount } from "@/db/change-counter";
import { getDb } from "@/db/client";
import { appSettings } from "@/db/schema";
import { readerGeneration } from "./reader-generation.mjs";

it("is NaN (nothing cached) until the app publishes the counter, then follows every write", async () => {
  expect(await readerGeneration()).toBeNaN();
  publishChangeCount();
  const before = await readerGeneration();
  await getDb().insert(appSettings).values({ key: "generation-test", value: "1" });
  expect(await readerGeneration()).toBe(before + 1);
});
