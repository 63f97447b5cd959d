/**
 * Passkeys (WebAuthn, https://www.w3.org/TR/webauthn-3/): what an organizer's
 * forms about them take, how long a ceremony's challenge lasts, and who the
 * relying party is for a request. Pure: no I/O.
 */
import { object } from "zod/mini";
import { fromBase64Url, hmac, verifyHmac } from "./crypto";
import { field, refuse } from "./form-fields";
import type { AdminMessages } from "./i18n";
import { safeNext } from "./organizer-session";
import { englishTextProblem, organizerTextIssue } from "./text";

/** How long a challenge the server gave may be answered, in seconds (and the browser's timeout, in ms, below). */
export const CHALLENGE_SECONDS = 5 * 60;

/** The browser's own timeout for the ceremony, in ms: the challenge's life (WebAuthn §5.4 `timeout`). */
export const CEREMONY_TIMEOUT_MS = CHALLENGE_SECONDS * 1000;

/** The key purpose of sign-in challenges' signatures (an HMAC under SECRET_KEY). */
const SIGN_IN_CHALLENGE = "passkey-sign-in-challenge";

/** A signed sign-in challenge's parts, in bytes: expiry, randomness, HMAC-SHA-256. */
const EXPIRY_BYTES = 8;
const RANDOM_BYTES = 16;
const MAC_BYTES = 32;

/**
 * A sign-in challenge that needs no storage: its expiry (`expiresAt`, ms
 * since the epoch, 8 bytes big-endian), 16 random bytes, and an HMAC-SHA-256
 * of both under `secret` (56 bytes in all; WebAuthn §13.4.3 asks for at
 * least 16 random bytes). Anyone may ask for one without the server writing
 * anything; the server knows its own by the HMAC, and records one only
 * once a valid answer uses it (single use: app/passkeys.ts).
 */
export async function signedChallenge(secret: string, expiresAt: number): Promise<Uint8Array<ArrayBuffer>> {
  const body = new Uint8Array(EXPIRY_BYTES + RANDOM_BYTES);
  new DataView(body.buffer).setBigUint64(0, BigInt(expiresAt));
  crypto.getRandomValues(body.subarray(EXPIRY_BYTES));
  const challenge = new Uint8Array(body.length + MAC_BYTES);
  challenge.set(body);
  challenge.set(await hmac(secret, SIGN_IN_CHALLENGE, body), body.length);
  return challenge;
}

/**
 * The expiry (ms since the epoch) of a challenge signedChallenge made under
 * `secret`, as the browser's clientDataJSON names it (base64url); null for
 * anything else: made up, altered, or of another length.
 */
export async function signedChallengeExpiry(secret: string, challenge: string): Promise<number | null> {
  const bytes = fromBase64Url(challenge);
  if (!bytes || bytes.length !== EXPIRY_BYTES + RANDOM_BYTES + MAC_BYTES) return null;
  const body = bytes.slice(0, EXPIRY_BYTES + RANDOM_BYTES);
  if (!(await verifyHmac(secret, SIGN_IN_CHALLENGE, body, bytes.slice(body.length)))) return null;
  return Number(new DataView(body.buffer).getBigUint64(0));
}

/** The longest label a person may give a passkey (migrations/0026 passkeys.name). */
export const PASSKEY_NAME_MAX = 100;

/**
 * The largest credential a browser sends back, as JSON text (bytes of
 * UTF-8): an attestation object with a certificate chain stays well below
 * 16 KB; a "none" attestation is a few hundred bytes.
 */
export const CREDENTIAL_JSON_MAX = 16 * 1024;

/**
 * Who the passkeys are for (WebAuthn §5.4.2 `rp`): the request's host name
 * as the RP ID, its origin as the only origin a browser's answer may name.
 * A passkey made on one host name works only there.
 */
export interface RelyingParty {
  /** The host name, without port ("undersigned.example", "localhost"). */
  id: string;
  /** "https://undersigned.example", "http://localhost:8787". */
  origin: string;
  /** The name a browser may show beside the passkey. */
  name: string;
}

/** The relying party of a request to `url` (the Worker's request URL), named `name`. */
export function relyingPartyOf(url: string, name: string): RelyingParty {
  const parsed = new URL(url);
  return { id: parsed.hostname, origin: parsed.origin, name };
}

/**
 * Whether browsers accept `rpId` for passkeys: a domain, never an IP
 * address (WebAuthn §5.1.3 needs the origin's effective domain to be a
 * valid domain; Chromium refuses 127.0.0.1 with a SecurityError).
 */
