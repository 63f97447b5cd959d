/**
 * Verifying a letter's record from the outside, through its public JSON only:
 * what `npm run verify -- URL` does, with the fetching handed in so that the
 * same code runs in Node and in the tests.
 */
import type { SignatureCounts } from "./letter";
import { verifyRecord, type SealedRecordEntry, type VerificationResult } from "./record";

export type FetchJson = (url: string) => Promise<unknown>;

interface LetterJson {
  slug: string;
  counts: SignatureCounts;
  record: { length: number; root: string | null; complete: boolean; url: string };
}

interface RecordPageJson {
  entries: SealedRecordEntry[];
  next_url: string | null;
}

export interface LetterVerification extends VerificationResult {
  slug: string;
  /** False when the letter was caught between a change and its sealing: nothing to conclude, try again. */
  complete: boolean;
}

/** The letter's JSON address from its page's address (or the JSON address itself). */
export function letterJsonUrl(address: string): string {
  const url = new URL(address);
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  if (!/^\/letters\/[a-z0-9-]+(?:\.json)?$/.test(url.pathname)) {
    throw new Error(`${address} is not a letter's address (…/letters/{slug}).`);
  }
  if (!url.pathname.endsWith(".json")) url.pathname += ".json";
  return url.toString();
}

/** Downloads the letter's JSON and every page of its record, and verifies them. */
export async function verifyLetterRecord(
  address: string,
  fetchJson: FetchJson,
  maxPages = 100_000,
): Promise<LetterVerification> {
  const letter = (await fetchJson(letterJsonUrl(address))) as LetterJson;
  if (!letter?.record || !letter.counts)
    throw new Error("The letter's JSON has no record: is this an Undersigned letter?");
  const entries: SealedRecordEntry[] = [];
  let next: string | null = letter.record.url;
  for (let pages = 0; next && pages < maxPages && entries.length < letter.record.length; pages++) {
    const page = (await fetchJson(next)) as RecordPageJson;
    entries.push(...page.entries.filter((entry) => entry.seq <= letter.record.length));
    next = page.next_url;
  }
  const result = await verifyRecord(entries, {
    length: letter.record.length,
    root: letter.record.root,
    counts: letter.counts,
  });
  return { ...result, slug: letter.slug, complete: letter.record.complete };
}
