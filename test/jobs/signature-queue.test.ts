/**
 * SIGNATURE_WRITES=queue: the form puts each accepted signature on SIGN_QUEUE
 * and answers; the consumer stores batches in one transaction. The queue
 * binding here is a recorder (what the form sent); the consumer is the
 * Worker's own `queue` handler, run on those messages against the real D1.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import type { SignatureMessage } from "../../src/app/signing";
import { retryDelaySeconds } from "../../src/jobs/signature-queue";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  linkIn,
  mailTo,
  postForm,
  postSignature,
  recordingQueue,
  signatureRows,
  texts,
} from "../helpers";

let messageIds = 0;

/** Runs the Worker's queue handler on `bodies` as one delivery, and returns what it acknowledged and retried. */
async function deliver(bodies: unknown[], overrides: Partial<Cloudflare.Env> = {}, attempts = 1) {
  const batch = createMessageBatch(
    "undersigned-signatures",
    bodies.map((body) => ({ id: `message-${++messageIds}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides }, ctx);
  const result = await getQueueResult(batch, ctx);
  return { ids: batch.messages.map((message) => message.id), result };
}

/** Signs `letter` through the form in queue mode, and returns the message it put on the queue. */
async function signQueued(slug: string, fields = individual(), overrides: Partial<Cloudflare.Env> = {}) {
  const { queue, sent } = recordingQueue();
  const response = await postSignature(slug, fields, {
    env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue, ...overrides },
  });
  expect(response.status).toBe(303);
  expect(sent).toHaveLength(1);
  return { response, message: sent[0] as SignatureMessage, fields };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("signing through the queue", () => {
  it("answers 303 to the same thank-you page, stores nothing until the consumer runs, then counts the signature once", async () => {
    const letter = await createLetter();
    const { response, message, fields } = await signQueued(letter.slug, individual({ name: "Queued Signer" }));
    expect(response.headers.get("Location")).toMatch(new RegExp(`^/letters/${letter.slug}/signed\\?receipt=`));
    const thanks = await getPage(response.headers.get("Location")!);
    expect(thanks.document.querySelector("main")?.textContent).toContain("Your signature is on its way");
    expect(thanks.document.querySelector(".counts")?.textContent?.trim()).toMatch(/^The letter has \d+ signatures/);
    expect(message.v).toBe(2);
    expect(message.signature.input.email).toBe(fields.email);
    expect(await signatureRows(letter.slug)).toHaveLength(0);
    expect((await letterRow(letter.slug))!.signature_count).toBe(0);

    const { ids, result } = await deliver([message]);
    expect(result.explicitAcks.sort()).toEqual(ids.sort());
    expect(result.retryMessages).toEqual([]);
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(texts(document, ".signatory-name")).toContain("Queued Signer");
  });

  it("stores a message delivered twice, or two messages with one email, exactly once", async () => {
    const letter = await createLetter();
    const first = await signQueued(letter.slug);
    const again = await signQueued(letter.slug, { ...first.fields, name: "Double Click" });
    const other = await signQueued(letter.slug);
    await deliver([first.message, again.message, other.message, first.message]);
    await deliver([first.message, other.message], {}, 2);
    const row = (await letterRow(letter.slug))!;
    expect(row.signature_count).toBe(2);
    expect(row.individual_count).toBe(2);
    expect(await signatureRows(letter.slug)).toHaveLength(2);
    const record = await env.DB.prepare(
      "SELECT count(*) AS entries FROM record_entries WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) AND event <> 'text'",
    )
      .bind(letter.slug)
      .first<{ entries: number }>();
    expect(record?.entries).toBe(2);
  });

  it("still stores a message of the first format (a withdrawal secret instead of the reference)", async () => {
    const letter = await createLetter();
    const { message } = await signQueued(letter.slug, individual({ name: "Old Format" }));
    const { ref, ...signature } = message.signature;
    expect(ref).toMatch(/^[0-9a-f]{32}$/);
    const { result } = await deliver([{ v: 1, signature: { ...signature, withdrawToken: "W".repeat(43) } }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Old Format"]);
  });

  it("stores two spellings of one mailbox once, and keys messages queued before mailboxes were", async () => {
    const letter = await createLetter();
    const first = await signQueued(letter.slug, individual({ email: "queued.signer+a@gmail.com" }));
    const other = await signQueued(letter.slug, individual({ email: "QueuedSigner@googlemail.com" }));
    expect(first.message.signature.mailboxHash).toBe(other.message.signature.mailboxHash);
    // A message from before mailbox hashes (without the field) is keyed on arrival.
    const { mailboxHash: _none, ...older } = other.message.signature;
    await deliver([{ v: 2, signature: older }, first.message]);
    const rows = await signatureRows(letter.slug);
    expect(rows.map((row) => [row.email, row.mailbox_hash])).toEqual([
      ["queuedsigner@googlemail.com", first.message.signature.mailboxHash],
    ]);
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
  });

  it("sends the confirmation link from the consumer when the letter asks for confirmation", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const mail = { MAILER: "local" };
    const { message, fields } = await signQueued(letter.slug, individual(), mail);
    expect(await mailTo(fields.email as string)).toHaveLength(0);
    await deliver([message], mail);
    const [confirmation] = await mailTo(fields.email as string);
    expect((await letterRow(letter.slug))!.signature_count).toBe(0);
    const confirmPath = linkIn(confirmation!.body, "/confirm");
    const token = new URL(confirmPath, "https://x.test").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token }, mail)).status).toBe(303);
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
  });

  it("emails each signer of a batch counted at once their own entry, found with one read per letter", async () => {
    const first = await createLetter({ confirmSignatures: false });
    const second = await createLetter({ confirmSignatures: false, organizations: ["AFL-CIO"] });
    const mail = { MAILER: "local" };
    const signed = [
      await signQueued(first.slug, individual({ name: "Queued One" }), mail),
      await signQueued(second.slug, individual({ name: "Queued Two" }), mail),
      await signQueued(first.slug, individual({ name: "Queued Three" }), mail),
    ];
    const counter = countingDatabase(env.DB);
    await deliver(
      signed.map((one) => one.message),
      { ...mail, DB: counter.database },
    );
    const lookups = counter.recorded().filter((query) => query.sql.includes("event IN ('signed', 'restored')"));
    expect(lookups).toHaveLength(2);
    // (Entry 1 of each letter is its text.)
    for (const [slug, seq, { fields }] of [
      [first.slug, 2, signed[0]!],
      [second.slug, 3, signed[1]!],
      [first.slug, 3, signed[2]!],
    ] as const) {
      const entry = await (
        await fetchApp(`/letters/${slug}/record/${seq}.json`, { CACHE_MAX_AGE: "0" })
      ).json<{
        entry: { name: string; hash: string };
      }>();
      expect(entry.entry.name).toBe(fields.name);
      const [receipt] = await mailTo(fields.email as string);
      expect(receipt!.body).toContain(
        `entry ${seq} of the letter's public record, with the hash\n${entry.entry.hash}\n`,
      );
      expect(linkIn(receipt!.body, "/record/")).toBe(`/letters/${slug}/record/${seq}`);
    }
  });

  it("says on a queued signature's thank-you page that its entry comes when it is counted", async () => {
    const letter = await createLetter();
    const { response } = await signQueued(letter.slug);
    const page = await getPage(response.headers.get("Location")!);
    expect(texts(page.document, ".your-entry p")).toEqual([
      "Your signature gets its numbered entry in the letter's public record when it is counted.",
    ]);
  });

  it("stores the rest of a batch when one message cannot be stored, and retries that one", async () => {
    const letter = await createLetter();
    const good = await signQueued(letter.slug);
    const broken = structuredClone(good.message);
    broken.signature.input.country = "xx"; // the table's CHECK refuses it, failing the batch's transaction
    broken.signature.input.email = "broken@example.org";
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { ids, result } = await deliver([good.message, broken], {}, 3);
    expect(result.explicitAcks).toEqual([ids[0]]);
    // (The test batch records which messages were retried, not their delay: retryDelaySeconds is tested below.)
    expect(result.retryMessages).toEqual([{ msgId: ids[1] }]);
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
    expect(errors.mock.calls.join("\n")).not.toContain("@example.org");
  });

  it("retries every message, storing nothing, while D1 fails, and stores them when it is back", async () => {
    const letter = await createLetter();
    const one = await signQueued(letter.slug);
    const two = await signQueued(letter.slug);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = countingDatabase(env.DB);
    const broken = new Proxy(failing.database, {
      get(target, property) {
        if (property === "batch") return () => Promise.reject(new Error("D1_ERROR: Network connection lost."));
        return Reflect.get(target, property, target) as unknown;
      },
    });
    const down = await deliver([one.message, two.message], { DB: broken, D1_TIMEOUT_MS: "1000" });
    expect(down.result.explicitAcks).toEqual([]);
    expect(down.result.retryMessages.map((retry) => retry.msgId).sort()).toEqual(down.ids.sort());
    expect((await letterRow(letter.slug))!.signature_count).toBe(0);
    const up = await deliver([one.message, two.message], {}, 2);
    expect(up.result.explicitAcks.sort()).toEqual(up.ids.sort());
    expect((await letterRow(letter.slug))!.signature_count).toBe(2);
  });

  it("acknowledges a message that is not a signature, logging its id and not its content", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { ids, result } = await deliver([{ v: 2, email: "someone@example.org" }, "garbage"]);
    expect(result.explicitAcks.sort()).toEqual(ids.sort());
    const logged = errors.mock.calls.join("\n");
    expect(logged).toContain("signature_message_invalid");
    expect(logged).not.toContain("someone@example.org");
  });

  it("answers 503 with the form filled in, storing nothing, when the queue does not take the signature", async () => {
    const letter = await createLetter();
    const { queue } = recordingQueue({ fails: true });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fields = individual({ name: "Unqueued Person" });
    const response = await postSignature(letter.slug, fields, {
      env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toContain("Unqueued Person");
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("refuses to run with SIGNATURE_WRITES=queue and no queue, or an unknown mode, as a configuration error", async () => {
    const letter = await createLetter();
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const overrides of [{ SIGNATURE_WRITES: "queue" }, { SIGNATURE_WRITES: "later" }]) {
      const response = await fetchApp(`/letters/${letter.slug}`, overrides);
      expect(response.status, JSON.stringify(overrides)).toBe(503);
    }
  });

  it("grows the retry delay from 5 seconds to at most 5 minutes", () => {
    expect([1, 2, 3, 4, 10].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 300]);
  });
});

