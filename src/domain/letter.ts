/**
 * Letters: their states, the counts kept beside them, and the rule that
 * decides whether a letter still takes signatures. Pure: no I/O.
 */

export const LETTER_STATUSES = ["draft", "open", "closed"] as const;
/** Stored state: drafts are never public; open letters take signatures until they close. */
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export interface SignatureCounts {
  total: number;
  organizations: number;
  individuals: number;
}

export interface Letter {
  id: number;
  slug: string;
  title: string;
  summary: string;
  /** The date the letter bears, YYYY-MM-DD. */
  date: string;
  /** The addressee block, one line per line. */
  addressee: string;
  /** BCP 47 language tag of the letter's text, e.g. "en". */
  language: string;
  status: LetterStatus;
  /** When signing closes (ISO 8601, UTC), if a closing time is set. */
  closesAt: string | null;
  bodyHtml: string;
  counts: SignatureCounts;
  /** Signatures waiting for their email confirmation or the organizers' review: counted nowhere public. */
  pendingCount: number;
  /** True or false when the letter says whether signatures need email confirmation; null for the default. */
  confirmSignatures: boolean | null;
  /** Organizations' signatures wait for the organizers' approval. */
  reviewOrganizations: boolean;
  /** The signatory record: entries written, entries sealed (hashed), and the last sealed hash. */
  record: { length: number; sealed: number; head: string | null };
  /** When the letter was first published here, and when its text or settings last changed (ISO 8601). */
  createdAt: string;
  updatedAt: string;
}

/** A slug is lower-case words joined by single hyphens, as it appears in /letters/{slug}. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** Open or closed as the public sees it at `now`: an open letter past its closing time is closed. */
export function publicStatus(letter: Pick<Letter, "status" | "closesAt">, now: Date): "open" | "closed" {
  if (letter.status !== "open") return "closed";
  if (letter.closesAt !== null && Date.parse(letter.closesAt) <= now.getTime()) return "closed";
  return "open";
}

export function isOpenForSigning(letter: Pick<Letter, "status" | "closesAt">, now: Date): boolean {
  return publicStatus(letter, now) === "open";
}

/**
 * When the letter's public status will change by itself (its closing time,
 * if it is open and that time is ahead), in ms since the epoch; or null.
 * Cached copies must not outlive it.
 */
export function statusChangesAt(letters: ReadonlyArray<Pick<Letter, "status" | "closesAt">>, now: Date): number | null {
  let earliest: number | null = null;
  for (const letter of letters) {
    if (letter.status !== "open" || letter.closesAt === null) continue;
    const closes = Date.parse(letter.closesAt);
    if (closes > now.getTime() && (earliest === null || closes < earliest)) earliest = closes;
  }
  return earliest;
}
