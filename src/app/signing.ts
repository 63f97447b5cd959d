/**
 * Signing a letter, once the request has been read (the form, the API and
 * the queue's consumer all end here): the letter must be open (and the
 * attempt screened: app/sign-attempts.ts); the signature is stored with its counts in one
 * transaction (or put on the queue), and its signer is written to after the
 * answer: a confirmation link, or for a repeated mailbox (one inbox, in any
 * spelling: see domain/mailbox.ts) a new link or a "you have already signed"
 * note. What differs for a repeat is never told in the answer.
 */
import {
  alreadySignedMail,
  confirmationMail,
  organizationTakenMail,
  signedMail,
  type MailMessage,
} from "../domain/mail";
import { organizationKey } from "../domain/organization";
import { hmacHex } from "../domain/crypto";
import { localeOf, messagesFor, type Messages } from "../domain/i18n";
import { mailboxHash } from "../domain/mailbox";
import { originalLanguage, publicStatus, signingEndedAt, type Letter } from "../domain/letter";
import { paths, withLang } from "../domain/paths";
import type { ReceiptOutcome } from "../domain/receipt";
import type { SignatureInput } from "../domain/signature";
import {
  afterConfirmation,
  CONFIRMATION_LINK_DAYS,
  initialStatus,
  EMAIL_WINDOW_MS,
  MAX_EMAILS_PER_SIGNATURE,
  signingPolicy,
  SigningNotAvailable,
  type SigningPolicy,
} from "../domain/signing";
import { ConfigurationError } from "../env";
import type { Mailer } from "../integrations/mailer";
import { keepConfirmationsToSend, forgetConfirmationToSend } from "../storage/confirmation-mail-retries";
import { StorageUnavailable } from "../storage/database";
import { recordDeliveryConsent } from "../storage/delivery-notices";
import { findLetterTranslation } from "../storage/letter-translations";
import { latestTextSeq } from "../storage/text-versions";
import {
  findOrganizationSignature,
  findSetAsideOrganization,
  findSignatureByEmail,
  insertSignatures,
  replaceUnconfirmedDetails,
  reserveEmail,
  type StoredSignature,
} from "../storage/signatures";
import type { AppDeps } from "./deps";
import { errorWords, haltedBy, mayGoLater, retryDelayMs, sendPaced } from "./mail-pace";
import { Problem } from "./problem";
import { signatureLinks } from "./signature-links";
import { changeStatus, newSignatureShows } from "./signature-status";
import { countingEntries } from "./record-entries";
import type { SealedRecordEntry } from "../domain/record";

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
  /**
   * Keyed hash of the email's canonical mailbox (domain/mailbox.ts): one signature per mailbox.
   * Absent from queue messages sent before it existed; it is then computed when they are stored.
   */
  mailboxHash?: string;
  /**
   * The reference a new signature gets (domain/link-secrets.ts newSignatureRef), drawn per attempt: its
   * links derive from it (domain/link-secrets.ts). A repeated email's existing signature keeps its own,
   * so nothing derived from this one ever acts on it.
   */
  ref: string;
  /**
   * SHA-256 of the withdrawal secret a first-format queue message carried (src/jobs/signature-queue.ts):
   * its signer was shown that link, so a new row keeps it as a legacy link. Never set for new messages.
   */
  legacyWithdrawTokenHash?: string;
  /** The public origin links in emails point to. */
  origin: string;
  /** A partner's attribution, when signed through its embed (see domain/embed.ts) or the API. */
  source?: string | null;
  /** How it came: the sign form (the default) or the public API. */
  channel?: "form" | "api";
  /**
   * Stored now only (never on the queue): the seq of the letter's latest text entry on the
   * signer's page (SignatureToStore.textSeen). The row is not stored when a later one exists.
   */
  textSeen?: number | null;
}

