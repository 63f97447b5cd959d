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
  /** BCP 47 language tag of the letter's text, e.g. "en" (a translation's, once `inLanguage` has been applied). */
  language: string;
  /** Every language the letter can be read in: its original language first, then its translations'. */
  languages: string[];
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
  /** The signatory record: entries written, entries sealed (hashed), and the Merkle root of the sealed ones (hex). */
  record: { length: number; sealed: number; root: string | null };
  /** When the letter was first published here, and when its text or settings last changed (ISO 8601). */
  createdAt: string;
  updatedAt: string;
  /** When the letter was delivered (YYYY-MM-DD), and the organizers' public note about it; a delivered letter is closed. */
  deliveredOn: string | null;
  deliveryNote: string | null;
  /** When its text last changed after people had signed it (ISO 8601): shown publicly as "updated on". */
  textUpdatedAt: string | null;
  /**
   * The record seq of the letter's latest text entry, in any language (a
   * published version of its text or a translation: storage/text-versions.ts),
   * 0 when it has none. The sign form carries it (domain/text-versions.ts TEXT_SEEN_FIELD).
   */
  textSeq: number;
  /** Where the letter is written: a file in content/, or the organizer area (which the loader then leaves alone). */
  managedBy: "file" | "admin";
}

/**
 * Whether the letter was ever public: published now, or a draft that was
 * published before (its record has entries, and checkpoints may have been
 * signed of it). Such a letter keeps its address and is never deleted:
 * links to it are out there, and every checkpoint names it
 * ("{key name}/letters/{slug}", app/checkpoints.ts checkpointOrigin), so
 * another address, or another letter at this one, would publish checkpoints
 * of a record they are not of.
 */
export function wasPublished(letter: Pick<Letter, "status" | "record">): boolean {
  return letter.status !== "draft" || letter.record.length > 0;
}

/** The letter's stage as organizers manage it: a delivered letter is a closed one with a delivery date. */
export type LetterState = "draft" | "open" | "closed" | "delivered";

/** The stage of `letter` at `now` (an open letter past its closing time is closed). */
export function letterState(letter: Pick<Letter, "status" | "closesAt" | "deliveredOn">, now: Date): LetterState {
  if (letter.status === "draft") return "draft";
  if (letter.status === "closed" && letter.deliveredOn !== null) return "delivered";
  return publicStatus(letter, now);
}

/** What organizers can do to a letter's stage. */
export const STATE_CHANGES = ["publish", "close", "reopen", "deliver", "unpublish"] as const;
export type StateChange = (typeof STATE_CHANGES)[number];

/**
 * Whether `change` applies to a letter in `state`. A letter goes back to
 * draft only while nobody has signed it (its signatories would vanish from a
 * public page they were promised); a delivered letter's delivery may be
 * corrected (deliver again) but it is not reopened.
 */
export function canChangeState(change: StateChange, state: LetterState, signatures: number): boolean {
  switch (change) {
    case "publish":
      return state === "draft";
    case "close":
      return state === "open";
    case "reopen":
      return state === "closed";
    case "deliver":
      return state === "open" || state === "closed" || state === "delivered";
    case "unpublish":
      return (state === "open" || state === "closed") && signatures === 0;
  }
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

/** A letter's text in another language (letter_translations): signatures stay the letter's, pooled. */
export interface LetterTranslation {
  language: string;
  title: string;
  summary: string;
  addressee: string;
  bodyMarkdown: string;
  bodyHtml: string;
  createdAt: string;
  updatedAt: string;
}

/** The original language of a letter, whatever language it is being shown in. */
export function originalLanguage(letter: Pick<Letter, "languages" | "language">): string {
  return letter.languages[0] ?? letter.language;
}

/** The letter as its translation reads: the translation's text and language, the letter's counts and settings. */
export function inLanguage(letter: Letter, translation: LetterTranslation | null): Letter {
  if (!translation) return letter;
  return {
    ...letter,
    language: translation.language,
    title: translation.title,
    summary: translation.summary,
    addressee: translation.addressee,
    bodyHtml: translation.bodyHtml,
  };
}
