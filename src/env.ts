/**
 * The Worker's bindings, in one place, and the parsing of its string
 * settings into typed values.
 */
import { parseSignerKey, type NoteSigner } from "./domain/signed-note";
import { MAKE_A_SECRET, weakSecretReason } from "./domain/token-strength";

/** What Cloudflare binds to the Worker: see wrangler.jsonc and the README's Configuration section. */
export interface Bindings {
  /** The D1 database holding letters and signatures. */
  DB: D1Database;
  /** Static files in public/ (the link-preview image); Cloudflare serves them before the Worker runs. */
  ASSETS?: Fetcher;
  /** Seconds a rendered page is fresh (default 60). */
  CACHE_MAX_AGE?: string;
  /** Seconds past freshness during which a cached page is served once while it is re-rendered (default 600). */
  CACHE_STALE_SECONDS?: string;
  /** Seconds past that during which a stored copy is served when rendering fails (default 86400). */
  CACHE_STALE_IF_ERROR_SECONDS?: string;
  /** Signatories per page (default 100). */
  SIGNATORIES_PER_PAGE?: string;
  /** The public origin, e.g. https://letters.example.org, for canonical links; defaults to the request's origin. */
  PUBLIC_URL?: string;
  /** A long random secret (a Worker secret, never a var): signs receipts, keys the hashes of emails and IP addresses. */
  SECRET_KEY?: string;
  /** "resend" or "local" (the D1 outbox shown at /dev/mail); unset means Resend if RESEND_API_KEY is set, else no mailer. */
  MAILER?: string;
  /** Resend API key (a secret). */
  RESEND_API_KEY?: string;
  /** The sender of emails, e.g. "Undersigned <letters@example.org>". */
  MAIL_FROM?: string;
  /** Cloudflare Turnstile: the secret turns verification on; the site key draws the widget. */
  TURNSTILE_SECRET_KEY?: string;
  TURNSTILE_SITE_KEY?: string;
  /** The Workers Rate Limiting binding for sign attempts; without it a D1 counter is used. */
  SIGN_RATE_LIMITER?: RateLimit;
  /** Sign attempts per client per letter in any minute, for the D1 fallback of SIGN_RATE_LIMITER (default 20). */
  SIGN_RATE_LIMIT?: string;
  /** The organizers' token (a secret, at least 16 characters): exchanged at /admin/login for a session, or sent as a bearer token to /admin/api. Without it the organizer area is closed. */
  ADMIN_TOKEN?: string;
  /** Cloudflare Access (optional): the team domain (your-team.cloudflareaccess.com) and the organizer application's audience tag. With both set, a valid Access JWT opens the organizer area too. */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** "1" only when `npm run bench` runs the app (see src/routes/bench.ts); never set it in production. */
  BENCH?: string;
  /** Milliseconds one D1 call may take before it counts as failed (default 8000). */
  D1_TIMEOUT_MS?: string;
  /** Days after a letter closes before its signatures' emails and IP hashes are erased (default 30). */
  RETENTION_DAYS?: string;
  /** Days the organizers' activity log keeps an entry (default 365; the maintenance job deletes older ones). */
  ACTIVITY_RETENTION_DAYS?: string;
  /**
   * "direct" (default): the form stores each signature in D1 before answering.
   * "queue": the form puts it on SIGN_QUEUE and answers; the queue's consumer
   * stores each batch in one transaction (see docs/scaling.md).
   */
  SIGNATURE_WRITES?: string;
  /** The Cloudflare Queue for SIGNATURE_WRITES=queue (a producer binding; this Worker is also its consumer). */
  SIGN_QUEUE?: Queue<unknown>;
  /** Seconds a Worker instance reuses a letter it has read for signing (default 5; 0 reads it for every signature). */
  LETTER_CACHE_SECONDS?: string;
  IMPORT_STEPS_PER_REQUEST?: string;
  /**
   * The key that signs the records' checkpoints (a secret): a Go note signer key,
   * "PRIVATE+KEY+{name}+{key ID}+{base64}" (`npm run record-key -- letters.example.org` makes one).
   * Without it no checkpoint is made, letters publish `record.checkpoint: null`, and
   * /.well-known/undersigned-record-key answers 404.
   */
  RECORD_SIGNING_KEY?: string;
}

