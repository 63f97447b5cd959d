/**
 * The key in a draft's shareable preview link (/letters/{slug}/preview?key=…):
 * an HMAC of the letter's id and its preview generation under SECRET_KEY, so
 * the link works without a login, for that letter only, can't be guessed, and
 * stops working once an editor makes a new one (the generation goes up:
 * letters.preview_generation, migrations/0032). Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { constantTimeEqual, hmac, toBase64Url } from "./crypto";
import { field } from "./form-fields";

/**
 * The preview key of letter `letterId` at `generation` (0 and up): 32 base64url characters.
 * Generation 0 is keyed by the id alone, as every key was before generations existed, so that
 * links shared then still work until a new one is made.
 */
export async function draftPreviewKey(secret: string, letterId: number, generation: number): Promise<string> {
  const message = generation === 0 ? String(letterId) : `${letterId}:${generation}`;
  return toBase64Url(await hmac(secret, "draft-preview", message)).slice(0, 32);
}

/** Whether `key` is letter `letterId`'s preview key at `generation` (compared in constant time). */
export async function isDraftPreviewKey(
  secret: string,
  letterId: number,
  generation: number,
  key: string,
): Promise<boolean> {
  return constantTimeEqual(key, await draftPreviewKey(secret, letterId, generation));
}

/** The preview link's query: its key (checked against the letter's, which only the letter can say). */
export const draftPreviewQuerySchema = object({ key: field((text) => text) });
