/**
 * The tables, as the data-access layer imports them: the active engine's declarations
 * (db/engine-kind.ts) under the SQLite declarations' types. The PostgreSQL declarations
 * (db/engines/postgres/schema/) have the same table and column names and read each column as
 * the same JavaScript type; test/postgres/schema-drift.test.ts fails when they drift, which is
 * what makes this cast sound. Everything else (types, constants) comes from the SQLite files.
 */
import * as postgres from "../engines/postgres/schema";
import { activeEngine } from "../engine-kind";
import * as sqlite from "./sqlite-tables";

export * from "./sqlite-tables";

/** The engine whose tables these are: fixed when the process first imports them. */
export const TABLES_ENGINE = activeEngine();

const tables = (TABLES_ENGINE === "postgres" ? postgres : sqlite) as unknown as typeof sqlite;

export const apiTokens = tables.apiTokens;
export const articles = tables.articles;
export const articleSlugAliases = tables.articleSlugAliases;
export const auditLog = tables.auditLog;
export const user = tables.user;
export const session = tables.session;
export const account = tables.account;
export const verification = tables.verification;
export const changeCounter = tables.changeCounter;
export const cacheTagChange = tables.cacheTagChange;
export const claims = tables.claims;
export const mentions = tables.mentions;
export const suggestionDismissals = tables.suggestionDismissals;
export const dataMigrations = tables.dataMigrations;
export const statusEvents = tables.statusEvents;
export const sources = tables.sources;
export const eventSources = tables.eventSources;
export const quantityObservations = tables.quantityObservations;
export const rateLimits = tables.rateLimits;
export const readerStatusCounts = tables.readerStatusCounts;
export const readerStatusMonths = tables.readerStatusMonths;
export const reviewRequests = tables.reviewRequests;
export const statuses = tables.statuses;
export const appSettings = tables.appSettings;
