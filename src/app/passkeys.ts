/**
 * Passkeys (WebAuthn Level 3, https://www.w3.org/TR/webauthn-3/): an
 * organizer adds them to their account and then signs in with one instead
 * of a magic link or the admin token. The ceremonies' checks (origin, RP ID,
 * signature, counter, user presence and verification) are
 * @simplewebauthn/server's, which runs on Web Crypto alone; what is ours:
 * - a challenge lasts CHALLENGE_SECONDS and is used once: adding a passkey,
 *   it is stored and taken by the first answer that names it, right or
 *   wrong; signing in, where anyone may ask, it is signed instead of stored
 *   (asking writes nothing to D1) and recorded as used by the first valid
 *   answer, so no answer is replayed;
 * - sign-in is with discoverable credentials (no email asked), by a person
 *   who is not disabled, counted with the other sign-ins of the client
 *   (LOGIN_ATTEMPTS_PER_MINUTE), and a refusal is logged
 *   `{event: "sign_in_refused", via: "passkey", reason}`, never with the
 *   credential;
 * - adding and removing one, and signing in with one, are in the activity
 *   log (app/activity.ts), named by the passkey's label, never its key;
 * - a passkey's user handle is an HMAC of the person's id, so it names
 *   nobody to anyone without the deployment's secret.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type VerifiedRegistrationResponse,
} from "@simplewebauthn/server";
import { fromBase64Url, hmac, toBase64Url } from "../domain/crypto";
import {
  CEREMONY_TIMEOUT_MS,
  CHALLENGE_SECONDS,
  signedChallenge,
  signedChallengeExpiry,
  type PasskeyRefusal,
  type RelyingParty,
} from "../domain/passkeys";
import { BOOTSTRAP_ORGANIZER_ID, type Actor } from "../domain/organizer-roles";
import { checkRecentHits } from "../integrations/rate-limit";
import { organizerById } from "../storage/organizers";
import {
  deletePasskey,
  insertPasskey,
  passkeyCredential,
  passkeyIdsOf,
  passkeysOf,
  recordPasskeyUse,
  renamePasskey,
  type StoredPasskey,
} from "../storage/passkeys";
import {
  insertChallenge,
  isChallengeUsed,
  recordUsedChallenge,
  takeChallenge,
  type ChallengePurpose,
} from "../storage/webauthn-challenges";
import { recordActivity } from "./activity";
import type { AppDeps } from "./deps";
import { failuresKey, LOGIN_ATTEMPTS_PER_MINUTE } from "./organizer-login";
import { organizerProblem, type Problem } from "./problem";
import { activityDetail } from "../domain/activity-details";

// @simplewebauthn/server is imported when the Worker starts, not on the first ceremony: loading
// it with its ASN.1 and X.509 libraries took 42 to 54 ms of CPU (README, Performance), which
// startup's 1 s limit holds easily and a request's 10 ms on the Free plan would not (a first
// passkey sign-in of an isolate would be stopped).

/**
 * A browser's answer the server did not take; `reason` says why (the route
 * words it in the page's language: domain/passkeys.ts refusalWords), the
 * message says it in English.
 */
