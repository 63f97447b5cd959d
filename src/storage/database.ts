/**
 * The app's view of D1: every call is bounded in time, and a failure of the
 * database (an error, a timeout, "overloaded") becomes StorageUnavailable,
 * which routes answer with 503 and Retry-After, and the page cache with its
 * stored copy. Reads (SELECT without side effects) are retried once after a
 * short pause; writes never are, because a write that timed out may have
 * happened.
 */

/** D1 failed or did not answer in time. Nothing was written, or the write was all-or-nothing. */
export class StorageUnavailable extends Error {
  override name = "StorageUnavailable";
  constructor(readonly operation: string, cause: unknown) {
    super(`D1 ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface ResilienceOptions {
  /** How long one call may take (default 8 s; D1's own limit is 30 s). */
  timeoutMs?: number;
  /** Pause before retrying a failed read (default 100 ms). */
  retryDelayMs?: number;
}

const READ_METHODS = new Set(["first", "all", "raw"]);
const READ_ONLY_SQL = /^\s*(?:SELECT|WITH)\b(?![\s\S]*\b(?:INSERT|UPDATE|DELETE|REPLACE)\b)/i;

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer)) as Promise<T>;
}

async function guarded<T>(operation: string, call: () => Promise<T>, options: Required<ResilienceOptions>, retry: boolean): Promise<T> {
  try {
    return await withTimeout(call(), options.timeoutMs, operation);
  } catch (error) {
    if (!retry) throw new StorageUnavailable(operation, error);
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
    try {
      return await withTimeout(call(), options.timeoutMs, operation);
    } catch (again) {
      throw new StorageUnavailable(operation, again);
    }
  }
}

/** Wraps a D1 binding with the rules above; the storage functions use it like the binding itself. */
export function resilientDatabase(db: D1Database, options: ResilienceOptions = {}): D1Database {
  const settings = { timeoutMs: options.timeoutMs ?? 8_000, retryDelayMs: options.retryDelayMs ?? 100 };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        if (property === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (property === "first" || property === "all" || property === "run" || property === "raw") {
          const method = target[property] as (...args: unknown[]) => Promise<unknown>;
          const isRead = READ_METHODS.has(property) && READ_ONLY_SQL.test(sql);
          return (...args: unknown[]) => guarded(isRead ? "read" : "write", () => method.apply(target, args), settings, isRead);
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) =>
          guarded("write", () => target.batch(statements.map((statement) => originals.get(statement) ?? statement)), settings, false);
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
