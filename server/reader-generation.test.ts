import { expect, it } from "vitest";
import { invalidateReaderCache } from "@/app/_lib/reader-cache";
import { readerGeneration } from "./reader-generation.mjs";

it("a mutation's cache invalidation moves the generation the page cache checks", () => {
  const before = readerGeneration();
  invalidateReaderCache();
  expect(readerGeneration()).toBe(before + 1);
});
