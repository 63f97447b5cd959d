/**
 * Signing a letter, once the request has been read (the form, the API and
 * the queue's consumer all end here): the letter must be open, the client
 * within its rate limit; the signature is stored with its counts in one
 * transaction (or put on the queue), and its signer is written to after the
 * answer: a confirmation link, or for a repeated email a new link or a "you
 * have already signed" note. What differs for a repeated email is never told
 * in the answer.
 */
import { alreadySignedMail, confirmationMail } from "../domain/mail";
import { hmacHex, randomToken, sha256Hex } from "../domain/crypto";
import { localeOf, messagesFor, type Messages } from "../domain/i18n";
import { originalLanguage, publicStatus, type Letter } from "../domain/letter";
import { paths, withLang } from "../domain/paths";
import type { ReceiptOutcome } from "../domain/receipt";
import type { SignatureInput } from "../domain/signature";
import {
  afterConfirmation,
  CONFIRMATION_LINK_DAYS,
  initialStatus,
  MAX_EMAILS_PER_SIGNATURE,
  signingPolicy,
  SigningNotAvailable,
  type SigningPolicy,
} from "../domain/signing";
import { ConfigurationError } from "../env";
import type { Mailer } from "../integrations/mailer";
import { checkSignRate } from "../integrations/rate-limit";
import { StorageUnavailable } from "../storage/database";
import { findLetterTranslation } from "../storage/letter-translations";
import { findSignatureByEmail, insertSignatures, reserveEmail } from "../storage/signatures";
import type { AppDeps } from "./deps";
import { Problem } from "./problem";
import { changeStatus, newSignatureShows } from "./signature-status";

/** An accepted signature: everything storing it and writing to the signer needs (also the queue message's body). */
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

/** 409 once signing has closed: for the form (in the signer's language) and the API (in English) alike. */
export function refuseClosedLetter(letter: Letter, now: Date, t: Messages = messagesFor("en")): void {
  if (publicStatus(letter, now) === "open") return;
  const { title, message } = t.errors.signingClosed(letter.title, letter.closesAt ? t.date(letter.closesAt) : null);
  throw new Problem(409, title, message);
}

/**
 * Counts a sign attempt by the client at `clientAddress` against its limit
 * on `letter` (the form's and the API's alike) and returns the client's keyed
 * hash. Over the limit: Problem 429 with Retry-After (seconds). A failing
 * store throws StorageUnavailable.
 */
export async function limitSignAttempts(
  deps: AppDeps,
  letter: Letter,
  clientAddress: string | undefined,
  t: Messages = messagesFor("en"),
): Promise<string> {
  // The address is only ever hashed, with the letter, under a key of our own.
  const clientHash = await hmacHex(deps.secretKey(), "client", `${letter.id}:${clientAddress ?? "unknown"}`);
  const verdict = await checkSignRate(
    deps.env.SIGN_RATE_LIMITER,
    deps.db,
    letter.id,
    clientHash,
    deps.settings.signRateLimit,
    deps.now().getTime(),
  );
  if (!verdict.allowed) {
    const { title, message } = t.errors.tooMany(verdict.retryAfterSeconds);
    throw new Problem(429, title, message, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  return clientHash;
}

/**
 * How `letter` takes signatures with this deployment's mailer. A letter that
 * asks for email confirmation on a deployment without a mailer is a
 * ConfigurationError (answered 503), never a signature nobody can confirm.
 */
export function signingPolicyOf(deps: AppDeps, letter: Letter): SigningPolicy {
  try {
    return signingPolicy(letter, deps.mailer() !== null);
  } catch (error) {
    if (error instanceof SigningNotAvailable) throw new ConfigurationError(error.message);
    throw error;
  }
}

/** What the signer is told happens next, the same for a new and a repeated email. */
export function receiptOutcome(policy: SigningPolicy, kind: SignatureInput["kind"]): ReceiptOutcome {
  if (policy.confirmByEmail) return "confirm-email";
  return afterConfirmation(policy, kind) === "in_review" ? "review" : "counted";
}

/** A signature that passed every check of its channel, to be signed. */
export interface SignatureToStore {
  letter: Letter;
  input: SignatureInput;
  policy: SigningPolicy;
  /** The withdrawal link's secret the signer's receipt carries. */
  withdrawToken: string;
  clientHash: string;
  source: string | null;
  channel: "form" | "api";
  /** The language the signer read the letter in (its original when not given). */
  language?: string;
  /** SIGNATURE_WRITES: stored now, or put on SIGN_QUEUE for the consumer. */
  writes: "direct" | "queue";
}

/**
 * Stores an accepted signature (or puts it on the queue) and writes to its
 * signer before answering, so that "check your email" is true. Says how it
 * went; never throws for a busy store: "queue-busy" and "database-busy" mean
 * nothing was kept, "mail-busy" that the signature was kept but its email
 * could not be sent; either way the signer should send it again (a repeated
 * email gets a new link).
 */
export async function signLetter(
  deps: AppDeps,
  signature: SignatureToStore,
): Promise<"stored" | "queued" | "queue-busy" | "database-busy" | "mail-busy"> {
  const { letter, input } = signature;
  if (!deps.origin) throw new ConfigurationError("Signing needs the public origin its emails link to.");
  const accepted: AcceptedSignature = {
    letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
    language: signature.language ?? originalLanguage(letter),
    policy: signature.policy,
    input,
    emailHash: await hmacHex(deps.secretKey(), "email", input.email),
    clientHash: signature.clientHash,
    withdrawToken: signature.withdrawToken,
    origin: deps.origin,
    source: signature.source,
    channel: signature.channel,
  };
  if (signature.writes === "queue") {
    // Stored by the queue's consumer within seconds (src/jobs/signature-queue.ts); the answer is the same.
    try {
      await deps.env.SIGN_QUEUE!.send(signatureMessage(accepted), { contentType: "json" });
    } catch (error) {
      console.error(JSON.stringify({ event: "queue_send_failed", letter: letter.slug, error: withoutEmails(error) }));
      return "queue-busy";
    }
    return "queued";
  }
  let outcomes: StoreOutcome[];
  try {
    outcomes = await storeSignatures(deps, [accepted]);
  } catch (error) {
    if (error instanceof StorageUnavailable) return "database-busy";
    throw error;
  }
  // What the email says (a link, "you have already signed") is never told in the answer; that it was sent is.
  const unsent = await notifySigners(deps, [accepted], outcomes);
  return unsent > 0 ? "mail-busy" : "stored";
}

/** What goes on the queue: a version, so that a later format is never misread. */
export interface SignatureMessage {
  v: 1;
  signature: AcceptedSignature;
}

export function signatureMessage(signature: AcceptedSignature): SignatureMessage {
  return { v: 1, signature };
}

function withoutEmails(error: unknown): string {
  return String(error).replace(/\S+@\S+/g, "[email]");
}

/** Logs a failure to write to a signer, without the address. */
function logFailure(event: string, letter: string, mailer: Mailer | null, error: unknown) {
  console.error(JSON.stringify({ event, letter, mailer: mailer?.name ?? null, error: withoutEmails(error) }));
}

function expiresIn(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/**
 * Stores the signatures (one or a whole queue batch) and their counts in one
 * transaction, then refreshes the public copies of each letter that got a
 * new one. A repeated email is not stored again; notifySigners then writes
 * to it instead. Throws StorageUnavailable when D1 fails (nothing kept).
 */
export async function storeSignatures(deps: AppDeps, accepted: readonly AcceptedSignature[]): Promise<StoreOutcome[]> {
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
          confirmExpiresAt: confirmToken ? expiresIn(deps.now(), CONFIRMATION_LINK_DAYS) : null,
          withdrawTokenHash: await sha256Hex(signature.withdrawToken),
          emailsSent: confirmToken ? 1 : 0,
          language: signature.language ?? null,
        },
      };
    }),
  );
  const results = await insertSignatures(deps.db, prepared);
  const outcomes = results.map((result, index) => ({
    created: result.created,
    confirmToken: result.created ? prepared[index]!.confirmToken : null,
  }));
  // A repeated email stores nothing. One refresh per letter, however many signatures of the batch it got.
  const changed = new Set(
    accepted
      .filter((_, index) => outcomes[index]!.created && newSignatureShows(prepared[index]!.signature.status))
      .map((signature) => signature.letter.slug),
  );
  for (const slug of changed) await deps.publicCopies.letterChanged(slug);
  return outcomes;
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
 *
 * @returns how many signers could not be written to
 */
