import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "./client";

/** A real round trip to the database, for the health route. */
export async function checkDatabase(): Promise<boolean> {
  return (await getDb().get<{ ok: number }>(sql`select 1 as ok`))?.ok === 1;
}
