/**
 * The signatures table: adding a signature, changing its status, reading
 * the public list a page at a time, and the organizers' filtered reads.
 *
 * Every write that changes who is counted is one D1 batch (a transaction)
 * that also moves the letter's counters and appends the public record entry.
 * The counter update and the record entry are guarded by a random value the
 * write itself stored (the new row's token, or the row's change_nonce), so
 * they happen only when the change did: never for a duplicate email, never
 * twice for a double click.
 */
import { DELIVERY_NOTICE_CONSENT } from "../domain/delivery-notices";
import { randomToken } from "../domain/crypto";
import { newSignatureRef } from "../domain/link-secrets";
import type { SignatoryCursor } from "../domain/cursor";
import {
  signatoryDetailsOf,
  SIGNATURE_STATUSES,
  statusCounter,
  UNRANKED_POSITION,
  type PublicSignatory,
  type SignatoryDetails,
  type SignatureChannel,
  type SignatureFlag,
  type SignatureInput,
  type SignatureKind,
  type SignatureStatus,
  type OrganizationVerification,
  type OrganizationContact,
} from "../domain/signature";
import { organizationKey, personKey } from "../domain/organization";
import type { ExportedSignature } from "../domain/signature-export";
import type { SignatureQuery } from "../domain/signature-filter";
import { holdsOrganization, recordEventFor } from "../domain/signing";
import { insertActivityStatement, type ActivityRow } from "./activity";

/** A public signatory with the key that orders the list, for the next page's cursor. */
export interface ListedSignatory extends PublicSignatory {
  cursor: SignatoryCursor;
}

export interface SignatoryPage {
  signatories: ListedSignatory[];
  /** Where the next page starts, or null on the last page. */
  next: SignatoryCursor | null;
}

/** A signature as the signing, confirmation and moderation code needs it. */
export interface StoredSignature extends SignatoryDetails, OrganizationContact {
  id: number;
  letterId: number;
  /** Public reference, as in the record. */
  ref: string;
  status: SignatureStatus;
  isPublic: boolean;
  email: string | null;
  emailsSent: number;
  confirmExpiresAt: string | null;
  flag: string | null;
  createdAt: string;
  /** Keyed hash of its email's canonical mailbox (domain/mailbox.ts); null for signatures without one. */
  mailboxHash: string | null;
  /** An organization's verification, when it has one. */
  verification: OrganizationVerification | null;
  /** What a rejected signature was when it was rejected (migrations/0021), else null. */
  rejectedFrom: SignatureStatus | null;
  /**
   * Whether it holds the signer's consent to the delivery notice (signatures.delivery_notice_consent,
   * migrations/0036): what the confirm page states and its `shown` check covers.
   */
  deliveryNotice: boolean;
}

/** What a new signature is stored with besides the signer's input. */
export interface NewSignature extends SignatureInput {
  channel: SignatureChannel;
  /** A partner's attribution, when signed through its embed. */
  source?: string | null;
  status: SignatureStatus;
  /** Keyed hashes of the address as typed (normalized) and of its canonical mailbox (domain/mailbox.ts). */
  emailHash: string;
  mailboxHash: string;
  clientHash: string | null;
  /**
   * Its public reference (newSignatureRef), when the caller derived links from it before storing; a
   * fresh one otherwise. The signer's links are derived from it (domain/link-secrets.ts).
   */
  ref?: string;
  /** When its confirmation link stops working (ISO 8601), when it waits for one. */
  confirmExpiresAt: string | null;
  /** SHA-256 of link secrets drawn at random, as signatures made before derived links kept (tests of those only). */
  confirmTokenHash?: string | null;
  withdrawTokenHash?: string | null;
  /** Emails already sent (or about to be) for it, and when their day began (ISO 8601; null with none). */
  emailsSent: number;
  emailsWindowStart?: string | null;
  /** The language the signer signed in (BCP 47), so that their emails are in it. */
  language?: string | null;
  /** The import it came in by (channel "import"): imports.id. */
  importId?: number | null;
  /**
   * The seq of the letter's latest text entry when the signer's page was drawn
   * (domain/text-versions.ts TEXT_SEEN_FIELD): the row is not inserted, and nothing
   * else moves, when the letter has a later text entry. Null or absent: no such guard.
   */
  textSeen?: number | null;
  /**
   * The public origin (https://letters.example.org) its webhook's letter.url is made at, when it is
   * counted at once: the signing request's (or the import's) deps.origin; null or absent: none known.
   */
  origin?: string | null;
}

/**
 * A new signature as insertStatements stores it: a NewSignature, or one without an email (and so
 * without its hashes), which only an import the coalition vouches for makes, as a hand entry may.
 */
export type StorableSignature = Omit<NewSignature, "email" | "emailHash" | "mailboxHash"> & {
  email: string | null;
  emailHash: string | null;
  mailboxHash: string | null;
};

interface SignatureRow extends SignatoryDetails {
  contact_name: string | null;
  contact_role: string | null;
  mailbox_hash: string | null;
  verification: OrganizationVerification | null;
  rejected_from: SignatureStatus | null;
  delivery_notice: 0 | 1;
  id: number;
  letter_id: number;
  token: string;
  status: SignatureStatus;
  is_public: 0 | 1;
  email: string | null;
  emails_sent: number;
  confirm_expires_at: string | null;
  flag: string | null;
  created_at: string;
}

const SIGNATURE_COLUMNS =
  "id, letter_id, token, kind, name, organization, title, city, country, website, status, is_public, email, emails_sent, confirm_expires_at, flag, created_at, contact_name, contact_role, mailbox_hash, verification, rejected_from, delivery_notice_consent IS NOT NULL AS delivery_notice";

