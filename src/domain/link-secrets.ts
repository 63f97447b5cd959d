/**
 * The secrets in a signer's private links (confirm, withdraw). Each is
 * derived from the signature itself — its public reference, keyed with
 * SECRET_KEY by HMAC-SHA-256 — rather than drawn at random and stored: every
 * email can then carry the signature's one link of each kind, so every link
 * ever given to a signer keeps working for the life of the signature, and
 * nothing a requester is shown can act on a signature made by someone else
 * (a repeated submission's answer carries a reference that matches no row).
 *
 * A link token is `{ref}.{mac}`: the 32-hex-digit reference and 128 bits of
 * HMAC (base64url, 22 characters). Links sent before this scheme carried a
 * random 43-character secret whose SHA-256 the row kept; they are "legacy"
 * tokens, still honoured, never issued again. Rotating SECRET_KEY ends every
 * derived link (the README says so). Pure but for the HMAC.
 */
import { constantTimeEqual, hmac, toBase64Url } from "./crypto";

/**
 * The kinds of private link a signer gets: confirm and withdraw their signature, and (when they asked
 * to be emailed on delivery: domain/delivery-notices.ts) unsubscribe from that email. Each purpose
 * keys its own HMAC, so no link of one kind ever works as another.
 */
export type LinkPurpose = "confirm" | "withdraw" | "unsubscribe";

/** A token read from a link: derived from a signature's reference, or a random secret sent before (legacy). */
export type LinkToken = { ref: string; mac: string } | { legacy: string };

const REF = /^[0-9a-f]{32}$/;

/** A random public reference for a signature: 128 bits, hex (what the record lists and links derive from). */
export function newSignatureRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
const DERIVED = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;
const LEGACY = /^[A-Za-z0-9_-]{43}$/;
/** How many bytes of the HMAC a link keeps: 128 bits, as much as the reference it protects. */
const MAC_BYTES = 16;

async function macOf(secret: string, purpose: LinkPurpose, letterId: number, ref: string): Promise<string> {
  const full = await hmac(secret, `${purpose}-link`, `${letterId}:${ref}`);
  return toBase64Url(full.subarray(0, MAC_BYTES));
}

/**
 * The token of `ref`'s link for `purpose` on the letter `letterId`.
 *
 * @param ref the signature's public reference (32 hex digits: newSignatureRef)
 * @throws Error when `ref` is not a reference
 */
export async function linkTokenFor(
  secret: string,
  purpose: LinkPurpose,
  letterId: number,
  ref: string,
): Promise<string> {
  if (!REF.test(ref)) throw new Error("Not a signature reference.");
  return `${ref}.${await macOf(secret, purpose, letterId, ref)}`;
}

/** Reads a token from a link, or null when it can't be one (malformed, any length beyond the two forms). */
export function parseLinkToken(token: unknown): LinkToken | null {
  if (typeof token !== "string") return null;
  const derived = DERIVED.exec(token);
  if (derived) return { ref: derived[1]!, mac: derived[2]! };
  return LEGACY.test(token) ? { legacy: token } : null;
}

/** Whether a derived token's MAC is the one for its reference (compares the whole MAC, never a prefix). */
export async function verifyLinkToken(
  secret: string,
  purpose: LinkPurpose,
  letterId: number,
  token: { ref: string; mac: string },
): Promise<boolean> {
  return constantTimeEqual(await macOf(secret, purpose, letterId, token.ref), token.mac);
}

/** How long a thank-you or confirmed page shows the withdrawal link itself; then it points to the emailed link. */
export const RECEIPT_LINK_HOURS = 24;
