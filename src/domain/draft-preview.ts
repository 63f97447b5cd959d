/**
 * The key in a draft's shareable preview link (/letters/{slug}/preview?key=…):
 * an HMAC of the letter's id under SECRET_KEY, so the link works without a
 * login, for that letter only, and can't be guessed. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { constantTimeEqual, hmac, toBase64Url } from "./crypto";
import { field } from "./form-fields";

export async function draftPreviewKey(secret: string, letterId: number): Promise<string> {
  return toBase64Url(await hmac(secret, "draft-preview", String(letterId))).slice(0, 32);
}

export async function isDraftPreviewKey(secret: string, letterId: number, key: string): Promise<boolean> {
  return constantTimeEqual(key, await draftPreviewKey(secret, letterId));
}

/** The preview link's query: its key (checked against the letter's, which only the letter can say). */
export const draftPreviewQuerySchema = object({ key: field((text) => text) });
