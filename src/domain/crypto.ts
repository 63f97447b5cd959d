/**
 * The small set of cryptographic helpers Undersigned needs, on Web Crypto
 * (the same in Workers and Node): keyed hashes, digests, random tokens and
 * their encodings. Keys are derived per purpose from SECRET_KEY, so a value
 * hashed for one purpose can't be matched against another.
 */

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** The HMAC-SHA-256 key for `purpose` ("receipt", "email", "client"…), derived from the secret. */
function hmacKey(secret: string, purpose: string): Promise<CryptoKey> {
  const id = `${purpose}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(id), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(id, key);
  }
  return key;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Decodes base64url, or null. Only the canonical spelling of some bytes is
 * accepted: atob ignores the unused low bits of the last character, so "…A"
 * and "…B" can decode to the same bytes, and a signed value (a session
 * cookie, a receipt) must not have several spellings that all verify.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
  return toBase64Url(bytes) === text ? bytes : null;
}

/**
 * HMAC-SHA-256 of `value` (a text is taken as its UTF-8 bytes) under the key for `purpose`, as raw
 * bytes. Web Crypto takes bytes backed by an ArrayBuffer, never a SharedArrayBuffer: Node's DOM
 * types say so (workerd's don't), hence `Uint8Array<ArrayBuffer>`.
 */
export async function hmac(
  secret: string,
  purpose: string,
  value: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const data = typeof value === "string" ? encoder.encode(value) : value;
  return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret, purpose), data));
}

/** The same, as hex: what the database stores for keyed hashes of emails and clients. */
export async function hmacHex(secret: string, purpose: string, value: string): Promise<string> {
  return toHex(await hmac(secret, purpose, value));
}

/** Checks an HMAC of `value` (a text is taken as its UTF-8 bytes) in constant time: crypto.subtle.verify compares. */
export async function verifyHmac(
  secret: string,
  purpose: string,
  value: string | Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const data = typeof value === "string" ? encoder.encode(value) : value;
  return crypto.subtle.verify("HMAC", await hmacKey(secret, purpose), signature, data);
}

/** SHA-256 of a text, as hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text))));
}

/** A random secret for a link (confirmation, withdrawal): 256 bits, base64url. */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Compares two texts in time that does not depend on where they differ. */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  // Comparing fixed-length digests keeps the time independent of the inputs' lengths as well.
  const [left, right] = await Promise.all([sha256Hex(a), sha256Hex(b)]);
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
