/**
 * What the application's use cases need from the world, passed to them
 * explicitly (never Hono's Context), so that a route, a cron job and the
 * queue's consumer call the same functions: the one guarded D1 handle, the
 * mailer, the secrets (the checkpoints' signer among them), the settings,
 * the clock, and the cache refresher.
 */
import type { Actor } from "../domain/organizer-roles";
import type { NoteSigner } from "../domain/signed-note";
import { recordSigner, requireSecretKey, type Bindings, type Settings } from "../env";
import { mailerFor, type Mailer } from "../integrations/mailer";
import { resilientDatabase } from "../storage/database";

/**
 * The public copies of a letter that the application keeps true: pages,
 * JSON and cards cached at the edge. The application says *when* a letter's
 * public representations changed; the implementation (http/page-cache.ts)
 * knows *which* cached copies that means.
 *
 * The one rule: whatever changes what a public representation of a letter
 * shows (a signature counted, waiting, removed or restored; the order of
 * organizations; the letter's stage, text, translations or delivery) calls
 * letterChanged once it is stored, before answering.
 */
export interface PublicCopies {
  /**
   * Makes every cached public representation of the letter at `slug`, and
   * every cached document about all letters (home, lists, feeds, sitemap),
   * unreachable in this data center (the one this request or job runs in),
   * so that the next read renders it anew. Other data centers follow within
   * CACHE_MAX_AGE.
   */
  letterChanged(slug: string): Promise<void>;
}

/** Public copies that nothing caches (a job with no public origin to name the copies by). */
export const NO_PUBLIC_COPIES: PublicCopies = { letterChanged: () => Promise.resolve() };

export interface AppDeps {
  /** The one D1 handle: bounded in time, reads retried once, failures as StorageUnavailable (storage/database.ts). */
  db: D1Database;
  settings: Settings;
  /** SECRET_KEY; throws ConfigurationError when it is missing or short (read when a use case needs it). */
  secretKey(): string;
  /**
   * The signer of the records' checkpoints (RECORD_SIGNING_KEY, read once per isolate), or null
   * when none is configured; rejects with ConfigurationError when the key is malformed.
   */
  recordSigner(): Promise<NoteSigner | null>;
  /** The mailer the bindings configure, or null; throws ConfigurationError when they are inconsistent. */
  mailer(): Mailer | null;
  /** The current time (tests and jobs pass their own). */
  now(): Date;
  /** The cache refresher. */
  publicCopies: PublicCopies;
  /**
   * The public origin that links in emails and webhooks point to (https://letters.example.org): PUBLIC_URL, or a
   * loopback development host's own (http/urls.ts linkOrigin); null when neither, and then no link is sent.
   */
  origin: string | null;
  /** The raw bindings, for the few integrations configured by them (Turnstile, the sign queue, the rate limiter). */
  env: Bindings;
  /**
   * The organizer on whose behalf the use case runs (set by the organizer area's guards,
   * http/authentication.ts), named in the activity log; null for the public, jobs and the queue.
   */
  actor: Actor | null;
}

/**
 * The dependencies for one request or job. `db` is the guarded handle the
 * caller already made (one per request), or one made here from env.DB.
 */
export function appDeps(
  env: Bindings,
  settings: Settings,
  options: { db?: D1Database; publicCopies?: PublicCopies; origin?: string | null; now?: () => Date } = {},
): AppDeps {
  const db = options.db ?? resilientDatabase(env.DB, { timeoutMs: settings.d1TimeoutMs });
  let mailer: Mailer | null | undefined;
  return {
    db,
    settings,
    secretKey: () => requireSecretKey(env),
    recordSigner: () => recordSigner(env),
    mailer: () => (mailer === undefined ? (mailer = mailerFor(env, db)) : mailer),
    now: options.now ?? (() => new Date()),
    publicCopies: options.publicCopies ?? NO_PUBLIC_COPIES,
    origin: options.origin ?? settings.publicUrl ?? null,
    env,
    actor: null,
  };
}
