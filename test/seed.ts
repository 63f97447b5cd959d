/**
 * Test data through the storage functions, not through HTTP: signatures
 * stored the way the signing code stores them (`insertSignatures`, one D1
 * batch for the lot), so that their counters, record entries and webhook
 * deliveries are what the app itself would have written. For tests about
 * what is done with signatures (lists, exports, moderation, the record, the
 * jobs); a test about signing itself posts the form.
 */
import { env } from "cloudflare:workers";
import { hmacHex, sha256Hex } from "../src/domain/crypto";
import { linkTokenFor, newSignatureRef } from "../src/domain/link-secrets";
import { mailboxHash, normalizeEmail } from "../src/domain/mailbox";
import {
  individualSignatureInput,
  type SignatureChannel,
  type SignatureKind,
  type SignatureStatus,
} from "../src/domain/signature";
import { changeSignatureStatus, insertSignatures, type NewSignature } from "../src/storage/signatures";

/** One signature to store; every field has a default (a public, confirmed individual with a unique email). */
export interface SignatureSeed {
  kind?: SignatureKind;
  name?: string;
  organization?: string | null;
  title?: string | null;
  city?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  email?: string;
  /** Listed by name (the form's "hide my name" unticked). Default true. */
  isPublic?: boolean;
  /**
   * Default "confirmed". A status a signature can't start in is reached the
   * way the app reaches it, through `changeSignatureStatus`: hidden and
   * withdrawn from confirmed, rejected from in_review. These changes follow
   * the whole batch, so their record entries come after every signature of it.
   */
  status?: SignatureStatus;
  /** Default "form". */
  channel?: SignatureChannel;
  source?: string | null;
  language?: string | null;
  /** The client's address (its keyed hash is stored): signatures with the same one come from one connection. */
  client?: string;
  /** When it was made (ISO 8601), instead of now: set after the insert, in a second batch. */
  createdAt?: string;
  /** An organization's website (an absolute http(s) URL), its contact person and their role (private). */
  website?: string | null;
  contactName?: string | null;
  contactRole?: string | null;
  /** The contact stated they may sign for the organization (authorized_at is then the insert's time). */
  authorized?: boolean;
  /**
   * An organization's verification, written after the insert as the app writes it: "email-domain"
   * with the domain proved (default: the website's host), or "organizers"; `at` defaults to now.
   */
  verification?: { by: "email-domain" | "organizers"; at?: string; domain?: string };
}

/** A stored signature, with the link secrets its signer would have received. */
export interface SeededSignature {
  id: number;
  ref: string;
  name: string;
  email: string;
  status: SignatureStatus;
  /** The secret of the withdrawal link (`/letters/{slug}/withdraw?token=…`). */
  withdrawToken: string;
  /** The secret of the confirmation link, for a signature stored unconfirmed. */
  confirmToken: string | null;
}

let seeded = 0;

const SEEDS_PER_BATCH = 250;

/** How a status is reached: the status stored first, and the change made after it, if any. */
function pathTo(status: SignatureStatus): { start: SignatureStatus; then: SignatureStatus | null } {
  switch (status) {
    case "hidden":
    case "withdrawn":
      return { start: "confirmed", then: status };
    case "rejected":
      return { start: "in_review", then: status };
    default:
      return { start: status, then: null };
  }
}

let signers = 0;

/**
 * A new signature as the signing code would hand it to insertSignature(s): a public individual
 * (`Signer N`, a unique email unless `overrides.email`), by the form, confirmed, no client, no
 * email sent. Its keyed hashes are plain SHA-256 of `email:` and `mailbox:` and the email as
 * given (not the app's: pass the app's in `overrides` when the app must find it). `overrides`
 * replace any field.
 */