function toStoredSignature(row: SignatureRow): StoredSignature {
  return {
    id: row.id,
    letterId: row.letter_id,
    ref: row.token,
    ...signatoryDetailsOf(row),
    status: row.status,
    isPublic: row.is_public === 1,
    email: row.email,
    emailsSent: row.emails_sent,
    confirmExpiresAt: row.confirm_expires_at,
    flag: row.flag,
    createdAt: row.created_at,
    rejectedFrom: row.rejected_from ?? null,
    contactName: row.contact_name,
    contactRole: row.contact_role,
    mailboxHash: row.mailbox_hash,
    verification: row.verification,
    deliveryNotice: row.delivery_notice === 1,
  };
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/**
 * Which row a statement that goes with a write is about: the one with this
 * `nonce` (written by that write), found by its id or its reference (both
 * indexed), so that it matches nothing when the write changed nothing.
 */
type WriteGuard = { nonce: string } & ({ id: number } | { ref: string });

function guardSql(guard: WriteGuard, first: number): { sql: string; binds: unknown[] } {
  const column = "id" in guard ? "s.id" : "s.token";
  return {
    sql: `${column} = ?${first} AND s.change_nonce = ?${first + 1}`,
    binds: ["id" in guard ? guard.id : guard.ref, guard.nonce],
  };
}

/** Appends the record entry for the guarded signature, numbered after the letter's last entry; nothing when no row has it. */
function appendRecordEntry(db: D1Database, event: string, guard: WriteGuard) {
  const where = guardSql(guard, 2);
  return db
    .prepare(
      `INSERT INTO record_entries (letter_id, seq, event, ref, kind, name, organization, title, city, country, salt, at)
       SELECT s.letter_id, l.record_length + 1, ?1, s.token, s.kind,
         CASE WHEN s.is_public THEN s.name END, CASE WHEN s.is_public THEN s.organization END,
         CASE WHEN s.is_public THEN s.title END, CASE WHEN s.is_public THEN s.city END,
         CASE WHEN s.is_public THEN s.country END, lower(hex(randomblob(16))), ${NOW}
       FROM signatures s JOIN letters l ON l.id = s.letter_id
       WHERE ${where.sql}`,
    )
    .bind(event, ...where.binds);
}

/**
 * Queues the letter's webhook for the guarded signature, when the letter has
 * one: in the transaction that counts the signature, so it is announced
 * once, and never for a change that did not happen. `origin` is the public
 * origin its letter.url is made at (webhook_deliveries.origin, migrations/0037):
 * the counting request's, import's or queued signature's; null when none is known.
 */
function queueWebhook(db: D1Database, guard: WriteGuard, origin: string | null) {
  const where = guardSql(guard, 2);
  return db
    .prepare(
      `INSERT INTO webhook_deliveries (letter_id, signature_id, event, origin)
       SELECT s.letter_id, s.id, 'signature.counted', ?1 FROM signatures s JOIN letters l ON l.id = s.letter_id
       WHERE ${where.sql} AND l.webhook_url IS NOT NULL`,
    )
    .bind(origin, ...where.binds);
}

function erasesFromRecord(status: SignatureStatus): boolean {
  return status === "withdrawn" || status === "hidden" || status === "rejected";
}

/** The letter's counters moved from one status to another, and its record length if an entry was written. */
function counterChanges(kind: SignatureKind, from: SignatureStatus | null, to: SignatureStatus) {
  const counted = (status: SignatureStatus | null) => (status !== null && statusCounter(status) === "counted" ? 1 : 0);
  const pending = (status: SignatureStatus | null) => (status !== null && statusCounter(status) === "pending" ? 1 : 0);
  const total = counted(to) - counted(from);
  return {
    total,
    organizations: kind === "organization" ? total : 0,
    individuals: kind === "individual" ? total : 0,
    pending: pending(to) - pending(from),
    record: from === null ? (to === "confirmed" ? 1 : 0) : recordEventFor(from, to) ? 1 : 0,
  };
}

function updateCounters(
  db: D1Database,
  letterId: number,
  changes: ReturnType<typeof counterChanges>,
  guardSql: string,
  guard: unknown[],
) {
  return db
    .prepare(
      `UPDATE letters SET signature_count = signature_count + ?2, organization_count = organization_count + ?3,
         individual_count = individual_count + ?4, pending_count = pending_count + ?5, record_length = record_length + ?6
       WHERE id = ?1 AND EXISTS (SELECT 1 FROM signatures WHERE ${guardSql})`,
    )
    .bind(
      letterId,
      changes.total,
      changes.organizations,
      changes.individuals,
      changes.pending,
      changes.record,
      ...guard,
    );
}

/**
 * The organization-only columns of a new signature, in the INSERT's order: website, contact_name,
 * contact_role, organization_key (domain/organization.ts organizationKey: one signature per
 * organization per letter). All null for an individual, as the table's CHECK requires.
 */
function organizationColumns(
  signature: SignatoryDetails & Partial<OrganizationContact>,
  /** The status it is stored in: one that does not hold its organization (domain/signing.ts holdsOrganization) gets no key. */
  status: SignatureStatus = "confirmed",
): [string | null, string | null, string | null, string | null] {
  if (signature.kind !== "organization") return [null, null, null, null];
  return [
    signature.website ?? null,
    signature.contactName ?? null,
    signature.contactRole ?? null,
    holdsOrganization(status) ? organizationKey(signature.name) : null,
  ];
}

/**
 * The key of an individual signed without an email (domain/organization.ts personKey,
 * migrations/0028), or null for one with an email (its mailbox keeps it one) and an organization.
 */
function personKeyOf(signature: SignatoryDetails & { email: string | null }): string | null {
  return signature.kind === "individual" && !signature.email ? personKey(signature) : null;
}

/**
 * SQL for "the letter ?1 is anonymized" (letters.anonymized_at: the maintenance job erased its signers'
 * emails once, RETENTION_DAYS after it closed, and does not come back to it while it stays closed): a
 * signature stored in it since (an import, a hand entry) keeps no email, email domain or client hash
 * either, and is anonymized at once; its keyed hashes stay, to keep one signature per mailbox.
 */
const LETTER_ANONYMIZED = "(SELECT anonymized_at FROM letters WHERE id = ?1) IS NOT NULL";

/**
 * The statements that store `signature` with its record entry, webhook and counts, and the new row's
 * ref (their guard): the counter update comes last, and changes its row only when the insert did. For
 * a caller that writes more in the same transaction (an import marks its rows done with them). An
 * individual without an email (an import's) is not stored when the letter has one with the same
 * person_key (domain/organization.ts personKey); in a letter already anonymized, no email is kept.
 */
export function insertStatements(
  db: D1Database,
  letterId: number,
  signature: StorableSignature,
): { statements: D1PreparedStatement[]; ref: string } {
  const ref = signature.ref ?? newSignatureRef();
  // A fresh nonce for every attempt guards what goes with the row: when the email has already signed
  // (or a queued message, ref and all, is delivered twice), the insert does nothing and the counter
  // update and record entry match no row.
  const nonce = randomToken();
  const emailDomain = signature.email ? signature.email.slice(signature.email.lastIndexOf("@") + 1) : null;
  const statements = [
    db
      .prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, organization, title, city, country, email, email_hash, email_domain,
           client_hash, status, is_public, channel, position, confirm_token_hash, confirm_expires_at, withdraw_token_hash,
           emails_sent, source, language, change_nonce, mailbox_hash, emails_window_start, website, contact_name,
           contact_role, organization_key, import_id, authorized_at, confirmed_at, person_key, anonymized_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ${LETTER_ANONYMIZED} THEN NULL ELSE ?9 END, ?10,
           CASE WHEN ${LETTER_ANONYMIZED} THEN NULL ELSE ?11 END, CASE WHEN ${LETTER_ANONYMIZED} THEN NULL ELSE ?12 END,
           ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
           ?23, ?24, ?25, ?27, ?28, ?29, ?30, ?31, CASE WHEN ?32 THEN ${NOW} END, CASE WHEN ?13 = 'confirmed' THEN ${NOW} END,
           ?33, CASE WHEN ${LETTER_ANONYMIZED} THEN ${NOW} END
         -- Not after a text the signer never saw: one seek in text_versions' (letter_id, seq) index.
         WHERE (?26 IS NULL OR NOT EXISTS (SELECT 1 FROM text_versions WHERE letter_id = ?1 AND seq > ?26))
           -- Not an individual without an email the letter has already (migrations/0028: the same name, city and
           -- country; only an import stores one through here). One seek in signatures_people_without_email.
           AND NOT (?33 IS NOT NULL AND EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1 AND person_key = ?33))
           -- Not for a contact whose organization signature the organizers hid or rejected: it gave up its
           -- key (so another contact may sign), but its own contact signing again would undo the organizers'
           -- decision. One seek in signatures_organization_contacts.
           AND NOT (?3 = 'organization' AND ?24 IS NOT NULL AND EXISTS (SELECT 1 FROM signatures
             WHERE letter_id = ?1 AND kind = 'organization' AND mailbox_hash = ?24 AND status IN ('hidden', 'rejected')))
         ON CONFLICT DO NOTHING`,
      )
      .bind(
        letterId,
        ref,
        signature.kind,
        signature.name,
        signature.organization,
        signature.title,
        signature.city,
        signature.country,
        signature.email,
        signature.emailHash,
        emailDomain,
        signature.clientHash,
        signature.status,
        signature.isPublic ? 1 : 0,
        signature.channel,
        UNRANKED_POSITION,
        signature.confirmTokenHash ?? null,
        signature.confirmExpiresAt,
        signature.withdrawTokenHash ?? null,
        signature.emailsSent,
        signature.source ?? null,
        signature.language ?? null,
        nonce,
        signature.mailboxHash,
        signature.emailsWindowStart ?? null,
        signature.textSeen ?? null,
        ...organizationColumns(signature, signature.status),
        signature.importId ?? null,
        signature.kind === "organization" && signature.authorized ? 1 : 0,
        personKeyOf(signature),
      ),
  ];
  if (signature.notifyDelivery) {
    // The consent to the delivery notice, with the wording it was given to (migrations/0036); like the
    // counter update, it matches the row only when this attempt inserted it.
    statements.push(
      db
        .prepare(
          `UPDATE signatures SET delivery_notice_consent = ?3, delivery_notice_consented_at = ${NOW}
           WHERE token = ?1 AND change_nonce = ?2`,
        )
        .bind(ref, nonce, DELIVERY_NOTICE_CONSENT),
    );
  }
  if (signature.status === "confirmed")
    statements.push(
      appendRecordEntry(db, "signed", { ref, nonce }),
      queueWebhook(db, { ref, nonce }, signature.origin ?? null),
    );
  statements.push(
    updateCounters(
      db,
      letterId,
      counterChanges(signature.kind, null, signature.status),
      "token = ?7 AND change_nonce = ?8",
      [ref, nonce],
    ),
  );
  return { statements, ref };
}

/**
 * Stores a new signature, its record entry and its counts in one transaction, and returns its public
 * reference. A signature whose mailbox or email (by keyed hash) already signed this letter is not
 * added: a unique index refuses the row and nothing else moves, and `created` is false.
 */
export async function insertSignature(
  db: D1Database,
  letterId: number,
  signature: NewSignature,
): Promise<{ created: boolean; ref: string }> {
  const [result] = await insertSignatures(db, [{ letterId, signature }]);
  return result!;
}

/**
 * Stores many new signatures (of one letter or several) in one transaction
 * and one round trip to D1, as insertSignature does each: the queue consumer
 * writes a whole batch of signers this way. Results are in the given order.
 */
export async function insertSignatures(
  db: D1Database,
  signatures: readonly { letterId: number; signature: NewSignature }[],
): Promise<{ created: boolean; ref: string }[]> {
  if (signatures.length === 0) return [];
  const groups = signatures.map(({ letterId, signature }) => insertStatements(db, letterId, signature));
  const results = await db.batch(groups.flatMap((group) => group.statements));
  let end = 0;
  return groups.map((group) => {
    end += group.statements.length;
    // The counter update comes last in each group, and changes its row only when the insert did.
    return { created: (results[end - 1]?.meta.changes ?? 0) > 0, ref: group.ref };
  });
}

/**
 * Stores a signature an organizer entered by hand (channel 'manual'),
 * counted at once, with its record entry, in one transaction. When an email
 * is given, one signature per address still holds: `created` is false, and
 * nothing changed, when the address had already signed. Without one, an
 * individual gets their person_key (migrations/0028), which an import then
 * finds. In a letter already anonymized, the email is not kept (its hashes are).
 */
export async function insertManualSignature(
  db: D1Database,
  letterId: number,
  signature: SignatoryDetails &
    Partial<OrganizationContact> & {
      email: string | null;
      emailHash: string | null;
      mailboxHash: string | null;
      isPublic: boolean;
      source: string;
    },
  /** The public origin its webhook's letter.url is made at (the organizer's request's deps.origin); null: none. */
  origin: string | null = null,
): Promise<{ created: boolean; ref: string; id: number | null }> {
  const ref = newSignatureRef();
  const nonce = randomToken();
  const emailDomain = signature.email ? signature.email.slice(signature.email.lastIndexOf("@") + 1) : null;
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, organization, title, city, country, email, email_hash, email_domain,
           status, is_public, channel, position, source, change_nonce, mailbox_hash, website, contact_name, contact_role,
           organization_key, confirmed_at, person_key, anonymized_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ${LETTER_ANONYMIZED} THEN NULL ELSE ?9 END, ?10,
           CASE WHEN ${LETTER_ANONYMIZED} THEN NULL ELSE ?11 END, 'confirmed', ?12, 'manual', ?13, ?14, ?15, ?16, ?17, ?18,
           ?19, ?20, ${NOW}, ?21, CASE WHEN ${LETTER_ANONYMIZED} THEN ${NOW} END)
         ON CONFLICT DO NOTHING RETURNING id`,
      )
      .bind(
        letterId,
        ref,
        signature.kind,
        signature.name,
        signature.organization,
        signature.title,
        signature.city,
        signature.country,
        signature.email,
        signature.emailHash,
        emailDomain,
        signature.isPublic ? 1 : 0,
        UNRANKED_POSITION,
        signature.source,
        nonce,
        signature.mailboxHash,
        ...organizationColumns(signature),
        personKeyOf(signature),
      ),
    appendRecordEntry(db, "signed", { ref, nonce }),
    queueWebhook(db, { ref, nonce }, origin),
    updateCounters(
      db,
      letterId,
      counterChanges(signature.kind, null, "confirmed"),
      "token = ?7 AND change_nonce = ?8",
      [ref, nonce],
    ),
  ]);
  const id = (results[0]?.results[0] as { id: number } | undefined)?.id ?? null;
  return { created: id !== null, ref, id };
}

