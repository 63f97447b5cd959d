/**
 * The edge cache for public pages and JSON, on the Workers Cache API
 * (caches.default, one cache per data center).
 *
 * - The cache key is the URL's path with the query's values as the route's
 *   schema read them (validated and normalized: a cursor encoded anew, a
 *   number without leading zeros, an oEmbed size mapped to its frame), never
 *   the query as typed: tracking parameters (utm_*, fbclid…), a partner's
 *   ?source= and unknown or repeated parameters can't multiply the renders,
 *   and a cache hit runs no D1 query. A route may add values it derives from
 *   the request's headers (the browser's languages: see http/language.ts),
 *   and then names the header in Vary.
 * - A copy is fresh for CACHE_MAX_AGE seconds. The Cache API has no
 *   stale-while-revalidate, so it is done here: for CACHE_STALE_SECONDS after
 *   that, the stale copy is served and re-rendered in ctx.waitUntil, once per
 *   isolate at a time, so a popular letter is rendered about once per TTL per
 *   data center rather than once per request.
 * - Every copy carries a strong ETag; If-None-Match gets 304.
 * - Only 200 responses to GET are stored, never one with Set-Cookie.
 * - When rendering fails because D1 is unavailable, a stored copy up to
 *   CACHE_STALE_IF_ERROR_SECONDS past its freshness is served instead
 *   (RFC 5861's stale-if-error), and without one the error stands (503).
 * - Every key also holds a generation: the letter's, for a copy of one
 *   letter (its page, JSON, API documents, card, oEmbed, feed), or the
 *   site's, for a copy about every letter (home, lists, site feed, sitemap).
 *   A generation is a random value kept in this same cache, under a reserved
 *   URL of the origin (`/__generation/…`, never a route), and for a second
 *   in memory. `letterChanged(slug)` gives the letter and the site new
 *   generations, so every copy made before (every language, cursor, kind,
 *   country, source, browser preference) is never read again, without
 *   listing it; old copies expire by their own max-age. A generation that is
 *   missing (evicted, or never made) is made anew, which only makes older
 *   copies unreachable. A page is stored under the generation read before it
 *   was rendered, so a render that began before a change is never stored
 *   under the generation that follows it; stale-while-revalidate and
 *   stale-if-error serve copies of the current generation only, so a name
 *   removed since is never shown from this data center's cache.
 *
 * Limits (the Cache API's): each data center has its own cache and its own
 * generations, and there is no global purge. Other data centers keep their
 * copies until they are CACHE_MAX_AGE old (then re-render on the next read),
 * and while D1 is down there, serve them for up to
 * CACHE_STALE_IF_ERROR_SECONDS past that. Other Worker instances of the same
 * data center may keep a generation in memory for one more second.
 */
import type { Context } from "hono";
import type { PublicCopies } from "../app/deps";
import { Problem } from "../app/problem";
import type { Settings } from "../env";
import type { AppEnv } from "./app-env";
import { StorageUnavailable } from "../storage/database";
import { isSlug } from "../domain/letter";
import { requestUrl } from "./urls";

/** What a route renders for the cache: a body and its type, plus any extra headers. */
export interface Rendered {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
  /**
   * When the page stops being true whatever happens meanwhile (ms since the
   * epoch), e.g. a letter's closing time: the copy is neither fresh nor
   * served stale after it, so a closed letter never shows its form from cache.
   */
  expiresAt?: number | null;
}

/**
 * Whose changes make a cached copy untrue, and so which generation its key
 * holds: one letter's (a new generation on letterChanged(slug)); every
 * letter's (the site's generation, new on any letter's change); or none,
 * for what no letter's change alters (robots.txt, the API's description).
 */
export type CopyScope = { letter: string } | "site" | "static";

/** Values a cache key holds, by name; null, undefined and "" are left out. */
export type KeyValues = Readonly<Record<string, string | number | null | undefined>>;

export interface CachedPageOptions {
  /**
   * The query's values that change the response, as the route's schema read
   * and normalized them (e.g. `{ cursor: encodeCursor(cursor) }`): the key
   * holds these and nothing of the query as typed.
   */
  query?: KeyValues;
  /** Values derived from the request's headers that change the response, added to the key as parameters. */
  variant?: Readonly<Record<string, string>>;
  /** The request headers `variant` comes from, sent in Vary (never stored with the copy, which its key already tells apart). */
  vary?: string;
}

