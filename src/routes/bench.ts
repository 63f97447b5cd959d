/**
 * Routes for `npm run bench` only (bench/run.ts starts the app with
 * BENCH=1; wrangler.jsonc never sets it, so in production these paths are
 * 404s like any other): a constant response and a bare D1 insert to measure
 * against, exact counts to check against, and a counter of D1 queries and
 * of the rows D1 read and wrote, and the state of what the organizer and
 * background operations change (their checks: bench/operations-organizer.ts).
 * (Large letters are seeded before the app starts: see src/storage/seed.ts.)
 */
import { Hono, type MiddlewareHandler } from "hono";
import { object } from "zod/mini";
import { Problem } from "../app/problem";
import { signatureLinks } from "../app/signature-links";
import { storeSignatures, type AcceptedSignature } from "../app/signing";
import { hmacHex } from "../domain/crypto";
import { queryParam } from "../domain/form-fields";
import { newSignatureRef } from "../domain/link-secrets";
import { mailboxHash } from "../domain/mailbox";
import { refuseQuery } from "../domain/public-query";
import { individualSignatureInput } from "../domain/signature";
import type { AppEnv } from "../http/app-env";
import { publicQuery } from "../http/validation";
import {
  ageSignatures,
  benchBackfillsLeft,
  benchImportState,
  benchRecordState,
  benchWebhookStates,
  countedSignatures,
  countSignedEmails,
  countTheSlowWay,
  insertBenchRow,
  resetBenchInserts,
} from "../storage/bench";
import { rowCountingDatabase } from "../storage/database";
import { findPublishedLetter } from "../storage/letters";

/** Statements run, and round trips to D1 (a batch is one round trip and one transaction). */
let queries = 0;
let calls = 0;
/** Rows D1 reported read and written (each result's `meta.rows_read` / `meta.rows_written`, summed). */
let rowsRead = 0;
let rowsWritten = 0;
/**
 * Calls whose rows could not be counted: `.raw()`, whose arrays D1 gives
 * without `meta` and which cannot be rebuilt exactly from `.all()` (columns of
 * the same name collapse). The app makes none; a figure above 0 means the rows
 * are short.
 */
let callsWithoutRows = 0;

/** Rows read and written by each statement's SQL since the last reset: which statements the rows are. */
const bySql = new Map<string, { calls: number; rows_read: number; rows_written: number }>();

/**
 * D1 with every statement, call and row counted, for the bench's "queries per
 * request" and "rows read / written per operation" figures (D1's billing
 * units), and the rows of each statement's SQL (src/storage/database.ts
 * rowCountingDatabase: `.first()` is made with `.all()` to see its rows).
 */
export function countBenchQueries(db: D1Database): D1Database {
  return rowCountingDatabase(db, (call) => {
    queries += call.statements.length;
    calls += 1;
    if (call.rows === "raw") callsWithoutRows += 1;
    if (call.rows !== "meta") return;
    for (const { sql, rowsRead: read, rowsWritten: written } of call.statements) {
      rowsRead += read;
      rowsWritten += written;
      const seen = bySql.get(sql) ?? { calls: 0, rows_read: 0, rows_written: 0 };
      bySql.set(sql, {
        calls: seen.calls + 1,
        rows_read: seen.rows_read + read,
        rows_written: seen.rows_written + written,
      });
    }
  });
}

function stats() {
  return {
    queries,
    calls,
    rows_read: rowsRead,
    rows_written: rowsWritten,
    calls_without_rows: callsWithoutRows,
  };
}

const constants = new Map<number, string>();

/** The largest constant body, in bytes. */
const MAX_CONSTANT_BYTES = 1_000_000;

/** ?bytes= of /constant: the body's size, from 1 to MAX_CONSTANT_BYTES bytes, 2 when absent or empty; anything else is a 400. */
const constantQuerySchema = object({
  bytes: queryParam((text, ctx): number => {
    if (text === undefined || text === "") return 2;
    const bytes = Number(text);
    if (/^\d{1,7}$/.test(text) && bytes >= 1 && bytes <= MAX_CONSTANT_BYTES) return bytes;
    return refuseQuery(
      ctx,
      { status: 400, title: "bytes is not a size" },
      `bytes must be a whole number from 1 to ${MAX_CONSTANT_BYTES}, not “${text.slice(0, 20)}”.`,
    );
  }),
});