/**
 * Sets the listing position of some of the letter's signatures (organizers
 * place lead organizations first); null puts one back among the unranked,
 * in signing order. The order is the organizers' from then on: the letter
 * is taken over from its content file (see letters.managed_by). One transaction.
 */
export async function setSignaturePositions(
  db: D1Database,
  letterId: number,
  positions: readonly { ref: string; position: number | null }[],
): Promise<void> {
  if (positions.length === 0) return;
  await db.batch([
    ...positions.map(({ ref, position }) =>
      db
        .prepare("UPDATE signatures SET position = ?3 WHERE letter_id = ?1 AND token = ?2")
        .bind(letterId, ref, position ?? UNRANKED_POSITION),
    ),
    db.prepare("UPDATE letters SET managed_by = 'admin' WHERE id = ?1").bind(letterId),
  ]);
}

/**
 * The organization signature of `letterId` whose normalized name is `organizationKey`
 * (domain/organization.ts), in any status: one seek in signatures_one_per_organization.
 */
export async function findOrganizationSignature(
  db: D1Database,
  letterId: number,
  organizationKey: string,
): Promise<StoredSignature | null> {
  const row = await db
    .prepare(`SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE letter_id = ?1 AND organization_key = ?2`)
    .bind(letterId, organizationKey)
    .first<SignatureRow>();
  return row ? toStoredSignature(row) : null;
}

/**
 * The organization signature of `letterId` signed through the contact mailbox `mailboxHash` that the
 * organizers hid or rejected (the latest, if several), or null: such a contact can't sign for an
 * organization of the letter again (see insertStatements), and is told so as a repeat is. One seek in
 * signatures_organization_contacts.
 */
export async function findSetAsideOrganization(
  db: D1Database,
  letterId: number,
  mailboxHash: string,
): Promise<StoredSignature | null> {
  const row = await db
    .prepare(
      `SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE letter_id = ?1 AND kind = 'organization' AND mailbox_hash = ?2
         AND status IN ('hidden', 'rejected') ORDER BY id DESC LIMIT 1`,
    )
    .bind(letterId, mailboxHash)
    .first<SignatureRow>();
  return row ? toStoredSignature(row) : null;
}

/**
 * Whether another signature of `letterId` than `exceptId` holds `domain` as the domain its contact's
 * email verified: one seek in signatures_one_per_verified_domain.
 */
export async function verifiedDomainHeld(
  db: D1Database,
  letterId: number,
  domain: string,
  exceptId: number,
): Promise<boolean> {
  const row = await db
    .prepare("SELECT id FROM signatures WHERE letter_id = ?1 AND verified_domain = ?2 AND id != ?3")
    .bind(letterId, domain, exceptId)
    .first<{ id: number }>();
  return row !== null;
}

/**
 * The individual signature made on `letterId` by the mailbox whose keyed hash is given, or (for signatures
 * made before mailboxes were keyed) with this exact email, by keyed hash or address: the one that
 * kept a new signature from being stored. When several match (signatures from before the mailbox
 * rule, or one withdrawn and signed again in another spelling), one that is not withdrawn is
 * preferred, then the mailbox's, so a repeat never brings back a second signature for one mailbox.
 * Three index seeks, no sort.
 */
