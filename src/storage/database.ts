/**
 * The app's view of D1: every call is bounded in time, and a failure of the
 * database (an error, a timeout, "overloaded") becomes StorageUnavailable,
 * which routes answer with 503 and Retry-After, and the page cache with its
 * stored copy. Reads (SELECT without side effects) are retried once after a
 * short pause; writes never are, because a write that timed out may have
 * happened. A write the schema refused (a CHECK, UNIQUE, NOT NULL or FOREIGN
 * KEY constraint) is no failure of the database: it becomes
 * StorageConstraintFailed, never retried, answered as our fault (500, logged
 * as `storage_constraint_failed`), never as "try again in 30 s".
 */

/** D1 failed or did not answer in time. Nothing was written, or the write was all-or-nothing. */
export class StorageUnavailable extends Error {
  override name = "StorageUnavailable";
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`D1 ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * D1 answered, and refused a statement with one of the schema's constraints
 * (SQLite's "CHECK constraint failed", "UNIQUE constraint failed",
 * SQLITE_CONSTRAINT…): what was sent broke a rule of the tables that the code
 * should have checked first. Trying again gives the same answer; the
 * statement (or the whole batch) wrote nothing.
 */
export class StorageConstraintFailed extends Error {
  override name = "StorageConstraintFailed";
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`D1 ${operation} refused by a constraint: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** Whether `error` is SQLite's refusal of a statement by a constraint of the schema (as D1 words it). */
export function isConstraintFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\bconstraint failed\b|SQLITE_CONSTRAINT/i.test(message);
}

export interface ResilienceOptions {
  /** How long one call may take (default 8 s; D1's own limit is 30 s). */
  timeoutMs?: number;
  /** Pause before retrying a failed read (default 100 ms). */
  retryDelayMs?: number;
}

const READ_METHODS = new Set(["first", "all", "raw"]);
const READ_ONLY_SQL = /^\s*(?:SELECT|WITH)\b(?![\s\S]*\b(?:INSERT|UPDATE|DELETE|REPLACE)\b)/i;

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function guarded<T>(
  operation: string,
  call: () => Promise<T>,
  options: Required<ResilienceOptions>,
  retry: boolean,
): Promise<T> {
  try {
    return await withTimeout(call(), options.timeoutMs);
  } catch (error) {
    if (isConstraintFailure(error)) throw new StorageConstraintFailed(operation, error);
    if (!retry) throw new StorageUnavailable(operation, error);
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
    try {
      return await withTimeout(call(), options.timeoutMs);
    } catch (again) {
      if (isConstraintFailure(again)) throw new StorageConstraintFailed(operation, again);
      throw new StorageUnavailable(operation, again);
    }
  }
}

/**
 * One call to D1 as `interceptDatabase` sees it: its method, the statements it
 * runs, the arguments the method was called with (`first("column")`,
 * `raw({ columnNames: true })`; none for a batch), and, for a single
 * statement, `all`: the same statement run with `.all()` instead, whose result
 * carries D1's `meta` (rows read and written) that `.first()` and `.raw()`
 * do not return.
 */
export interface D1Call {
  method: "first" | "all" | "run" | "raw" | "batch";
  statements: { sql: string; params: unknown[] }[];
  args: unknown[];
  all?: () => Promise<D1Result>;
}

/**
 * A D1 binding whose every call goes through `around`, which receives the call
 * and a function that makes it (and may make it again). The storage functions
 * use the result like the binding itself; an `around` that answers a call
 * through `call.all` instead of `invoke` must answer with what the original
 * method would have (see `firstFromAll`).
 */