export function canHoldPasskeys(rpId: string): boolean {
  return !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(rpId) && !rpId.startsWith("[");
}

/**
 * The label of a passkey, trimmed: 1 to PASSKEY_NAME_MAX characters, without control or format
 * characters (domain/text.ts organizerTextIssue; the page words the refusal: nameRefusalWords).
 */
function passkeyName(text: string, ctx: Parameters<typeof refuse>[0]): string {
  const problem = organizerTextIssue(text);
  if (problem) return refuse(ctx, englishTextProblem("The name", problem, PASSKEY_NAME_MAX));
  const name = text.trim().replace(/\s+/g, " ");
  if (name === "") return refuse(ctx, "Give the passkey a name, such as “Work laptop” or “Phone”.");
  if ([...name].length > PASSKEY_NAME_MAX) {
    return refuse(ctx, `The name can be at most ${PASSKEY_NAME_MAX} characters.`);
  }
  return name;
}

/** The browser's answer to a ceremony, as JSON text: parsed by the use case, bounded here. */
function credentialJson(text: string, ctx: Parameters<typeof refuse>[0]): string {
  if (text === "") return refuse(ctx, "Your browser sent no passkey. Try again, or use another way to sign in.");
  if (new TextEncoder().encode(text).length > CREDENTIAL_JSON_MAX) {
    return refuse(ctx, "Your browser sent a passkey answer too large to be one.");
  }
  return text;
}

/** Adding a passkey (POST /admin/account/passkeys): its label and the browser's answer (RegistrationResponseJSON). */
export const addPasskeySchema = object({ name: field(passkeyName), credential: field(credentialJson) });

/** Renaming a passkey (POST /admin/account/passkeys/{id}/rename). */
export const renamePasskeySchema = object({ name: field(passkeyName) });

/** Signing in with a passkey (POST /admin/login/passkey): the browser's answer (AuthenticationResponseJSON) and where to go. */
export const passkeySignInSchema = object({ credential: field(credentialJson), next: field(safeNext) });

/** The fields of the add form, as the page shows them again. */
export const ADD_PASSKEY_FIELDS = ["name"] as const;

/** Whether a page at `url` can use passkeys, and if not, the same page at an address that can (or null). */
export interface PasskeysHere {
  available: boolean;
  /** The page at localhost when it was asked for at 127.0.0.1 or [::1]; else null. */
  instead: string | null;
}

/** Whether a page at `url` can use passkeys (see canHoldPasskeys), with the local address to use instead. */
export function passkeysHere(url: string): PasskeysHere {
  const parsed = new URL(url);
  if (canHoldPasskeys(parsed.hostname)) return { available: true, instead: null };
  if (parsed.hostname !== "127.0.0.1" && parsed.hostname !== "[::1]") return { available: false, instead: null };
  parsed.hostname = "localhost";
  return { available: false, instead: parsed.toString() };
}

/** Why a browser's answer was not taken: logged (sign-in) or shown (adding one). */
export type PasskeyRefusal =
  | "unreadable"
  | "challenge"
  | "unknown-passkey"
  | "account-disabled"
  /** A passkey of the admin token's account, added before such passkeys were refused. */
  | "admin-token-account"
  | "not-verified"
  | "already-added"
  | "counter";

/**
 * What a person is told about a refused answer, in `words` (the catalog's
 * passkeys section): adding one says what went wrong; signing in says only
 * that the passkey did not work (or that the request was stale), never
 * whether the passkey or the person exists.
 */
export function refusalWords(
  words: AdminMessages["passkeys"],
  reason: PasskeyRefusal,
  ceremony: "registration" | "authentication",
): string {
  if (reason === "challenge") return words.stale;
  if (ceremony === "authentication") return words.signInRefused;
  if (reason === "unreadable") return words.unreadable;
  if (reason === "already-added") return words.alreadyAdded;
  return words.notVerified;
}

/** The words in `t` for a refused name field: characters it can't hold, none given, or too long (see passkeyName). */
export function nameRefusalWords(t: AdminMessages, sent: string | undefined): string {
  const problem = organizerTextIssue(sent ?? "");
  if (problem) return t.issues.text("name", problem, PASSKEY_NAME_MAX);
  return (sent ?? "").trim() === "" ? t.passkeys.nameMissing : t.passkeys.nameTooLong(PASSKEY_NAME_MAX);
}
