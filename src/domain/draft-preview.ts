/**
 * The key in a draft's shareable preview link (/letters/{slug}/preview?key=…):
 * an HMAC under SECRET_KEY of the letter's id and its preview secret (32 random
 * hex digits the letter alone ever has: letters.preview_secret, migrations/0035),
 * so the link works without a login, for that letter only (never for a later
 * letter that takes a deleted draft's id), can't be guessed, and stops working
 * once an editor makes a new one (the secret is drawn anew). A letter stored
 * before preview secrets has none: its key is made from its id and preview
 * generation (letters.preview_generation, migrations/0032) as before, until
 * its first new link. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { constantTimeEqual, hmac, toBase64Url } from "./crypto";
import { field } from "./form-fields";

/** What a letter's preview key is made from (storage/letters.ts letterPreviewSeed). */
export interface PreviewSeed {
  /** letters.id */
  letterId: number;
  /** letters.preview_secret: 32 hex digits, or null for a letter stored before migrations/0035. */
  secret: string | null;
  /** letters.preview_generation (0 and up): counts the new links made; keys only a letter without a secret. */
  generation: number;
}

/**
 * The preview key of the letter `seed` describes: 32 base64url characters. With a preview secret,
 * an HMAC of the id and the secret; without one (a letter stored before secrets), of the id alone
 * at generation 0 and of the id and the generation after, as keys were made then, so that links
 * shared then still work until a new one is made.
 *
 * @param secret SECRET_KEY
 */
export async function draftPreviewKey(secret: string, seed: PreviewSeed): Promise<string> {
  const { letterId, generation } = seed;
  const mac =
    seed.secret !== null
      ? await hmac(secret, "draft-preview-secret", `${letterId}:${seed.secret}`)
      : await hmac(secret, "draft-preview", generation === 0 ? String(letterId) : `${letterId}:${generation}`);
  return toBase64Url(mac).slice(0, 32);
}

/** Whether `key` is the preview key of the letter `seed` describes (compared in constant time). */
export async function isDraftPreviewKey(secret: string, seed: PreviewSeed, key: string): Promise<boolean> {
  return constantTimeEqual(key, await draftPreviewKey(secret, seed));
}

/** The preview link's query: its key (checked against the letter's, which only the letter can say). */
export const draftPreviewQuerySchema = object({ key: field((text) => text) });