export async function notifySigners(
  deps: AppDeps,
  accepted: readonly AcceptedSignature[],
  outcomes: readonly StoreOutcome[],
): Promise<number> {
  let mailer: Mailer | null = null;
  try {
    mailer = deps.mailer();
  } catch (error) {
    logFailure("mail_failed", accepted[0]?.letter.slug ?? "", null, error);
    return accepted.length;
  }
  let unsent = 0;
  await Promise.all(
    accepted.map(async (signature, index) => {
      const outcome = outcomes[index]!;
      const { letter, input } = signature;
      try {
        if (outcome.created && outcome.confirmToken && mailer) {
          const voice = await voiceOf(deps.db, signature);
          const links = {
            confirm: voice.link(paths.confirm(letter.slug, outcome.confirmToken)),
            withdraw: voice.link(paths.withdraw(letter.slug, signature.withdrawToken)),
          };
          await mailer.send(confirmationMail(input.email, voice.title, links, voice.locale));
        } else if (!outcome.created) {
          await handleRepeat(deps, mailer, signature);
        }
      } catch (error) {
        unsent += 1;
        logFailure(outcome.created ? "mail_failed" : "repeat_failed", letter.slug, mailer, error);
      }
    }),
  );
  return unsent;
}

/**
 * A repeated email on the same letter: a new confirmation link if it never
 * confirmed, a "you have already signed" email if it did, a fresh signature
 * if it had been withdrawn. At most MAX_EMAILS_PER_SIGNATURE emails per
 * signature, ever.
 */
async function handleRepeat(deps: AppDeps, mailer: Mailer | null, signature: AcceptedSignature): Promise<void> {
  const { db } = deps;
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
    const details = {
      details: { ...input, isPublic: input.isPublic, language: signature.language ?? null },
      withdrawTokenHash,
      ...(confirmToken
        ? {
            confirmTokenHash: await sha256Hex(confirmToken),
            confirmExpiresAt: expiresIn(deps.now(), CONFIRMATION_LINK_DAYS),
          }
        : {}),
    };
    const { changed } = await changeStatus(
      deps,
      letter.slug,
      () => findSignatureByEmail(db, letter.id, signature.emailHash, input.email),
      (current) => (current.status === "withdrawn" ? { to: initialStatus(policy, input.kind), details } : null),
      { first: existing },
    );
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
      confirmExpiresAt: expiresIn(deps.now(), CONFIRMATION_LINK_DAYS),
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
