/**
 * The public classes of work measured for issue 17 (bench/operations.ts):
 * what readers, signers, partners and verifiers set off. Every one is held to
 * the Workers Free plan's CPU limit per request (FREE_PLAN_CPU_MS), a cache
 * hit to CACHE_HIT_CPU_MS. (The delivery document is the organizers':
 * /admin/letters/{slug}/delivery, bench/operations-organizer.ts.)
 */
import * as ed25519 from "@noble/ed25519";
import { formStamp } from "../src/domain/bots";
import { verifyLetter } from "../src/domain/verify-record";
import { CACHE_HIT_CPU_MS, expectStatus, FREE_PLAN_CPU_MS, type BenchContext, type Operation } from "./operations";
import { VERIFY_LETTER } from "./verify";

const DEMO = "honduras-new-elections-2017";

/** The letters bench/run.ts seeds with 100, 100,000 and 1,000,000 signatures. */
export const SIZED_LETTERS = ["bench-100", "bench-100k", "bench-1m"];

/**
 * The sized letters a run seeds and measures: all of them, or in a quick run (`--quick`) all but
 * the 1,000,000 (its seed alone takes half a minute; its renders and API reads read the same rows
 * per request as the 100,000's, which the full run shows side by side).
 */
export function sizedLetters(quick: boolean): string[] {
  return quick ? SIZED_LETTERS.filter((slug) => slug !== "bench-1m") : SIZED_LETTERS;
}

/** The empty letters bench/run.ts seeds for signing, stored directly and through the queue. */
const SIGNING_LETTER = { direct: "bench-signing", queue: "bench-signing-queue" } as const;

/** The letter whose signers' links are confirmed and withdrawn: a large one, as a campaign's would be. */
const LINKS_LETTER = "bench-100k";

/** What the cache bypass asks (src/http/page-cache.ts: BENCH=1 only). */
const BYPASS = { "x-bench-bypass-cache": "1" };

/** The headers a browser adds to a form posted from one of the app's own pages. */
function formHeaders(context: BenchContext): Record<string, string> {
  return {
    "content-type": "application/x-www-form-urlencoded",
    "sec-fetch-site": "same-origin",
    origin: context.base,
  };
}

/** Requests one after another: `count` of them. */
async function times(count: number, request: (index: number) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < count; index++) await request(index);
}

/** The text of an HTML attribute value as the page escaped it (hono/jsx escapes & " ' < >). */
function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/**
 * What a browser sends when the person presses the button of the page's POST form: its action
 * and its hidden fields, form-encoded.
 *
 * @throws Error when the page has no POST form
 */
