/**
 * Runs before each test file of the "worker" project. That project reuses one
 * workerd for the many files a Vitest worker runs (`isolate: false` in
 * vitest.config.ts: starting a workerd per file cost more than most files'
 * tests), so this gives every file what a workerd of its own gave it:
 * - a fresh D1 database: every table dropped, then migrations/ applied again
 *   (their seeded rows, such as the bootstrap organizer, included);
 * - an empty Cache API: the copies earlier files put are deleted (each put is
 *   noted as it is made: a Cache cannot list its keys);
 * - the app's and the tests' modules evaluated afresh (`vi.resetModules`), so
 *   that their in-memory state (hot copies, letters read for signing, the
 *   helpers' counters) starts empty;
 * - real timers, and no global or environment variable stubbed by an earlier file.
 * Within a file, storage stays shared between its tests, as before.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { vi } from "vitest";

/** Where the Cache API's writes are noted: on globalThis, since this module itself is evaluated again for every file. */
const CACHE_WRITES = Symbol.for("undersigned.test.cacheWrites");

type Noted = typeof globalThis & { [CACHE_WRITES]?: Map<Cache, Set<string>> };

/** The caches (caches.default, or one from caches.open) and the URLs put in each, since the last emptying. */
function cacheWrites(): Map<Cache, Set<string>> {
  const global = globalThis as Noted;
  if (global[CACHE_WRITES]) return global[CACHE_WRITES];
  const writes = new Map<Cache, Set<string>>();
  global[CACHE_WRITES] = writes;
  const prototype = Object.getPrototypeOf(caches.default) as Cache;
  // Called below with the cache it belongs to as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const put = prototype.put;
  prototype.put = function (this: Cache, request: RequestInfo | URL, response: Response) {
    const url = typeof request === "string" ? request : request instanceof URL ? request.href : request.url;
    let urls = writes.get(this);
    if (!urls) writes.set(this, (urls = new Set()));
    urls.add(url);
    return put.call(this, request, response);
  };
  return writes;
}

/** Deletes every copy put in the Cache API since the last call. */
async function emptyCaches(): Promise<void> {
  const writes = cacheWrites();
  const deletions = [...writes].flatMap(([cache, urls]) => [...urls].map((url) => cache.delete(url)));
  writes.clear();
  await Promise.all(deletions);
}

/**
 * Drops every table and view of `db` (D1's own `_cf_` tables and SQLite's
 * `sqlite_` ones excepted), d1_migrations included, in one transaction whose
 * foreign keys are checked only at its end, when nothing is left to violate them.
 */
async function dropEverything(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare(
      `SELECT type, name FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'
        ORDER BY rowid DESC`,
    )
    .all<{ type: "table" | "view"; name: string }>();
  if (results.length === 0) return;
  await db.batch([
    db.prepare("PRAGMA defer_foreign_keys = ON"),
    ...results.map(({ type, name }) =>
      db.prepare(`DROP ${type === "view" ? "VIEW" : "TABLE"} IF EXISTS "${name.replaceAll('"', '""')}"`),
    ),
  ]);
}

vi.resetModules();
vi.useRealTimers();
vi.unstubAllGlobals();
vi.unstubAllEnvs();
await emptyCaches();
await dropEverything(env.DB);
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