export type CacheState = "HIT" | "STALE" | "STALE-IF-ERROR" | "MISS";

/** The header telling clients (and tests) how the response was served. */
export const CACHE_STATE_HEADER = "X-Cache";

// When a copy was rendered, in milliseconds. Kept with the stored copy only: clients get Age instead.
// (Not the Date header, which the cache itself interprets.)
const RENDERED_AT_HEADER = "X-Rendered-At";
// Rendered.expiresAt, kept with the stored copy only.
const EXPIRES_AT_HEADER = "X-Expires-At";

const refreshing = new Set<string>();

/** A storable render, as the readers who waited for it are answered. */
interface Fresh {
  body: string;
  headers: Headers;
}

/**
 * Renders under way in this Worker instance, by cache key (generation
 * included): readers who miss the same copy at once, as all of a popular
 * letter's readers do right after a change, wait for one render instead of
 * each making its own. Only a storable answer is shared; after an error or a
 * 404 each waiting reader renders for itself.
 */
const rendering = new Map<string, Promise<Fresh | null>>();

/**
 * Renders this instance finished in the last HOT_MS, by cache key: a reader
 * whose cache lookup was still under way when the render it could have
 * waited for ended (the copy not yet in the Cache API: it is stored in the
 * background) shares that render instead of making another.
 */
const justRendered = new Map<string, { fresh: Fresh; until: number }>();

/**
 * The hottest copies, kept in this Worker instance's memory for a second in
 * front of the Cache API: a letter being refreshed by thousands of readers is
 * then served without even a cache lookup. Purges clear them here too; other
 * instances' copies are at most a second older than their Cache API's.
 */
const hot = new Map<string, { body: ArrayBuffer; headers: Headers; until: number }>();
const HOT_MS = 1_000;
const HOT_MAX = 200;

function keepHot(key: string, body: ArrayBuffer, headers: Headers, now: number) {
  if (hot.size >= HOT_MAX) hot.clear();
  hot.set(key, { body, headers, until: now + HOT_MS });
}

/** The cache key parameter that holds a copy's generation (never a query parameter a route reads). */
export const GENERATION_PARAM = "__generation";

/** Where generations are kept in the cache: a path of the origin that no route answers. */
const GENERATION_PATH = "/__generation";

/**
 * How long a generation is kept (seconds): long, since losing one only costs
 * re-rendering the copies it named. The Cache API may evict it sooner.
 */
const GENERATION_MAX_AGE = 365 * 86_400;

const GENERATION_VALUE = /^[0-9a-f]{32}$/;

/**
 * The generations read or made lately, in this Worker instance's memory, for
 * a second like the hot copies. `made` numbers the ones made here (0 for one
 * read from the cache), so that a lookup under way while one is made never
 * puts the older value it read back in its place.
 */
const generations = new Map<string, { value: string; until: number; made: number }>();
let generationsMade = 0;

/** The cache URL of a scope's generation on `origin`, or null for a scope without one. */
export function generationUrl(origin: string, scope: CopyScope): string | null {
  if (scope === "static") return null;
  if (scope === "site") return `${origin}${GENERATION_PATH}/site`;
  return `${origin}${GENERATION_PATH}/letters/${encodeURIComponent(scope.letter)}`;
}

function rememberGeneration(url: string, value: string, now: number, made = 0): void {
  if (generations.size >= HOT_MAX) generations.clear();
  generations.set(url, { value, until: now + HOT_MS, made });
}

/** Stores a new generation at `url` (awaited: a render that follows must come after it) and returns it. */
async function newGeneration(url: string, now: number): Promise<string> {
  const value = crypto.randomUUID().replaceAll("-", "");
  rememberGeneration(url, value, now, ++generationsMade);
  await caches.default.put(
    url,
    new Response(value, {
      headers: { "Content-Type": "text/plain", "Cache-Control": `public, max-age=${GENERATION_MAX_AGE}` },
    }),
  );
  return value;
}

/**
 * The current generation at `url`: from memory, else from the cache (one
 * lookup), else a new one stored before anything is rendered under it.
 */
