import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { entityKind } from "drizzle-orm";
import { PreparedQuery as BetterSqlitePreparedQuery } from "drizzle-orm/better-sqlite3";
import type { Query } from "drizzle-orm";
import { SQLiteAsyncDialect, SQLitePreparedQuery, SQLiteSession, SQLiteTransaction, type SQLiteExecuteMethod, type SQLiteTransactionConfig, type SelectedFieldsOrdered, type PreparedQueryConfig } from "drizzle-orm/sqlite-core";
import type { RelationalSchemaConfig, TablesRelationalConfig } from "drizzle-orm";
import { sql } from "drizzle-orm";

/*
 * An asynchronous drizzle session over better-sqlite3 (issue 19).
 *
 * The data-access layer is written once for SQLite and PostgreSQL, so it awaits every statement.
 * better-sqlite3 still answers synchronously; what the async shape breaks is the transaction:
 * better-sqlite3's own transaction() commits when its callback returns, which for an async
 * callback is at the first await. So this session opens and closes transactions itself, and
 * because a process has one connection, it keeps other work out while one is open:
 *
 * - The gate. A statement with no transaction open runs at once. While a transaction is open,
 *   statements from elsewhere wait for it to close, as a synchronous transaction held the whole
 *   process before (bench/findings.md measured the async shapes within ±3 % of the sync ones).
 * - A transaction's own statements go through a second session on the same connection that
 *   ignores the gate (the `tx` handle drizzle passes to the work).
 *
 * A statement on the gated handle inside a transaction's own work would wait for that
 * transaction forever; it is refused instead, naming the mistake (use `tx`, not `db`).
 */

type AsyncConfig = PreparedQueryConfig & { type: "async" };

/**
 * The session behind each handle this module makes (db and tx), for sqliteClient(). Kept on the
 * handle under a global symbol, not in a module-level map: Next bundles this module into more
 * than one server chunk, and a handle opened by one copy is used by the others.
 */
const SESSION = Symbol.for("claimline.sqliteSession");
type SessionHolder = { [SESSION]?: GatedSQLiteSession<Record<string, unknown>, TablesRelationalConfig> };

export function registerHandle(handle: object, session: GatedSQLiteSession<never, never>): void {
  (handle as SessionHolder)[SESSION] = session as never;
}

function sessionOf(handle: object): GatedSQLiteSession<Record<string, unknown>, TablesRelationalConfig> {
  const session = (handle as SessionHolder)[SESSION];
  if (!session) throw new Error("Not a SQLite handle opened by db/engines/sqlite/open-sqlite.ts.");
  return session;
}

/**
 * The better-sqlite3 connection behind a handle, once no other transaction holds it: for reads
 * that iterate raw rows across awaits (whole-desk reports), which need a statement of their own.
 * Use it synchronously; after an await, ask again.
 */
export async function sqliteClient(handle: object): Promise<Database.Database> {
  const session = sessionOf(handle);
  await session.passGate();
  return session.client;
}

/**
 * The connection's prepared statement for `sqlText` (see StatementCache), once no other
 * transaction holds the connection, in object mode: for the hot reads that take raw rows.
 * Run it before the next await (call .raw() first if you want arrays); an iteration must end
 * before one.
 */
export async function sqliteStatement(handle: object, sqlText: string): Promise<Database.Statement> {
  const session = sessionOf(handle);
  await session.passGate();
  return objectMode(session.statements.get(sqlText));
}

/**
 * Prepared statements by SQL text, one cache per connection. better-sqlite3 statements can run
 * again with new parameters, and preparing (SQLite parsing and planning the text) was the
 * largest single cost of the reader routes' floor: drizzle prepares every statement it runs.
 * The app's statements are a fixed set of texts (values are parameters), so the cache stays
 * small; past `capacity` it starts over rather than keeping an order of use on every hit.
 *
 * A statement's row mode is sticky (raw() switches it to arrays), and one statement serves
 * every caller of its text, so each user sets object mode (objectMode) and then the mode it
 * needs just before it runs, not here: a drizzle query may wait at the gate between the two.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly client: Database.Database,
    private readonly capacity = 1000,
  ) {}

  get(sqlText: string): Database.Statement {
    let statement = this.statements.get(sqlText);
    if (!statement) {
      if (this.statements.size >= this.capacity) this.statements.clear();
      statement = this.client.prepare(sqlText);
      this.statements.set(sqlText, statement);
    }
    return statement;
  }
}

/** Rows as objects again (raw() throws on a statement that returns no rows, such as an UPDATE). */
function objectMode(statement: Database.Statement): Database.Statement {
  return statement.reader ? statement.raw(false) : statement;
}

