/**
 * The Worker's bindings and per-request variables, in one place, and the
 * parsing of its string settings into typed values.
 */

/** What Cloudflare binds to the Worker: see wrangler.jsonc and the README's Configuration section. */
export interface Bindings {
  /** The D1 database holding letters and signatures. */
  DB: D1Database;
  /** Seconds a rendered page is fresh (default 60). */
  CACHE_MAX_AGE?: string;
  /** Seconds past freshness during which a cached page is served once while it is re-rendered (default 600). */
  CACHE_STALE_SECONDS?: string;
  /** Signatories per page (default 100). */
  SIGNATORIES_PER_PAGE?: string;
  /** The public origin, e.g. https://letters.example.org, for canonical links; defaults to the request's origin. */
  PUBLIC_URL?: string;
  /** A long random secret (a Worker secret, never a var) that signs thank-you receipts. */
  SECRET_KEY?: string;
}

/** Values middleware hands to routes. */
export interface Variables {
  settings: Settings;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

export interface Settings {
  cacheMaxAge: number;
  cacheStaleSeconds: number;
  signatoriesPerPage: number;
  publicUrl: string | undefined;
}

function readInteger(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigurationError(`${name} must be a whole number between ${min} and ${max}, not "${value}".`);
  }
  return parsed;
}

/** Raised when the deployment itself is misconfigured; answered with 503 and logged. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Reads the settings from the bindings, applying the documented defaults. */
export function readSettings(env: Bindings): Settings {
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl && !/^https?:\/\/[^/?#\s]+$/.test(publicUrl.replace(/\/$/, ""))) {
    throw new ConfigurationError(`PUBLIC_URL must be an origin such as https://letters.example.org, not "${publicUrl}".`);
  }
  return {
    cacheMaxAge: readInteger(env.CACHE_MAX_AGE, "CACHE_MAX_AGE", 60, 0, 86_400),
    cacheStaleSeconds: readInteger(env.CACHE_STALE_SECONDS, "CACHE_STALE_SECONDS", 600, 0, 604_800),
    signatoriesPerPage: readInteger(env.SIGNATORIES_PER_PAGE, "SIGNATORIES_PER_PAGE", 100, 1, 1_000),
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, "") : undefined,
  };
}

/** The secret that signs receipts; a missing or short one is a deployment error, not a client's. */
export function requireSecretKey(env: Bindings): string {
  const key = env.SECRET_KEY;
  if (!key || key.length < 32) {
    throw new ConfigurationError("SECRET_KEY is not set (or shorter than 32 characters): run `npx wrangler secret put SECRET_KEY`.");
  }
  return key;
}
