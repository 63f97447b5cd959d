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
import { localeOf } from "../domain/i18n";
import { withLang } from "../http/language";
import { paths } from "../http/urls";
import type { Mailer } from "../services/mailer";
import { findLetterTranslation } from "../storage/letter-translations";
import { changeSignatureStatus, findSignatureByEmail, insertSignatures, reserveEmail } from "../storage/signatures";

/** An accepted signature: everything storing it and writing to the signer needs. */
export interface AcceptedSignature {
  /** The letter, with its title in its original language and every language it has (original first). */
  letter: { id: number; slug: string; title: string; languages?: string[] };
  /** The language the signer read the letter in: their emails are in it. */
  language?: string | null;
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
  console.error(
    JSON.stringify({
      event,
      letter,
      mailer: mailer?.name ?? null,
      error: String(error).replace(/\S+@\S+/g, "[email]"),
    }),
  );
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
          language: signature.language ?? null,
        },
      };
    }),
  );
  const results = await insertSignatures(db, prepared);
  return results.map((result, index) => ({
    created: result.created,
    confirmToken: result.created ? prepared[index]!.confirmToken : null,
  }));
}

/** How a signer is written to: in their language, with the letter's title in it, and links that keep it. */
interface Voice {
  locale: string;
  title: string;
  /** `path` in the signer's language (unchanged for a letter in one language). */
  link: (path: string) => string;
}

async function voiceOf(db: D1Database, signature: AcceptedSignature): Promise<Voice> {
  const { letter, language, origin } = signature;
  const languages = letter.languages ?? [];
  const original = languages[0];
  const chosen = language && languages.includes(language) ? language : (original ?? null);
  const translated = chosen && chosen !== original ? await findLetterTranslation(db, letter.id, chosen) : null;
  return {
    locale: localeOf(chosen ?? "en") ?? "en",
    title: translated?.title ?? letter.title,
    link: (path) => `${origin}${withLang(path, languages.length > 1 ? chosen : null)}`,
  };
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
      const { letter, input } = signature;
      try {
        if (outcome.created && outcome.confirmToken && mailer) {
          const voice = await voiceOf(db, signature);
          const links = {
            confirm: voice.link(paths.confirm(letter.slug, outcome.confirmToken)),
            withdraw: voice.link(paths.withdraw(letter.slug, signature.withdrawToken)),
          };
          await mailer.send(confirmationMail(input.email, voice.title, links, voice.locale));
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
  const { letter, input, policy } = signature;
  const existing = await findSignatureByEmail(db, letter.id, signature.emailHash, input.email);
  if (!existing) return;
  const voice = mailer ? await voiceOf(db, signature) : null;
  const link = (path: string) => voice?.link(path) ?? path;
  const withdrawUrl = link(paths.withdraw(letter.slug, signature.withdrawToken));
  const withdrawTokenHash = await sha256Hex(signature.withdrawToken);
  if (existing.status === "withdrawn") {
    // Signing again after withdrawing: the signature comes back, as new, with the details just sent.
    const confirmToken = policy.confirmByEmail ? randomToken() : null;
    const changed = await changeSignatureStatus(db, existing, initialStatus(policy, input.kind), {
      details: { ...input, isPublic: input.isPublic, language: signature.language ?? null },
      withdrawTokenHash,
      ...(confirmToken
        ? { confirmTokenHash: await sha256Hex(confirmToken), confirmExpiresAt: expiresIn(CONFIRMATION_LINK_DAYS) }
        : {}),
    });
    if (changed && confirmToken && mailer && (await reserveEmail(db, existing.id, MAX_EMAILS_PER_SIGNATURE, {}))) {
      const links = { confirm: link(paths.confirm(letter.slug, confirmToken)), withdraw: withdrawUrl };
      await mailer.send(confirmationMail(input.email, voice!.title, links, voice!.locale));
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
      const links = { confirm: link(paths.confirm(letter.slug, confirmToken)), withdraw: withdrawUrl };
      await mailer.send(confirmationMail(input.email, voice!.title, links, voice!.locale));
    }
  } else if (existing.status === "confirmed" || existing.status === "in_review") {
    if (await reserveEmail(db, existing.id, MAX_EMAILS_PER_SIGNATURE, { withdrawTokenHash })) {
      await mailer.send(
        alreadySignedMail(
          input.email,
          voice!.title,
          { letter: link(paths.letter(letter.slug)), withdraw: withdrawUrl },
          voice!.locale,
        ),
      );
    }
  }
}
