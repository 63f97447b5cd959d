/**
 * A software authenticator for the tests: a P-256 key made with Web Crypto,
 * answering the server's options as a browser would hand its authenticator's
 * answers back (RegistrationResponseJSON with a "none" attestation,
 * AuthenticationResponseJSON with an ES256 signature), built byte by byte
 * after WebAuthn Level 3 §6.1 (authenticator data), §6.5 (attestation
 * object), §5.8.1 (client data) and §6.3.3 (the assertion's signature over
 * authenticatorData ‖ SHA-256(clientDataJSON)). Each ceremony can be bent
 * (another origin, RP ID, counter, no user verification) to test refusals.
 */
import { isoCBOR } from "@simplewebauthn/server/helpers";

const encoder = new TextEncoder();

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(text));
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

/** An ECDSA signature as Web Crypto gives it (r ‖ s, 64 bytes) in the ASN.1 DER WebAuthn wants (§6.5.5). */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array) => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start++;
    let bytes = half.slice(start);
    if (bytes[0]! & 0x80) bytes = concat(new Uint8Array([0]), bytes);
    return concat(new Uint8Array([0x02, bytes.length]), bytes);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

export interface Bend {
  /** The origin the "browser" puts in clientDataJSON (default: the one the authenticator was made for). */
  origin?: string;
  /** The RP ID whose hash the authenticator data starts with (default: the options' rp.id, or the origin's host). */
  rpId?: string;
  /** The signature counter to report (default: one more than the last). */
  counter?: number;
  /** Whether the person was verified (default: yes). */
  userVerified?: boolean;
  /** The challenge to sign instead of the options' own. */
  challenge?: string;
  /** The user handle to send instead of the registered one (null: none). */
  userHandle?: string | null;
  /** clientDataJSON's type (default: webauthn.create / webauthn.get). */
  type?: string;
}

export class SoftAuthenticator {
  private counter = 0;
  private userHandle: string | null = null;
  private constructor(
    readonly origin: string,
    readonly credentialId: Uint8Array,
    private readonly keys: CryptoKeyPair,
  ) {}

  /** A new authenticator with one key, for pages at `origin`. */
  static async create(origin: string): Promise<SoftAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    return new SoftAuthenticator(origin, crypto.getRandomValues(new Uint8Array(32)), keys);
  }

  get id(): string {
    return base64url(this.credentialId);
  }

  private async coseKey(): Promise<Uint8Array<ArrayBuffer>> {
    const jwk = (await crypto.subtle.exportKey("jwk", this.keys.publicKey)) as JsonWebKey;
    const bytes = (text: string) =>
      Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
    // RFC 9053 §7.1.1: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    const key = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, bytes(jwk.x!)],
        [-3, bytes(jwk.y!)],
      ]),
    );
    return new Uint8Array(key);
  }

  private async authenticatorData(rpId: string, flags: number, counter: number, attested?: Uint8Array) {
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, counter);
    return concat(await sha256(utf8(rpId)), new Uint8Array([flags]), count, attested ?? new Uint8Array());
  }

  private clientData(type: string, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
    return utf8(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The answer to navigator.credentials.create with `options` (PublicKeyCredentialCreationOptionsJSON). */
  async register(
    options: { challenge: string; rp: { id?: string }; user: { id: string } },
    bend: Bend = {},
  ): Promise<Record<string, unknown>> {
    this.userHandle = options.user.id;
    const rpId = bend.rpId ?? options.rp.id ?? new URL(this.origin).hostname;
    const idLength = new Uint8Array(2);
    new DataView(idLength.buffer).setUint16(0, this.credentialId.length);
    const attested = concat(new Uint8Array(16), idLength, this.credentialId, await this.coseKey());
    const flags = FLAG_USER_PRESENT | (bend.userVerified === false ? 0 : FLAG_USER_VERIFIED) | FLAG_ATTESTED_DATA;
    const authData = await this.authenticatorData(rpId, flags, bend.counter ?? 0, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: base64url(
          this.clientData(
            bend.type ?? "webauthn.create",
            bend.challenge ?? options.challenge,
            bend.origin ?? this.origin,
          ),
        ),
        attestationObject: base64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** The answer to navigator.credentials.get with `options` (PublicKeyCredentialRequestOptionsJSON). */
  async assert(options: { challenge: string; rpId?: string }, bend: Bend = {}): Promise<Record<string, unknown>> {
    const rpId = bend.rpId ?? options.rpId ?? new URL(this.origin).hostname;
    const counter = bend.counter ?? this.counter + 1;
    this.counter = Math.max(this.counter, counter);
    const flags = FLAG_USER_PRESENT | (bend.userVerified === false ? 0 : FLAG_USER_VERIFIED);
    const authData = await this.authenticatorData(rpId, flags, counter);
    const clientData = this.clientData(
      bend.type ?? "webauthn.get",
      bend.challenge ?? options.challenge,
      bend.origin ?? this.origin,
    );
    const signed = concat(authData, await sha256(clientData));
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, signed),
    );
    const userHandle = bend.userHandle === undefined ? this.userHandle : bend.userHandle;
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: base64url(clientData),
        authenticatorData: base64url(authData),
        signature: base64url(derSignature(raw)),
        ...(userHandle ? { userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