export async function findSignatureByEmail(
  db: D1Database,
  letterId: number,
  emailHash: string,
  email: string,
  mailboxHash: string,
): Promise<StoredSignature | null> {
  const { results } = await db
    .prepare(
      `SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE letter_id = ?1 AND mailbox_hash = ?4 AND kind = 'individual'
       UNION ALL SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE letter_id = ?1 AND email_hash = ?2 AND kind = 'individual'
       UNION ALL SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE letter_id = ?1 AND email = ?3 AND kind = 'individual'`,
    )
    .bind(letterId, emailHash, email, mailboxHash)
    .all<SignatureRow>();
  const row = results.find((candidate) => candidate.status !== "withdrawn") ?? results[0];
  return row ? toStoredSignature(row) : null;
}

/**
 * The signature of `letterId` whose confirmation (or withdrawal) link secret hashes to `tokenHash`:
 * the random secrets of links sent before they were derived from the signature (domain/link-secrets.ts).
 */
export async function findSignatureByLinkToken(
  db: D1Database,
  letterId: number,
  link: "confirm" | "withdraw",
  tokenHash: string,
): Promise<StoredSignature | null> {
  const column = link === "confirm" ? "confirm_token_hash" : "withdraw_token_hash";
  const row = await db
    .prepare(`SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE ${column} = ?1 AND letter_id = ?2`)
    .bind(tokenHash, letterId)
    .first<SignatureRow>();
  return row ? toStoredSignature(row) : null;
}

/** The signature with public reference `ref` on `letterId`. */
export async function findSignatureByRef(
  db: D1Database,
  letterId: number,
  ref: string,
): Promise<StoredSignature | null> {
  const row = await db
    .prepare(`SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE token = ?1 AND letter_id = ?2`)
    .bind(ref, letterId)
    .first<SignatureRow>();
  return row ? toStoredSignature(row) : null;
}

/** Fields a status change may also set. */
export interface StatusChangeDetails {
  /** New details from a repeated signature (a withdrawn signer signing again), and the language it came in. */
  details?: SignatoryDetails & { isPublic: boolean; language?: string | null };
  /**
   * A new public reference: a withdrawn signature signed again becomes a new signature, so none of the
   * links given for the withdrawn one (derived from the old reference) acts on it.
   */
  ref?: string;
  /** When the confirmation link sent with the change stops working (ISO 8601). */
  confirmExpiresAt?: string;
  /** Forget the email address, and its domain and the client's keyed hash kept beside it (no longer needed once the signature is withdrawn). */
  forgetEmail?: boolean;
  /**
   * The registrable domain its contact's confirmed email proved (domain/organization.ts verifiedEmailDomain):
   * marked verified ('email-domain') with it. Nothing changes (false) when another signature of the
   * letter holds that domain meanwhile: read again and decide anew.
   */
  verifiedDomain?: string;
  /** A flag for the organizers (e.g. 'organization-domain-taken'). */
  flag?: SignatureFlag;
  /**
   * The activity log's entry of the change (app/activity.ts activityRow), written in the same batch
   * and only when the change is made: a change and its entry are both stored, or neither.
   */
  activity?: ActivityRow;
  /**
   * The public origin a webhook queued by the change (one that counts the signature) makes its
   * letter.url at: the request's deps.origin (app/signature-status.ts changeStatus); null or absent: none.
   */
  origin?: string | null;
}

/**
 * The key an organization's signature takes back when it moves from `from` to `to`: its name's
 * (domain/organization.ts organizationKey) when it leaves a status that does not hold its organization
 * (withdrawn, hidden, rejected: domain/signing.ts holdsOrganization) for one that does; else null.
 */
async function retakenKey(
  db: D1Database,
  signature: Pick<StoredSignature, "id" | "kind"> & { name?: string },
  from: SignatureStatus,
  to: SignatureStatus,
  details: SignatoryDetails | undefined,
): Promise<string | null> {
  if (signature.kind !== "organization" || holdsOrganization(from) || !holdsOrganization(to)) return null;
  const name =
    details?.name ??
    signature.name ??
    (await db.prepare("SELECT name FROM signatures WHERE id = ?1").bind(signature.id).first<{ name: string }>())?.name;
  return name ? organizationKey(name) : null;
}

/**
 * Moves `signature` from the status it was read with to `to`, with its
 * counters and record entry, in one transaction. Returns false, changing
 * nothing, when the signature's status had meanwhile changed (the caller may
 * read it again and decide anew).
 *
 * An organization's signature that becomes withdrawn, hidden or rejected gives up its organization
 * in the same statement (domain/signing.ts holdsOrganization): its organization_key and
 * verified_domain are set NULL, and an 'email-domain' verification goes with its domain (an
 * organizers' one stays), so whoever signs for the organization next makes a new signature. One
 * that comes back (restored) takes its key back, computed from its name: nothing changes (false)
 * when another signature of the letter holds that key meanwhile (findOrganizationByName reads it). A
 * verified_domain is never taken back.
 */
export async function changeSignatureStatus(
  db: D1Database,
  /** As read; its `name` (an organization's: the key a restore takes back) is read here when not given. */
  signature: Pick<StoredSignature, "id" | "letterId" | "kind" | "status"> & { name?: string },
  to: SignatureStatus,
  extra: StatusChangeDetails = {},
): Promise<boolean> {
  const nonce = randomToken();
  const from = signature.status;
  const details = extra.details;
  const released = signature.kind === "organization" && !holdsOrganization(to) ? 1 : 0;
  const retaken = await retakenKey(db, signature, from, to, details);
  const statements = [
    db
      .prepare(
        `UPDATE signatures SET status = ?3, change_nonce = ?4,
           confirmed_at = CASE WHEN ?3 = 'confirmed' THEN coalesce(confirmed_at, ${NOW}) ELSE confirmed_at END,
           withdrawn_at = CASE WHEN ?3 = 'withdrawn' THEN ${NOW} ELSE withdrawn_at END,
           rejected_from = CASE WHEN ?3 = 'rejected' AND ?2 IN ('unconfirmed', 'in_review') THEN ?2
             WHEN ?3 = 'rejected' THEN rejected_from ELSE NULL END,
           name = coalesce(?5, name), organization = CASE WHEN ?5 IS NULL THEN organization ELSE ?6 END,
           title = CASE WHEN ?5 IS NULL THEN title ELSE ?7 END, city = CASE WHEN ?5 IS NULL THEN city ELSE ?8 END,
           country = CASE WHEN ?5 IS NULL THEN country ELSE ?9 END, is_public = coalesce(?10, is_public),
           token = coalesce(?11, token), confirm_expires_at = coalesce(?12, confirm_expires_at),
           emails_sent = CASE WHEN ?11 IS NULL THEN emails_sent ELSE 0 END,
           emails_window_start = CASE WHEN ?11 IS NULL THEN emails_window_start END,
           confirm_token_hash = CASE WHEN ?11 IS NULL THEN confirm_token_hash END,
           withdraw_token_hash = CASE WHEN ?11 IS NULL THEN withdraw_token_hash END,
           email = CASE WHEN ?13 THEN NULL ELSE email END,
           email_domain = CASE WHEN ?13 THEN NULL ELSE email_domain END,
           client_hash = CASE WHEN ?13 THEN NULL ELSE client_hash END, language = coalesce(?14, language),
           verification = CASE WHEN ?15 IS NOT NULL THEN 'email-domain'
             WHEN ?18 AND verification = 'email-domain' THEN NULL ELSE verification END,
           verified_at = CASE WHEN ?15 IS NOT NULL THEN ${NOW}
             WHEN ?18 AND verification = 'email-domain' THEN NULL ELSE verified_at END,
           verified_domain = CASE WHEN ?18 THEN NULL ELSE coalesce(?15, verified_domain) END,
           organization_key = CASE WHEN ?18 THEN NULL ELSE coalesce(?19, organization_key) END,
           flag = coalesce(?16, flag)
         WHERE id = ?1 AND status = ?2
           AND (?15 IS NULL OR NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?17 AND verified_domain = ?15))
           AND (?19 IS NULL OR NOT EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?17 AND organization_key = ?19 AND id != ?1))`,
      )
      .bind(
        signature.id,
        from,
        to,
        nonce,
        details?.name ?? null,
        details?.organization ?? null,
        details?.title ?? null,
        details?.city ?? null,
        details?.country ?? null,
        details ? (details.isPublic ? 1 : 0) : null,
        extra.ref ?? null,
        extra.confirmExpiresAt ?? null,
        extra.forgetEmail ? 1 : 0,
        details?.language ?? null,
        extra.verifiedDomain ?? null,
        extra.flag ?? null,
        signature.letterId,
        released,
        retaken,
      ),
  ];
  const event = recordEventFor(from, to);
  if (event) statements.push(appendRecordEntry(db, event, { id: signature.id, nonce }));
  if (event === "signed") statements.push(queueWebhook(db, { id: signature.id, nonce }, extra.origin ?? null));
  if (erasesFromRecord(to)) {
    // Withdrawn or set aside: the name leaves the public record too; the digests keep the chain whole.
    // Without INDEXED BY, SQLite (no statistics in D1) reads every entry of the letter by its primary key
    // to find the ref's few (issue 17; test/storage/record-rows.test.ts).
    statements.push(
      db
        .prepare(
          `UPDATE record_entries INDEXED BY record_entries_by_ref SET name = NULL, organization = NULL, title = NULL, city = NULL, country = NULL, salt = NULL
           WHERE letter_id = ?1 AND ref = (SELECT token FROM signatures WHERE id = ?2 AND change_nonce = ?3)`,
        )
        .bind(signature.letterId, signature.id, nonce),
    );
  }
  statements.push(
    updateCounters(db, signature.letterId, counterChanges(signature.kind, from, to), "id = ?7 AND change_nonce = ?8", [
      signature.id,
      nonce,
    ]),
  );
  if (extra.activity)
    statements.push(insertActivityStatement(db, extra.activity, { signatureId: signature.id, nonce }));
  const results = await db.batch(statements);
  return (results[0]?.meta.changes ?? 0) > 0;
}

