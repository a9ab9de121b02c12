import { afterEach } from "vitest";
import { closeDb } from "../db/client";
import "./parse-worker";

// Every test starts from a fresh, migrated in-memory database.
afterEach(async () => {
  await closeDb();
});