async function currentGeneration(url: string, now: number): Promise<{ value: string; created: boolean }> {
  const remembered = generations.get(url);
  if (remembered && remembered.until > now) return { value: remembered.value, created: false };
  const madeBefore = generationsMade;
  const stored = await caches.default.match(url);
  const value = stored ? await stored.text() : "";
  // A change made here during the lookup (letterChanged) is newer than what the lookup read.
  const meanwhile = generations.get(url);
  if (meanwhile && meanwhile.made > madeBefore) return { value: meanwhile.value, created: false };
  if (!GENERATION_VALUE.test(value)) return { value: await newGeneration(url, now), created: true };
  rememberGeneration(url, value, now);
  return { value, created: false };
}

/**
 * Forgets a generation this request made for a letter that turned out not to
 * exist (its render was a 404), so made-up slugs leave no entry behind. A
 * missing generation is always safe: the next read makes a new one.
 */
function forgetGeneration<E extends AppEnv>(c: Context<E>, url: string): void {
  generations.delete(url);
  c.executionCtx.waitUntil(caches.default.delete(url).then(() => undefined));
}

/**
 * The URL a response is cached under: `url`'s origin and path (escapes of
 * unreserved characters decoded) with `values` as its query, sorted by name.
 * Nothing of `url`'s own query is kept: whatever changes the response is in
 * `values`, as the route normalized it.
 */
export function cacheKey(url: string, values: KeyValues = {}): string {
  const parsed = new URL(url);
  const kept = new URLSearchParams();
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    if (value !== null && value !== undefined && value !== "") kept.set(name, String(value));
  }
  parsed.search = kept.size ? `?${kept}` : "";
  parsed.hash = "";
  // The router reads /letters/%6Cetter as /letters/letter: escapes of unreserved characters name the same
  // resource (RFC 3986 §6.2.2.2), so they are decoded here too, or each spelling would be a copy of its own.
  parsed.pathname = parsed.pathname.replace(/%([0-9A-Fa-f]{2})/g, (escape: string, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
  return parsed.toString();
}

async function entityTag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  let binary = "";
  for (const byte of digest.subarray(0, 16)) binary += String.fromCharCode(byte);
  return `"${btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")}"`;
}

/** Headers of a freshly rendered response, with the time it was rendered. */
async function renderedHeaders(rendered: Rendered, renderedAt: number): Promise<Headers> {
  const headers = new Headers(rendered.headers);
  headers.set("Content-Type", rendered.contentType);
  headers.set(RENDERED_AT_HEADER, String(renderedAt));
  if (rendered.expiresAt) headers.set(EXPIRES_AT_HEADER, String(rendered.expiresAt));
  if (rendered.status === 200) headers.set("ETag", await entityTag(rendered.body));
  return headers;
}

function hasExpired(response: { headers: Headers }, now: number): boolean {
  const expiresAt = Number(response.headers.get(EXPIRES_AT_HEADER));
  return expiresAt > 0 && now >= expiresAt;
}

function ageOf(response: { headers: Headers }, now: number): number {
  const rendered = Number(response.headers.get(RENDERED_AT_HEADER));
  return Number.isFinite(rendered) && rendered > 0
    ? Math.max(0, Math.floor((now - rendered) / 1000))
    : Number.POSITIVE_INFINITY;
}

function matchesEntityTag(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || strip(candidate) === strip(etag));
}

