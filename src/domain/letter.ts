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
  /**
   * The IANA time zone the closing time was chosen in and is shown in
   * ("America/Tegucigalpa"; DEFAULT_TIME_ZONE, "UTC", for letters that never chose one).
   */
  closesTimeZone: string;
  /**
   * When signing was closed by hand, by delivery or by the closing job (ISO
   * 8601); null while open, after reopening, and for letters closed before it was recorded.
   */
  closedAt: string | null;
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
  /** The delivery note in the letter's original language. */
  deliveryNote: string | null;
  /** The delivery note in each translation's language that has its own (language → note). */
  translatedDeliveryNotes: Readonly<Record<string, string>>;
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

/**
 * Why the letter's address can no longer change (see wasPublished), for the editor to say: "published",
 * it is public now or its text was (a draft's text enters the record when it is published); "signed",
 * a draft never published whose record has entries all the same (signatures entered by hand or
 * imported into it: their entries name the address); null while it may still change.
 */
export function addressLock(letter: Pick<Letter, "status" | "record" | "textSeq">): "published" | "signed" | null {
  if (letter.status !== "draft" || letter.textSeq > 0) return "published";
  return letter.record.length > 0 ? "signed" : null;
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

/**
 * The address a title suggests: its letters and digits, accents and
 * ligatures written in plain Latin letters, lower-case, words joined by
 * single hyphens, cut at a word to at most 100 characters (SLUG_MAX_LENGTH):
 * "Elecciones en Honduras" → "elecciones-en-honduras", "Ação já!" →
 * "acao-ja". "" when the title has nothing to make one of (a title in
 * another script). Self-contained (no names from outside it): the editor's
 * script runs this very function's source to fill the address as the title
 * is typed (views/admin/editor-script.ts).
 */
export function slugFromTitle(title: string): string {
  const max = 100;
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/[đð]/g, "d")
    .replace(/ł/g, "l")
    .replace(/þ/g, "th")
    .replace(/ı/g, "i")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= max) return words;
  const cut = words.slice(0, max + 1);
  const end = cut.lastIndexOf("-");
  return (end > 0 ? cut.slice(0, end) : words.slice(0, max)).replace(/-+$/, "");
}

/** Open or closed as the public sees it at `now`: an open letter past its closing time is closed. */
export function publicStatus(letter: Pick<Letter, "status" | "closesAt">, now: Date): "open" | "closed" {
  if (letter.status !== "open") return "closed";
  if (letter.closesAt !== null && Date.parse(letter.closesAt) <= now.getTime()) return "closed";
  return "open";
}

/**
 * When signing ended, as the public sees it at `now` (ISO 8601), or null
 * when it hasn't or nobody recorded when: the earlier of the moment it was
 * closed (by hand, by delivery, by the closing job) and its closing time if
 * that has passed. A letter closed before its deadline so ends on the day it
 * was closed, never on a deadline that hadn't come.
 */
export function signingEndedAt(letter: Pick<Letter, "status" | "closesAt" | "closedAt">, now: Date): string | null {
  if (publicStatus(letter, now) === "open") return null;
  const moments = [letter.status === "open" ? null : letter.closedAt, letter.closesAt]
    .filter((moment): moment is string => moment !== null && Date.parse(moment) <= now.getTime())
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return moments[0] ?? null;
}

/**
 * The delivery note to show beside the letter in the language it is shown
 * in: that language's own note, else the original's; with the note's
 * language, for its `lang` attribute. Null when there is none.
 */
export function deliveryNoteOf(
  letter: Pick<Letter, "language" | "languages" | "deliveryNote" | "translatedDeliveryNotes">,
): { text: string; language: string } | null {
  const own = letter.translatedDeliveryNotes[letter.language];
  if (own) return { text: own, language: letter.language };
  return letter.deliveryNote ? { text: letter.deliveryNote, language: originalLanguage(letter) } : null;
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
