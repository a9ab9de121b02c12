import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "./client";

/** A real round trip to the database, for the health route. */
export function checkDatabase(): boolean {
  return getDb().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
}