class TransactionGate {
  private closedBy: Promise<void> | null = null;
  private reopen: (() => void) | null = null;
  /** Marks the async work of the transaction that holds the gate. */
  readonly holder = new AsyncLocalStorage<TransactionGate>();

  get isClosed(): boolean {
    return this.closedBy !== null;
  }

  /** Waits until no transaction is open. Loops, because another may open before this resumes. */
  async pass(): Promise<void> {
    while (this.closedBy) {
      if (this.holder.getStore() === this) {
        throw new Error("A statement on the shared database handle ran inside a transaction's work: use the transaction handle (tx) there.");
      }
      await this.closedBy;
    }
  }

  /** Waits for the gate, then closes it in the same tick it finds it open; returns the function that reopens it. */
  async close(): Promise<() => void> {
    // No await between the last check and closing: two transactions waiting for the same
    // close must not both find the gate open.
    while (this.closedBy) {
      if (this.holder.getStore() === this) throw new Error("A transaction was opened on the shared database handle inside another's work: use tx.transaction() for a savepoint.");
      await this.closedBy;
    }
    this.closedBy = new Promise<void>((resolve) => (this.reopen = resolve));
    return () => {
      const reopen = this.reopen;
      this.closedBy = null;
      this.reopen = null;
      reopen?.();
    };
  }
}

/** One prepared statement: better-sqlite3's own, run after the gate lets it through. */
class GatedPreparedQuery extends SQLitePreparedQuery<AsyncConfig> {
  static override readonly [entityKind]: string = "ClaimlineGatedPreparedQuery";

  constructor(
    private readonly inner: BetterSqlitePreparedQuery,
    private readonly statement: Database.Statement,
    private readonly gate: TransactionGate | null,
    query: Query,
    executeMethod: SQLiteExecuteMethod,
  ) {
    super("async", executeMethod, query);
  }

  // Each method checks the gate without awaiting when it is open, so a read outside any
  // transaction runs synchronously inside its promise, as it did before the engine split.
  // The statement is shared (StatementCache): drizzle's query switches it to arrays where it
  // wants them and otherwise expects objects, so object mode is set again just before it runs.
  async run(placeholderValues?: Record<string, unknown>) {
    if (this.gate?.isClosed) await this.gate.pass();
    objectMode(this.statement);
    return this.inner.run(placeholderValues);
  }
  async all(placeholderValues?: Record<string, unknown>) {
    if (this.gate?.isClosed) await this.gate.pass();
    objectMode(this.statement);
    return this.inner.all(placeholderValues);
  }
  async get(placeholderValues?: Record<string, unknown>) {
    if (this.gate?.isClosed) await this.gate.pass();
    objectMode(this.statement);
    return this.inner.get(placeholderValues);
  }
  async values(placeholderValues?: Record<string, unknown>) {
    if (this.gate?.isClosed) await this.gate.pass();
    return this.inner.values(placeholderValues);
  }
  /** @internal drizzle asks this of every prepared query. */
  isResponseInArrayMode(): boolean {
    return (this.inner as unknown as { isResponseInArrayMode(): boolean }).isResponseInArrayMode();
  }
}

type Schema<TFull extends Record<string, unknown>, TSchema extends TablesRelationalConfig> = RelationalSchemaConfig<TSchema> & { fullSchema: TFull } | undefined;

export class GatedSQLiteSession<TFull extends Record<string, unknown>, TSchema extends TablesRelationalConfig> extends SQLiteSession<"async", Database.RunResult, TFull, TSchema> {
  static override readonly [entityKind]: string = "ClaimlineGatedSQLiteSession";

  /** Made on the first transaction, then reused: see transactionHandle(). */
  private txHandle: GatedSQLiteTransaction<TFull, TSchema> | null = null;

  constructor(
    readonly client: Database.Database,
    private readonly asyncDialect: SQLiteAsyncDialect,
    private readonly schema: Schema<TFull, TSchema>,
    /** null: the session a transaction's work runs on, which the gate does not hold back. */
    private readonly gate: TransactionGate | null = new TransactionGate(),
    /** The connection's statements, shared with its transaction session. */
    readonly statements = new StatementCache(client),
  ) {
    super(asyncDialect);
  }