export async function newSignature(overrides: Partial<NewSignature> = {}): Promise<NewSignature> {
  signers += 1;
  const email = overrides.email ?? `signer${signers}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  return {
    ...individualSignatureInput({ name: `Signer ${signers}`, email }),
    channel: "form",
    status: "confirmed",
    emailHash: await sha256Hex(`email:${email}`),
    mailboxHash: await sha256Hex(`mailbox:${email}`),
    clientHash: null,
    confirmExpiresAt: null,
    emailsSent: 0,
    ...overrides,
  };
}

/** The letter's id, by slug. */
export async function letterIdOf(slug: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM letters WHERE slug = ?1").bind(slug).first<{ id: number }>();
  if (!row) throw new Error(`No letter ${slug}`);
  return row.id;
}

/**
 * Stores `seeds` on the letter `slug` in the given order (so ids, and the
 * signing order, follow it), through insertSignatures: one batch, a
 * transaction, per SEEDS_PER_BATCH. Returns them as stored.
 * Emails and clients are hashed with the test SECRET_KEY, as the app hashes them.
 */
export async function seedSignatures(slug: string, seeds: readonly SignatureSeed[]): Promise<SeededSignature[]> {
  const letterId = await letterIdOf(slug);
  const secret = env.SECRET_KEY!;
  const prepared = await Promise.all(
    seeds.map(async (seed) => {
      const number = ++seeded;
      const kind = seed.kind ?? "individual";
      const email = normalizeEmail(seed.email ?? `seeded${number}-${crypto.randomUUID().slice(0, 8)}@example.org`);
      const status = seed.status ?? "confirmed";
      const { start, then } = pathTo(status);
      // The signer's links, derived from the reference as the app derives them (domain/link-secrets.ts).
      const ref = newSignatureRef();
      const withdrawToken = await linkTokenFor(secret, "withdraw", letterId, ref);
      const confirmToken = start === "unconfirmed" ? await linkTokenFor(secret, "confirm", letterId, ref) : null;
      const signature: NewSignature = {
        ref,
        kind,
        name: seed.name ?? `${kind === "organization" ? "Organization" : "Person"} ${number}`,
        organization: seed.organization ?? null,
        title: seed.title ?? null,
        city: seed.city ?? null,
        country: seed.country ?? null,
        website: seed.website ?? null,
        contactName: seed.contactName ?? null,
        contactRole: seed.contactRole ?? null,
        authorized: seed.authorized ?? false,
        email,
        isPublic: seed.isPublic ?? true,
        channel: seed.channel ?? "form",
        source: seed.source ?? null,
        status: start,
        emailHash: await hmacHex(secret, "email", email),
        mailboxHash: await mailboxHash(secret, email),
        clientHash: await hmacHex(secret, "client", `${letterId}:${seed.client ?? `seed-${number}`}`),
        confirmExpiresAt: confirmToken ? new Date(Date.now() + 7 * 86_400_000).toISOString() : null,
        emailsSent: confirmToken ? 1 : 0,
        language: seed.language ?? null,
      };
      return { signature, then, withdrawToken, confirmToken };
    }),
  );
  // One batch holds a few statements per signature: large seeds go in chunks, each still one transaction.
  const results: { created: boolean; ref: string }[] = [];
  for (let start = 0; start < prepared.length; start += SEEDS_PER_BATCH) {
    const chunk = prepared.slice(start, start + SEEDS_PER_BATCH);
    results.push(
      ...(await insertSignatures(
        env.DB,
        chunk.map(({ signature }) => ({ letterId, signature })),
      )),
    );
  }
  const { results: rows } = await env.DB.prepare(
    "SELECT id, token FROM signatures WHERE letter_id = ?1 AND token IN (SELECT value FROM json_each(?2))",
  )
    .bind(letterId, JSON.stringify(results.map((result) => result.ref)))
    .all<{ id: number; token: string }>();
  const ids = new Map(rows.map((row) => [row.token, row.id]));
  const stored: SeededSignature[] = [];
  for (const [index, result] of results.entries()) {
    const { signature, then, withdrawToken, confirmToken } = prepared[index]!;
    if (!result.created) throw new Error(`${signature.email} had already signed ${slug}`);
    const id = ids.get(result.ref)!;
    if (then) {
      const changed = await changeSignatureStatus(
        env.DB,
        { id, letterId, kind: signature.kind, status: signature.status },
        then,
        { forgetEmail: then === "withdrawn" },
      );
      if (!changed) throw new Error(`Could not move ${result.ref} to ${then}`);
    }
    stored.push({
      id,
      ref: result.ref,
      name: signature.name,
      email: signature.email,
      status: then ?? signature.status,
      withdrawToken,
      confirmToken,
    });
  }
  const dated = seeds.flatMap((seed, index) =>
    seed.createdAt
      ? [env.DB.prepare("UPDATE signatures SET created_at = ?2 WHERE id = ?1").bind(stored[index]!.id, seed.createdAt)]
      : [],
  );
  if (dated.length > 0) await env.DB.batch(dated);
  const verified = seeds.flatMap((seed, index) => {
    const verification = seed.verification;
    if (!verification) return [];
    const domain =
      verification.by === "email-domain"
        ? (verification.domain ?? new URL(seed.website!).hostname.replace(/^www\./, ""))
        : null;
    return [
      env.DB.prepare(
        "UPDATE signatures SET verification = ?2, verified_at = ?3, verified_domain = ?4 WHERE id = ?1",
      ).bind(stored[index]!.id, verification.by, verification.at ?? new Date().toISOString(), domain),
    ];
  });
  if (verified.length > 0) await env.DB.batch(verified);
  return stored;
}

/** `count` public, confirmed signatures of one kind, named `${prefix} 0000`, `${prefix} 0001`… in signing order. */
export function numbered(kind: SignatureKind, count: number, prefix: string): SignatureSeed[] {
  return Array.from({ length: count }, (_, index) => ({ kind, name: `${prefix} ${String(index).padStart(4, "0")}` }));
}