/** The most signatures one POST /signatures/:slug stores (they go in one D1 batch: 2 statements each, or 4). */
const MAX_BENCH_SIGNATURES = 200;

/**
 * ?count=&status= of POST /signatures/:slug: how many signatures to store (1 to MAX_BENCH_SIGNATURES),
 * and whether they wait for their confirmation link ("unconfirmed") or are counted at once ("counted").
 */
const benchSignaturesQuerySchema = object({
  count: queryParam((text, ctx): number => {
    const count = Number(text);
    if (text !== undefined && /^\d{1,3}$/.test(text) && count >= 1 && count <= MAX_BENCH_SIGNATURES) return count;
    return refuseQuery(
      ctx,
      { status: 400, title: "count is not a number of signatures" },
      `count must be a whole number from 1 to ${MAX_BENCH_SIGNATURES}.`,
    );
  }),
  status: queryParam((text, ctx): "unconfirmed" | "counted" => {
    if (text === "unconfirmed" || text === "counted") return text;
    return refuseQuery(ctx, { status: 400, title: "status is unknown" }, "status must be unconfirmed or counted.");
  }),
});

let benchSigners = 0;

/**
 * Answers 404 ("There is no page at this address") unless BENCH=1. src/index.ts runs it before the
 * 405 middleware too, which would otherwise answer a bench path asked with another method with 405
 * and its Allow, saying the path exists where these routes must be 404s like any other.
 */
export const benchOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("settings").bench) return c.notFound();
  await next();
};

/**
 * The body of a POST that names things (slugs, emails): a JSON array of strings, at most `max`.
 * @throws Problem 400 for anything else (not JSON, not an array, an item not a string), never a 500
 */
async function stringsInBody(request: Request, what: string, max = 1_000_000): Promise<string[]> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = undefined;
  }
  if (!Array.isArray(body) || body.length > max || !body.every((item) => typeof item === "string")) {
    throw new Problem(400, "The body is not a list", `Send a JSON array of ${what} (strings), at most ${max}.`);
  }
  return body;
}

export const bench = new Hono<AppEnv>();

bench.use("*", benchOnly);