/**
 * Records one more email about `signatureId`, unless `cap` were already sent
 * within `windowMs` (milliseconds) before `now`; a confirmation email also
 * moves its link's expiry to `confirmExpiresAt` (ISO 8601). The links
 * themselves never change (they are derived from the signature:
 * domain/link-secrets.ts). Returns whether the email may be sent.
 */
export async function reserveEmail(
  db: D1Database,
  signatureId: number,
  { cap, windowMs, now }: { cap: number; windowMs: number; now: Date },
  { confirmExpiresAt }: { confirmExpiresAt?: string } = {},
): Promise<boolean> {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const result = await db
    .prepare(
      `UPDATE signatures SET
         emails_sent = CASE WHEN coalesce(emails_window_start, '') <= ?3 THEN 1 ELSE emails_sent + 1 END,
         emails_window_start = CASE WHEN coalesce(emails_window_start, '') <= ?3 THEN ?4 ELSE emails_window_start END,
         confirm_expires_at = coalesce(?5, confirm_expires_at)
       WHERE id = ?1 AND (emails_sent < ?2 OR coalesce(emails_window_start, '') <= ?3)`,
    )
    .bind(signatureId, cap, cutoff, now.toISOString(), confirmExpiresAt ?? null)
    .run();
  return result.meta.changes > 0;
}

/**
 * The organization of `letterId` that holds the key of `name` (domain/organization.ts
 * organizationKey: one signature per organization per letter), whatever its status, or null.
 * One seek in signatures_one_per_organization.
 */
export async function findOrganizationByName(
  db: D1Database,
  letterId: number,
  name: string,
): Promise<{ ref: string; name: string; status: SignatureStatus } | null> {
  const key = organizationKey(name);
  if (!key) return null;
  const row = await db
    .prepare("SELECT token, name, status FROM signatures WHERE letter_id = ?1 AND organization_key = ?2")
    .bind(letterId, key)
    .first<{ token: string; name: string; status: SignatureStatus }>();
  return row ? { ref: row.token, name: row.name, status: row.status } : null;
}

/** An organization's verification, as organizers mark it or take it back (app/moderation.ts setOrganizationVerification). */
export interface VerificationState {
  id: number;
  kind: SignatureKind;
  name: string;
  status: SignatureStatus;
  isPublic: boolean;
  verification: OrganizationVerification | null;
  /** When (ISO 8601), with `verification`. */
  verifiedAt: string | null;
  /** The registrable domain an "email-domain" verification proved (unique per letter). */
  verifiedDomain: string | null;
}

/** The verification of the signature `ref` of `letterId` (an individual's is always null), or null when there is no such signature. */
export async function findVerificationState(
  db: D1Database,
  letterId: number,
  ref: string,
): Promise<VerificationState | null> {
  const row = await db
    .prepare(
      `SELECT id, kind, name, status, is_public, verification, verified_at, verified_domain FROM signatures
       WHERE token = ?1 AND letter_id = ?2`,
    )
    .bind(ref, letterId)
    .first<{
      id: number;
      kind: SignatureKind;
      name: string;
      status: SignatureStatus;
      is_public: 0 | 1;
      verification: OrganizationVerification | null;
      verified_at: string | null;
      verified_domain: string | null;
    }>();
  return row
    ? {
        id: row.id,
        kind: row.kind,
        name: row.name,
        status: row.status,
        isPublic: row.is_public === 1,
        verification: row.verification,
        verifiedAt: row.verified_at,
        verifiedDomain: row.verified_domain,
      }
    : null;
}

/**
 * Marks the organization `id` verified by the organizers at `at` (ISO 8601), only if it has no
 * verification now (one by its email domain stays as it is). Returns whether it changed.
 */
export async function markVerifiedByOrganizers(db: D1Database, id: number, at: string): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE signatures SET verification = 'organizers', verified_at = ?2
       WHERE id = ?1 AND kind = 'organization' AND verification IS NULL`,
    )
    .bind(id, at)
    .run();
  return result.meta.changes > 0;
}

/**
 * Removes the organization `id`'s verification, only if it is still `expected` (as the organizer
 * saw it): its time, and for an "email-domain" one the domain it proved (the table allows a domain
 * only with that verification), which then no longer keeps another organization of the letter from
 * being verified by it. Returns whether it changed.
 */
export async function removeVerification(
  db: D1Database,
  id: number,
  expected: OrganizationVerification,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE signatures SET verification = NULL, verified_at = NULL, verified_domain = NULL
       WHERE id = ?1 AND verification = ?2`,
    )
    .bind(id, expected)
    .run();
  return result.meta.changes > 0;
}

/**
 * Replaces the public details of a signature still waiting for its
 * confirmation link with the ones of a repeated submission, so a signer who
 * fixes a typo confirms what they meant (the confirm page shows them, and
 * refuses a press made on a page that showed others). Nothing changes once
 * it is confirmed (or in any other status). Returns whether it changed.
 */
export async function replaceUnconfirmedDetails(
  db: D1Database,
  signatureId: number,
  details: SignatoryDetails & Partial<OrganizationContact> & { isPublic: boolean; authorized?: boolean },
): Promise<boolean> {
  // An organization's own columns too (its website, contact, and their statement); the kind never changes:
  // a repeat is found among signatures of its own kind (by mailbox, or by organization).
  const [website, contactName, contactRole] = organizationColumns(details);
  const result = await db
    .prepare(
      `UPDATE signatures SET name = ?3, organization = ?4, title = ?5, city = ?6, country = ?7, is_public = ?8,
         website = ?9, contact_name = ?10, contact_role = ?11,
         authorized_at = CASE WHEN ?12 THEN coalesce(authorized_at, ${NOW}) END
       WHERE id = ?1 AND status = 'unconfirmed' AND kind = ?2`,
    )
    .bind(
      signatureId,
      details.kind,
      details.name,
      details.organization,
      details.title,
      details.city,
      details.country,
      details.isPublic ? 1 : 0,
      website,
      contactName,
      contactRole,
      details.kind === "organization" && details.authorized ? 1 : 0,
    )
    .run();
  return result.meta.changes > 0;
}

