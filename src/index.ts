/**
 * Undersigned: open letters and their sign-ons, on Cloudflare Workers.
 * The app's middleware, in order, and its routes. Everything else lives in
 * routes/ (HTTP), domain/ (rules), storage/ (SQL), views/ (markup) and
 * http/ (cross-cutting HTTP).
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import { trimTrailingSlash } from "hono/trailing-slash";
import { readSettings, weakSecrets, type Bindings, type Settings } from "./env";
import { type AppEnv } from "./http/app-env";
import { answerMethodNotAllowed, notFound, onError } from "./http/errors";
import { readablePaths } from "./http/readable-paths";
import { securityHeaders } from "./http/security";
import { resilientDatabase } from "./storage/database";
import { sendDailySummaries } from "./jobs/daily-summary";
import { DAILY_SUMMARY_UTC_HOUR } from "./domain/notification-settings";
import { runMaintenance } from "./jobs/maintenance";
import { deliverWebhooks } from "./jobs/webhooks";
import { continueImports } from "./jobs/imports";
import { resendDueConfirmations } from "./jobs/confirmation-mail";
import { sendDeliveryNotices } from "./jobs/delivery-notices";
import { consumeSignatures } from "./jobs/signature-queue";
import { appDeps, NO_PUBLIC_COPIES, type AppDeps } from "./app/deps";
import { checkpointRecords } from "./app/checkpoints";
import { publicCopiesAt, publicCopiesAtEach } from "./http/page-cache";
import { publicApiCors } from "./http/public-letter";
import { linkOrigin, requestUrl } from "./http/urls";
import { admin } from "./routes/admin";
import { adminActivity, adminActivityCsv } from "./routes/admin-activity";
import { adminAccount } from "./routes/admin-account";
import { adminPeople } from "./routes/admin-people";
import { adminExport } from "./routes/admin-export";
import { adminImports } from "./routes/admin-imports";
import { adminApi } from "./routes/admin-api";
import { adminApiTokens } from "./routes/admin-api-tokens";
import { adminLetters, draftPreview } from "./routes/admin-letters";
import { adminPasskeyLogin } from "./routes/admin-passkey-login";
import { adminPasskeys } from "./routes/admin-passkeys";
import { adminSignatures } from "./routes/admin-signatures";
import { adminTranslations } from "./routes/admin-translations";
import { api } from "./routes/api";
import { apiSigning } from "./routes/api-signing";
import { assets } from "./routes/assets";
import { bench, benchOnly, countBenchQueries } from "./routes/bench";
import { letterCheckpoints, recordKey } from "./routes/checkpoints";
import { deliveryNotices } from "./routes/delivery-notices";
import { devMail, devMailOnly } from "./routes/dev-mail";
import { embed, oembed } from "./routes/embed";
import { feeds, letterFeeds } from "./routes/feeds";
import { letterIndex, letters } from "./routes/letters";
import { signatures } from "./routes/signatures";

const settingsByEnv = new WeakMap<Bindings, Settings>();

export const app = new Hono<AppEnv>();

function settingsFor(env: Bindings): Settings {
  let settings = settingsByEnv.get(env);
  if (!settings) {
    // Once per isolate and bindings: what `wrangler dev` and `wrangler tail` show when the Worker starts.
    for (const message of weakSecrets(env)) console.error(JSON.stringify({ event: "weak_secret", message }));
    settings = readSettings(env);
    settingsByEnv.set(env, settings);
  }
  return settings;
}

app.use(securityHeaders());
/** The one guarded D1 handle of a request or job (counted under `npm run bench`). */
function databaseFor(env: Bindings, settings: Settings): D1Database {
  return resilientDatabase(settings.bench ? countBenchQueries(env.DB) : env.DB, { timeoutMs: settings.d1TimeoutMs });
}

app.use(async function dependencies(c, next) {
  const settings = settingsFor(c.env);
  c.set("settings", settings);
  const db = databaseFor(c.env, settings);
  c.set("db", db);
  const origin = requestUrl(c).origin;
  const deps = appDeps(c.env, settings, { db, publicCopies: publicCopiesAt(origin), origin: linkOrigin(c) });
  c.set("deps", deps);
  // Every page's footer shows the key that signs the records' checkpoints (a malformed one is a ConfigurationError).
  c.set("pageShell", { recordKey: (await deps.recordSigner())?.verifierKey.text ?? null });
  await next();
});
// A path segment that can't name anything (invalid UTF-8, CR/LF, an encoded slash) is a 404 before any route reads it.
app.use(readablePaths());
app.use(trimTrailingSlash());

// The bench's paths (without BENCH=1) and the local outbox (without MAILER=local on localhost) are 404s under any
// method: before the 405 middleware, which would name them.
app.use("/__bench/*", benchOnly);
app.use("/dev/*", devMailOnly);

// 405 with Allow for a path that exists under other methods, derived from the routes below.
app.use(methodNotAllowed({ app, onMethodNotAllowed: answerMethodNotAllowed }));

// Public: each prefix's sub-apps, with paths relative to it.
app.route("/", assets); // /assets/*, /favicon.svg, /embed.js
app.route("/", letterIndex); // /, /letters.json
app.route("/", feeds); // /feed.atom, /sitemap.xml, /robots.txt
app.route("/", oembed); // /oembed
// Before `letters`, whose /{slug}/record/{seq}.json would take consistency.json for an entry's number.
app.route("/letters", letterCheckpoints); // the record's signed checkpoints and consistency proofs
app.route("/letters", letters); // a letter's page, signatories and record, as HTML and JSON
app.route("/letters", signatures); // signing, and the signer's confirmation and withdrawal links
app.route("/letters", deliveryNotices); // the delivery email's unsubscribe link (RFC 8058 one-click)
app.route("/letters", embed); // the card partners frame
app.route("/letters", letterFeeds);
app.route("/", recordKey); // /.well-known/undersigned-record-key
app.route("/api/v1", new Hono<AppEnv>().use(publicApiCors).route("/", api).route("/", apiSigning));
app.route("/dev", devMail); // the local outbox (MAILER=local on a local address only)
app.route("/__bench", bench); // BENCH=1 only

