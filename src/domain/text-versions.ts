/**
 * Published versions of a letter's text, as the record commits to them: each
 * version of the original text and of each translation that was public
 * enters the record as a `text` entry whose ref names the version
 * ("{language}@{number}", numbered from 1 per language) and whose digest is
 * the SHA-256 of the version's text. /letters/{slug}/versions.json publishes
 * the versions themselves, so anyone can check that the text shown as signed
 * is the text recorded. Pure: no I/O.
 */
import { sha256Hex } from "./crypto";
import type { SealedRecordEntry } from "./record";

/** One published version of a letter's text in one language, as versions.json publishes it. */
export interface TextVersion {
  /** "{language}@{number}": the ref of its record entry. */
  ref: string;
  language: string;
  /** 1, 2, … per language, in the order they were published. */
  number: number;
  title: string;
  summary: string;
  addressee: string;
  /** The letter's body as its organizers wrote it (Markdown). */
  body_markdown: string;
  /** When this version became public (ISO 8601). */
  published_at: string;
  /** textVersionDigest of this version (hex). */
  digest: string;
  /** The seq of its record entry (versions.json gives it; a version read from elsewhere may not). */
  seq?: number;
}

/** The ref of a version: "{language}@{number}". */
export function textVersionRef(language: string, number: number): string {
  return `${language}@${number}`;
}

/** SHA-256 (hex) of JSON [language, title, summary, addressee, body_markdown]: what a text entry's digest is. */
export function textVersionDigest(
  version: Pick<TextVersion, "language" | "title" | "summary" | "addressee" | "body_markdown">,
): Promise<string> {
  return sha256Hex(
    JSON.stringify([version.language, version.title, version.summary, version.addressee, version.body_markdown]),
  );
}

/** The language and number a text entry's ref names, or null when it names none. */
export function parseTextVersionRef(ref: string): { language: string; number: number } | null {
  const match = /^([A-Za-z0-9-]{2,35})@([1-9][0-9]{0,8})$/.exec(ref);
  return match ? { language: match[1]!, number: Number(match[2]) } : null;
}

/**
 * Checks published versions (versions.json, oldest first) against the
 * record's text entries (every entry of the record, in order; entries of
 * other events are skipped):
 * - every text entry names a version ("{language}@{number}"), numbered from
 *   1 per language with none left out, and each version is recorded once;
 * - every text entry has its version, published once, whose text hashes to
 *   the entry's digest and whose date is the entry's time (and whose seq,
 *   when given, is the entry's);
 * - every published version has its entry.
 * Read versions.json after the record, so that every entry's version is in
 * it; a version published in between is then reported as newer than the
 * record (by its seq), which a second run settles.
 * @returns a sentence per thing that does not hold, naming the version by
 *   its ref (empty when all hold)
 */
export async function checkTextVersions(
  entries: readonly Pick<SealedRecordEntry, "seq" | "event" | "ref" | "at" | "digest">[],
  versions: readonly TextVersion[],
): Promise<string[]> {
  const problems: string[] = [];
  const byRef = new Map<string, TextVersion>();
  for (const version of versions) {
    if (byRef.has(version.ref)) problems.push(`The text version ${version.ref} is published more than once.`);
    else byRef.set(version.ref, version);
    if (version.ref !== textVersionRef(version.language, version.number)) {
      problems.push(
        `The text version ${version.ref} says it is version ${version.number} in ${version.language}: its ref names another.`,
      );
    }
  }
  const recorded = new Map<string, number>();
  const lastNumber = new Map<string, number>();
  for (const entry of entries) {
    if (entry.event !== "text") continue;
    const named = parseTextVersionRef(entry.ref);
    if (!named) {
      problems.push(`Entry ${entry.seq} is a text entry whose ref ${JSON.stringify(entry.ref)} names no version.`);
      continue;
    }
    const earlier = recorded.get(entry.ref);
    if (earlier !== undefined) {
      problems.push(`Entry ${entry.seq} records the text version ${entry.ref} again (entry ${earlier} did).`);
      continue;
    }
    recorded.set(entry.ref, entry.seq);
    const expected = (lastNumber.get(named.language) ?? 0) + 1;
    if (named.number !== expected) {
      problems.push(
        `Entry ${entry.seq} records the text version ${entry.ref}, but the record's last version in ${named.language} was ${expected - 1}: a version is missing or out of order.`,
      );
    }
    lastNumber.set(named.language, Math.max(named.number, lastNumber.get(named.language) ?? 0));
    const version = byRef.get(entry.ref);
    if (!version) {
      problems.push(`Entry ${entry.seq} records the text version ${entry.ref}, which the letter no longer publishes.`);
    } else if (version.digest !== entry.digest || (await textVersionDigest(version)) !== entry.digest) {
      problems.push(
        `The text version ${entry.ref} is not the text entry ${entry.seq} recorded: it was changed after it was published.`,
      );
    } else if (version.published_at !== entry.at) {
      problems.push(
        `The text version ${entry.ref} says it was published at ${version.published_at}; entry ${entry.seq} recorded it at ${entry.at}.`,
      );
    } else if (version.seq !== undefined && version.seq !== entry.seq) {
      problems.push(
        `The text version ${entry.ref} says it is entry ${version.seq}; the record has it as entry ${entry.seq}.`,
      );
    }
  }
  const lastSeq = entries.at(-1)?.seq ?? 0;
  for (const version of byRef.values()) {
    if (recorded.has(version.ref)) continue;
    problems.push(
      version.seq !== undefined && version.seq > lastSeq
        ? `The text version ${version.ref} is published as entry ${version.seq}, past the record's last entry (${lastSeq}): it is newer than the record read, or its entry is missing. Verify again.`
        : `The text version ${version.ref} is published but not in the record.`,
    );
  }
  return problems;
}

/**
 * The sign form's hidden field that says which text the signer read: the
 * record seq of the letter's latest text entry (any language) when the page
 * was drawn, 0 when it had none. A signature whose form names an older seq
 * than the letter's latest text entry is not stored (app/signing.ts): the
 * record would otherwise show it signed after a text its signer never saw.
 */
export const TEXT_SEEN_FIELD = "text_seq";

/**
 * The text seq a sign form carries (see TEXT_SEEN_FIELD), or null when it
 * carries none worth trusting: absent (a page cached before the field
 * existed, the JSON API, a tool), or not a whole number of at most 15 digits
 * (tampered). Null means "not known", and is signed as before.
 */
export function textSeenOf(raw: unknown): number | null {
  const text = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (typeof text !== "string" || !/^[0-9]{1,15}$/.test(text)) return null;
  return Number(text);
}
