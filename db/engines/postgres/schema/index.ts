/**
 * The PostgreSQL declarations of every table in db/schema/ (SQLite): same table, column and
 * index names, and each column read as the same JavaScript type, so one data-access layer
 * serves both engines. test/postgres/schema-drift.test.ts fails when the two drift apart.
 */
export * from "./auth";
export * from "./articles";
export * from "./statuses";
export * from "./claims";
export * from "./events";
export * from "./audit";
export * from "./api-tokens";
export * from "./reader-counts";
export * from "./rate-limits";
export * from "./reviews";
export * from "./data-migrations";
export * from "./change-counter";
