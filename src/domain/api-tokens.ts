/**
 * Per-person API tokens (issue 15): what one looks like, what is kept of it,
 * and the form that names one. Pure: no I/O.
 *
 * A token is `us_` followed by 43 base64url characters (32 random bytes:
 * 256 bits), so that it is recognised at a glance (and by secret scanners)
 * and told apart from the admin token before any lookup. Only its SHA-256 is
 * stored: a fast hash suffices for 256 random bits, which no one can guess,
 * and it lets a bearer check be one indexed read.
 */
import { object } from "zod/mini";
import { randomToken, sha256Hex } from "./crypto";
import { field, refuse } from "./form-fields";
import { refuseAs } from "./organizer-words";
import { organizerTextIssue } from "./text";

/** What every token starts with. */
export const API_TOKEN_PREFIX = "us_";

/** `us_` + 43 base64url characters. */
const API_TOKEN_SHAPE = /^us_[A-Za-z0-9_-]{43}$/;

/** How many working tokens one person may have (revoked ones don't count). */
export const API_TOKENS_PER_PERSON = 20;

/** The longest label, in characters (migrations/0024). */
export const API_TOKEN_LABEL_MAX = 100;

/**
 * The start of the hour (ISO 8601 UTC, minutes and seconds zero) a token's use was noted in, from
 * api_tokens.last_used_at: that hour's start, or the token's creation time when it was used in the
 * hour it was made (storage/api-tokens.ts touchApiToken). Only the hour is true: a page says that.
 *
 * @param lastUsedAt an ISO 8601 UTC instant ("2030-07-01T10:45:20.000Z" → "2030-07-01T10:00:00.000Z")
 */
export function lastUseHour(lastUsedAt: string): string {
  return `${lastUsedAt.slice(0, 13)}:00:00.000Z`;
}

/** Whether `text` has the shape of an API token (it may still be unknown or revoked). */
export function isApiTokenShape(text: string): boolean {
  return API_TOKEN_SHAPE.test(text);
}

/** What is stored of a token: the hex SHA-256 of the whole token (64 characters). */
export function apiTokenHash(token: string): Promise<string> {
  return sha256Hex(token);
}

/** A new token: the token itself (shown once) and its hash (stored). */
export async function newApiToken(): Promise<{ token: string; hash: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  return { token, hash: await apiTokenHash(token) };
}

/** The label a person gives a token: trimmed, inner runs of white space made one space. */
export function apiTokenLabel(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * The form that makes a token (POST /admin/account/tokens): its label, 1 to
 * 100 characters (a refused one's message is "label": the page words it),
 * without control or format characters (domain/text.ts organizerTextIssue:
 * the issue "text" of the field "label", worded in the organizer's language).
 */
export const apiTokenFormSchema = object({
  label: field((text, ctx) => {
    const problem = organizerTextIssue(text);
    if (problem) return refuseAs(ctx, "text", "label", problem, API_TOKEN_LABEL_MAX);
    const label = apiTokenLabel(text);
    const length = [...label].length;
    return length < 1 || length > API_TOKEN_LABEL_MAX ? refuse(ctx, "label") : label;
  }),
});