// The organizer area: each sub-app guards itself (http/authentication.ts), so the order below protects nothing.
app.route("/", draftPreview); // /letters/{slug}/preview: a draft's preview, by its key
app.route("/admin", admin); // login, logout, the list of letters
app.route("/admin/login/passkey", adminPasskeyLogin); // signing in with a passkey
app.route("/admin/account/passkeys", adminPasskeys); // the person's passkeys
app.route("/admin/letters", adminLetters); // the editor and a letter's stages
app.route("/admin/letters/:slug", adminSignatures); // its signatures: moderation, entry by hand, order
app.route("/admin/letters/:slug/translations", adminTranslations);
app.route("/admin/letters/:slug", adminExport); // signatures.csv and the delivery document
app.route("/admin/api", adminApi); // the organizers' JSON API
app.route("/admin/account/tokens", adminApiTokens); // each person's API tokens for that API
app.route("/admin/imports", adminImports); // a letter's imports (its own prefix: it takes files up to 5 MB)
app.route("/admin/activity", adminActivity); // the owners' activity log
app.route("/admin/activity.csv", adminActivityCsv); // the same, as a CSV file
app.route("/admin/people", adminPeople); // owners: the accounts, invitations, roles
app.route("/admin/account", adminAccount); // your name and your sessions

app.notFound(notFound);
app.onError(onError);

/** The cron triggers of wrangler.jsonc, each its job (webhooks and checkpoints share the minute's). */
export const CRONS = {
  maintenance: "*/5 * * * *",
  webhooks: "* * * * *",
  checkpoints: "* * * * *",
  dailySummary: `0 ${DAILY_SUMMARY_UTC_HOUR} * * *`,
} as const;

/** A job's dependencies: its copies to refresh are those under PUBLIC_URL (it has no request to go by). */
function jobDeps(env: Bindings, now?: Date): AppDeps {
  const settings = settingsFor(env);
  return appDeps(env, settings, {
    db: databaseFor(env, settings),
    publicCopies: settings.publicUrl ? publicCopiesAt(settings.publicUrl) : NO_PUBLIC_COPIES,
    ...(now ? { now: () => now } : {}),
  });
}

async function scheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const now = new Date(controller.scheduledTime);
  const deps = jobDeps(env, now);
  const { db, settings } = deps;
  if (controller.cron === CRONS.webhooks) {
    // The minute's jobs (CRONS.checkpoints is the same cron), each run whatever the others do. Imports
    // first: the webhooks they queue then go out in the same minute.
    const [imports] = await Promise.allSettled([continueImports(deps, now)]);
    // After the imports' steps, which send their own first: one sender at a time keeps the provider's pace.
    const [confirmations] = await Promise.allSettled([resendDueConfirmations(deps)]);
    const [notices] = await Promise.allSettled([sendDeliveryNotices(deps)]);
    const [webhooks, checkpoints] = await Promise.allSettled([
      deliverWebhooks(db, now, settings.publicUrl),
      checkpointRecords(deps),
    ]);
    if (webhooks.status === "fulfilled") console.log(JSON.stringify({ event: "webhooks", ...webhooks.value }));
    if (checkpoints.status === "fulfilled") console.log(JSON.stringify({ event: "checkpoints", ...checkpoints.value }));
    if (imports.status === "fulfilled" && imports.value.continued > 0) {
      console.log(JSON.stringify({ event: "imports", ...imports.value }));
    }
    if (confirmations.status === "fulfilled" && Object.values(confirmations.value).some((count) => count > 0)) {
      console.log(JSON.stringify({ event: "confirmation_retries", ...confirmations.value }));
    }
    if (notices.status === "fulfilled" && Object.values(notices.value).some((count) => count > 0)) {
      console.log(JSON.stringify({ event: "delivery_notices", ...notices.value }));
    }
    for (const step of [webhooks, checkpoints, imports, confirmations, notices])
      if (step.status === "rejected") throw step.reason;
  } else if (controller.cron === CRONS.dailySummary) {
    console.log(
      JSON.stringify({
        event: "daily_summary",
        ...(await sendDailySummaries(db, deps.mailer(), now, settings.publicUrl)),
      }),
    );
  } else {
    console.log(JSON.stringify({ event: "maintenance", ...(await runMaintenance(deps, now)) }));
  }
}

/** The consumer of SIGN_QUEUE (SIGNATURE_WRITES=queue): stores each batch of signatures in one transaction. */
async function queue(batch: MessageBatch<unknown>, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const deps = jobDeps(env);
  // Without PUBLIC_URL, the copies to refresh are those under the origins the signatures were made at.
  const origins = batch.messages.flatMap((message) => {
    const origin = (message.body as { signature?: { origin?: unknown } } | null)?.signature?.origin;
    return typeof origin === "string" ? [origin] : [];
  });
  const report = await consumeSignatures(
    batch,
    deps.settings.publicUrl ? deps : { ...deps, publicCopies: publicCopiesAtEach(origins) },
  );
  console.log(JSON.stringify({ event: "signature_batch", queue: batch.queue, size: batch.messages.length, ...report }));
}

export default { fetch: app.fetch, scheduled, queue } satisfies ExportedHandler<Bindings>;