function postedForm(html: string, page: string): { action: string; body: string } {
  const form = /<form\b[^>]*\bmethod="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  const action = form && /\baction="([^"]*)"/.exec(form[0]);
  if (!form || !action) throw new Error(`${page} has no form to post`);
  const fields = new URLSearchParams();
  for (const [input] of form[1]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    if (name !== undefined && /\btype="hidden"/.test(input))
      fields.append(unescapeHtml(name), unescapeHtml(value ?? ""));
  }
  return { action: unescapeHtml(action[1]!), body: fields.toString() };
}

let signers = 0;

/**
 * Posts the sign form of `slug` as a person's browser does (bench/run.ts signRequests): a form
 * drawn a minute ago (its stamp), a unique email, the same-origin headers, and the bench's choice
 * of direct or queued writes.
 *
 * @throws Error when the answer is not 303 (to the thank-you page)
 */
async function sign(context: BenchContext, slug: string, writes: "direct" | "queue", stamp: string): Promise<void> {
  signers += 1;
  const body = new URLSearchParams({
    form_stamp: stamp,
    kind: "individual",
    name: `Bench Signer ${signers}`,
    city: "Tegucigalpa",
    country: "HN",
    email: `costs-${signers}-${process.pid}@example.org`,
  });
  await expectStatus(context, `/letters/${slug}/signatures`, 303, {
    method: "POST",
    headers: { ...formHeaders(context), "x-bench-signature-writes": writes },
    body: body.toString(),
  });
}

/** The counter of `slug`'s counted signatures: one row read, by a bench route that is not the app's D1 handle (no rows counted). */
async function storedSignatures(context: BenchContext, slug: string): Promise<number> {
  const { body } = await expectStatus(context, `/__bench/counter/${slug}`, 200);
  return (JSON.parse(body) as { signature_count: number }).signature_count;
}

/**
 * Waits until `slug` counts `count` signatures (the queue's consumer stored them: its letters are counted at once). Each look is a
 * request to the Worker, whose CPU the profile counts too: so the first is after the consumer's
 * batch timeout (1 s: bench/run.ts benchConfig), and the next ones half a second apart.
 *
 * @throws Error when they are not stored within a minute
 */
async function storedAtLeast(context: BenchContext, slug: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (let wait = 1_500; ; wait = 500) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    const stored = await storedSignatures(context, slug);
    if (stored >= count) return;
    if (Date.now() > deadline) throw new Error(`${slug}: ${stored} signatures stored after a minute, not ${count}`);
  }
}

/** Signers' private links (paths with their tokens), of `count` new signatures on `slug` (src/routes/bench.ts). */
async function signerLinks(
  context: BenchContext,
  slug: string,
  count: number,
  status: "unconfirmed" | "counted",
): Promise<{ confirm: string; withdraw: string }[]> {
  const { body } = await expectStatus(context, `/__bench/signatures/${slug}?count=${count}&status=${status}`, 200, {
    method: "POST",
  });
  return (JSON.parse(body) as { links: { confirm: string; withdraw: string }[] }).links;
}

/**
 * Opens a signer's link (GET: the page with its button) and presses the button (POST, as the
 * page's form sends it), as the signer does.
 *
 * @throws Error when the page is not 200 or the press not 303
 */
async function openAndPress(context: BenchContext, link: string): Promise<void> {
  const { body } = await expectStatus(context, link, 200);
  const form = postedForm(body, link);
  await expectStatus(context, form.action, 303, { method: "POST", headers: formHeaders(context), body: form.body });
}

/**
 * The verify letter's record length, once its JSON has been read (the first read seals every entry:
 * bench/verify.ts), so that no measured run pays for the sealing.
 *
 * @throws Error when the record is not complete after that read
 */
async function sealedRecordLength(context: BenchContext): Promise<number> {
  const { body } = await expectStatus(context, `/letters/${VERIFY_LETTER.slug}.json`, 200, { headers: BYPASS });
  const letter = JSON.parse(body) as { record: { length: number; complete: boolean } };
  if (!letter.record.complete) throw new Error(`${VERIFY_LETTER.slug}: its record was not sealed by the first read`);
  return letter.record.length;
}

export function publicOperations(context: BenchContext): Operation[] {
  const requests = context.quick ? 50 : 200;
  const bypass = { headers: BYPASS };
  const operations: Operation[] = [
    {
      // The floor every request pays on this machine: workerd's handling of it in the isolate, Hono's routing
      // and the app's middleware, a 2-byte body. What a route costs above it is the route's own work.
      name: "constant response (/__bench/constant: the app's middleware, no page)",
      per: "request",
      units: requests,
      run: () => times(requests, () => expectStatus(context, "/__bench/constant", 200)),
    },
    {
      name: "cache hit of the letter page",
      per: "request",
      targetMs: CACHE_HIT_CPU_MS,
      units: requests,
      prepare: async () => void (await expectStatus(context, `/letters/${DEMO}`, 200)),
      run: () => times(requests, () => expectStatus(context, `/letters/${DEMO}`, 200)),
    },
  ];
  for (const slug of sizedLetters(context.quick)) {
    operations.push(
      {
        name: `uncached letter page, ${slug}`,
        per: "request",
        targetMs: FREE_PLAN_CPU_MS,
        units: requests,
        run: () => times(requests, () => expectStatus(context, `/letters/${slug}`, 200, bypass)),
      },
      {
        name: `uncached letter JSON, ${slug}`,
        per: "request",
        targetMs: FREE_PLAN_CPU_MS,
        units: requests,
        run: () => times(requests, () => expectStatus(context, `/letters/${slug}.json`, 200, bypass)),
      },
    );
  }
  // The whole costs part of the bench stays within 6 minutes (bench/run.ts): the classes below take fewer units.
  const apiRequests = context.quick ? 30 : 99;
  // A partner's reads of the public API: the letter, the first page of its signatories and the next (a third each).
  for (const slug of sizedLetters(context.quick)) {
    const paths = [`/api/v1/letters/${slug}`, `/api/v1/letters/${slug}/signatories`];
    operations.push({
      name: `API read (letter, signatories' first and second page, in turn), uncached, ${slug}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: apiRequests,
      prepare: async () => {
        if (paths.length > 2) return;
        const { body } = await expectStatus(context, paths[1]!, 200, bypass);
        const next = (JSON.parse(body) as { next_cursor: string | null }).next_cursor;
        // bench-100's signatories fit on one page.
        if (next) paths.push(`${paths[1]}?${new URLSearchParams({ cursor: next })}`);
        else paths.push(paths[1]!);
      },
      run: () => times(apiRequests, (index) => expectStatus(context, paths[index % paths.length]!, 200, bypass)),
    });
  }
  const signatures = context.quick ? 20 : 60;
  for (const writes of ["direct", "queue"] as const) {
    const slug = SIGNING_LETTER[writes];
    let stored = 0;
    let stamp = "";
    operations.push({
      name: writes === "direct" ? "sign, direct writes" : "sign, through the queue (and its consumer)",
      per: "signature",
      targetMs: FREE_PLAN_CPU_MS,
      units: signatures,
      prepare: async () => {
        stored = await storedSignatures(context, slug);
        stamp = await formStamp(context.secret, slug, Date.now() - 60_000);
      },
      // The queue's consumer runs in the Worker too, and is billed: the run ends once it stored them all.
      run: async () => {
        await times(signatures, () => sign(context, slug, writes, stamp));
        if (writes === "queue") await storedAtLeast(context, slug, stored + signatures);
      },
    });
  }
  const links = context.quick ? 10 : 30;
  // The app under the bench has no mailer, so no letter of it confirms by email: the signatures waiting
  // for their link are stored as a letter that does stores them (src/routes/bench.ts), and the signer's
  // pages and press are the real ones. (Confirming reads the letter's policy only to choose between
  // confirmed and in review, for organizations: an individual's is confirmed either way.)
  let toConfirm: string[] = [];
  let toWithdraw: string[] = [];
  operations.push(
    {
      name: `confirm (open the link, press Confirm), ${LINKS_LETTER}`,
      per: "signature",
      targetMs: FREE_PLAN_CPU_MS,
      units: links,
      prepare: async () => {
        toConfirm = (await signerLinks(context, LINKS_LETTER, links, "unconfirmed")).map((link) => link.confirm);
      },
      run: () => times(links, (index) => openAndPress(context, toConfirm[index]!)),
    },
    {
      name: `withdraw (open the link, press Withdraw), ${LINKS_LETTER}`,
      per: "signature",
      targetMs: FREE_PLAN_CPU_MS,
      units: links,
      prepare: async () => {
        toWithdraw = (await signerLinks(context, LINKS_LETTER, links, "counted")).map((link) => link.withdraw);
      },
      run: () => times(links, (index) => openAndPress(context, toWithdraw[index]!)),
    },
  );
  // The record: a page of it (RECORD_PAGE_SIZE entries, from anywhere in it), and a verifier's whole walk.
  const record = `/letters/${VERIFY_LETTER.slug}/record.json`;
  let length = 0;
  const pages = context.quick ? 20 : 30;
  // Fewer: each reads the whole record today (record_nodes and record_entries read by primary key: rows grow with the record), which takes a while locally.
  const entryRequests = context.quick ? 6 : 10;
  operations.push(
    {
      name: `record page (1,000 entries), uncached, ${VERIFY_LETTER.slug}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: pages,
      prepare: async () => void (length = await sealedRecordLength(context)),
      run: () =>
        times(pages, (index) => {
          const after = (index * 1_000) % Math.max(length, 1);
          return expectStatus(context, after ? `${record}?after=${after}` : record, 200, bypass);
        }),
    },
    // A signer checking their own entry (the thank-you page links it), early and late in the record.
    ...(["first", "last"] as const).map((which): Operation => ({
      name: `record entry (its page, then its JSON with the inclusion proof), the ${which} entry, uncached, ${VERIFY_LETTER.slug}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: entryRequests,
      prepare: async () => void (length = await sealedRecordLength(context)),
      run: () =>
        times(entryRequests, (index) => {
          const entry = `/letters/${VERIFY_LETTER.slug}/record/${which === "first" ? 1 : length}`;
          return expectStatus(context, index % 2 ? `${entry}.json` : entry, 200, bypass);
        }),
    })),
    // A verifier run again later (npm run verify -- --since): the proof the record only grew since then.
    {
      name: `record consistency proof (from half the record to all of it), uncached, ${VERIFY_LETTER.slug}`,
      per: "request",
      targetMs: FREE_PLAN_CPU_MS,
      units: entryRequests,
      prepare: async () => void (length = await sealedRecordLength(context)),
      run: () =>
        times(entryRequests, () =>
          expectStatus(
            context,
            `/letters/${VERIFY_LETTER.slug}/record/consistency.json?from=${Math.floor(length / 2)}`,
            200,
            bypass,
          ),
        ),
    },
    {
      name: `verifier's walk of the whole record (every document npm run verify reads), uncached, ${VERIFY_LETTER.slug}`,
      per: "1,000 record entries",
      // No target of its own: the walk is many requests (record pages, entries, proofs), each held to the
      // Free plan's 10 ms by its own figure above; this one is their sum per 1,000 entries, for the cost.
      // Known once the record is sealed (prepare); the walk is one per run.
      get units() {
        return length / 1_000;
      },
      prepare: async () => void (length = await sealedRecordLength(context)),
      run: async () => {
        const result = await verifyLetter(`${context.base}/letters/${VERIFY_LETTER.slug}`, {
          fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...BYPASS } }),
          ed25519Verify: (signature, message, publicKey) =>
            ed25519.verifyAsync(signature, message, publicKey, { zip215: false }),
        });
        if (result.status !== "verified")
          throw new Error(`npm run verify's walk: ${result.status}: ${result.problems.join("; ")}`);
        if (result.entries !== length)
          throw new Error(`npm run verify's walk read ${result.entries} entries, not ${length}`);
      },
    },
  );
  return operations;
}
