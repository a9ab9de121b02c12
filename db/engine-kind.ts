/*
 * Which engine a DATABASE_URL names (issue 19). SQLite is the embedded default: a file path,
 * `file:…` or `:memory:`; PostgreSQL is `postgres://` or `postgresql://`. Read once per process
 * from DATABASE_URL: the tables (db/schema) and the handle (db/client.ts) follow it.
 */
export type EngineKind = "sqlite" | "postgres";

export function engineOfUrl(url: string): EngineKind {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** The engine this process runs on. */
export function activeEngine(): EngineKind {
  return engineOfUrl(process.env.DATABASE_URL ?? "");
}