bench.get("/constant", publicQuery(constantQuerySchema), (c) => {
  const { bytes } = c.req.valid("query");
  let body = constants.get(bytes);
  if (!body) {
    body = "x".repeat(bytes);
    constants.set(bytes, body);
  }
  return c.body(body, 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60" });
});

bench.get("/stats", (c) => c.json(stats()));
/** The ten statements that read the most rows since the last reset, their SQL on one line (BENCH_STATEMENTS=1 prints them). */
bench.get("/stats/statements", (c) =>
  c.json(
    [...bySql]
      .sort(([, a], [, b]) => b.rows_read - a.rows_read || b.rows_written - a.rows_written)
      .slice(0, 10)
      .map(([sql, counts]) => ({ ...counts, sql: sql.replace(/\s+/g, " ").slice(0, 240) })),
  ),
);
bench.post("/stats/reset", (c) => {
  queries = 0;
  calls = 0;
  rowsRead = 0;
  rowsWritten = 0;
  callsWithoutRows = 0;
  bySql.clear();
  return c.json(stats());
});

bench.post("/setup", async (c) => {
  await resetBenchInserts(c.env.DB);
  return c.json({ ok: true });
});

/** The baseline for signing: one bound single-row INSERT, through the same D1 wrapper as the app. */
bench.post("/insert", async (c) => {
  await insertBenchRow(c.var.db);
  return c.body(null, 303, { Location: "/constant" });
});

/** How many of the given emails (the ones the bench saw answered 303) have no signature on `slug`. */
bench.post("/missing/:slug", async (c) => {
  const emails = await stringsInBody(c.req.raw, "emails");
  return c.json({ missing: emails.length - (await countSignedEmails(c.env.DB, c.req.param("slug"), emails)) });
});

/**
 * The letter's counter of counted signatures, `{ signature_count }` (404 when there is no such letter):
 * one row read, for waiting on the queue's consumer while the Worker is profiled (a count the slow way
 * of a large letter keeps the runtime busy for seconds).
 */
bench.get("/counter/:slug", async (c) => {
  const count = await countedSignatures(c.env.DB, c.req.param("slug"));
  return count === null ? c.json({ error: "no such letter" }, 404) : c.json({ signature_count: count });
});

/** What the database holds for `slug`, counted the slow way, to check the counters against. */
bench.get("/count/:slug", async (c) => c.json(await countTheSlowWay(c.env.DB, c.req.param("slug"))));

/** The letter's record: entries appended and sealed (bench/operations-organizer.ts checks the maintenance job sealed them). */
bench.get("/record/:slug", async (c) => c.json(await benchRecordState(c.env.DB, c.req.param("slug"))));

/** The letter's webhook deliveries by state (bench/operations-organizer.ts checks the minute's job delivered them). */
bench.get("/webhooks/:slug", async (c) => c.json(await benchWebhookStates(c.env.DB, c.req.param("slug"))));

/** An import's state and counts (bench/operations-organizer.ts follows an import through its steps). */
bench.get("/imports/:id{[0-9]{1,15}}", async (c) =>
  c.json(await benchImportState(c.env.DB, Number(c.req.param("id")))),
);

/** Signatures the maintenance job's backfills have still to key (the seed's organizations have no key). */
bench.get("/backfills", async (c) => c.json({ awaiting: await benchBackfillsLeft(c.env.DB) }));

/** Dates the seeded signatures of the letters named in the body (a JSON array of slugs) a day ago (storage/bench.ts ageSignatures). */
bench.post("/age", async (c) => {
  const slugs = await stringsInBody(c.req.raw, "slugs");
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
  return c.json({ dated: await ageSignatures(c.env.DB, slugs, dayAgo) });
});

/**
 * Stores ?count= individuals' signatures on the published letter `slug` through the app's own
 * storeSignatures, as the sign form's direct writes would (nobody is emailed), and answers the
 * signers' private links, `{ links: [{ confirm, withdraw }] }` (paths with their tokens), for the
 * bench's confirm and withdraw operations (bench/operations-public.ts). ?status=unconfirmed stores
 * them as a letter that confirms by email does (waiting for their link, CONFIRMATION_LINK_DAYS);
 * ?status=counted, counted at once with their record entries. 404 when there is no such letter.
 */
bench.post("/signatures/:slug", publicQuery(benchSignaturesQuerySchema), async (c) => {
  const { count, status } = c.req.valid("query");
  const deps = c.var.deps;
  const letter = await findPublishedLetter(deps.db, c.req.param("slug"));
  if (!letter) return c.json({ error: "no such letter" }, 404);
  const secret = deps.secretKey();
  const accepted: AcceptedSignature[] = [];
  for (let index = 0; index < count; index++) {
    benchSigners += 1;
    const email = `bench-link-${benchSigners}-${crypto.randomUUID().slice(0, 8)}@example.org`;
    accepted.push({
      letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
      language: null,
      policy: { confirmByEmail: status === "unconfirmed", reviewOrganizations: false },
      input: individualSignatureInput({
        name: `Bench Signer ${benchSigners}`,
        email,
        city: "Tegucigalpa",
        country: "HN",
      }),
      emailHash: await hmacHex(secret, "email", email),
      mailboxHash: await mailboxHash(secret, email),
      clientHash: await hmacHex(secret, "client", `bench-${benchSigners}`),
      ref: newSignatureRef(),
      origin: new URL(c.req.url).origin,
      channel: "form",
    });
  }
  const outcomes = await storeSignatures(deps, accepted);
  if (outcomes.some((outcome) => !outcome.created)) return c.json({ error: "a signature was not stored" }, 500);
  const links = await Promise.all(accepted.map((signature) => signatureLinks(deps, letter, signature.ref)));
  return c.json({ links });
});
