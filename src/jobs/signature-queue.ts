/**
 * Signatures through Cloudflare Queues (SIGNATURE_WRITES=queue): the form
 * puts each accepted signature on SIGN_QUEUE and answers at once, and this
 * consumer stores every batch (up to 100) in one D1 transaction, then writes
 * to the signers. One round trip to D1 per batch instead of one per signature
 * is what lets one database take a viral letter (docs/scaling.md).
 *
 * Exactness is the direct path's: the same guarded statements, so a message
 * delivered twice (Queues deliver at least once) or two messages with one
 * email are stored and counted once. A batch that fails is retried message
 * by message, with a growing delay; what still fails after the consumer's
 * max_retries goes to the dead-letter queue, from which it can be replayed.
 */
import { signatureInputSchema } from "../domain/signature";
import {
  array,
  literal,
  nullable,
  number,
  object,
  optional,
  safeParse,
  string,
  boolean,
  enum as zenum,
  regex,
  union,
  type output,
} from "zod/mini";
import { sha256Hex } from "../domain/crypto";
import { newSignatureRef } from "../domain/link-secrets";
import type { AppDeps } from "../app/deps";
import { notifySigners, storeSignatures, type AcceptedSignature, type StoreOutcome } from "../app/signing";

const signatureFields = {
  letter: object({ id: number(), slug: string(), title: string(), languages: optional(array(string())) }),
  policy: object({ confirmByEmail: boolean(), reviewOrganizations: boolean() }),
  input: signatureInputSchema,
  emailHash: string(),
  mailboxHash: optional(string()),
  clientHash: string(),
  origin: string(),
  source: optional(nullable(string())),
  channel: optional(zenum(["form", "api"])),
  language: optional(nullable(string())),
};

const messageSchema = union([
  object({ v: literal(2), signature: object({ ...signatureFields, ref: string().check(regex(/^[0-9a-f]{32}$/)) }) }),
  // Sent before references were drawn by the signing path: the signature gets a fresh one.
  object({ v: literal(1), signature: object({ ...signatureFields, withdrawToken: string() }) }),
]);

/**
 * The accepted signature a message carries, in the current shape. A first-format message's withdrawal
 * secret was shown to its signer (the thank-you page's link): its SHA-256 is kept as the new row's
 * legacy withdrawal link, so that link works for the life of the signature.
 */
async function acceptedSignatureOf(message: output<typeof messageSchema>): Promise<AcceptedSignature> {
  if (message.v === 2) return message.signature;
  const { withdrawToken, ...signature } = message.signature;
  return { ...signature, ref: newSignatureRef(), legacyWithdrawTokenHash: await sha256Hex(withdrawToken) };
}

export interface QueueReport {
  stored: number;
  repeated: number;
  retried: number;
  /** Messages that are not signatures of this format: acknowledged and logged, since no retry can help. */
  invalid: number;
}

/** Seconds before a failed message is tried again: 5, 10, 20… up to 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, attempts - 1));
}

/** Stores a batch from SIGN_QUEUE, acknowledging each message once its signature is stored. */
export async function consumeSignatures(batch: MessageBatch<unknown>, deps: AppDeps): Promise<QueueReport> {
  const report: QueueReport = { stored: 0, repeated: 0, retried: 0, invalid: 0 };
  const valid: { message: Message<unknown>; signature: AcceptedSignature }[] = [];
  for (const message of batch.messages) {
    const parsed = safeParse(messageSchema, message.body);
    if (parsed.success) {
      valid.push({ message, signature: await acceptedSignatureOf(parsed.data) });
    } else {
      report.invalid += 1;
      console.error(JSON.stringify({ event: "signature_message_invalid", queue: batch.queue, id: message.id }));
      message.ack();
    }
  }
  if (valid.length === 0) return report;

  const stored: typeof valid = [];
  const outcomes: StoreOutcome[] = [];
  try {
    outcomes.push(
      ...(await storeSignatures(
        deps,
        valid.map((entry) => entry.signature),
      )),
    );
    stored.push(...valid);
  } catch (error) {
    // One transaction for the batch failed: try each alone, so one bad message holds up no other.
    console.error(
      JSON.stringify({
        event: "signature_batch_failed",
        size: valid.length,
        error: String(error).replace(/\S+@\S+/g, "[email]"),
      }),
    );
    for (const entry of valid) {
      try {
        outcomes.push(...(await storeSignatures(deps, [entry.signature])));
        stored.push(entry);
      } catch {
        report.retried += 1;
        entry.message.retry({ delaySeconds: retryDelaySeconds(entry.message.attempts) });
      }
    }
  }
  for (const [index, entry] of stored.entries()) {
    if (outcomes[index]!.created) report.stored += 1;
    else report.repeated += 1;
    entry.message.ack();
  }
  // Each signer was answered "check your email" already: a confirmation email the provider refuses for a
  // moment is sent again later (app/confirmation-mail.ts), since nobody else would tell them.
  await notifySigners(
    deps,
    stored.map((entry) => entry.signature),
    outcomes,
    { retryLater: true },
  );
  return report;
}