/** What storing one accepted signature did. */
export interface StoreOutcome {
  /** False when the email had already signed the letter: nothing was stored. */
  created: boolean;
  /** Whether the new signature waits for its confirmation link. */
  awaitsConfirmation: boolean;
  /** Nothing was stored because the letter's text changed after the signer's page was drawn (see textSeen). */
  textChanged?: boolean;
  /**
   * Nothing was stored because the organization has signed the letter already (or waits for its
   * contact's confirmation, or is in review, hidden or set aside) through another contact's mailbox:
   * the name it signed under. (A withdrawn, hidden or rejected one holds no organization: a new signature
   * is stored instead; the same contact repeating is a repeat.)
   */
  organizationTaken?: string;
  /**
   * With organizationTaken: whether the answer itself may say so (organizationTakenOpenly). When it may
   * not, the answer is a new signature's and only the signer's email tells them.
   */
  organizationTakenOpenly?: boolean;
}

/** 409 once signing has closed: for the form (in the signer's language) and the API (in English) alike. */
export function refuseClosedLetter(letter: Letter, now: Date, t: Messages = messagesFor("en")): void {
  if (publicStatus(letter, now) === "open") return;
  const ended = signingEndedAt(letter, now);
  const { title, message } = t.errors.signingClosed(letter.title, ended ? t.dayIn(ended, letter.closesTimeZone) : null);
  throw new Problem(409, title, message, {}, null, "signing-closed");
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

/**
 * Whether `input`'s tick of "Email me when this letter is delivered" counts: only on a letter that
 * confirms signatures by email, where the person who confirms (the address's owner) gives the consent
 * on the confirm page, which states it (app/signature-links.ts shownDetails). A letter that counts
 * signatures at once never offers the box: an address nobody confirmed is never written to about the
 * delivery (the API refuses the field there, routes/api-signing.ts; a crafted form's tick is dropped).
 */
export function consentsToDeliveryNotice(
  policy: SigningPolicy,
  input: Pick<SignatureInput, "notifyDelivery">,
): boolean {
  return policy.confirmByEmail && input.notifyDelivery === true;
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
  /** The reference a new signature gets (see AcceptedSignature.ref); the receipt carries it. */
  ref: string;
  clientHash: string;
  source: string | null;
  channel: "form" | "api";
  /** The language the signer read the letter in (its original when not given). */
  language?: string;
  /** SIGNATURE_WRITES: stored now, or put on SIGN_QUEUE for the consumer. */
  writes: "direct" | "queue";
  /**
   * The seq of the letter's latest text entry when the signer's page was drawn (the sign form's
   * TEXT_SEEN_FIELD, domain/text-versions.ts), or null when not known (the API, a page from before
   * the field): with a later text entry, nothing is stored and signLetter says "text-changed".
   */
  textSeen?: number | null;
}

/**
 * Stores an accepted signature (or puts it on the queue) and writes to its
 * signer before answering, so that "check your email" is true. Says how it
 * went; never throws for a busy store: "queue-busy" and "database-busy" mean
 * nothing was kept, "mail-busy" that the signature was kept but its email
 * could not be sent; either way the signer should send it again (a repeated
 * email gets a new link). "text-changed": the letter got a new text version
 * (a `text` record entry) after the signer's page was drawn (`textSeen`), so
 * nothing was stored and nobody is written to: the signer should read the
 * new text and sign again. Stored now, that check is part of the insert (no
 * extra read, and no text can slip in between); put on the queue, it is one
 * indexed read before sending (the consumer does not check again).
 */
export async function signLetter(
  deps: AppDeps,
  signature: SignatureToStore,
): Promise<"stored" | "queued" | "queue-busy" | "database-busy" | "mail-busy" | "text-changed" | "organization-taken"> {
  const { letter, input } = signature;
  if (!deps.origin)
    throw new ConfigurationError(
      "Signing needs the public origin its emails link to: set PUBLIC_URL to the site's address (https://letters.example.org).",
    );
  const accepted: AcceptedSignature = {
    letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
    language: signature.language ?? originalLanguage(letter),
    policy: signature.policy,
    input: { ...input, notifyDelivery: consentsToDeliveryNotice(signature.policy, input) },
    emailHash: await hmacHex(deps.secretKey(), "email", input.email),
    mailboxHash: await mailboxHash(deps.secretKey(), input.email),
    clientHash: signature.clientHash,
    ref: signature.ref,
    origin: deps.origin,
    source: signature.source,
    channel: signature.channel,
  };
  const textSeen = signature.textSeen ?? null;
  if (signature.writes === "queue") {
    try {
      if (textSeen !== null && (await latestTextSeq(deps.db, letter.id)) > textSeen) return "text-changed";
      // One seek, like textSeen's: another contact's organization is refused before it is queued (the
      // consumer still finds one that signed meanwhile, and writes to its signer instead of a receipt).
      const holder = await organizationTakenBy(deps, letter.id, input, accepted.mailboxHash!);
      if (holder && organizationTakenOpenly(holder)) return "organization-taken";
    } catch (error) {
      if (error instanceof StorageUnavailable) return "database-busy";
      throw error;
    }
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
    outcomes = await storeSignatures(deps, [{ ...accepted, textSeen }]);
  } catch (error) {
    if (error instanceof StorageUnavailable) return "database-busy";
    throw error;
  }
  if (outcomes[0]?.textChanged) return "text-changed";
  // Nothing stored and nobody written to: the answer itself says the organization has signed, when it may.
  if (outcomes[0]?.organizationTaken !== undefined && outcomes[0].organizationTakenOpenly) return "organization-taken";
  // What the email says (a link, "you have already signed") is never told in the answer; that it was sent is.
  const unsent = await notifySigners(deps, [accepted], outcomes);
  return unsent > 0 ? "mail-busy" : "stored";
}

/**
 * What goes on the queue: a version, so that a later format is never misread.
 * Version 2 carries the new signature's reference (`ref`); version 1 carried a
 * random withdrawal secret instead (src/jobs/signature-queue.ts still reads it).
 */
export interface SignatureMessage {
  v: 2;
  signature: AcceptedSignature;
}

export function signatureMessage(signature: AcceptedSignature): SignatureMessage {
  return { v: 2, signature };
}

function withoutEmails(error: unknown): string {
  return String(error).replace(/\S+@\S+/g, "[email]");
}

/** Logs a failure to write to a signer, without the address. */
function logFailure(event: string, letter: string, mailer: Mailer | null, error: unknown) {
  console.error(JSON.stringify({ event, letter, mailer: mailer?.name ?? null, error: withoutEmails(error) }));
}

/** The signature's mailbox hash: the one it carries, or (a message queued before there was one) computed now. */
function mailboxHashOf(deps: AppDeps, signature: AcceptedSignature): Promise<string> {
  return signature.mailboxHash
    ? Promise.resolve(signature.mailboxHash)
    : mailboxHash(deps.secretKey(), signature.input.email);
}

function expiresIn(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/**
 * Stores the signatures (one or a whole queue batch) and their counts in one
 * transaction, then refreshes the public copies of each letter that got a
 * new one it shows. A repeated mailbox (or, for signatures from before
 * mailboxes were keyed, a repeated email) is not stored again; notifySigners
 * then writes to it instead. Neither is a signature whose `textSeen` is older
 * than the letter's latest text entry (outcome `textChanged`; nobody is
 * written to): that costs a read only when nothing was stored. Throws
 * StorageUnavailable when D1 fails (nothing kept).
 */
export async function storeSignatures(deps: AppDeps, accepted: readonly AcceptedSignature[]): Promise<StoreOutcome[]> {
  const emailed = linksGoByEmail(deps);
  const now = deps.now();
  const prepared = await Promise.all(
    accepted.map(async (signature) => {
      const awaitsConfirmation = signature.policy.confirmByEmail;
      return {
        letterId: signature.letter.id,
        signature: {
          ...signature.input,
          // A queue message from before the rule: its tick counts only where it may (consentsToDeliveryNotice).
          notifyDelivery: consentsToDeliveryNotice(signature.policy, signature.input),
          ref: signature.ref,
          withdrawTokenHash: signature.legacyWithdrawTokenHash ?? null,
          channel: signature.channel ?? "form",
          source: signature.source ?? null,
          status: initialStatus(signature.policy, signature.input.kind),
          emailHash: signature.emailHash,
          mailboxHash: await mailboxHashOf(deps, signature),
          clientHash: signature.clientHash,
          confirmExpiresAt: awaitsConfirmation ? expiresIn(deps.now(), CONFIRMATION_LINK_DAYS) : null,
          // The email notifySigners sends: a confirmation link, or (counted at once) the signer's links.
          emailsSent: awaitsConfirmation || emailed ? 1 : 0,
          emailsWindowStart: awaitsConfirmation || emailed ? now.toISOString() : null,
          language: signature.language ?? null,
          textSeen: signature.textSeen ?? null,
          // Its webhook's letter.url (counted at once): the origin of the request it was signed through.
          origin: signature.origin,
        },
      };
    }),
  );
  const results = await insertSignatures(deps.db, prepared);
  const outcomes: StoreOutcome[] = results.map((result, index) => ({
    created: result.created,
    awaitsConfirmation: result.created && prepared[index]!.signature.confirmExpiresAt !== null,
  }));
  // Not stored: a repeated mailbox, or a text the signer never saw. Told apart by one read per letter, only then.
  const latest = new Map<number, number>();
  for (const [index, signature] of accepted.entries()) {
    const textSeen = signature.textSeen ?? null;
    if (outcomes[index]!.created || textSeen === null) continue;
    const letterId = signature.letter.id;
    if (!latest.has(letterId)) latest.set(letterId, await latestTextSeq(deps.db, letterId));
    if (latest.get(letterId)! > textSeen) outcomes[index]!.textChanged = true;
  }
  // Not stored for an organization: its own contact repeating (a repeat), or another contact's (taken). One seek each.
  for (const [index, signature] of accepted.entries()) {
    const outcome = outcomes[index]!;
    if (outcome.created || outcome.textChanged || signature.input.kind !== "organization") continue;
    const taken = await organizationTakenBy(
      deps,
      signature.letter.id,
      signature.input,
      prepared[index]!.signature.mailboxHash,
    );
    if (taken) {
      const openly = organizationTakenOpenly(taken);
      outcome.organizationTaken = openly ? taken.name : signature.input.name;
      outcome.organizationTakenOpenly = openly;
    }
  }
  // A repeated mailbox stores nothing. One refresh per letter, however many signatures of the batch it got.
  const changed = new Set(
    accepted
      .filter((_, index) => outcomes[index]!.created && newSignatureShows(prepared[index]!.signature.status))
      .map((signature) => signature.letter.slug),
  );
  for (const slug of changed) await deps.publicCopies.letterChanged(slug);
  return outcomes;
}

/**
 * The organization signature of the letter that keeps `input` (an organization's) from being stored
 * through the mailbox `mailbox`: the one with its key (domain/organization.ts organizationKey) signed
 * through another mailbox (a withdrawn, hidden or rejected one holds no key: domain/signing.ts
 * holdsOrganization, so whoever signs for it next makes a new signature). Null for an individual, a new
 * organization, or its own contact repeating. One index seek.
 */
async function organizationTakenBy(
  deps: Pick<AppDeps, "db">,
  letterId: number,
  input: SignatureInput,
  mailbox: string,
): Promise<StoredSignature | null> {
  if (input.kind !== "organization") return null;
  const key = organizationKey(input.name);
  if (!key) return null;
  const existing = await findOrganizationSignature(deps.db, letterId, key);
  if (!existing || existing.status === "withdrawn" || existing.mailboxHash === mailbox) return null;
  return existing;
}

/**
 * Whether the answer to another contact may say that `holder` (an organization's signature) has signed:
 * only when nothing keeps its signature from the public — it did not ask not to be listed (hide_name),
 * and the organizers did not hide or reject it. Otherwise "has it signed?" would be answered to anyone
 * who asks by signing for it; the answer is then a new signature's, and the email alone tells the signer
 * (the name they typed, never the holder's spelling), as an individual's repeat is told.
 */
function organizationTakenOpenly(holder: StoredSignature): boolean {
  return holder.isPublic && holder.status !== "hidden" && holder.status !== "rejected";
}

/** How a signer is written to: in their language, with the letter's title in it, and links that keep it. */
export interface Voice {
  locale: string;
  title: string;
  /** `path` in the signer's language (unchanged for a letter in one language). */
  link: (path: string) => string;
}

/**
 * How an email speaks to a signer: in the language they signed in (the letter's original when it has
 * no such translation), with the letter's title in it, and links made absolute at `origin` with ?lang=.
 */
export async function voiceOf(
  db: D1Database,
  signature: Pick<AcceptedSignature, "letter" | "language" | "origin">,
): Promise<Voice> {
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
 * The confirmation email of a stored signature waiting for it (its own links,
 * valid anew), in the language it was signed in: what the organizers send
 * again on the signer's request (app/moderation.ts resendConfirmation). The
 * caller reserves it within the signature's email allowance first.
 *
 * @param signature needs its email; `language` is the one it was signed in (null: the letter's original)
 * @param origin the public origin the links point to
 */
export async function confirmationMailAgain(
  deps: AppDeps,
  letter: Pick<Letter, "id" | "slug" | "title" | "languages">,
  signature: Pick<StoredSignature, "ref" | "email" | "kind" | "name">,
  language: string | null,
  origin: string,
): Promise<MailMessage> {
  const voice = await voiceOf(deps.db, { letter, language, origin });
  const links = await signatureLinks(deps, letter, signature.ref);
  const forOrganization = signature.kind === "organization" ? signature.name : null;
  return signatureMail("confirm", signature.email!, voice, letter.slug, links, { ref: signature.ref }, forOrganization);
}

/** What an email says about the signature's place in the public record (see domain/mail.ts). */
interface RecordMention {
  /** The signature's public reference: a confirmation email names it, since no entry exists yet. */
  ref: string;
  /** The entry that counts the signature, when there is one. */
  entry?: SealedRecordEntry | null;
  /** The signature waits for the organizers' review: no entry yet. */
  inReview?: boolean;
}

/**
 * The email of `kind` about a signature, to `to` in the signer's voice, with
 * the signature's own links (paths: see signatureLinks): its confirmation
 * link and reference ("confirm"), or the letter, its withdrawal link and its
 * entry in the public record ("signed": taken without confirmation;
 * "already": a repeated address).
 */
function signatureMail(
  kind: "confirm" | "signed" | "already",
  to: string,
  voice: Voice,
  slug: string,
  links: { confirm: string; withdraw: string },
  record: RecordMention,
  forOrganization: string | null = null,
): MailMessage {
  const withdraw = voice.link(links.withdraw);
  if (kind === "confirm")
    return confirmationMail(
      to,
      voice.title,
      { confirm: voice.link(links.confirm), withdraw },
      voice.locale,
      record.ref,
      forOrganization,
    );
  const letter = voice.link(paths.letter(slug));
  const entry = record.entry
    ? { seq: record.entry.seq, hash: record.entry.hash, url: voice.link(paths.recordEntry(slug, record.entry.seq)) }
    : null;
  if (kind === "already")
    return alreadySignedMail(to, voice.title, { letter, withdraw }, voice.locale, entry, forOrganization);
  return signedMail(to, voice.title, { letter, withdraw }, voice.locale, {
    entry,
    inReview: record.inReview,
    forOrganization,
  });
}

/**
 * The entries that count `refs` on the letter (app/record-entries.ts), for
 * the emails that name them; none when they can't be read: the email then
 * goes without its entry, rather than not at all.
 */
async function entriesForMail(
  deps: AppDeps,
  letter: { id: number; slug: string },
  refs: readonly string[],
): Promise<Map<string, SealedRecordEntry>> {
  try {
    return await countingEntries(deps, letter.id, refs);
  } catch (error) {
    logFailure("mail_entry_failed", letter.slug, null, error);
    return new Map();
  }
}

/**
 * Writes to each signer as their outcome asks, MAIL_CONCURRENCY at a time
 * (app/mail-pace.ts), stopping at the provider's first 429. Never throws: a
 * failure is logged (without the address) and the signer can sign again for
 * a new link. With `retryLater` (an import's signers, the queue's: nobody is
 * there to sign again), a new signature's confirmation email the provider
 * refused for a moment (or that was not tried after its 429) is kept to be
 * sent again (app/confirmation-mail.ts), and not counted as unsent.
 *
 * @returns how many signers could not be written to (nor will be, by a retry)
 */
export async function notifySigners(
  deps: AppDeps,
  accepted: readonly AcceptedSignature[],
  outcomes: readonly StoreOutcome[],
  { retryLater = false }: { retryLater?: boolean } = {},
): Promise<number> {
  let mailer: Mailer | null = null;
  try {
    mailer = deps.mailer();
  } catch (error) {
    logFailure("mail_failed", accepted[0]?.letter.slug ?? "", null, error);
    return accepted.length;
  }
  // The entries of the signatures counted at once, one read per letter: their emails name them.
  const counted = new Map<number, { letter: AcceptedSignature["letter"]; refs: string[] }>();
  accepted.forEach((signature, index) => {
    const outcome = outcomes[index]!;
    if (!mailer || !outcome.created || outcome.awaitsConfirmation) return;
    if (initialStatus(signature.policy, signature.input.kind) !== "confirmed") return;
    const group = counted.get(signature.letter.id) ?? { letter: signature.letter, refs: [] };
    group.refs.push(signature.ref);
    counted.set(signature.letter.id, group);
  });
  const entries = new Map<string, SealedRecordEntry>();
  for (const { letter, refs } of counted.values()) {
    for (const [ref, entry] of await entriesForMail(deps, letter, refs)) entries.set(`${letter.id}/${ref}`, entry);
  }
  const writeTo = async (index: number): Promise<void> => {
    const signature = accepted[index]!;
    const outcome = outcomes[index]!;
    const { letter, input, ref } = signature;
    const forOrganization = organizationOf(input);
    if (outcome.organizationTaken !== undefined) {
      // The queue's consumer, or an answer that could not say it (organizationTakenOpenly): never a receipt for what was not kept.
      if (!mailer) return;
      const voice = await voiceOf(deps.db, signature);
      await mailer.send(
        organizationTakenMail(
          input.email,
          voice.title,
          outcome.organizationTaken,
          voice.link(paths.letter(letter.slug)),
          voice.locale,
        ),
      );
    } else if (outcome.created && outcome.awaitsConfirmation && mailer) {
      const voice = await voiceOf(deps.db, signature);
      const links = await signatureLinks(deps, letter, ref);
      await mailer.send(signatureMail("confirm", input.email, voice, letter.slug, links, { ref }, forOrganization));
    } else if (outcome.created && mailer) {
      // Taken without confirmation: the signer's private link goes by email, never only in the answer,
      // and so does their entry in the record (the answer is the same for a repeated address).
      const voice = await voiceOf(deps.db, signature);
      const links = await signatureLinks(deps, letter, ref);
      const inReview = initialStatus(signature.policy, input.kind) === "in_review";
      const entry = entries.get(`${letter.id}/${ref}`) ?? null;
      await mailer.send(
        signatureMail("signed", input.email, voice, letter.slug, links, { ref, entry, inReview }, forOrganization),
      );
    } else if (!outcome.created) {
      await handleRepeat(deps, mailer, signature);
    }
  };
  // Refused for a text the signer never saw: nothing was stored, and nothing is told.
  const toWrite = accepted.flatMap((_, index) => (outcomes[index]!.textChanged ? [] : [index]));
  const sent = await sendPaced(toWrite, writeTo);
  const halt = haltedBy(sent);
  const later: Parameters<typeof keepConfirmationsToSend>[1][number][] = [];
  let unsent = 0;
  sent.forEach((result, position) => {
    if (result.sent) return;
    const index = toWrite[position]!;
    const { letter, ref, origin } = accepted[index]!;
    const outcome = outcomes[index]!;
    const confirmation = outcome.created && outcome.awaitsConfirmation && mailer !== null;
    if (retryLater && confirmation && (result.error === null || mayGoLater(result.error))) {
      later.push({
        letterId: letter.id,
        ref,
        origin,
        nextAttemptAt: new Date(deps.now().getTime() + retryDelayMs(1, result.error ?? halt)).toISOString(),
        error: result.error === null ? "Not tried: the provider had just answered 429." : errorWords(result.error),
      });
      return;
    }
    unsent += 1;
    logFailure(outcome.created ? "mail_failed" : "repeat_failed", letter.slug, mailer, result.error ?? "not tried");
  });
  if (later.length > 0) {
    try {
      await keepConfirmationsToSend(deps.db, later);
    } catch (error) {
      unsent += later.length;
      logFailure("mail_retry_not_kept", accepted[0]?.letter.slug ?? "", mailer, error);
    }
  }
  return unsent;
}

/** The organization's name when `input` signs for one (its emails say the signer is its contact), else null. */
function organizationOf(input: SignatureInput): string | null {
  return input.kind === "organization" ? input.name : null;
}

/**
 * Whether the signer's private links go by email (a mailer is set up) rather
 * than in the answer. When they do, no answer ever carries a link, so a
 * repeated address is answered exactly as a new one, link and all.
 */
export function linksGoByEmail(deps: Pick<AppDeps, "mailer">): boolean {
  try {
    return deps.mailer() !== null;
  } catch {
    return false;
  }
}

/**
 * Whether the answer to a signature (the thank-you receipt, the API's 202)
 * carries the new signature's withdrawal link: only when no email carries it
 * (no confirmation by email, and no mailer to send it at all).
 */
export function answerCarriesWithdrawalLink(deps: Pick<AppDeps, "mailer">, outcome: ReceiptOutcome): boolean {
  return outcome !== "confirm-email" && !linksGoByEmail(deps);
}

/**
 * A repeated mailbox on the same letter (in any spelling; the email goes to
 * the address just typed: see domain/mailbox.ts). Whoever sent it, it never
 * acts on the existing signature with anything the sender was shown: the
 * links written to the address are the signature's own (derived from its
 * reference).
 *
 * - withdrawn (an individual's: a withdrawn organization holds no key, so signing for it again stores a
 *   new signature): it comes back as a new signature with the details just sent
 *   and the reference drawn for this attempt (so no link given for the
 *   withdrawn one acts on it), waiting for confirmation when the letter asks;
 * - unconfirmed: the details just sent replace the ones waiting (a signer
 *   fixing a typo; the confirm page shows what it will publish), and its
 *   confirmation link is sent again, valid anew;
 * - any other status (counted, in review, hidden, rejected): a "you have
 *   already signed" email with its withdrawal link, which works from every
 *   one of them.
 *
 * No email is sent past MAX_EMAILS_PER_SIGNATURE in EMAIL_WINDOW_MS (a
 * correction is still kept); without a mailer, nothing is sent at all.
 */
async function handleRepeat(deps: AppDeps, mailer: Mailer | null, signature: AcceptedSignature): Promise<void> {
  const { db } = deps;
  const { letter, input, policy } = signature;
  const mailbox = await mailboxHashOf(deps, signature);
  const organization = input.kind === "organization";
  const key = organization ? organizationKey(input.name) : null;
  // An organization's repeat is found by its key (held by its contact's signature unless withdrawn, hidden
  // or rejected); an individual's by mailbox, among individuals only: one person may sign both ways.
  const read = (): Promise<StoredSignature | null> =>
    organization
      ? key
        ? findOrganizationSignature(db, letter.id, key)
        : Promise.resolve(null)
      : findSignatureByEmail(db, letter.id, signature.emailHash, input.email, mailbox);
  // An organization's contact whose signature the organizers set aside stores nothing new (see
  // storage/signatures.ts insertStatements): told as any repeat of a set-aside signature is.
  const existing = (await read()) ?? (organization ? await findSetAsideOrganization(db, letter.id, mailbox) : null);
  if (!existing) return;
  // Another contact holds the organization: signed between storeSignatures' look and this one — two
  // contacts signing for one organization (a withdrawn one, say) in one queue batch, or at once.
  // Nothing was kept for this signer, who was answered "check your email": they are told so, as the
  // consumer tells one storeSignatures found (organizationTaken).
  const heldByAnother = (holder: StoredSignature | null): StoredSignature | null =>
    organization && holder && holder.status !== "withdrawn" && holder.mailboxHash !== mailbox ? holder : null;
  const tellTaken = async (holder: StoredSignature): Promise<void> => {
    if (!mailer) return;
    const voice = await voiceOf(db, signature);
    await mailer.send(
      organizationTakenMail(input.email, voice.title, holder.name, voice.link(paths.letter(letter.slug)), voice.locale),
    );
  };
  const taken = heldByAnother(existing);
  if (taken) return tellTaken(taken);
  const forOrganization = organizationOf(input);
  const voice = mailer ? await voiceOf(db, signature) : null;
  const allowance = { cap: MAX_EMAILS_PER_SIGNATURE, windowMs: EMAIL_WINDOW_MS, now: deps.now() };
  const details = { ...input, isPublic: input.isPublic, language: signature.language ?? null };
  if (existing.status === "withdrawn") {
    const awaitsConfirmation = policy.confirmByEmail;
    const confirmExpiresAt = awaitsConfirmation ? expiresIn(deps.now(), CONFIRMATION_LINK_DAYS) : undefined;
    const { changed } = await changeStatus(
      deps,
      letter.slug,
      read,
      (current) =>
        current.status === "withdrawn"
          ? {
              to: initialStatus(policy, input.kind),
              details: { details, ref: signature.ref, confirmExpiresAt },
            }
          : null,
      { first: existing },
    );
    if (changed) await recordDeliveryConsent(db, existing.id, consentsToDeliveryNotice(policy, input));
    if (!changed) {
      // Brought back by another contact meanwhile: nothing kept for this one.
      const holder = heldByAnother(await read());
      if (holder) await tellTaken(holder);
      return;
    }
    if (!mailer || !(await reserveEmail(db, existing.id, allowance))) return;
    const { ref } = signature;
    const links = await signatureLinks(deps, letter, ref);
    const status = initialStatus(policy, input.kind);
    const entry = status === "confirmed" ? ((await entriesForMail(deps, letter, [ref])).get(ref) ?? null) : null;
    await mailer.send(
      signatureMail(
        awaitsConfirmation ? "confirm" : "signed",
        input.email,
        voice!,
        letter.slug,
        links,
        { ref, entry, inReview: status === "in_review" },
        forOrganization,
      ),
    );
    return;
  }
  if (!mailer) return;
  const { ref } = existing;
  const links = await signatureLinks(deps, letter, ref);
  if (existing.status === "unconfirmed") {
    // The correction is kept whatever the allowance (the receipt shows it; the confirm page shows what it
    // publishes and confirms only what it showed); only the email waits for the allowance.
    await replaceUnconfirmedDetails(db, existing.id, input);
    // The box as just sent, like the other details: the confirm page states it and confirms only what it
    // showed (shownDetails), so the consent is the confirming owner's, whoever sent the latest form.
    await recordDeliveryConsent(db, existing.id, consentsToDeliveryNotice(policy, input));
    const confirmExpiresAt = expiresIn(deps.now(), CONFIRMATION_LINK_DAYS);
    if (!(await reserveEmail(db, existing.id, allowance, { confirmExpiresAt }))) return;
    await mailer.send(signatureMail("confirm", input.email, voice!, letter.slug, links, { ref }, forOrganization));
    // Sent: a copy still waiting to be sent again (app/confirmation-mail.ts) would be one too many.
    await forgetConfirmationToSend(db, existing.id);
    return;
  }
  if (await reserveEmail(db, existing.id, allowance)) {
    // Its owner learns which entry counts it (none while it is hidden, set aside or in review).
    const entry =
      existing.status === "confirmed" ? ((await entriesForMail(deps, letter, [ref])).get(ref) ?? null) : null;
    await mailer.send(
      signatureMail("already", input.email, voice!, letter.slug, links, { ref, entry }, forOrganization),
    );
  }
}