export function interceptDatabase(
  db: D1Database,
  around: (call: D1Call, invoke: () => Promise<unknown>) => Promise<unknown>,
): D1Database {
  const originals = new WeakMap<object, D1PreparedStatement>();
  const sources = new WeakMap<object, { sql: string; params: unknown[] }>();
  const wrap = (statement: D1PreparedStatement, source: { sql: string; params: unknown[] }): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property): unknown {
        if (property === "bind")
          return (...params: unknown[]) => wrap(target.bind(...params), { sql: source.sql, params });
        if (property === "first" || property === "all" || property === "run" || property === "raw") {
          const method = Reflect.get(target, property, target) as (...args: unknown[]) => Promise<unknown>;
          return (...args: unknown[]) =>
            around({ method: property, statements: [source], args, all: () => target.all() }, () =>
              method.apply(target, args),
            );
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    sources.set(proxy, source);
    return proxy;
  };
  return new Proxy(db, {
    get(target, property): unknown {
      if (property === "prepare") return (sql: string) => wrap(target.prepare(sql), { sql, params: [] });
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) =>
          around(
            {
              method: "batch",
              statements: statements.map((statement) => sources.get(statement) ?? { sql: "(unknown)", params: [] }),
              args: [],
            },
            () => target.batch(statements.map((statement) => originals.get(statement) ?? statement)),
          );
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * What `.first(column?)` would have answered, from the `.all()` result of the
 * same statement: the first row, or that row's `column`, or null when there is
 * no row (D1's `first` runs the whole statement too, so its rows read are the
 * same). A `column` the row lacks throws like D1 ("D1_COLUMN_NOTFOUND").
 */
export function firstFromAll(result: D1Result, column?: string): unknown {
  const row = (result.results[0] ?? null) as Record<string, unknown> | null;
  if (row === null || column === undefined) return row;
  if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
  return row[column];
}

/** Wraps a D1 binding with the rules above; the storage functions use it like the binding itself. */
export function resilientDatabase(db: D1Database, options: ResilienceOptions = {}): D1Database {
  const settings = { timeoutMs: options.timeoutMs ?? 8_000, retryDelayMs: options.retryDelayMs ?? 100 };
  return interceptDatabase(db, (call, invoke) => {
    const isRead =
      READ_METHODS.has(call.method) && call.statements.every((statement) => READ_ONLY_SQL.test(statement.sql));
    return guarded(isRead ? "read" : "write", invoke, settings, isRead);
  });
}

/** One statement of a call `rowCountingDatabase` saw, with the rows D1 reported for it. */
export interface CountedStatement {
  sql: string;
  /** D1's `meta.rows_read` for the statement (0 when D1 gave none). */
  rowsRead: number;
  /** D1's `meta.rows_written` for the statement (0 when D1 gave none). */
  rowsWritten: number;
}

/** One call to D1 as `rowCountingDatabase` reports it, once it has answered or failed. */
export interface CountedCall {
  /** The method called: `batch` is one round trip (and one transaction) for all its statements. */
  method: D1Call["method"];
  /** The statements the call ran, in order (one, or a batch's), each with its rows. */
  statements: CountedStatement[];
  /**
   * Where the rows come from: `meta`, D1's own `meta` on each result; `raw`, none
   * (`.raw()` answers arrays without `meta`, and cannot be rebuilt exactly from
   * `.all()`, as columns of the same name collapse): its rows are given as 0, and
   * the sums are short; `failed`, none either (D1 threw, and the error goes on to
   * the caller unchanged).
   */
  rows: "meta" | "raw" | "failed";
}

/**
 * A D1 binding that reports each call's statements and the rows D1 read and
 * wrote for them (`meta.rows_read`, `meta.rows_written`: D1's billing units,
 * https://developers.cloudflare.com/d1/platform/pricing/) to `onCall`, then
 * answers as the binding would. `.first(column?)` is made with `.all()`, whose
 * result carries `meta` that `.first()` drops, and answered as `.first()`
 * would (see `firstFromAll`: D1 runs the whole statement for `.first()` too,
 * so the rows read are the same); a batch reports each of its results. For
 * the bench's figures (src/routes/bench.ts) and the tests that hold a use case
 * to a number of rows.
 */
export function rowCountingDatabase(db: D1Database, onCall: (call: CountedCall) => void): D1Database {
  return interceptDatabase(db, async (call, invoke) => {
    const counted = (results: (D1Result | undefined)[], rows: CountedCall["rows"]): CountedCall => ({
      method: call.method,
      statements: call.statements.map((statement, index) => ({
        sql: statement.sql,
        rowsRead: results[index]?.meta?.rows_read ?? 0,
        rowsWritten: results[index]?.meta?.rows_written ?? 0,
      })),
      rows,
    });
    const first = call.method === "first" ? call.all : undefined;
    let result: unknown;
    try {
      result = first ? await first() : await invoke();
    } catch (error) {
      onCall(counted([], "failed"));
      throw error;
    }
    if (call.method === "raw") onCall(counted([], "raw"));
    else onCall(counted(call.method === "batch" ? (result as D1Result[]) : [result as D1Result], "meta"));
    if (first) return firstFromAll(result as D1Result, call.args[0] as string | undefined);
    return result;
  });
}
