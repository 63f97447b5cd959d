/**
 * The JSON representations of letters for embeds and partners. Only public
 * fields: never an email, a signature's id or token, or anything about the
 * signer's connection.
 */
import { deliveryNoteOf, publicStatus, type Letter } from "./letter";
import { publishedBodyHtml } from "./markdown";
import type { SealedRecordEntry } from "./record";
import type { PublicSignatory } from "./signature";

export interface LetterUrls {
  url: string;
  jsonUrl: string;
  signUrl: string;
  signatoriesUrl: string;
  recordUrl: string;
  /** Its versions.json: every published version of its text. */
  versionsUrl: string;
}

/** A signed checkpoint as stored: the tree size and root (hex) it signs, when (ISO 8601), and the signed note's text. */
export interface SignedCheckpoint {
  size: number;
  root: string;
  at: string;
  note: string;
}

/** A checkpoint as published in lists (/letters/{slug}/checkpoints): the note is what is signed; the rest repeats it. */
export function checkpointJson(checkpoint: SignedCheckpoint) {
  return { size: checkpoint.size, root: checkpoint.root, time: checkpoint.at, note: checkpoint.note };
}

/** How a letter's record is signed: its latest checkpoint (and that checkpoint's address), its checkpoints' and the key's addresses. */
export interface RecordSigning {
  checkpoint: { checkpoint: SignedCheckpoint; url: string } | null;
  checkpointsUrl: string;
  keyUrl: string;
}

/** The latest checkpoint as a letter's documents publish it (its record summary, an entry's JSON), or null. */
export function latestCheckpointJson(signing: RecordSigning) {
  return signing.checkpoint ? { ...checkpointJson(signing.checkpoint.checkpoint), url: signing.checkpoint.url } : null;
}

/**
 * The state of the letter's tamper-evident record (its length and Merkle
 * root), which its counts must add up to, with its latest signed checkpoint
 * (null without a signing key or before the first), where its checkpoints
 * are listed, and where the key that signs them is published.
 */
export function recordSummaryJson(letter: Letter, recordUrl: string, signing: RecordSigning) {
  return {
    length: letter.record.sealed,
    root: letter.record.root,
    // False for the moment between a change and its sealing: verify again shortly.
    complete: letter.record.sealed === letter.record.length,
    url: recordUrl,
    checkpoint: latestCheckpointJson(signing),
    checkpoints_url: signing.checkpointsUrl,
    key_url: signing.keyUrl,
  };
}

/**
 * One record entry as published. An erased entry (no salt) shows no public
 * field, whatever its row holds: its leaf covers only the digest, so a name
 * written into an erased row afterwards could never be checked, and is never
 * published.
 */
export function recordEntryJson(entry: SealedRecordEntry) {
  const erased = entry.salt === null;
  const shown = (field: string | null) => (erased ? null : field);
  return {
    seq: entry.seq,
    event: entry.event,
    ref: entry.ref,
    kind: entry.kind,
    name: shown(entry.name),
    organization: shown(entry.organization),
    title: shown(entry.title),
    city: shown(entry.city),
    country: shown(entry.country),
    salt: entry.salt,
    at: entry.at,
    digest: entry.digest,
    hash: entry.hash,
  };
}

/**
 * An organization's verification as published: how (`by`: "email-domain" when its contact confirmed
 * an address at its website's registrable domain, "organizers" when marked by hand), when (ISO 8601),
 * and for "email-domain" the domain proved (its website's, public already); null when not verified.
 */
export function verifiedJson(
  signatory: Pick<PublicSignatory, "kind" | "verification" | "verifiedAt" | "verifiedDomain">,
): { by: "email-domain" | "organizers"; at: string; domain: string | null } | null {
  if (signatory.kind !== "organization" || !signatory.verification || !signatory.verifiedAt) return null;
  return {
    by: signatory.verification,
    at: signatory.verifiedAt,
    domain: signatory.verification === "email-domain" ? signatory.verifiedDomain : null,
  };
}

/**
 * One listed signatory: its public fields, and its ref (the same as in its record entries, so list and
 * record can be joined). An organization's website and verification; never its contact person, nor
 * whether the contact stated they were authorized (organizers only).
 */
export function signatoryJson(signatory: PublicSignatory) {
  return {
    ref: signatory.ref,
    kind: signatory.kind,
    name: signatory.name,
    organization: signatory.organization,
    title: signatory.title,
    city: signatory.city,
    country: signatory.country,
    website: signatory.kind === "organization" ? signatory.website : null,
    verified: verifiedJson(signatory),
    signed_at: signatory.signedAt,
  };
}

/** One language a letter can be read in: its code, its name in itself, and its page's and JSON's addresses. */
export interface LanguageJson {
  code: string;
  name: string;
  url: string;
  json_url: string;
}

export function letterSummaryJson(
  letter: Letter,
  urls: Pick<LetterUrls, "url" | "jsonUrl">,
  now: Date,
  languages: LanguageJson[],
) {
  return {
    slug: letter.slug,
    title: letter.title,
    language: letter.language,
    languages,
    url: urls.url,
    json_url: urls.jsonUrl,
    status: publicStatus(letter, now),
    counts: { ...letter.counts },
  };
}

export function letterJson(
  letter: Letter,
  signatories: readonly PublicSignatory[],
  next: { cursor: string; url: string } | null,
  urls: LetterUrls,
  now: Date,
  languages: LanguageJson[],
  signing: RecordSigning,
) {
  const note = letter.deliveredOn ? deliveryNoteOf(letter) : null;
  return {
    slug: letter.slug,
    title: letter.title,
    summary: letter.summary,
    date: letter.date,
    addressee: letter.addressee,
    // The language of this document's text, and every language the letter has (signatures are the same in all).
    language: letter.language,
    languages,
    status: publicStatus(letter, now),
    closes_at: letter.closesAt,
    closes_time_zone: letter.closesAt ? letter.closesTimeZone : null,
    // When the letter was delivered to its addressee, and the organizers' note about it (in this language if written in it).
    delivered_on: letter.deliveredOn,
    delivery_note: note?.text ?? null,
    delivery_note_language: note?.language ?? null,
    // When its text last changed after people had signed it.
    text_updated_at: letter.textUpdatedAt,
    // Read off the site: its links and images absolute, no other site's image (publishedBodyHtml).
    body_html: publishedBodyHtml(letter.bodyHtml, urls.url),
    // Only what is counted. How many wait for confirmation or review is for organizers: published, it
    // would move by one exactly when a new address signs, telling anyone whether an address had signed.
    counts: { ...letter.counts },
    record: recordSummaryJson(letter, urls.recordUrl, signing),
    signatories: signatories.map(signatoryJson),
    next_cursor: next?.cursor ?? null,
    next_url: next?.url ?? null,
    url: urls.url,
    json_url: urls.jsonUrl,
    sign_url: urls.signUrl,
    signatories_url: urls.signatoriesUrl,
    // Every version of its text (and translations) published, each in the record.
    versions_url: urls.versionsUrl,
  };
}
