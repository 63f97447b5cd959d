/**
 * The organizers' and background classes of work measured for issue 17
 * (bench/operations.ts): what organizers and the scheduled jobs set off.
 *
 * Organizer pages are used as a person uses them: signed in at /admin/login
 * with the bench's ADMIN_TOKEN (a session cookie; the pages take no bearer
 * token, only /admin/api does), forms sent with the session's CSRF token.
 * The scheduled jobs run as Cloudflare runs them: wrangler dev's
 * `/cdn-cgi/handler/scheduled?cron=…` calls the Worker's scheduled() with
 * that cron (src/index.ts CRONS), so a run is the whole job the cron sets
 * off. Webhooks go to an HTTPS receiver in this process on 127.0.0.1: the
 * app stores https:// addresses only (migrations/0009), and accepts one on
 * this machine while it runs on it without PUBLIC_URL (domain/webhook.ts
 * webhookUrlProblem's `loopback`, as `npm start` does), so nothing is changed
 * for the bench; the Worker trusts the receiver's certificate through
 * NODE_EXTRA_CA_CERTS, which wrangler passes on to workerd
 * (prepareOrganizerBench, called before wrangler starts).
 *
 * Two letters of their own (bench/run.ts seeds them empty): ORGANIZER_LETTER
 * takes imports and the signatures the maintenance job goes over,
 * WEBHOOK_LETTER the signatures whose webhooks are delivered.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, type HTMLElement } from "node-html-parser";
import { Webhook } from "standardwebhooks";
import { formStamp } from "../src/domain/bots";
import { googleFormsCsv } from "./import";
import { sizedLetters } from "./operations-public";
import { expectStatus, FREE_PLAN_CPU_MS, type BenchContext, type Operation } from "./operations";

/** The letter bench/run.ts seeds with 100,000 signatures (1,000 organizations, 99,000 individuals). */
const LARGE_LETTER = "bench-100k";
const LARGE_LETTER_SIGNATURES = 100_000;
/** Seeded empty: imports go into it, and signatures for the maintenance job. */
export const ORGANIZER_LETTER = "bench-organizer";
/** Seeded empty: its webhook points at this process's receiver. */
export const WEBHOOK_LETTER = "bench-webhooks";

/** src/index.ts CRONS: the five-minute maintenance, and the minute's jobs (imports, retries, notices, webhooks, checkpoints). */
const MAINTENANCE_CRON = "*/5 * * * *";
const MINUTE_CRON = "* * * * *";
/** src/jobs/webhooks.ts DELIVERIES_PER_RUN: what one run of the minute's job sends at most. */
const DELIVERIES_PER_RUN = 50;

const run = promisify(execFile);

/** The receiver's TLS key and certificate (signed by a CA made for this bench only). */
let receiverTls: { key: string; cert: string } | null = null;

/**
 * Makes a certificate authority for this bench only, and a certificate for 127.0.0.1 it signs, and
 * sets NODE_EXTRA_CA_CERTS to the authority's, so that the Worker under wrangler dev (miniflare
 * reads that variable into workerd's trusted certificates) accepts the webhook receiver's HTTPS.
 * Call before wrangler starts. Needs the `openssl` command.
 *
 * @throws Error when openssl fails
 */