export interface Settings {
  cacheMaxAge: number;
  cacheStaleSeconds: number;
  cacheStaleIfErrorSeconds: number;
  signatoriesPerPage: number;
  publicUrl: string | undefined;
  signRateLimit: number;
  retentionDays: number;
  /** Days an activity log entry is kept (ACTIVITY_RETENTION_DAYS, 1 to 3,650; default 365). */
  activityRetentionDays: number;
  d1TimeoutMs: number;
  /** Set only by `npm run bench`: its routes, its query counter, and X-Bench-Bypass-Cache. */
  bench: boolean;
  signatureWrites: "direct" | "queue";
  letterCacheSeconds: number;
  /**
   * Steps of an import (reading, checking, importing: app/imports.ts) one request or cron run takes.
   * One step fits the Workers Free plan's 10 ms of CPU (bench/import.ts); the Paid plan's 30 s fit many.
   */
  importStepsPerRequest: number;
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

/**
 * Sign attempts per client per letter in any minute (a sliding window: see
 * integrations/rate-limit.ts). Sized for a room of people behind one address,
 * a coalition's meeting on one Wi-Fi network: 30 of them all pressing Sign
 * at once are all in within about 90 seconds (20 at once, the rest as the
 * minute slides, each told how long to wait), while one address can't send
 * more than one attempt every 3 seconds for long. Attempts refused by
 * validation don't count; email confirmation still needs a mailbox per
 * signature.
 */
export const DEFAULT_SIGN_RATE_LIMIT = 20;

/** Reads the settings from the bindings, applying the documented defaults. */
export function readSettings(env: Bindings): Settings {
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl && !/^https?:\/\/[^/?#\s]+$/.test(publicUrl.replace(/\/$/, ""))) {
    throw new ConfigurationError(
      `PUBLIC_URL must be an origin such as https://letters.example.org, not "${publicUrl}".`,
    );
  }
  return {
    cacheMaxAge: readInteger(env.CACHE_MAX_AGE, "CACHE_MAX_AGE", 60, 0, 86_400),
    cacheStaleSeconds: readInteger(env.CACHE_STALE_SECONDS, "CACHE_STALE_SECONDS", 600, 0, 604_800),
    cacheStaleIfErrorSeconds: readInteger(
      env.CACHE_STALE_IF_ERROR_SECONDS,
      "CACHE_STALE_IF_ERROR_SECONDS",
      86_400,
      0,
      2_592_000,
    ),
    signatoriesPerPage: readInteger(env.SIGNATORIES_PER_PAGE, "SIGNATORIES_PER_PAGE", 100, 1, 1_000),
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, "") : undefined,
    signRateLimit: readInteger(env.SIGN_RATE_LIMIT, "SIGN_RATE_LIMIT", DEFAULT_SIGN_RATE_LIMIT, 1, 1_000_000),
    retentionDays: readInteger(env.RETENTION_DAYS, "RETENTION_DAYS", 30, 0, 3_650),
    activityRetentionDays: readInteger(env.ACTIVITY_RETENTION_DAYS, "ACTIVITY_RETENTION_DAYS", 365, 1, 3_650),
    d1TimeoutMs: readInteger(env.D1_TIMEOUT_MS, "D1_TIMEOUT_MS", 8_000, 10, 30_000),
    bench: env.BENCH === "1",
    signatureWrites: readSignatureWrites(env),
    letterCacheSeconds: readInteger(env.LETTER_CACHE_SECONDS, "LETTER_CACHE_SECONDS", 5, 0, 300),
    importStepsPerRequest: readInteger(env.IMPORT_STEPS_PER_REQUEST, "IMPORT_STEPS_PER_REQUEST", 1, 1, 100),
  };
}