export class PasskeyRefused extends Error {
  override name = "PasskeyRefused";
  constructor(
    readonly reason: PasskeyRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The admin token's account holds no passkey, as it holds no API token
 * (app/api-tokens.ts): one would keep signing in after ADMIN_TOKEN changes,
 * and changing it is how an owner takes the organizer area back from someone
 * who learnt it. Owners who want passkeys invite themselves by email.
 *
 * @throws Problem 403 for the bootstrap owner
 */
function refuseBootstrap(actor: Actor): void {
  if (actor.id !== BOOTSTRAP_ORGANIZER_ID) return;
  throw organizerProblem(403, "passkeysNotForAdminToken");
}

/** The user handle of organizer `organizerId`'s passkeys: 16 bytes of an HMAC of the id (WebAuthn §14.6.1: no personal data). */
async function userHandle(deps: AppDeps, organizerId: number): Promise<Uint8Array<ArrayBuffer>> {
  return (await hmac(deps.secretKey(), "passkey-user", String(organizerId))).slice(0, 16);
}

/**
 * A new challenge, stored: 32 random bytes, as the options carry them (the
 * library base64url-encodes bytes, but would take a text as its UTF-8
 * bytes) and as the browser's clientDataJSON names them (base64url).
 */
async function newChallenge(
  deps: AppDeps,
  purpose: ChallengePurpose,
  organizerId: number | null,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const challenge = toBase64Url(bytes);
  const now = deps.now();
  await insertChallenge(
    deps.db,
    { challenge, purpose, organizerId, expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000) },
    now,
  );
  return bytes;
}

/**
 * The options for adding a passkey to `actor`'s account (for
 * navigator.credentials.create, as PublicKeyCredentialCreationOptionsJSON):
 * a discoverable credential with user verification, no attestation, none of
 * the person's passkeys again. Stores the challenge.
 *
 * @throws Problem 403 for the admin token's account, or when the account is gone or disabled
 */
export async function passkeyRegistrationOptions(
  deps: AppDeps,
  rp: RelyingParty,
  actor: Actor,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  refuseBootstrap(actor);
  const account = await organizerById(deps.db, actor.id);
  if (!account || account.disabledAt !== null) {
    throw organizerProblem(403, "accountDisabled");
  }
  const challenge = await newChallenge(deps, "registration", actor.id);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // What the browser's passkey picker shows: the person's email, else their name (the admin token's owner has none).
    userName: account.email ?? account.name,
    userDisplayName: account.name,
    userID: await userHandle(deps, actor.id),
    challenge,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: (await passkeyIdsOf(deps.db, actor.id)).map((key) => ({
      id: key.credentialId,
      transports: key.transports,
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/** The challenge the browser's answer signed (from its clientDataJSON), or null when it can't be read. */
function challengeOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  const encoded = response.response?.clientDataJSON;
  if (typeof encoded !== "string") return null;
  const bytes = fromBase64Url(encoded);
  if (!bytes) return null;
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const challenge = (data as { challenge?: unknown }).challenge;
    return typeof challenge === "string" && challenge.length <= 200 ? challenge : null;
  } catch {
    return null;
  }
}

function parsed<T extends { id: string; response: object }>(text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const candidate = value as Partial<T> | null;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    typeof candidate.id !== "string" ||
    typeof candidate.response !== "object" ||
    candidate.response === null
  ) {
    throw new PasskeyRefused("unreadable", "Your browser's answer could not be read. Try again.");
  }
  return candidate as T;
}

const STALE =
  "The request to your passkey had expired or was used already. Try again: each try asks your passkey afresh.";

/**
 * Adds the passkey of the browser's answer (`credentialText`:
 * RegistrationResponseJSON as text) to `actor`'s account under `name`,
 * once its challenge (given to this account by passkeyRegistrationOptions,
 * less than CHALLENGE_SECONDS ago, unused) and its origin, RP ID, user
 * presence and verification check out.
 *
 * @returns the stored passkey
 * @throws Problem 403 for the admin token's account
 * @throws PasskeyRefused with the reason and the words to show
 */
export async function addPasskey(
  deps: AppDeps,
  rp: RelyingParty,
  actor: Actor,
  name: string,
  credentialText: string,
): Promise<StoredPasskey> {
  refuseBootstrap(actor);
  const response = parsed<RegistrationResponseJSON>(credentialText);
  const challenge = challengeOf(response);
  if (!challenge || !(await takeChallenge(deps.db, challenge, "registration", actor.id, deps.now()))) {
    throw new PasskeyRefused("challenge", STALE);
  }
  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    verification = { verified: false };
  }
  if (!verification.verified) {
    throw new PasskeyRefused(
      "not-verified",
      "Your passkey's answer did not check out for this site, so it was not added. Try again, or try another passkey.",
    );
  }
  const { credential } = verification.registrationInfo;
  const stored = {
    credentialId: credential.id,
    organizerId: actor.id,
    publicKey: toBase64Url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name,
    createdAt: deps.now(),
  };
  if (!(await insertPasskey(deps.db, stored))) {
    throw new PasskeyRefused("already-added", "This passkey is added already.");
  }
  await recordActivity(deps, { action: "passkey-added", detail: activityDetail("passkeyName", name), actor });
  return {
    credentialId: stored.credentialId,
    organizerId: actor.id,
    name,
    createdAt: stored.createdAt.toISOString(),
    lastUsedAt: null,
  };
}

/** The passkeys of `actor`'s account, oldest first. */
export function listPasskeys(deps: AppDeps, actor: Actor): Promise<StoredPasskey[]> {
  return passkeysOf(deps.db, actor.id);
}

/**
 * Renames one of `actor`'s passkeys.
 *
 * @returns false when `actor` has no passkey with that id (the route answers 404)
 */
export function renameOwnPasskey(deps: AppDeps, actor: Actor, credentialId: string, name: string): Promise<boolean> {
  return renamePasskey(deps.db, actor.id, credentialId, name);
}

/**
 * Removes one of `actor`'s passkeys: it no longer signs anyone in.
 *
 * @returns its name; null when `actor` has no passkey with that id (the route answers 404)
 */
export async function removeOwnPasskey(deps: AppDeps, actor: Actor, credentialId: string): Promise<string | null> {
  const name = await deletePasskey(deps.db, actor.id, credentialId);
  if (name !== null)
    await recordActivity(deps, { action: "passkey-removed", detail: activityDetail("passkeyName", name), actor });
  return name;
}

/**
 * The client's key for the rate limits: a keyed hash of its address (its /64 for IPv6), never the
 * address; the one the admin token's wrong tries count in (app/organizer-login.ts failuresKey).
 */
function clientKey(deps: AppDeps, address: string): Promise<string> {
  return failuresKey(deps, address);
}

function tooMany(retryAfterSeconds: number): Problem {
  return organizerProblem(429, "tooManyLogins", [], { "Retry-After": String(retryAfterSeconds) });
}

/**
 * The options for signing in with a passkey (for navigator.credentials.get,
 * as PublicKeyCredentialRequestOptionsJSON): any of this site's discoverable
 * passkeys, user verification required. The challenge is signed, not
 * stored (domain/passkeys.ts signedChallenge): anyone may ask, and asking
 * costs no D1 read or write, so it needs no limit of its own.
 */
export async function passkeySignInOptions(
  deps: AppDeps,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const expiresAt = deps.now().getTime() + CHALLENGE_SECONDS * 1000;
  return generateAuthenticationOptions({
    rpID: rp.id,
    challenge: await signedChallenge(deps.secretKey(), expiresAt),
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: "required",
    // No allowCredentials: the browser offers the site's discoverable passkeys, so nobody types an email.
  });
}

function refusedSignIn(reason: PasskeyRefusal): PasskeyRefused {
  // The reason only: never the credential, its id, the challenge or the client's address.
  console.log(JSON.stringify({ event: "sign_in_refused", via: "passkey", reason }));
  return new PasskeyRefused(
    reason,
    reason === "challenge"
      ? STALE
      : "That passkey could not sign you in here. Try again, or use another way to sign in.",
  );
}

/**
 * Checks the browser's answer (`credentialText`: AuthenticationResponseJSON
 * as text) to a sign-in ceremony: counted with the client's other sign-in
 * attempts first; then its challenge (signed by this server, live, not used
 * before: see passkeySignInOptions; recorded as used once all else checks
 * out), the
 * passkey it names and its person (not disabled, not the admin token's
 * account: see refuseBootstrap), the user handle, the
 * origin, RP ID, user verification, the signature, and the counter, which
 * must grow when the authenticator keeps one (WebAuthn §6.1.1: else it may
 * be cloned). The new counter and the time are stored. The sign-in is not
 * logged here: the route logs it (app/organizer-accounts.ts recordSignIn)
 * once its session started, having checked first that one can
 * (http/authentication.ts requireSessionCookie).
 *
 * @param address the client's IP address (only its keyed hash is kept)
 * @returns the person signing in, as the actor of what they do
 * @throws Problem 429 with Retry-After after LOGIN_ATTEMPTS_PER_MINUTE sign-in attempts within a minute
 * @throws PasskeyRefused (logged as sign_in_refused with its reason)
 */
export async function signInWithPasskey(
  deps: AppDeps,
  rp: RelyingParty,
  address: string,
  credentialText: string,
): Promise<Actor> {
  const client = await clientKey(deps, address);
  const verdict = await checkRecentHits(deps.db, client, LOGIN_ATTEMPTS_PER_MINUTE, deps.now().getTime());
  if (!verdict.allowed) {
    console.log(JSON.stringify({ event: "sign_in_refused", via: "passkey", reason: "rate-limited" }));
    throw tooMany(verdict.retryAfterSeconds);
  }
  let response: AuthenticationResponseJSON;
  try {
    response = parsed<AuthenticationResponseJSON>(credentialText);
  } catch {
    throw refusedSignIn("unreadable");
  }
  const challenge = challengeOf(response);
  const expiresAt = challenge ? await signedChallengeExpiry(deps.secretKey(), challenge) : null;
  if (!challenge || expiresAt === null || expiresAt <= deps.now().getTime()) throw refusedSignIn("challenge");
  const [used, passkey] = await Promise.all([
    isChallengeUsed(deps.db, challenge),
    passkeyCredential(deps.db, response.id),
  ]);
  if (used) throw refusedSignIn("challenge");
  if (!passkey) throw refusedSignIn("unknown-passkey");
  if (passkey.disabledAt !== null) throw refusedSignIn("account-disabled");
  // One added before the admin token's account was refused passkeys: it would outlive a change of the token.
  if (passkey.organizerId === BOOTSTRAP_ORGANIZER_ID) throw refusedSignIn("admin-token-account");
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== toBase64Url(await userHandle(deps, passkey.organizerId))) {
    throw refusedSignIn("not-verified");
  }
  const publicKey = fromBase64Url(passkey.publicKey);
  if (!publicKey) throw refusedSignIn("not-verified");
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey,
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
    if (!verification.verified) throw refusedSignIn("not-verified");
    newCounter = verification.authenticationInfo.newCounter;
  } catch (error) {
    if (error instanceof PasskeyRefused) throw error;
    // The library throws for a counter that did not grow as for any other failed check; its words tell them apart.
    throw refusedSignIn(error instanceof Error && /counter/i.test(error.message) ? "counter" : "not-verified");
  }
  // Only now, with a valid answer, is the challenge recorded: used once, whoever sends it again.
  if (!(await recordUsedChallenge(deps.db, challenge, new Date(expiresAt), deps.now()))) {
    throw refusedSignIn("challenge");
  }
  if (!(await recordPasskeyUse(deps.db, passkey.credentialId, passkey.counter, newCounter, deps.now()))) {
    throw refusedSignIn("counter");
  }
  return { id: passkey.organizerId, name: passkey.organizerName, role: passkey.role };
}
