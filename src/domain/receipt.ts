/**
 * Thank-you receipts: after signing, the signer is redirected to a page that
 * shows what they submitted. The submitted entry travels in the URL, signed
 * with HMAC-SHA-256 so nobody can make our site display words we did not
 * receive. A receipt is made from what was submitted, never from what was
 * stored, so a repeated email gets exactly the same kind of page as a new one.
 * It never carries the email, nor a link secret: when its page shows the
 * withdrawal link, it derives it from the reference, and only for
 * RECEIPT_LINK_HOURS (a receipt's URL lives on in browser history and
 * screenshots).
 */
import { fromBase64Url, hmac, toBase64Url, verifyHmac } from "./crypto";
import { RECEIPT_LINK_HOURS } from "./link-secrets";
import type { SignatoryDetails } from "./signature";

const RECEIPT_PURPOSE = "receipt";

/**
 * What happens next, from the letter's policy and what was submitted (never
 * from what was stored): counted now, waiting for the email link, or waiting
 * for the organizers.
 */
export type ReceiptOutcome = "counted" | "confirm-email" | "review";

export interface Receipt extends SignatoryDetails {
  slug: string;
  isPublic: boolean;
  outcome: ReceiptOutcome;
  /**
   * The reference the signature was stored under (or, for a repeated email, a fresh one that acts on
   * nothing), when the page may show its withdrawal link: absent when the link went by email instead.
   */
  ref?: string;
  /** When it was signed, ISO 8601. */
  signedAt: string;
  /** Set when the signature went through the signature queue (SIGNATURE_WRITES=queue): stored and counted within seconds. */
  queued?: boolean;
  /**
   * Set on a confirmed organization's receipt when its contact's address proved a domain another
   * organization of the letter had verified already: it waits for the organizers ("review"), who decide.
   */
  domainTaken?: boolean;
  /** Set on a confirmed organization's receipt when its contact's address verified this domain (its registrable domain). */
  verifiedDomain?: string;
  /** Set when the signer ticked "Email me when this letter is delivered" (SignatureInput.notifyDelivery). */
  notifyDelivery?: true;
}

/** The receipt for a submitted signature, without its email. */
export function receiptFor(
  slug: string,
  input: SignatoryDetails & { isPublic: boolean; notifyDelivery?: boolean },
  outcome: ReceiptOutcome,
  ref: string | null,
  signedAt: Date,
  {
    queued = false,
    domainTaken = false,
    verifiedDomain = null,
  }: {
    queued?: boolean;
    domainTaken?: boolean;
    verifiedDomain?: string | null;
  } = {},
): Receipt {
  return {
    ...(queued ? { queued: true } : {}),
    ...(domainTaken ? { domainTaken: true } : {}),
    ...(verifiedDomain ? { verifiedDomain } : {}),
    ...(input.notifyDelivery === true ? { notifyDelivery: true as const } : {}),
    slug,
    outcome,
    ...(ref ? { ref } : {}),
    kind: input.kind,
    name: input.name,
    website: input.website,
    organization: input.organization,
    title: input.title,
    city: input.city,
    country: input.country,
    isPublic: input.isPublic,
    signedAt: signedAt.toISOString(),
  };
}

/** `payload.signature`, both base64url. */
export async function sealReceipt(receipt: Receipt, secret: string): Promise<string> {
  const json = JSON.stringify(receipt);
  return `${toBase64Url(new TextEncoder().encode(json))}.${toBase64Url(await hmac(secret, RECEIPT_PURPOSE, json))}`;
}

/** The receipt sealed in `sealed` for the letter `slug`, or null if it is not one we made for it. */
export async function openReceipt(sealed: string, slug: string, secret: string): Promise<Receipt | null> {
  if (sealed.length > 4_096) return null;
  const [payloadText, signatureText, extra] = sealed.split(".");
  if (payloadText === undefined || signatureText === undefined || extra !== undefined) return null;
  const payload = fromBase64Url(payloadText);
  const signature = fromBase64Url(signatureText);
  if (!payload || !signature) return null;
  if (!(await verifyHmac(secret, RECEIPT_PURPOSE, payload, signature))) return null;
  try {
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as Receipt;
    return receipt.slug === slug ? receipt : null;
  } catch {
    return null;
  }
}

/**
 * The reference whose withdrawal link the receipt's page may show at `now`:
 * within RECEIPT_LINK_HOURS of `signedAt`, else null (the page then points to
 * the emailed link).
 */
export function receiptLinkRef(receipt: Receipt, now: Date): string | null {
  if (!receipt.ref) return null;
  const age = now.getTime() - Date.parse(receipt.signedAt);
  return age >= 0 && age < RECEIPT_LINK_HOURS * 3_600_000 ? receipt.ref : null;
}
