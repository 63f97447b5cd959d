/**
 * What happens to a signature once the form has accepted it (valid, not a
 * bot, within the rate limit): it is stored with its counts, then the signer
 * is written to (a confirmation link, or for a repeated email a new link or a
 * "you have already signed" note). Shared by the form route, which stores one
 * signature at once, and the queue consumer, which stores a batch of them in
 * one transaction (SIGNATURE_WRITES=queue).
 */
import { randomToken, sha256Hex } from "../domain/crypto";
import { alreadySignedMail, confirmationMail } from "../domain/mail";
import type { SignatureInput } from "../domain/signature";
import { CONFIRMATION_LINK_DAYS, initialStatus, MAX_EMAILS_PER_SIGNATURE, type SigningPolicy } from "../domain/signing";
import { paths } from "../http/urls";
import type { Mailer } from "../services/mailer";
import { changeSignatureStatus, findSignatureByEmail, insertSignatures, reserveEmail } from "../storage/signatures";

/** An accepted signature: everything storing it and writing to the signer needs. */
export interface AcceptedSignature {
  letter: { id: number; slug: string; title: string };
  /** The letter's policy when the form was accepted. */
  policy: SigningPolicy;
  input: SignatureInput;
  /** Keyed hashes of the email and of the client's address (see domain/crypto). */
  emailHash: string;
  clientHash: string;
  /** The withdrawal link's secret: the receipt and the emails carry the link, the database its hash. */
  withdrawToken: string;
  /** The public origin links in emails point to. */
  origin: string;
  /** A partner's attribution, when signed through its embed (see domain/embed.ts) or the API. */
  source?: string | null;
  /** How it came: the sign form (the default) or the public API. */
  channel?: "form" | "api";
}

/** What storing one accepted signature did. */
export interface StoreOutcome {
  /** False when the email had already signed the letter: nothing was stored. */
  created: boolean;
  /** The confirmation link's secret, when a new signature waits for it. */
  confirmToken: string | null;
}

/** Logs a failure to write to a signer, without the address. */
function logFailure(event: string, letter: string, mailer: Mailer | null, error: unknown) {
  console.error(JSON.stringify({ event, letter, mailer: mailer?.name ?? null, error: String(error).replace(/\S+@\S+/g, "[email]") }));
}

function expiresIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/**
 * Stores the signatures (one or a whole queue batch) and their counts in one
 * transaction. A repeated email is not stored again; notifySigners then
 * writes to it instead.
 */
export async function storeSignatures(db: D1Database, accepted: readonly AcceptedSignature[]): Promise<StoreOutcome[]> {
  const prepared = await Promise.all(
    accepted.map(async (signature) => {
      const confirmToken = signature.policy.confirmByEmail ? randomToken() : null;
      return {
        confirmToken,
        letterId: signature.letter.id,
        signature: {
          ...signature.input,
          channel: signature.channel ?? "form",
          source: signature.source ?? null,
          status: initialStatus(signature.policy, signature.input.kind),
          emailHash: signature.emailHash,
          clientHash: signature.clientHash,
          confirmTokenHash: confirmToken ? await sha256Hex(confirmToken) : null,
          confirmExpiresAt: confirmToken ? expiresIn(CONFIRMATION_LINK_DAYS) : null,
          withdrawTokenHash: await sha256Hex(signature.withdrawToken),
          emailsSent: confirmToken ? 1 : 0,
        },
      };
    }),
  );
  const results = await insertSignatures(db, prepared);
  return results.map((result, index) => ({ created: result.created, confirmToken: result.created ? prepared[index]!.confirmToken : null }));
}

/**
 * Writes to each signer as their outcome asks. Never throws: a failure is
 * logged (without the address) and the signer can sign again for a new link.
 */
export async function notifySigners(
  db: D1Database,
  mailer: Mailer | null,
  accepted: readonly AcceptedSignature[],
  outcomes: readonly StoreOutcome[],
): Promise<void> {
  await Promise.all(
    accepted.map(async (signature, index) => {
      const outcome = outcomes[index]!;
      const { letter, input, origin } = signature;
      try {
        if (outcome.created && outcome.confirmToken && mailer) {
          const links = {
            confirm: `${origin}${paths.confirm(letter.slug, outcome.confirmToken)}`,
            withdraw: `${origin}${paths.withdraw(letter.slug, signature.withdrawToken)}`,
          };
          await mailer.send(confirmationMail(input.email, letter.title, links));
        } else if (!outcome.created) {
          await handleRepeat(db, mailer, signature);
        }
      } catch (error) {
        logFailure(outcome.created ? "mail_failed" : "repeat_failed", letter.slug, mailer, error);
      }
    }),
  );
}

/**
 * A repeated email on the same letter: a new confirmation link if it never
 * confirmed, a "you have already signed" email if it did, a fresh signature
 * if it had been withdrawn. At most MAX_EMAILS_PER_SIGNATURE emails per
 * signature, ever.
 */
async function handleRepeat(db: D1Database, mailer: Mailer | null, signature: AcceptedSignature): Promise<void> {
  const { letter, input, policy, origin } = signature;
  const existing = await findSignatureByEmail(db, letter.id, signature.emailHash, input.email);
  if (!existing) return;
  const withdrawUrl = `${origin}${paths.withdraw(letter.slug, signature.withdrawToken)}`;
  const withdrawTokenHash = await sha256Hex(signature.withdrawToken);
  if (existing.status === "withdrawn") {
    // Signing again after withdrawing: the signature comes back, as new, with the details just sent.
    const confirmToken = policy.confirmByEmail ? randomToken() : null;
    const changed = await changeSignatureStatus(db, existing, initialStatus(policy, input.kind), {
      details: { ...input, isPublic: input.isPublic },
      withdrawTokenHash,
      ...(confirmToken ? { confirmTokenHash: await sha256Hex(confirmToken), confirmExpiresAt: expiresIn(CONFIRMATION_LINK_DAYS) } : {}),
    });
    if (changed && confirmToken && mailer && (await reserveEmail(db, existing.id, MAX_EMAILS_PER_SIGNATURE, {}))) {
      const links = { confirm: `${origin}${paths.confirm(letter.slug, confirmToken)}`, withdraw: withdrawUrl };
      await mailer.send(confirmationMail(input.email, letter.title, links));
    }
    return;
  }
  if (!mailer || !policy.confirmByEmail) return;
  if (existing.status === "unconfirmed") {
    const confirmToken = randomToken();
    const reserved = await reserveEmail(db, existing.id, MAX_EMAILS_PER_SIGNATURE, {
      confirmTokenHash: await sha256Hex(confirmToken),
      confirmExpiresAt: expiresIn(CONFIRMATION_LINK_DAYS),
      withdrawTokenHash,
    });
    if (reserved) {
      const links = { confirm: `${origin}${paths.confirm(letter.slug, confirmToken)}`, withdraw: withdrawUrl };
      await mailer.send(confirmationMail(input.email, letter.title, links));
    }
  } else if (existing.status === "confirmed" || existing.status === "in_review") {
    if (await reserveEmail(db, existing.id, MAX_EMAILS_PER_SIGNATURE, { withdrawTokenHash })) {
      await mailer.send(alreadySignedMail(input.email, letter.title, { letter: `${origin}${paths.letter(letter.slug)}`, withdraw: withdrawUrl }));
    }
  }
}