interface SignatoryRow extends SignatoryDetails {
  id: number;
  token: string;
  position: number;
  created_at: string;
  verification: OrganizationVerification | null;
  verified_at: string | null;
  verified_domain: string | null;
}

function toListedSignatory(row: SignatoryRow): ListedSignatory {
  return {
    ...signatoryDetailsOf(row),
    verification: row.verification,
    verifiedAt: row.verified_at,
    verifiedDomain: row.verified_domain,
    ref: row.token,
    signedAt: row.created_at,
    cursor: { kind: row.kind, position: row.position, id: row.id },
  };
}

const LISTING_COLUMNS =
  "id, token, kind, name, organization, title, city, country, website, verification, verified_at, verified_domain, position, created_at";
const PUBLIC_ROWS = "letter_id = ?1 AND kind = ?2 AND status = 'confirmed' AND is_public = 1";

// Keyset pagination after (position, id), as two seeks on signatures_public_listing
// (or signatures_public_by_country, with ?6): the rest of the same position (most
// signatories share the unranked one), then the following positions.
function listingAfter(rows: string): string {
  return `
  SELECT * FROM (SELECT ${LISTING_COLUMNS} FROM signatures
    WHERE ${rows} AND position = ?3 AND id > ?4 ORDER BY id LIMIT ?5)
  UNION ALL
  SELECT * FROM (SELECT ${LISTING_COLUMNS} FROM signatures
    WHERE ${rows} AND position > ?3 ORDER BY position, id LIMIT ?5)`;
}
const LISTING_AFTER = listingAfter(PUBLIC_ROWS);
const LISTING_AFTER_IN_COUNTRY = listingAfter(`${PUBLIC_ROWS} AND country = ?6`);

async function listKind(
  db: D1Database,
  letterId: number,
  kind: SignatureKind,
  after: SignatoryCursor | null,
  limit: number,
  country?: string,
) {
  const params = [letterId, kind, after?.position ?? -1, after?.id ?? -1, limit];
  const { results } = await db
    .prepare(country ? LISTING_AFTER_IN_COUNTRY : LISTING_AFTER)
    .bind(...params, ...(country ? [country] : []))
    .all<SignatoryRow>();
  // The two parts arrive in order already; sorting the few rows makes that explicit.
  return results
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .slice(0, limit)
    .map(toListedSignatory);
}

/**
 * Whether the letter has a signature where `cursor` points (its kind,
 * position and id), whatever its status now: a cursor a page of its list
 * once ended with, rather than a made-up one. One lookup by primary key.
 */
export async function hasSignatureAt(db: D1Database, letterId: number, cursor: SignatoryCursor): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS found FROM signatures WHERE id = ?1 AND letter_id = ?2 AND kind = ?3 AND position = ?4")
    .bind(cursor.id, letterId, cursor.kind, cursor.position)
    .first<{ found: number }>();
  return row !== null;
}

/**
 * One page of a letter's public signatories after `after` (from the start
 * when null): organizations first, then individuals, each in (position, id)
 * order. Keyset pagination over an index: the cost is the page size,
 * whatever the number of signatures, and at most two queries.
 */
export async function listPublicSignatories(
  db: D1Database,
  letterId: number,
  after: SignatoryCursor | null,
  pageSize: number,
  /** Only organizations or only individuals, only from one country (ISO 3166-1 alpha-2): the API's ?kind= and ?country=. */
  filter: { kind?: SignatureKind; country?: string } = {},
): Promise<SignatoryPage> {
  // One row more than the page tells whether another page follows.
  const wanted = pageSize + 1;
  const rows: ListedSignatory[] = [];
  const only = filter.kind;
  if (only) {
    rows.push(...(await listKind(db, letterId, only, after?.kind === only ? after : null, wanted, filter.country)));
  } else if (after === null || after.kind === "organization") {
    rows.push(...(await listKind(db, letterId, "organization", after, wanted, filter.country)));
  }
  if (!only && rows.length < wanted) {
    const individualsAfter = after?.kind === "individual" ? after : null;
    rows.push(...(await listKind(db, letterId, "individual", individualsAfter, wanted - rows.length, filter.country)));
  }
  const signatories = rows.slice(0, pageSize);
  const last = signatories.at(-1);
  return { signatories, next: rows.length > pageSize && last ? last.cursor : null };
}

/** A signature as organizers see it: everything but the hashes and link secrets. */
export interface OrganizerSignature extends StoredSignature, OrganizationContact {
  channel: SignatureChannel;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  /** When an organization's contact stated they may sign for it (ISO 8601), and its verification. */
  authorizedAt: string | null;
  verification: OrganizationVerification | null;
  verifiedAt: string | null;
  verifiedDomain: string | null;
}

export interface OrganizerQuery {
  status?: SignatureStatus;
  flagged?: boolean;
  /** Only signatures with a smaller id (the next page, newest first). */
  before?: number;
  limit: number;
}

/** A letter's signatures for its organizers, newest first, filtered by status or flag. */
export async function listSignaturesForOrganizers(
  db: D1Database,
  letterId: number,
  query: OrganizerQuery,
): Promise<OrganizerSignature[]> {
  // One statement per filter, so that each is answered from its own index in id order.
  const filters = [query.status ? "status = ?4" : "", query.flagged ? "flag IS NOT NULL" : ""].filter(Boolean);
  const { results } = await db
    .prepare(
      `SELECT ${SIGNATURE_COLUMNS}, channel, confirmed_at, withdrawn_at, contact_name, contact_role, authorized_at,
         verification, verified_at, verified_domain FROM signatures
       WHERE letter_id = ?1 AND id < ?2 ${filters.map((filter) => `AND ${filter}`).join(" ")}
       ORDER BY id DESC LIMIT ?3`,
    )
    .bind(letterId, query.before ?? Number.MAX_SAFE_INTEGER, query.limit, ...(query.status ? [query.status] : []))
    .all<
      SignatureRow & {
        channel: SignatureChannel;
        confirmed_at: string | null;
        withdrawn_at: string | null;
        contact_name: string | null;
        contact_role: string | null;
        authorized_at: string | null;
        verification: OrganizationVerification | null;
        verified_at: string | null;
        verified_domain: string | null;
      }
    >();
  return results.map((row) => ({
    ...toStoredSignature(row),
    channel: row.channel,
    confirmedAt: row.confirmed_at,
    withdrawnAt: row.withdrawn_at,
    contactName: row.contact_name,
    contactRole: row.contact_role,
    authorizedAt: row.authorized_at,
    verification: row.verification,
    verifiedAt: row.verified_at,
    verifiedDomain: row.verified_domain,
  }));
}

/**
 * How many of a letter's signatures came through each partner's embed (null: the letter's own
 * page), by status: among the `window` newest before the signature `before` (an id) when given.
 *
 * @returns `counted`: the signatures the counts cover; `nextBefore`: where the next window begins
 *   when older signatures are left to count, else null (the counts reached the letter's first)
 */
export async function countSignaturesBySource(
  db: D1Database,
  letterId: number,
  page: { before?: number; window: number },
): Promise<{
  counts: { source: string | null; status: SignatureStatus; count: number }[];
  counted: number;
  nextBefore: number | null;
}> {
  // No index holds source: counting the whole letter read every signature (issue 17). A window of
  // the newest, through signatures_by_letter, reads about 2 × `window` rows (the window, then the
  // window grouped), whatever the letter's size.
  const { results } = await db
    .prepare(
      `SELECT source, status, count(*) AS count, min(id) AS oldest FROM (
         SELECT id, source, status FROM signatures WHERE letter_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3)
       GROUP BY source, status ORDER BY source, status`,
    )
    .bind(letterId, page.before ?? Number.MAX_SAFE_INTEGER, page.window)
    .all<{ source: string | null; status: SignatureStatus; count: number; oldest: number }>();
  const counted = results.reduce((sum, row) => sum + row.count, 0);
  let nextBefore: number | null = null;
  if (counted >= page.window) {
    const oldest = Math.min(...results.map((row) => row.oldest));
    const older = await db
      .prepare("SELECT 1 AS older FROM signatures WHERE letter_id = ?1 AND id < ?2 LIMIT 1")
      .bind(letterId, oldest)
      .first<{ older: number }>();
    if (older) nextBefore = oldest;
  }
  return { counts: results.map(({ source, status, count }) => ({ source, status, count })), counted, nextBefore };
}

