/**
 * Signed checkpoints of a letter's record, in the formats transparency logs
 * use, so that tools other than ours can read, keep and check them:
 *
 * - A checkpoint (C2SP tlog-checkpoint, https://c2sp.org/tlog-checkpoint) is
 *   the text "{origin}\n{tree size}\n{base64 root hash}\n" followed by
 *   extension lines; ours has one, "time {ISO 8601}", when it was signed.
 * - It is signed as a note (C2SP signed-note, https://c2sp.org/signed-note):
 *   the text, a blank line, and one line per signature,
 *   "— {key name} {base64(4-byte key ID || 64-byte Ed25519 signature)}".
 * - Keys are written as Go's golang.org/x/mod/sumdb/note writes them: the
 *   verifier key "{name}+{key ID, 8 hex digits}+{base64(0x01 || public key)}"
 *   and the signer key "PRIVATE+KEY+{name}+{key ID}+{base64(0x01 || seed)}",
 *   where the key ID is the first 4 bytes of SHA-256(name || "\n" || 0x01 ||
 *   public key).
 *
 * Signing uses Web Crypto's Ed25519 (RFC 8032), native in workerd and Node;
 * checking takes the Ed25519 implementation as a parameter, so the verifier
 * checks with another one (@noble/ed25519) than the server signed with.
 */
import type { Hash } from "./merkle";

const encoder = new TextEncoder();

/** The signature algorithm byte of an Ed25519 note key (signed-note §"Signature types"). */
const ED25519 = 0x01;
const SEED_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/** Checks an Ed25519 signature: (signature 64 bytes, message, public key 32 bytes) → valid? */
export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => Promise<boolean>;

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Standard base64 (RFC 4648 §4) to bytes, or null; only the canonical spelling is taken. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
    return base64(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}

export { base64 as toBase64 };

/** `text` split at its first `count` − 1 "+" signs (base64 key data has "+" of its own), as Go's note.NewVerifier does. */
function chop(text: string, count: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < count - 1) {
    const at = rest.indexOf("+");
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

/** A key name: no whitespace and no "+" (signed-note §"Signatures"). */
function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

async function keyId(name: string, publicKey: Uint8Array): Promise<number> {
  const data = new Uint8Array([...encoder.encode(`${name}\n`), ED25519, ...publicKey]);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return new DataView(digest.buffer).getUint32(0);
}

function keyIdHex(id: number): string {
  return id.toString(16).padStart(8, "0");
}

/** A verifier key: who signs, and the Ed25519 public key to check with. */
export interface VerifierKey {
  name: string;
  id: number;
  publicKey: Uint8Array<ArrayBuffer>;
  /** As written: "{name}+{id}+{base64(0x01 || public key)}". */
  text: string;
}

/**
 * Parses a verifier key ("{name}+{8 hex}+{base64}").
 * @throws Error naming what is wrong, when it is not an Ed25519 note verifier key whose ID matches
 */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const parts = chop(text.trim(), 3);
  const [name, idHex, data] = parts;
  const bytes = data === undefined ? null : fromBase64(data);
  if (parts.length !== 3 || !name || !isKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex ?? "")) {
    throw new Error(`"${text.trim()}" is not a verifier key (name+id+key).`);
  }
  if (!bytes || bytes.length !== 33 || bytes[0] !== ED25519) {
    throw new Error(`The verifier key ${name} is not an Ed25519 key.`);
  }
  const publicKey = bytes.slice(1);
  const id = await keyId(name, publicKey);
  if (keyIdHex(id) !== idHex) throw new Error(`The verifier key ${name}'s ID does not match its key.`);
  return { name, id, publicKey, text: text.trim() };
}