export async function prepareOrganizerBench(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "undersigned-bench-tls-"));
  const file = (name: string) => join(folder, name);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const subject = ["-days", "2", "-subj", "/CN=Undersigned bench CA"];
  await run("openssl", ["req", "-x509", ...ec, "-keyout", file("ca.key"), "-out", file("ca.pem"), ...subject]);
  await run("openssl", [
    "req",
    "-new",
    ...ec,
    "-keyout",
    file("leaf.key"),
    "-out",
    file("leaf.csr"),
    "-subj",
    "/CN=127.0.0.1",
  ]);
  await writeFile(file("leaf.ext"), "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
  await run("openssl", [
    "x509",
    "-req",
    "-in",
    file("leaf.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-out",
    file("leaf.pem"),
    "-days",
    "2",
    "-extfile",
    file("leaf.ext"),
  ]);
  receiverTls = { key: await readFile(file("leaf.key"), "utf8"), cert: await readFile(file("leaf.pem"), "utf8") };
  // Only the authority's certificate stays, for wrangler to read: no key is left behind.
  for (const name of ["ca.key", "leaf.key", "leaf.csr", "leaf.pem", "leaf.ext", "ca.srl"])
    await rm(file(name), { force: true });
  process.env.NODE_EXTRA_CA_CERTS = file("ca.pem");
}

/** A signed-in organizer: the session's cookie and its forms' CSRF token. */
interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in at /admin/login with the admin token, as the login form does. */
async function logIn(context: BenchContext): Promise<Session> {
  const { response } = await expectStatus(context, "/admin/login", 303, {
    method: "POST",
    headers: {
      origin: context.base,
      "sec-fetch-site": "same-origin",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ token: context.adminToken, next: "/admin" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("/admin/login set no session cookie");
  const { body } = await expectStatus(context, "/admin", 200, { headers: { cookie } });
  const csrf = parse(body).querySelector('input[name="csrf"]')?.getAttribute("value");
  if (!csrf) throw new Error("No CSRF token on /admin");
  return { cookie, csrf };
}

/** The fields a browser would send with `selector`'s form as the page draws it (chosen options, checked boxes). */
function formFields(page: HTMLElement, selector: string): { action: string; fields: URLSearchParams } {
  const form = page.querySelector(selector);
  if (!form) throw new Error(`No ${selector} on the page`);
  const fields = new URLSearchParams();
  for (const control of form.querySelectorAll("input, select, textarea")) {
    const name = control.getAttribute("name");
    if (!name || control.hasAttribute("disabled")) continue;
    const type = (control.getAttribute("type") ?? "text").toLowerCase();
    if (control.tagName === "SELECT") {
      const option = control.querySelector("option[selected]") ?? control.querySelector("option");
      fields.append(name, option?.getAttribute("value") ?? option?.textContent ?? "");
    } else if (control.tagName === "TEXTAREA") fields.append(name, control.textContent);
    else if (type === "checkbox" || type === "radio") {
      if (control.hasAttribute("checked")) fields.append(name, control.getAttribute("value") ?? "on");
    } else if (type !== "submit" && type !== "button") fields.append(name, control.getAttribute("value") ?? "");
  }
  return { action: form.getAttribute("action")!, fields };
}

/** Posts an organizer form (urlencoded or multipart) from one of our pages, with the session. */
function postForm(
  context: BenchContext,
  session: Session,
  path: string,
  body: URLSearchParams | FormData,
  status = 303,
) {
  const headers: Record<string, string> = {
    origin: context.base,
    "sec-fetch-site": "same-origin",
    cookie: session.cookie,
  };
  if (body instanceof URLSearchParams) headers["content-type"] = "application/x-www-form-urlencoded";
  return expectStatus(context, path, status, { method: "POST", headers, body });
}

/** An organizer page, read whole. */
async function organizerPage(context: BenchContext, session: Session, path: string): Promise<HTMLElement> {
  return parse((await expectStatus(context, path, 200, { headers: { cookie: session.cookie } })).body);
}

/** Requests one after another: `count` of them. */
async function times(count: number, request: (index: number) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < count; index++) await request(index);
}

let signer = 0;

/**
 * `count` signatures on `slug` through the sign form, as people's browsers send them (direct
 * writes), eight at a time: not measured, it readies the background work.
 *
 * @throws Error when one is not answered 303
 */
async function sign(context: BenchContext, slug: string, count: number): Promise<void> {
  const stamp = await formStamp(context.secret, slug, Date.now() - 60_000);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      signer += 1;
      await expectStatus(context, `/letters/${slug}/signatures`, 303, {
        method: "POST",
        headers: {
          origin: context.base,
          "sec-fetch-site": "same-origin",
          "content-type": "application/x-www-form-urlencoded",
          "x-bench-signature-writes": "direct",
        },
        body: new URLSearchParams({
          form_stamp: stamp,
          kind: "individual",
          name: `Organizer Bench Signer ${signer}`,
          city: "Tegucigalpa",
          country: "HN",
          email: `organizer-bench-${signer}-${process.pid}@example.org`,
        }),
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * Runs the Worker's scheduled() for `cron` as Cloudflare's trigger would (wrangler dev's
 * /cdn-cgi/handler/scheduled), and waits for it to end.
 *
 * @throws Error when the job failed (workerd answers its outcome)
 */
async function runCron(context: BenchContext, cron: string): Promise<void> {
  const query = new URLSearchParams({ cron, time: String(Date.now()), format: "json" });
  const { body } = await expectStatus(context, `/cdn-cgi/handler/scheduled?${query}`, 200);
  const outcome = (JSON.parse(body) as { outcome?: string }).outcome;
  if (outcome !== "ok") throw new Error(`The ${cron} job ended ${outcome}: ${body.slice(0, 300)}`);
}

async function benchJson<T>(context: BenchContext, path: string): Promise<T> {
  return JSON.parse((await expectStatus(context, path, 200)).body) as T;
}

/**
 * The webhook receiver: an HTTPS server on 127.0.0.1 that answers 204, and counts the deliveries
 * whose Standard Webhooks signature holds for `secret()` (the letter's, once set).
 */
async function startReceiver(secret: () => string | null): Promise<{ url: string; received: () => number }> {
  if (!receiverTls) throw new Error("prepareOrganizerBench() was not called before wrangler started");
  let received = 0;
  const server = createServer(receiverTls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const key = secret();
      try {
        if (!key) throw new Error("no secret yet");
        const event = new Webhook(key).verify(body, request.headers as Record<string, string>) as { event?: string };
        if (request.method === "POST" && event.event === "signature.counted") received += 1;
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The webhook receiver has no port");
  server.unref();
  return { url: `https://127.0.0.1:${address.port}/hooks/undersigned`, received: () => received };
}

/**
 * Follows an import's steps as its page's Continue button does (each step a request of its own;
 * a 307 sends the same form again), until it stops moving.
 */
async function settleImport(context: BenchContext, session: Session, slug: string, id: number): Promise<string> {
  for (let presses = 0; presses < 1_000; presses++) {
    const { state } = await benchJson<{ state: string }>(context, `/__bench/imports/${id}`);
    if (!["reading", "checking", "running"].includes(state)) return state;
    let path = `/admin/imports/${slug}/${id}/continue`;
    for (;;) {
      const { response } = await expectStatusOf(context, session, path, [303, 307]);
      if (response.status === 303) break;
      path = response.headers.get("location")!;
    }
  }
  throw new Error(`Import ${id} never stopped moving`);
}

/** Posts the Continue form, answered with one of `statuses`. */
async function expectStatusOf(context: BenchContext, session: Session, path: string, statuses: number[]) {
  const response = await fetch(`${context.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: context.base,
      "sec-fetch-site": "same-origin",
      "content-type": "application/x-www-form-urlencoded",
      cookie: session.cookie,
    },
    body: new URLSearchParams({ csrf: session.csrf }),
  });
  const body = await response.text();
  if (!statuses.includes(response.status))
    throw new Error(`POST ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return { response, body };
}

/**
 * One import of `rows` rows of a Google Forms export through the organizer's pages: upload, the
 * file read in steps, the guessed mapping confirmed, the rows checked in steps (the preview),
 * Import, and its batches, each step one request as the page's Continue sends it.
 *
 * @throws Error unless every row is imported
 */
async function importRows(context: BenchContext, session: Session, rows: number, tag: string): Promise<void> {
  const slug = ORGANIZER_LETTER;
  // New people and organizations each run: the same ones again would be duplicates, refused.
  const csv = googleFormsCsv(rows).replaceAll("Número ", `Número ${tag}-`).replaceAll("@", `@${tag}-`);
  const form = new FormData();
  form.set("csrf", session.csrf);
  form.set("file", new File([csv], `responses-${tag}.csv`, { type: "text/csv" }));
  form.set("paste", "");
  const { response } = await postForm(context, session, `/admin/imports/${slug}`, form);
  const id = Number(/\/(\d+)(?:\?|$)/.exec(response.headers.get("location") ?? "")?.[1]);
  if (!id) throw new Error(`The upload answered no import: ${response.headers.get("location")}`);
  if ((await settleImport(context, session, slug, id)) !== "mapping") throw new Error(`Import ${id} was not read`);
  const mapping = formFields(
    await organizerPage(context, session, `/admin/imports/${slug}/${id}`),
    'form[action$="/mapping"]',
  );
  await postForm(context, session, mapping.action, mapping.fields);
  if ((await settleImport(context, session, slug, id)) !== "previewed") throw new Error(`Import ${id} was not checked`);
  const start = formFields(
    await organizerPage(context, session, `/admin/imports/${slug}/${id}`),
    'form[action$="/start"]',
  );
  await postForm(context, session, start.action, start.fields);
  if ((await settleImport(context, session, slug, id)) !== "done") throw new Error(`Import ${id} did not finish`);
  const done = await benchJson<{ valid_count: number; imported_count: number }>(context, `/__bench/imports/${id}`);
  if (done.valid_count !== rows || done.imported_count !== rows)
    throw new Error(`Import ${id}: ${done.valid_count} valid, ${done.imported_count} imported of ${rows} rows`);
}

let aged = false;

/**
 * Readies the maintenance job's database to be like one the app wrote over time, then runs the
 * job once more: the seed's signatures of the sized letters dated a day ago (the seed makes them
 * all at once, just now: see storage/bench.ts ageSignatures), and the job run until its backfills
 * are done or stop moving (the seed writes organizations without the key the app gives every one
 * it stores; the job keys 1,000 a run).
 */
async function settleMaintenance(context: BenchContext): Promise<void> {
  if (!aged) {
    // The seed made every signature of the sized letters just now: a real letter's came over days.
    await expectStatus(context, "/__bench/age", 200, {
      method: "POST",
      body: JSON.stringify(sizedLetters(context.quick)),
    });
    aged = true;
  }
  let left = (await benchJson<{ awaiting: number }>(context, "/__bench/backfills")).awaiting;
  for (let runs = 0; left > 0 && runs < 50; runs++) {
    await runCron(context, MAINTENANCE_CRON);
    const now = (await benchJson<{ awaiting: number }>(context, "/__bench/backfills")).awaiting;
    if (now >= left) break;
    left = now;
  }
  await runCron(context, MAINTENANCE_CRON);
}

export function organizerOperations(context: BenchContext): Operation[] {
  const requests = context.quick ? 20 : 50;
  const importedRows = context.quick ? 1_000 : 5_000;
  const maintained = context.quick ? 200 : 1_000;
  let session: Session | null = null;
  const signedIn = async () => (session ??= await logIn(context));
  const asOrganizer = async () => ({ headers: { cookie: (await signedIn()).cookie } });
  const list = `/admin/letters/${LARGE_LETTER}/signatures`;
  let imports = 0;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
  let sent = 0;
  let secret: string | null = null;

  const operations: Operation[] = [
    {
      name: `organizer signatures list, ${LARGE_LETTER}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: requests,
      prepare: async () => void (await signedIn()),
      run: async () => {
        const init = await asOrganizer();
        await times(requests, async () => {
          const { body } = await expectStatus(context, list, 200, init);
          // The seed's signatories ("Person n"), or the newest, which the public confirm and withdraw figures
          // add to the same letter before this runs ("Bench Signer n").
          if (!/Person \d|Bench Signer \d/.test(body)) throw new Error(`${list} lists no signatures`);
        });
      },
    },
    {
      name: `organizer search, ${LARGE_LETTER}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: requests,
      run: async () => {
        const init = await asOrganizer();
        await times(requests, async (index) => {
          // Within the 10,000 newest signatures a page of a search looks through (app/signature-lists.ts
          // SEARCH_WINDOW): one match each, so every search reads its whole window, as a rare name does.
          const name = `Person ${95_345 + index}`;
          const { body } = await expectStatus(context, `${list}?${new URLSearchParams({ q: name })}`, 200, init);
          if (!body.includes(name)) throw new Error(`Searching ${LARGE_LETTER} for “${name}” did not find it`);
        });
      },
    },
    {
      name: `CSV export, ${LARGE_LETTER}`,
      per: "10,000 rows",
      units: LARGE_LETTER_SIGNATURES / 10_000,
      run: async () => {
        const path = `/admin/letters/${LARGE_LETTER}/signatures.csv`;
        const { body } = await expectStatus(context, path, 200, await asOrganizer());
        const lines = body.trimEnd().split(/\r?\n/).length;
        // The seed's rows, and the few dozen the public confirm and withdraw figures add to the same letter
        // first (under 0.1 % of the file: the figure stays per 10,000 of the seed's rows).
        if (lines < LARGE_LETTER_SIGNATURES + 1 || lines > LARGE_LETTER_SIGNATURES + 1_001)
          throw new Error(
            `${path} has ${lines} lines, not a header and ${LARGE_LETTER_SIGNATURES} rows (+ up to 1,000)`,
          );
      },
    },
    {
      name: `delivery document, ${LARGE_LETTER}`,
      per: "10,000 signatories",
      units: LARGE_LETTER_SIGNATURES / 10_000,
      run: async () => {
        const path = `/admin/letters/${LARGE_LETTER}/delivery`;
        const { body } = await expectStatus(context, path, 200, await asOrganizer());
        const listed = body.split("<li").length - 1;
        if (listed < LARGE_LETTER_SIGNATURES)
          throw new Error(`${path} lists ${listed} signatories, not ${LARGE_LETTER_SIGNATURES}`);
      },
    },
    {
      name: `import of ${importedRows.toLocaleString("en")} rows through the organizer's pages`,
      per: "1,000 rows",
      units: importedRows / 1_000,
      prepare: async () => void (await signedIn()),
      run: async () => {
        imports += 1;
        await importRows(context, await signedIn(), importedRows, `r${imports}`);
      },
    },
    {
      name: "maintenance job, nothing new since its last run",
      per: "run",
      units: 1,
      prepare: () => settleMaintenance(context),
      run: () => runCron(context, MAINTENANCE_CRON),
    },
    // What the job does for new signatures: seals their record entries (each hashed, the Merkle tree's
    // nodes stored), and looks at the last half hour for bursts: these all came from one connection
    // (127.0.0.1), so it flags them "many from one connection", counting each one's neighbours from that
    // connection over one read of the window (storage/maintenance.ts flagBursts: rows read linear in the burst).
    // Its other steps read the same with or without them: the run "nothing new" above.
    {
      name: `maintenance job after ${maintained.toLocaleString("en")} new signatures`,
      per: "1,000 signatures",
      units: maintained / 1_000,
      prepare: async () => {
        await settleMaintenance(context);
        await sign(context, ORGANIZER_LETTER, maintained);
      },
      run: async () => {
        await runCron(context, MAINTENANCE_CRON);
        const record = await benchJson<{ record_length: number; record_sealed: number }>(
          context,
          `/__bench/record/${ORGANIZER_LETTER}`,
        );
        if (record.record_sealed !== record.record_length)
          throw new Error(
            `The maintenance job left ${record.record_length - record.record_sealed} record entries unsealed`,
          );
      },
    },
    {
      name: "minute job (imports, retries, notices, webhooks, checkpoints), nothing due",
      per: "run",
      units: 1,
      prepare: () => runCron(context, MINUTE_CRON),
      run: () => runCron(context, MINUTE_CRON),
    },
    {
      name: "webhook delivery, by the minute job",
      per: "delivery",
      units: DELIVERIES_PER_RUN,
      prepare: async () => {
        if (!receiver) {
          receiver = await startReceiver(() => secret);
          const { body } = await expectStatus(context, `/admin/api/letters/${WEBHOOK_LETTER}/webhook`, 200, {
            method: "PUT",
            headers: { authorization: `Bearer ${context.adminToken}`, "content-type": "application/json" },
            body: JSON.stringify({ url: receiver.url, include_email: false }),
          });
          secret = (JSON.parse(body) as { secret: string }).secret;
        }
        await runCron(context, MINUTE_CRON);
        await sign(context, WEBHOOK_LETTER, DELIVERIES_PER_RUN);
        sent = receiver.received();
      },
      run: async () => {
        await runCron(context, MINUTE_CRON);
        const states = await benchJson<Record<string, number>>(context, `/__bench/webhooks/${WEBHOOK_LETTER}`);
        const delivered = receiver!.received() - sent;
        if (delivered !== DELIVERIES_PER_RUN || (states.pending ?? 0) > 0 || (states.failed ?? 0) > 0)
          throw new Error(
            `The minute job delivered ${delivered} of ${DELIVERIES_PER_RUN} webhooks: ${JSON.stringify(states)}`,
          );
      },
    },
  ];
  return process.env.BENCH_STATEMENTS === "1"
    ? operations.map((operation) => withStatements(context, operation))
    : operations;
}

/**
 * `operation`, printing after each run the statements that read the most rows in it (BENCH_STATEMENTS=1: to
 * see where an operation's rows go; the extra request it makes is in the run's figures, so not for figures).
 */
function withStatements(context: BenchContext, operation: Operation): Operation {
  return {
    ...operation,
    run: async () => {
      await operation.run();
      const statements = await benchJson<{ calls: number; rows_read: number; rows_written: number; sql: string }[]>(
        context,
        "/__bench/stats/statements",
      );
      console.log(`    ${operation.name}: statements by rows read`);
      for (const each of statements)
        console.log(`      ${each.rows_read} read / ${each.rows_written} written in ${each.calls} calls: ${each.sql}`);
    },
  };
}
