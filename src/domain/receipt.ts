/**
 * Thank-you receipts: after signing, the signer is redirected to a page that
 * shows what they submitted. The submitted entry travels in the URL encrypted
 * (AES-256-GCM, under a key derived from SECRET_KEY): nobody can make our site
 * display words we did not receive, and the address bar a signer shares (or a
 * log, or a browser's history sync) holds no name, organization or city that
 * anyone can read without the key (a signer who chose not to be listed stays so). A receipt is made from what was submitted, never from what was
 * stored, so a repeated email gets exactly the same kind of page as a new one.
 * It never carries the email, nor a link secret: when its page shows the
 * withdrawal link, it derives it from the reference, and only for
 * RECEIPT_LINK_HOURS (a receipt's URL lives on in browser history and
 * screenshots).
 */
import { fromBase64Url, hmac, toBase64Url } from "./crypto";
import { RECEIPT_LINK_HOURS } from "./link-secrets";
import type { SignatoryDetails } from "./signature";

const RECEIPT_PURPOSE = "receipt";
/** The key's own HMAC purpose (apart from the HMAC that signed receipts before they were encrypted). */
const RECEIPT_KEY_PURPOSE = "receipt-encryption";

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

/** The AES-GCM key receipts are sealed with: derived from SECRET_KEY (HMAC under its own purpose). */
async function receiptKey(secret: string): Promise<CryptoKey> {
  const raw = await hmac(secret, RECEIPT_KEY_PURPOSE, "AES-256-GCM");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** The GCM parameters: a 96-bit nonce (NIST SP 800-38D's recommended size), the purpose as associated data. */
function gcm(iv: Uint8Array<ArrayBuffer>) {
  return { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(RECEIPT_PURPOSE) };
}

/** `nonce.ciphertext`, both base64url: the receipt's JSON encrypted and authenticated (AES-256-GCM, a random nonce). */
export async function sealReceipt(receipt: Receipt, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const json = new TextEncoder().encode(JSON.stringify(receipt));
  const sealed = new Uint8Array(await crypto.subtle.encrypt(gcm(iv), await receiptKey(secret), json));
  return `${toBase64Url(iv)}.${toBase64Url(sealed)}`;
}

/** The receipt sealed in `sealed` for the letter `slug`, or null if it is not one we made for it (or was changed). */
export async function openReceipt(sealed: string, slug: string, secret: string): Promise<Receipt | null> {
  if (sealed.length > 4_096) return null;
  const [ivText, sealedText, extra] = sealed.split(".");
  if (ivText === undefined || sealedText === undefined || extra !== undefined) return null;
  const iv = fromBase64Url(ivText);
  const ciphertext = fromBase64Url(sealedText);
  if (!iv || iv.length !== 12 || !ciphertext) return null;
  try {
    const json = await crypto.subtle.decrypt(gcm(iv), await receiptKey(secret), ciphertext);
    const receipt = JSON.parse(new TextDecoder().decode(json)) as Receipt;
    return receipt.slug === slug ? receipt : null;
  } catch {
    // A changed ciphertext fails GCM's tag check (OperationError).
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