// Organizers' reads of a letter's signatures: filtered (see
// domain/signature-filter.ts), counted, and paged either newest first (the
// moderation list) or in the public list's order (organizations by position,
// then individuals; the export and the delivery document). Emails are read
// here for organizers only, never by a public query.

/** A signature as organizers see it: everything but the hashes and link secrets. */
export interface OrganizerSignatureRow extends ExportedSignature {
  id: number;
  ref: string;
  withdrawnAt: string | null;
  /** What a rejected signature was when it was rejected (migrations/0021), else null. */
  rejectedFrom: SignatureStatus | null;
  /**
   * The activity log's newest entry about it (migrations/0025), read by searchSignatures in the
   * same query: who (their name then, null: the system; and their organizers.id), what (an
   * ActivityAction) and when (ISO 8601 UTC); null when the log has none (or another reader left it out).
   */
  lastChange?: { by: string | null; byId: number | null; action: string; at: string } | null;
}

interface Row extends SignatoryDetails {
  id: number;
  token: string;
  email: string | null;
  status: SignatureStatus;
  is_public: 0 | 1;
  channel: SignatureChannel;
  source: string | null;
  flag: string | null;
  position: number;
  created_at: string;
  confirmed_at: string | null;
  withdrawn_at: string | null;
  contact_name: string | null;
  contact_role: string | null;
  authorized_at: string | null;
  verification: OrganizationVerification | null;
  verified_at: string | null;
  verified_domain: string | null;
  import_id: number | null;
  import_name: string | null;
  rejected_from: SignatureStatus | null;
  last_change?: string | null;
}

/**
 * The activity log's newest entry about a signature, as one JSON text (an expression over
 * `signatures`): a seek of organizer_activity_by_signature per row of the page, in the same query.
 */
const LAST_CHANGE = `(SELECT json_array(a.organizer_name, a.action, a.at, a.organizer_id) FROM organizer_activity a
  WHERE a.signature_id = signatures.id ORDER BY a.id DESC LIMIT 1)`;

function lastChangeOf(json: string | null | undefined): OrganizerSignatureRow["lastChange"] {
  if (json === undefined) return undefined;
  if (json === null) return null;
  const [by, action, at, byId] = JSON.parse(json) as [string | null, string, string, number | null];
  return { by, byId, action, at };
}

/** The file name of the import a signature came in by (channel 'import'), as an expression over `signatures`. */
const IMPORT_NAME = "(SELECT file_name FROM imports WHERE imports.id = signatures.import_id)";

const COLUMNS = `id, token, kind, name, organization, title, city, country, website, email, status, is_public, channel, source, flag,
  position, created_at, confirmed_at, withdrawn_at, contact_name, contact_role, authorized_at, verification, verified_at,
  verified_domain, import_id, ${IMPORT_NAME} AS import_name, rejected_from`;

function toSignature(row: Row): OrganizerSignatureRow {
  return {
    id: row.id,
    ref: row.token,
    ...signatoryDetailsOf(row),
    email: row.email,
    status: row.status,
    isPublic: row.is_public === 1,
    channel: row.channel,
    source: row.source,
    flag: row.flag,
    position: row.position,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    withdrawnAt: row.withdrawn_at,
    contactName: row.contact_name,
    contactRole: row.contact_role,
    authorizedAt: row.authorized_at,
    verification: row.verification,
    verifiedAt: row.verified_at,
    verifiedDomain: row.verified_domain,
    importId: row.import_id,
    importName: row.import_name,
    rejectedFrom: row.rejected_from ?? null,
    ...(row.last_change === undefined ? {} : { lastChange: lastChangeOf(row.last_change) }),
  };
}

/** The WHERE clause of a filter (its days already read in the letter's zone), its parameters numbered from `first`. */
function whereOf(filter: SignatureQuery, first: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `?${first + params.length - 1}`;
  };
  if (filter.q) {
    const q = next(filter.q.toLowerCase());
    clauses.push(
      `(instr(lower(name), ${q}) > 0 OR instr(lower(coalesce(organization, '')), ${q}) > 0 OR instr(coalesce(email, ''), ${q}) > 0
        OR instr(lower(coalesce(contact_name, '')), ${q}) > 0)`,
    );
  }
  if (filter.verified === "no") clauses.push("kind = 'organization' AND verification IS NULL");
  if (filter.verified === "yes") clauses.push("verification IS NOT NULL");
  if (filter.status) clauses.push(`status = ${next(filter.status)}`);
  if (filter.kind) clauses.push(`kind = ${next(filter.kind)}`);
  if (filter.country) clauses.push(`country = ${next(filter.country)}`);
  if (filter.channel) clauses.push(`channel = ${next(filter.channel)}`);
  if (filter.flagged) clauses.push("flag IS NOT NULL");
  if (filter.signedSince) clauses.push(`created_at >= ${next(filter.signedSince)}`);
  if (filter.signedBefore) clauses.push(`created_at < ${next(filter.signedBefore)}`);
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(""), params };
}