describe("the letter read for signing", () => {
  it("is reused for LETTER_CACHE_SECONDS by the same Worker instance, and read every time with 0", async () => {
    const letter = await createLetter();
    const counting = countingDatabase(env.DB);
    const queriesPerSignature = async (seconds: string) => {
      counting.reset();
      await postSignature(letter.slug, individual(), { env: { DB: counting.database, LETTER_CACHE_SECONDS: seconds } });
      return counting.queries();
    };
    const everyTime = await queriesPerSignature("0");
    expect(await queriesPerSignature("0")).toBe(everyTime);
    await queriesPerSignature("60"); // reads the letter and keeps it
    expect(await queriesPerSignature("60")).toBe(everyTime - 1);
    expect((await letterRow(letter.slug))!.signature_count).toBe(4);
  });
});

describe("a queued signer's confirmation email the provider turns away for a moment", () => {
  it("is kept and sent again, since the signer was already told to check their email", async () => {
    const resend = { RESEND_API_KEY: "re_test_key", MAIL_FROM: "Undersigned <letters@example.org>" };
    const letter = await createLetter({ confirmSignatures: true });
    const { message } = await signQueued(letter.slug, individual({ email: "queued.later@example.org" }), resend);
    let failing = true;
    const delivered: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation((_input, init) => {
      if (failing) return Promise.resolve(new Response("{}", { status: 429, headers: { "Retry-After": "30" } }));
      delivered.push((JSON.parse(init?.body as string) as { to: string[] }).to[0]!);
      return Promise.resolve(new Response('{"id":"x"}', { status: 200 }));
    });
    await deliver([message], resend);
    const [row] = await signatureRows(letter.slug);
    const kept = await env.DB.prepare("SELECT state, attempts FROM confirmation_mail_retries WHERE signature_id = ?1")
      .bind(row!.id)
      .first();
    expect(kept).toEqual({ state: "waiting", attempts: 1 });
    failing = false;
    const { createScheduledController, waitOnExecutionContext } = await import("cloudflare:test");
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() + 60_000 }),
      { ...env, ...resend },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(delivered).toContain("queued.later@example.org");
    expect(
      await env.DB.prepare("SELECT 1 FROM confirmation_mail_retries WHERE signature_id = ?1").bind(row!.id).first(),
    ).toBeNull();
  });
});