/** A key that signs checkpoints: its name, its verifier key, and a signer on Web Crypto. */
export interface NoteSigner {
  name: string;
  verifierKey: VerifierKey;
  /** The Ed25519 signature (64 bytes) of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/**
 * Reads a signer key ("PRIVATE+KEY+{name}+{id}+{base64(0x01 || 32-byte seed)}").
 * @throws Error when it is not one, or its ID does not match its key (a key copied wrong)
 */
export async function parseSignerKey(text: string): Promise<NoteSigner> {
  const parts = chop(text.trim(), 5);
  const [private_, key, name, idHex, data] = parts;
  const bytes = data === undefined ? null : fromBase64(data);
  if (parts.length !== 5 || private_ !== "PRIVATE" || key !== "KEY" || !name || !isKeyName(name)) {
    throw new Error("RECORD_SIGNING_KEY is not a signer key (PRIVATE+KEY+name+id+key).");
  }
  if (!bytes || bytes.length !== 33 || bytes[0] !== ED25519) {
    throw new Error("RECORD_SIGNING_KEY is not an Ed25519 signer key.");
  }
  const pkcs8 = new Uint8Array([...SEED_PKCS8_PREFIX, ...bytes.slice(1)]);
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
  const jwk = (await crypto.subtle.exportKey("jwk", privateKey)) as JsonWebKey;
  const publicKey = Uint8Array.from(atob(jwk.x!.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
  const id = await keyId(name, publicKey);
  if (keyIdHex(id) !== idHex) throw new Error("RECORD_SIGNING_KEY's ID does not match its key: was it copied whole?");
  return {
    name,
    verifierKey: {
      name,
      id,
      publicKey,
      text: `${name}+${keyIdHex(id)}+${base64(Uint8Array.of(ED25519, ...publicKey))}`,
    },
    sign: async (message) =>
      new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, privateKey, new Uint8Array(message))),
  };
}

/** A new signer key named `name` (for `npm start`'s local one, and tests), as text. */
export async function generateSignerKey(name: string): Promise<string> {
  if (!isKeyName(name)) throw new Error(`"${name}" can't name a key: no spaces or "+".`);
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const publicKey = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const seed = pkcs8.slice(-32);
  return `PRIVATE+KEY+${name}+${keyIdHex(await keyId(name, publicKey))}+${base64(Uint8Array.of(ED25519, ...seed))}`;
}

/** What a checkpoint says: the log (letter) it is of, the tree's size and root, and when it was signed. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
  /** ISO 8601, from the "time" extension line; null when there is none. */
  time: string | null;
}

/** The checkpoint's text (the note's body), ending in a newline. */
export function checkpointText({ origin, size, root, time }: Checkpoint): string {
  return `${origin}\n${size}\n${base64(root)}\n${time ? `time ${time}\n` : ""}`;
}

/** Signs `text` (ending in a newline) as a note: the text, a blank line, the signature line. */
export async function signNote(text: string, signer: NoteSigner): Promise<string> {
  if (!text.endsWith("\n") || text.endsWith("\n\n")) throw new Error("A note's text ends in exactly one newline.");
  const signature = await signer.sign(encoder.encode(text));
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, signer.verifierKey.id);
  return `${text}\n— ${signer.name} ${base64(new Uint8Array([...id, ...signature]))}\n`;
}

/** Where a note's text and its signatures part. */
function splitNote(note: string): { text: string; signatures: string[] } | null {
  const at = note.lastIndexOf("\n\n");
  if (at < 0 || !note.endsWith("\n")) return null;
  const text = note.slice(0, at + 1);
  const signatures = note.slice(at + 2, -1).split("\n");
  return { text, signatures };
}

/**
 * Checks `note` against `key` and reads it as a checkpoint.
 * @returns the checkpoint, or a sentence saying what does not hold
 */
export async function openCheckpoint(
  note: string,
  key: VerifierKey,
  verify: Ed25519Verify,
): Promise<{ checkpoint: Checkpoint } | { problem: string }> {
  const parts = splitNote(note);
  if (!parts) return { problem: "The checkpoint is not a signed note (text, a blank line, signature lines)." };
  let signed = false;
  for (const line of parts.signatures) {
    const match = /^— (\S+) (\S+)$/u.exec(line);
    if (!match) return { problem: `The checkpoint has a malformed signature line: "${line}".` };
    const bytes = fromBase64(match[2]!);
    if (match[1] !== key.name || !bytes || bytes.length !== 68) continue;
    if (new DataView(bytes.buffer).getUint32(0) !== key.id) continue;
    if (!(await verify(bytes.slice(4), encoder.encode(parts.text), key.publicKey))) {
      return {
        problem: `The checkpoint's signature by ${key.name} does not verify: the checkpoint was altered or forged.`,
      };
    }
    signed = true;
  }
  if (!signed) return { problem: `The checkpoint carries no signature by the key ${key.text}.` };
  const lines = parts.text.slice(0, -1).split("\n");
  const [origin, sizeText, rootText, ...extensions] = lines;
  const root = rootText === undefined ? null : fromBase64(rootText);
  if (!origin || !/^(0|[1-9]\d{0,15})$/.test(sizeText ?? "") || !root || root.length !== 32) {
    return { problem: "The checkpoint's text is not origin, tree size and root hash." };
  }
  const time = extensions.map((line) => /^time (\S+)$/.exec(line)?.[1]).find(Boolean) ?? null;
  return { checkpoint: { origin, size: Number(sizeText), root, time } };
}

/** The note's text as bytes: what the signature covers (for checking with another implementation). */
export function signedMessage(note: string): Uint8Array | null {
  const parts = splitNote(note);
  return parts ? encoder.encode(parts.text) : null;
}

/** Web Crypto's Ed25519 check, for the server and the tests. */
export const webCryptoVerify: Ed25519Verify = async (signature, message, publicKey) => {
  const key = await crypto.subtle.importKey("raw", new Uint8Array(publicKey), { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, new Uint8Array(signature), new Uint8Array(message));
};