/** The response a client gets: client-facing Cache-Control and Age, or 304 when its copy is current. */
function respond<E extends AppEnv>(
  c: Context<E>,
  body: BodyInit | null,
  source: Headers,
  status: number,
  state: CacheState,
  age: number,
  settings: Settings,
): Response {
  const headers = new Headers(source);
  const expiresAt = Number(headers.get(EXPIRES_AT_HEADER));
  const untilExpiry =
    expiresAt > 0 ? Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)) : Number.POSITIVE_INFINITY;
  headers.delete(RENDERED_AT_HEADER);
  headers.delete(EXPIRES_AT_HEADER);
  headers.set(
    "Cache-Control",
    status === 200 ? `public, max-age=${Math.min(settings.cacheMaxAge, untilExpiry)}` : "no-store",
  );
  headers.set("Age", String(age));
  headers.set(CACHE_STATE_HEADER, state);
  if (status === 200 && matchesEntityTag(c.req.header("If-None-Match"), headers.get("ETag"))) {
    headers.delete("Content-Type");
    headers.delete("Content-Length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers });
}

function isStorable(rendered: Rendered, headers: Headers, settings: Settings): boolean {
  return rendered.status === 200 && settings.cacheMaxAge > 0 && !headers.has("Set-Cookie");
}

/** Stores a rendered page; the stored copy outlives its freshness by the stale windows. */
function store(key: string, rendered: Rendered, headers: Headers, settings: Settings): Promise<void> {
  const stored = new Headers(headers);
  const keep = settings.cacheMaxAge + Math.max(settings.cacheStaleSeconds, settings.cacheStaleIfErrorSeconds);
  stored.set("Cache-Control", `public, max-age=${keep}`);
  return caches.default.put(key, new Response(rendered.body, { status: 200, headers: stored }));
}

async function refresh(key: string, render: () => Promise<Rendered>, settings: Settings): Promise<void> {
  if (refreshing.has(key)) return;
  refreshing.add(key);
  try {
    const rendered = await render();
    const headers = await renderedHeaders(rendered, Date.now());
    if (isStorable(rendered, headers, settings)) await store(key, rendered, headers, settings);
  } catch (error) {
    // The stale copy keeps being served until its window ends; the next request tries again.
    console.error(JSON.stringify({ event: "cache_refresh_failed", key, error: String(error) }));
  } finally {
    refreshing.delete(key);
  }
}

/**
 * Serves `render`'s output through the edge cache. Routes call it with the
 * copy's scope (whose changes make it untrue: see CopyScope) and a closure
 * that reads D1 and draws the page; on a hit the closure is not called at
 * all. A hit costs one Cache API lookup, plus one for the generation unless
 * this instance read it within the last second; a copy read within the last
 * second costs none.
 */
export async function cachedPage<E extends AppEnv>(
  c: Context<E>,
  scope: CopyScope,
  render: () => Promise<Rendered>,
  options: CachedPageOptions = {},
): Promise<Response> {
  const response = await servePage(c, scope, render, options);
  if (options.vary) response.headers.append("Vary", options.vary);
  return response;
}

async function servePage<E extends AppEnv>(
  c: Context<E>,
  scope: CopyScope,
  render: () => Promise<Rendered>,
  options: CachedPageOptions,
): Promise<Response> {
  const settings = c.get("settings") as Settings;
  const now = Date.now();
  let fallback: Response | undefined;
  // The bench measures uncached renders of a page whose copy is cached for the other figures.
  // A slug that can't be a letter's is a 404 without D1: no generation is made for it, and nothing stored.
  const bypass =
    (settings.bench && c.req.header("X-Bench-Bypass-Cache") === "1") ||
    (scope !== "static" && scope !== "site" && !isSlug(scope.letter));
  const values = { ...options.query, ...options.variant };
  // The letter's generation when this request made it (none was stored): forgotten again if there is no letter.
  let madeGeneration: string | null = null;
  let generationValue: string | null = null;
  const useCache = settings.cacheMaxAge > 0 && !bypass;
  const generation = useCache ? generationUrl(requestUrl(c).origin, scope) : null;
  if (generation) {
    const current = await currentGeneration(generation, now);
    if (current.created && scope !== "static" && scope !== "site") madeGeneration = generation;
    generationValue = current.value;
  }
  // One key, made once: the generation's, when the copy has one.
  const key = cacheKey(
    c.req.url,
    generationValue === null ? values : { ...values, [GENERATION_PARAM]: generationValue },
  );
  if (useCache) {
    const memory = hot.get(key);
    if (memory && memory.until > now) {
      const age = ageOf(memory, now);
      if (!hasExpired(memory, now) && age < settings.cacheMaxAge)
        return respond(c, memory.body, memory.headers, 200, "HIT", age, settings);
    }
    const cached = await caches.default.match(key);
    if (cached && !hasExpired(cached, now)) {
      const age = ageOf(cached, now);
      if (age < settings.cacheMaxAge) {
        const body = await cached.arrayBuffer();
        keepHot(key, body, cached.headers, now);
        return respond(c, body, cached.headers, 200, "HIT", age, settings);
      }
      if (age < settings.cacheMaxAge + settings.cacheStaleSeconds) {
        c.executionCtx.waitUntil(refresh(key, render, settings));
        return respond(c, cached.body, cached.headers, 200, "STALE", age, settings);
      }
      if (age < settings.cacheMaxAge + settings.cacheStaleIfErrorSeconds) fallback = cached;
    }
    if (!fallback) await cached?.body?.cancel();
  }
  const shared = useCache;
  const pending = shared ? rendering.get(key) : undefined;
  if (pending) {
    const fresh = await pending;
    if (fresh) {
      await fallback?.body?.cancel();
      return respond(c, fresh.body, fresh.headers, 200, "MISS", ageOf(fresh, Date.now()), settings);
    }
  }
  const recent = shared ? justRendered.get(key) : undefined;
  if (recent && recent.until > Date.now()) {
    await fallback?.body?.cancel();
    return respond(c, recent.fresh.body, recent.fresh.headers, 200, "MISS", ageOf(recent.fresh, Date.now()), settings);
  }
  let settle: ((fresh: Fresh | null) => void) | undefined;
  if (shared && !rendering.has(key)) rendering.set(key, new Promise((resolve) => (settle = resolve)));
  let fresh: Fresh | null = null;
  try {
    let rendered: Rendered;
    try {
      rendered = await render();
    } catch (error) {
      if (madeGeneration && error instanceof Problem && error.status === 404) forgetGeneration(c, madeGeneration);
      if (fallback && error instanceof StorageUnavailable) {
        return respond(c, fallback.body, fallback.headers, 200, "STALE-IF-ERROR", ageOf(fallback, now), settings);
      }
      throw error;
    }
    await fallback?.body?.cancel();
    if (madeGeneration && rendered.status === 404) forgetGeneration(c, madeGeneration);
    const headers = await renderedHeaders(rendered, now);
    if (isStorable(rendered, headers, settings) && !bypass) {
      fresh = { body: rendered.body, headers };
      c.executionCtx.waitUntil(store(key, rendered, headers, settings));
    }
    return respond(c, rendered.body, headers, rendered.status, "MISS", 0, settings);
  } finally {
    if (settle) {
      rendering.delete(key);
      if (fresh) {
        if (justRendered.size >= HOT_MAX) justRendered.clear();
        justRendered.set(key, { fresh, until: Date.now() + HOT_MS });
      }
      settle(fresh);
    }
  }
}

/**
 * Gives the letter at `slug` and the site new generations in this data
 * center (see the module's comment), so that the next read of any of their
 * copies here renders anew. Never throws: the change it follows is already
 * stored, and its answer must say so; a cache that failed is logged, and its
 * copies end within CACHE_MAX_AGE like other data centers'.
 */
async function letterChanged(origin: string, slug: string): Promise<void> {
  const now = Date.now();
  try {
    await Promise.all(
      [generationUrl(origin, { letter: slug }), generationUrl(origin, "site")].map((url) => newGeneration(url!, now)),
    );
  } catch (error) {
    console.error(JSON.stringify({ event: "cache_generation_failed", letter: slug, error: String(error) }));
  }
}

/**
 * The application's cache refresher for the copies cached under `origin`
 * (the address readers reach this Worker by): see letterChanged.
 */
export function publicCopiesAt(origin: string): PublicCopies {
  return { letterChanged: (slug) => letterChanged(origin, slug) };
}

/**
 * The cache refresher for copies cached under each of `origins` (the queue's
 * consumer, on a deployment without PUBLIC_URL, refreshes under the origins
 * its signatures were made at). Origins that are not an http(s) URL's origin are left out.
 */
export function publicCopiesAtEach(origins: Iterable<string>): PublicCopies {
  const valid = [...new Set(origins)].filter((origin) => {
    try {
      const url = new URL(origin);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === origin;
    } catch {
      return false;
    }
  });
  return {
    letterChanged: async (slug) => {
      await Promise.all(valid.map((origin) => letterChanged(origin, slug)));
    },
  };
}