  /**
   * BEGIN, COMMIT and ROLLBACK, prepared once per connection (the statement cache), as
   * better-sqlite3's own transaction() does: exec() would parse them again for every
   * transaction, and a desk feed or tracker view runs one.
   */
  private runControl(statement: string): void {
    this.statements.get(statement).run();
  }

  /**
   * The handle a transaction's work runs on. One per connection, made once: the gate lets one
   * transaction run at a time, and drizzle builds a relational query builder per table for
   * every handle it makes, work a short read transaction (a feed, the tracker) need not repeat.
   */
  private transactionHandle(): GatedSQLiteTransaction<TFull, TSchema> {
    if (!this.txHandle) {
      const txSession = new GatedSQLiteSession<TFull, TSchema>(this.client, this.asyncDialect, this.schema, null, this.statements);
      this.txHandle = new GatedSQLiteTransaction<TFull, TSchema>(this.asyncDialect, txSession, this.schema);
      registerHandle(this.txHandle, txSession as never);
    }
    return this.txHandle;
  }

  prepareQuery(
    query: Query,
    fields: SelectedFieldsOrdered | undefined,
    executeMethod: SQLiteExecuteMethod,
    isResponseInArrayMode: boolean,
    customResultMapper?: (rows: unknown[][]) => unknown,
  ): SQLitePreparedQuery<AsyncConfig> {
    const stmt = this.statements.get(query.sql);
    // better-sqlite3's own prepared query does the row mapping; only its timing is ours.
    const inner = new BetterSqlitePreparedQuery(stmt, query, { logQuery() {} } as never, undefined as never, undefined, undefined, fields, executeMethod, isResponseInArrayMode, customResultMapper);
    return new GatedPreparedQuery(inner, stmt, this.gate, query, executeMethod);
  }

  /** Waits for the gate (returns at once when open): for the few callers that use the client directly. */
  async passGate(): Promise<void> {
    if (this.gate?.isClosed) await this.gate.pass();
  }

  async transaction<T>(work: (tx: SQLiteTransaction<"async", Database.RunResult, TFull, TSchema>) => Promise<T>, config?: SQLiteTransactionConfig): Promise<T> {
    if (!this.gate) throw new Error("Nested transactions run through tx.transaction(), which makes a savepoint.");
    const reopen = await this.gate.close();
    const tx = this.transactionHandle();
    try {
      this.runControl(`BEGIN ${(config?.behavior ?? "deferred").toUpperCase()}`);
      const result = await this.gate.holder.run(this.gate, () => work(tx));
      this.runControl("COMMIT");
      return result;
    } catch (error) {
      // SQLite may already have rolled back (a constraint with ON CONFLICT ROLLBACK, a full disk).
      if (this.client.inTransaction) this.runControl("ROLLBACK");
      throw error;
    } finally {
      reopen();
    }
  }
}

export class GatedSQLiteTransaction<TFull extends Record<string, unknown>, TSchema extends TablesRelationalConfig> extends SQLiteTransaction<"async", Database.RunResult, TFull, TSchema> {
  static override readonly [entityKind]: string = "ClaimlineGatedSQLiteTransaction";

  // drizzle keeps these internal; a savepoint needs them again for the nested handle.
  constructor(
    private readonly asyncDialect: SQLiteAsyncDialect,
    private readonly txSession: GatedSQLiteSession<TFull, TSchema>,
    private readonly relational: Schema<TFull, TSchema>,
    private readonly depth = 0,
  ) {
    super("async", asyncDialect, txSession, relational, depth);
  }

  override async transaction<T>(work: (tx: SQLiteTransaction<"async", Database.RunResult, TFull, TSchema>) => Promise<T>): Promise<T> {
    const savepoint = `sp${this.depth}`;
    const tx = new GatedSQLiteTransaction<TFull, TSchema>(this.asyncDialect, this.txSession, this.relational, this.depth + 1);
    registerHandle(tx, this.txSession as never);
    await this.txSession.run(sql.raw(`savepoint ${savepoint}`));
    try {
      const result = await work(tx);
      await this.txSession.run(sql.raw(`release savepoint ${savepoint}`));
      return result;
    } catch (error) {
      await this.txSession.run(sql.raw(`rollback to savepoint ${savepoint}`));
      throw error;
    }
  }
}
