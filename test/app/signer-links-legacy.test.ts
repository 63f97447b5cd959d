/**
 * Links given before they were derived from the signature's reference
 * (issue 12 §1): random 43-character secrets whose SHA-256 the row kept, and
 * queue messages of the first format, whose withdrawal secret the signer was
 * shown on the thank-you page. Every such link keeps working for the life
 * of the signature; none is issued again.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { SignatureMessage } from "../../src/app/signing";
import { hmacHex, randomToken, sha256Hex } from "../../src/domain/crypto";
import { insertSignature } from "../../src/storage/signatures";
import {
  createLetter,
  fetchApp,
  individual,
  linkIn,
  mailTo,
  postForm,
  postSignature,
  recordingQueue,
  signatureRows,
} from "../helpers";
import { letterIdOf, newSignature } from "../seed";
import { mailboxHash } from "../../src/domain/mailbox";

const LOCAL_MAIL = { MAILER: "local" };

async function deliver(bodies: unknown[], overrides: Partial<Cloudflare.Env> = {}) {
  const batch = createMessageBatch(
    "undersigned-signatures",
    bodies.map((body, index) => ({ id: `legacy-${index}-${randomToken()}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...overrides }, ctx);
  return getQueueResult(batch, ctx);
}

/** A signature stored as before derived links: random secrets, their SHA-256 kept. */
async function legacySignature(slug: string, status: "unconfirmed" | "confirmed", email: string) {
  const letterId = await letterIdOf(slug);
  const confirm = randomToken();
  const withdraw = randomToken();
  await insertSignature(
    env.DB,
    letterId,
    await newSignature({
      name: "Legacy Signer",
      email,
      status,
      emailHash: await hmacHex(env.SECRET_KEY!, "email", email),
      mailboxHash: await mailboxHash(env.SECRET_KEY!, email),
      confirmTokenHash: status === "unconfirmed" ? await sha256Hex(confirm) : null,
      confirmExpiresAt: status === "unconfirmed" ? new Date(Date.now() + 86_400_000).toISOString() : null,
      withdrawTokenHash: await sha256Hex(withdraw),
      emailsSent: 1,
    }),
  );
  return { confirm, withdraw };
}

describe("legacy links", () => {
  it("confirm, and the withdrawal link sent with it still withdraws after confirming", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const { confirm, withdraw } = await legacySignature(letter.slug, "unconfirmed", "legacy-1@example.org");
    expect((await fetchApp(`/letters/${letter.slug}/confirm?token=${confirm}`, LOCAL_MAIL)).status).toBe(200);
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token: confirm }, LOCAL_MAIL)).status).toBe(303);
    expect((await fetchApp(`/letters/${letter.slug}/withdraw?token=${withdraw}`, LOCAL_MAIL)).status).toBe(200);
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token: withdraw }, LOCAL_MAIL)).status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "withdrawn", email: null });
  });

  it("act on nothing on another letter, and not on the signature once it is withdrawn and signed again", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const other = await createLetter({ confirmSignatures: true });
    const email = "legacy-2@example.org";
    const { withdraw } = await legacySignature(letter.slug, "confirmed", email);
    expect((await postForm(`/letters/${other.slug}/withdraw`, { token: withdraw }, LOCAL_MAIL)).status).toBe(404);
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token: withdraw }, LOCAL_MAIL)).status).toBe(303);
    // Signed again (by anyone): a new signature, which the old link does not reach.
    await postSignature(letter.slug, individual({ name: "Signs Again", email }), { env: LOCAL_MAIL });
    const confirm = new URL(linkIn((await mailTo(email)).at(-1)!.body, "/confirm?token="), "https://x");
    const token = confirm.searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL)).status).toBe(303);
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token: withdraw }, LOCAL_MAIL)).status).toBe(404);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "confirmed", name: "Signs Again" });
  });
});

describe("a queue message of the first format", () => {
  it("keeps the withdrawal link its signer was shown on the thank-you page", async () => {
    // A letter that counts at once: the thank-you page's link was the signer's only one.
    const letter = await createLetter({ confirmSignatures: false });
    const { queue, sent } = recordingQueue();
    await postSignature(letter.slug, individual({ name: "In Flight" }), {
      env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue },
    });
    const { ref: _ref, ...signature } = (sent[0] as SignatureMessage).signature;
    // As the previous version put it on the queue, and showed `withdrawToken` in the receipt's link.
    const withdrawToken = randomToken();
    const result = await deliver([{ v: 1, signature: { ...signature, withdrawToken } }]);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ name: "In Flight", status: "confirmed" });

    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token: withdrawToken })).status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "withdrawn" });
  });
});