/** How many of the letter's signatures the filter matches. */
export async function countMatchingSignatures(
  db: D1Database,
  letterId: number,
  filter: SignatureQuery,
): Promise<number> {
  const where = whereOf(filter, 2);
  const row = await db
    .prepare(`SELECT count(*) AS count FROM signatures WHERE letter_id = ?1${where.sql}`)
    .bind(letterId, ...where.params)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

/**
 * Where the signatures a filter can match are, as `FROM … WHERE letter_id = ?1 …` texts to read
 * one after the other: the organizations alone from their own small indexes (migrations/0039: the
 * ranked ones, then the unranked), so that a list of a letter's few organizations does not read
 * every individual to find them; any other filter, the letter's signatures.
 */
function partsOf(filter: SignatureQuery): string[] {
  if (filter.kind !== "organization") return ["signatures WHERE letter_id = ?1"];
  return [
    `signatures INDEXED BY signatures_ranked WHERE letter_id = ?1 AND kind = 'organization' AND position < ${UNRANKED_POSITION}`,
    `signatures INDEXED BY signatures_unranked_organizations
       WHERE letter_id = ?1 AND kind = 'organization' AND position >= ${UNRANKED_POSITION}`,
  ];
}

/**
 * How many of the letter's signatures the filter matches, counted up to `most` (the count is then
 * `most`: "at least"): the rows read are at most `most` when an index answers the filter
 * (unfiltered: signatures_by_letter; by status: signatures_by_status), rather than the whole
 * letter's (issue 17: 100,000 rows a view of a 100,000-signature letter's list).
 */
export async function countMatchingSignaturesUpTo(
  db: D1Database,
  letterId: number,
  filter: SignatureQuery,
  most: number,
): Promise<number> {
  const where = whereOf(filter, 3);
  let count = 0;
  for (const part of partsOf(filter)) {
    const row = await db
      .prepare(`SELECT count(*) AS count FROM (SELECT 1 FROM ${part}${where.sql} LIMIT ?2)`)
      .bind(letterId, most, ...where.params)
      .first<{ count: number }>();
    count += row?.count ?? 0;
  }
  return Math.min(count, most);
}

/**
 * How many of the letter's signatures are set aside (a status no counter of the letter counts:
 * rejected, hidden or withdrawn; domain/signature.ts statusCounter), counted up to `most` (the
 * count is then `most`: "at least"): at most `most` rows read, from signatures_by_status.
 */
export async function countSetAsideSignaturesUpTo(db: D1Database, letterId: number, most: number): Promise<number> {
  const setAside = SIGNATURE_STATUSES.filter((status) => statusCounter(status) === null);
  const row = await db
    .prepare(
      `SELECT count(*) AS count FROM (SELECT 1 FROM signatures WHERE letter_id = ?1
         AND status IN (${setAside.map((_, index) => `?${index + 3}`).join(", ")}) LIMIT ?2)`,
    )
    .bind(letterId, most, ...setAside)
    .first<{ count: number }>();
  return Math.min(row?.count ?? 0, most);
}

/** A page of matching signatures, newest first, before the signature `before` (an id) when given. */
export async function searchSignatures(
  db: D1Database,
  letterId: number,
  filter: SignatureQuery,
  page: { before?: number; limit: number },
): Promise<{ signatures: OrganizerSignatureRow[]; nextBefore: number | null }> {
  const where = whereOf(filter, 4);
  const results: Row[] = [];
  for (const part of partsOf(filter)) {
    const found = await db
      .prepare(
        `SELECT ${COLUMNS}, ${LAST_CHANGE} AS last_change FROM ${part}
         AND id < ?2${where.sql} ORDER BY id DESC LIMIT ?3`,
      )
      .bind(letterId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit + 1, ...where.params)
      .all<Row>();
    results.push(...found.results);
  }
  results.sort((a, b) => b.id - a.id);
  const signatures = results.slice(0, page.limit).map(toSignature);
  return { signatures, nextBefore: results.length > page.limit ? signatures.at(-1)!.id : null };
}

/**
 * A search by text (filter.q) through at most `window` of the letter's signatures, newest first,
 * before the signature `before` (an id) when given: substring matching reads each signature it
 * looks at, so a search reads at most about 2 × `window` rows (the count, then the page) whatever
 * the letter's size, rather than the whole letter twice (issue 17: 200,000 rows a search of a
 * 100,000-signature letter). One round trip (a batch).
 *
 * @returns a page of at most `page.limit` matches; `matching`: how many signatures of the window
 *   match; `searched`: how many signatures the window held; `older`: whether signatures older than
 *   a full window are left to search; `nextBefore`: where the next page
 *   begins (after the page's last match when more matched, else after the window when it was
 *   full and older signatures are left to search), or null when nothing older is left: the
 *   search reached the letter's first signature (a window that ends exactly on it included).
 */
export async function searchSignaturesWithin(
  db: D1Database,
  letterId: number,
  filter: SignatureQuery,
  page: { before?: number; limit: number; window: number },
): Promise<{
  signatures: OrganizerSignatureRow[];
  nextBefore: number | null;
  matching: number;
  searched: number;
  older: boolean;
}> {
  const recent = `(SELECT * FROM signatures WHERE letter_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3) AS signatures`;
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const counted = whereOf(filter, 4);
  const listed = whereOf(filter, 5);
  const [count, rows] = await db.batch([
    db
      .prepare(
        `SELECT seen.*, EXISTS (SELECT 1 FROM signatures WHERE letter_id = ?1 AND id < seen.last) AS older FROM (
           SELECT count(*) AS searched, min(id) AS last, coalesce(sum(CASE WHEN 1 = 1${counted.sql} THEN 1 END), 0) AS matching
           FROM ${recent}) AS seen`,
      )
      .bind(letterId, before, page.window, ...counted.params),
    db
      .prepare(
        `SELECT ${COLUMNS}, ${LAST_CHANGE} AS last_change FROM ${recent}
         WHERE 1 = 1${listed.sql} ORDER BY id DESC LIMIT ?4`,
      )
      .bind(letterId, before, page.window, page.limit + 1, ...listed.params),
  ]);
  const window = (count?.results[0] ?? { searched: 0, last: null, matching: 0, older: 0 }) as {
    searched: number;
    last: number | null;
    matching: number;
    /** 1 when the letter has signatures older than the window's oldest (one row read to know). */
    older: number;
  };
  const found = (rows?.results ?? []) as Row[];
  const signatures = found.slice(0, page.limit).map(toSignature);
  const nextBefore =
    found.length > page.limit
      ? signatures.at(-1)!.id
      : window.searched >= page.window && window.last !== null && window.older === 1
        ? window.last
        : null;
  const older = window.searched >= page.window && window.older === 1;
  return { signatures, nextBefore, matching: window.matching, searched: window.searched, older };
}

/** Where a page in the public list's order ends. */
export interface ListingCursor {
  kind: SignatureKind;
  position: number;
  id: number;
}

const KINDS_IN_ORDER: readonly SignatureKind[] = ["organization", "individual"];

/**
 * A page of matching signatures in the public list's order (organizations by
 * position, then individuals by position, each then by signing order), after
 * `after` when given: what the export and the delivery document read, a
 * page at a time, so a letter of any size is never held in memory at once.
 */
export async function listSignaturesInOrder(
  db: D1Database,
  letterId: number,
  filter: SignatureQuery,
  page: { after?: ListingCursor | null; limit: number },
): Promise<{ signatures: OrganizerSignatureRow[]; next: ListingCursor | null }> {
  // Each kind in two parts, so that a page costs a seek rather than a sort of the whole letter:
  // the few ranked signatures (sorted, read only until the cursor has passed them), then the
  // unranked ones, where (position, id) order is id order. Without this, every page of a
  // million-signature export sorted a million rows. The ranked ones, and the unranked
  // organizations, come from their own small partial indexes (migrations/0039), named so that a
  // status filter's signatures_by_status is not chosen instead: that read the whole letter to find
  // them. The unranked individuals are a range of signatures_by_status or signatures_by_letter,
  // in which only the organizations are read besides them.
  const rankedWhere = whereOf(filter, 6);
  const unrankedWhere = whereOf(filter, 4);
  const wanted = page.limit + 1;
  const rows: Row[] = [];
  const first = page.after ? KINDS_IN_ORDER.indexOf(page.after.kind) : 0;
  for (const kind of KINDS_IN_ORDER.slice(first)) {
    const after = page.after?.kind === kind ? page.after : null;
    if (!after || after.position < UNRANKED_POSITION) {
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM signatures INDEXED BY signatures_ranked
           WHERE letter_id = ?1 AND kind = ?2 AND position < ${UNRANKED_POSITION} AND (position, id) > (?3, ?4)${rankedWhere.sql}
           ORDER BY position, id LIMIT ?5`,
        )
        .bind(letterId, kind, after?.position ?? -1, after?.id ?? -1, wanted - rows.length, ...rankedWhere.params)
        .all<Row>();
      rows.push(...results);
    }
    if (rows.length < wanted) {
      const unranked =
        kind === "organization"
          ? "signatures INDEXED BY signatures_unranked_organizations WHERE letter_id = ?1 AND kind = 'organization'"
          : "signatures WHERE letter_id = ?1 AND kind = 'individual'";
      const { results } = await db
        .prepare(
          `SELECT ${COLUMNS} FROM ${unranked} AND position >= ${UNRANKED_POSITION} AND id > ?2${unrankedWhere.sql}
           ORDER BY id LIMIT ?3`,
        )
        .bind(
          letterId,
          after && after.position >= UNRANKED_POSITION ? after.id : -1,
          wanted - rows.length,
          ...unrankedWhere.params,
        )
        .all<Row>();
      rows.push(...results);
    }
    if (rows.length >= wanted) break;
  }
  const signatures = rows.slice(0, page.limit).map(toSignature);
  const last = signatures.at(-1);
  return {
    signatures,
    next: rows.length > page.limit && last ? { kind: last.kind, position: last.position, id: last.id } : null,
  };
}

/**
 * What sending a signature another email depends on: the emails counted in
 * its current allowance window, when that window began (ISO 8601; null when
 * none was sent), and the language it was signed in (its emails are in it).
 * Null when the letter has no such signature.
 */
export async function findEmailState(
  db: D1Database,
  signatureId: number,
): Promise<{ emailsSent: number; windowStart: string | null; language: string | null } | null> {
  const row = await db
    .prepare("SELECT emails_sent, emails_window_start, language FROM signatures WHERE id = ?1")
    .bind(signatureId)
    .first<{ emails_sent: number; emails_window_start: string | null; language: string | null }>();
  return row ? { emailsSent: row.emails_sent, windowStart: row.emails_window_start, language: row.language } : null;
}
