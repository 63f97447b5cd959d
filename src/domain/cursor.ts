/**
 * The cursor of the public signatory list: the sort key of the last
 * signatory on a page, opaque to clients (base64url of a small JSON array).
 * Pure: no I/O.
 */
import type { SignatureKind } from "./signature";

export interface SignatoryCursor {
  kind: SignatureKind;
  position: number;
  id: number;
}

const KIND_CODES: Record<SignatureKind, number> = { organization: 0, individual: 1 };
const KINDS_BY_CODE: readonly SignatureKind[] = ["organization", "individual"];
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(cursor: SignatoryCursor): string {
  const json = JSON.stringify([KIND_CODES[cursor.kind], cursor.position, cursor.id]);
  return btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The cursor in `value`, or null when it is not one we could have made. */
export function decodeCursor(value: string): SignatoryCursor | null {
  if (!CURSOR_PATTERN.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(value.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [kindCode, position, id] = parsed as unknown[];
  const kind = typeof kindCode === "number" ? KINDS_BY_CODE[kindCode] : undefined;
  if (kind === undefined || !isNonNegativeSafeInteger(position) || !isNonNegativeSafeInteger(id)) return null;
  return { kind, position, id };
}

function isNonNegativeSafeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** The cursor of the API's letters list: the last letter's date and id, opaque to clients. */
export interface LetterListCursor {
  date: string;
  id: number;
}

export function encodeLetterCursor(cursor: LetterListCursor): string {
  return btoa(JSON.stringify([cursor.date, cursor.id]))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The letters cursor in `value`, or null when it is not one we could have made. */
export function decodeLetterCursor(value: string): LetterListCursor | null {
  if (!CURSOR_PATTERN.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(atob(value.replaceAll("-", "+").replaceAll("_", "/")));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [date, id] = parsed as unknown[];
    if (typeof date !== "string" || !/^\d{4}-\d\d-\d\d$/.test(date) || !Number.isSafeInteger(id) || (id as number) < 1)
      return null;
    return { date, id: id as number };
  } catch {
    return null;
  }
}
