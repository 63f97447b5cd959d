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

/**
 * Checks published versions against the record's text entries: every text
 * entry has its version, with the same digest, and the version's text hashes
 * to that digest; and every published version has its entry.
 * @returns a sentence per thing that does not hold (empty when all do)
 */
export async function checkTextVersions(
  entries: readonly Pick<SealedRecordEntry, "seq" | "event" | "ref" | "digest">[],
  versions: readonly TextVersion[],
): Promise<string[]> {
  const problems: string[] = [];
  const byRef = new Map(versions.map((version) => [version.ref, version]));
  const recorded = new Set<string>();
  for (const entry of entries) {
    if (entry.event !== "text") continue;
    recorded.add(entry.ref);
    const version = byRef.get(entry.ref);
    if (!version) {
      problems.push(`Entry ${entry.seq} records the text version ${entry.ref}, which the letter no longer publishes.`);
    } else if (version.digest !== entry.digest || (await textVersionDigest(version)) !== entry.digest) {
      problems.push(
        `The text version ${entry.ref} is not the text entry ${entry.seq} recorded: it was changed after it was published.`,
      );
    }
  }
  for (const version of versions) {
    if (!recorded.has(version.ref)) {
      problems.push(`The text version ${version.ref} is published but not in the record.`);
    }
  }
  return problems;
}