function readSignatureWrites(env: Bindings): Settings["signatureWrites"] {
  const value = env.SIGNATURE_WRITES?.trim() || "direct";
  if (value !== "direct" && value !== "queue") {
    throw new ConfigurationError(`SIGNATURE_WRITES must be "direct" or "queue", not "${value}".`);
  }
  if (value === "queue" && !env.SIGN_QUEUE) {
    throw new ConfigurationError(
      'SIGNATURE_WRITES is "queue" but there is no SIGN_QUEUE binding: add the queue to wrangler.jsonc (see docs/scaling.md).',
    );
  }
  return value;
}

/** The shortest SECRET_KEY accepted. */
export const SECRET_KEY_MIN_LENGTH = 32;

/** The last SECRET_KEY judged and why it is weak (null: strong): the estimate costs about a millisecond. */
let judgedKey: { value: string; weakness: string | null } | null = null;

function secretKeyWeakness(key: string): string | null {
  if (judgedKey?.value !== key)
    judgedKey = { value: key, weakness: weakSecretReason("SECRET_KEY", key, SECRET_KEY_MIN_LENGTH) };
  return judgedKey.weakness;
}

/**
 * The secret that signs receipts; a missing, short (under 32 characters) or
 * guessable one (under MIN_SECRET_BITS of estimated randomness:
 * domain/token-strength.ts) is a deployment error, not a client's.
 *
 * @throws ConfigurationError saying how to make one (`openssl rand -base64 32`)
 */
export function requireSecretKey(env: Bindings): string {
  const key = env.SECRET_KEY;
  if (!key) {
    throw new ConfigurationError(
      `SECRET_KEY is not set. Make one with \`${MAKE_A_SECRET}\` and set it with \`npx wrangler secret put SECRET_KEY\`.`,
    );
  }
  const weakness = secretKeyWeakness(key);
  if (weakness) throw new ConfigurationError(weakness);
  return key;
}

/**
 * The secrets set but too weak to use (ADMIN_TOKEN is then treated as unset;
 * SECRET_KEY makes what needs it answer 503), each with what to do: for the
 * Worker to log when it starts (once per isolate, src/index.ts).
 */
export function weakSecrets(env: Bindings): string[] {
  const weak: string[] = [];
  if (env.ADMIN_TOKEN) {
    const reason = weakSecretReason("ADMIN_TOKEN", env.ADMIN_TOKEN, 16);
    if (reason) weak.push(reason);
  }
  if (env.SECRET_KEY) {
    const reason = secretKeyWeakness(env.SECRET_KEY);
    if (reason) weak.push(reason);
  }
  return weak;
}

/** Turnstile's site key, when verification is fully configured (both keys); else null. */
export function turnstileSiteKey(env: Bindings): string | null {
  return env.TURNSTILE_SECRET_KEY && env.TURNSTILE_SITE_KEY ? env.TURNSTILE_SITE_KEY : null;
}

const recordSigners = new WeakMap<Bindings, Promise<NoteSigner | null>>();

/**
 * The signer of the records' checkpoints, from RECORD_SIGNING_KEY, read once
 * per isolate (per bindings object); null when the secret is unset or empty.
 * @throws ConfigurationError (from the promise) when it is set but is not an Ed25519 note signer key whose ID matches
 */
export function recordSigner(env: Bindings): Promise<NoteSigner | null> {
  let signer = recordSigners.get(env);
  if (!signer) {
    const text = env.RECORD_SIGNING_KEY?.trim();
    signer = text
      ? parseSignerKey(text).catch((error: unknown) => {
          throw new ConfigurationError(
            `${error instanceof Error ? error.message : String(error)} Make one with \`npm run record-key -- your.host.name\` and set it with \`npx wrangler secret put RECORD_SIGNING_KEY\`.`,
          );
        })
      : Promise.resolve(null);
    recordSigners.set(env, signer);
  }
  return signer;
}
