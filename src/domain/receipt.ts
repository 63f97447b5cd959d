/**
 * Thank-you receipts: after signing, the signer is redirected to a page that
 * shows what they submitted. The submitted entry travels in the URL, signed
 * with HMAC-SHA-256 so nobody can make our site display words we did not
 * receive. A receipt is made from what was submitted, never from what was
 * stored, so a repeated email gets exactly the same kind of page as a new one.
 * It never carries the email.
 */
import type { SignatoryDetails, SignatureInput } from "./signature";

export interface Receipt extends SignatoryDetails {
  slug: string;
  isPublic: boolean;
  /** When it was signed, ISO 8601. */
  signedAt: string;
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(`receipt:${secret}`), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The receipt for a submitted signature, without its email. */
export function receiptFor(slug: string, input: SignatureInput, signedAt: Date): Receipt {
  return {
    slug,
    kind: input.kind,
    name: input.name,
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
  const payload = encoder.encode(JSON.stringify(receipt));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
}

/** The receipt sealed in `sealed` for the letter `slug`, or null if it is not one we made for it. */
export async function openReceipt(sealed: string, slug: string, secret: string): Promise<Receipt | null> {
  if (sealed.length > 4_096) return null;
  const [payloadText, signatureText, extra] = sealed.split(".");
  if (payloadText === undefined || signatureText === undefined || extra !== undefined) return null;
  const payload = fromBase64Url(payloadText);
  const signature = fromBase64Url(signatureText);
  if (!payload || !signature) return null;
  // crypto.subtle.verify compares in constant time.
  if (!(await crypto.subtle.verify("HMAC", await hmacKey(secret), signature, payload))) return null;
  try {
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as Receipt;
    return receipt.slug === slug ? receipt : null;
  } catch {
    return null;
  }
}
