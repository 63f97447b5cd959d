/**
 * The public JSON documents of a published letter, as partners, the API
 * and the verifier read them: the letter with its first signatories, a page
 * of signatories, a page of the record, the published versions of its text,
 * and the counts. Each is built from
 * one consistent read: the record is sealed up to its last entry first, so
 * a document's counts and its record's head describe the same moment.
 * The caller has found the letter (and chosen its language); links are made
 * absolute on `origin`.
 */
import { encodeCursor, type LetterListCursor, type SignatoryCursor } from "../domain/cursor";
import { languageName } from "../domain/i18n";
import { originalLanguage, publicStatus, type Letter } from "../domain/letter";
import {
  checkpointJson,
  letterJson,
  recordEntryJson,
  recordSummaryJson,
  signatoryJson,
  type RecordSigning,
} from "../domain/letter-json";
import { hashHex } from "../domain/merkle";
import { paths, withLang } from "../domain/paths";
import type { SignatureKind } from "../domain/signature";
import { textVersionRef, type TextVersion } from "../domain/text-versions";
import { lastLetterActivityAt } from "../storage/activity";
import { findLetterById, findPublishedLetter } from "../storage/letters";
import { listRecordEntries, recordConsistencyProof, recordRootAt, sealRecord } from "../storage/record";
import { listCheckpoints, type StoredCheckpoint } from "../storage/record-checkpoints";
import { hasSignatureAt, listPublicSignatories, type SignatoryPage } from "../storage/signatures";
import { listTextVersions, type StoredTextVersion } from "../storage/text-versions";
import { currentCheckpoint, recordVerifierKey } from "./checkpoints";
import type { AppDeps } from "./deps";
import { Problem } from "./problem";

/** Record entries on one page of record.json. */
export const RECORD_PAGE_SIZE = 1_000;

/** Checkpoints on one page of /letters/{slug}/checkpoints. */
export const CHECKPOINTS_PAGE_SIZE = 100;

/** Checkpoints in the letter's feed: the newest ones. */
export const FEED_CHECKPOINTS = 20;

/** The parts of a letter that a translation replaces. */
function textOf(letter: Letter): Pick<Letter, "language" | "title" | "summary" | "addressee" | "bodyHtml"> {
  return {
    language: letter.language,
    title: letter.title,
    summary: letter.summary,
    addressee: letter.addressee,
    bodyHtml: letter.bodyHtml,
  };
}

/**
 * The letter with its record sealed up to its last entry (entries are
 * sealed after the change that writes them; see storage/record.ts), in the
 * language it was given in.
 */
export async function withSealedRecord(deps: AppDeps, letter: Letter): Promise<Letter> {
  if (letter.record.sealed >= letter.record.length) return letter;
  await sealRecord(deps.db, letter.id);
  const sealed = await findPublishedLetter(deps.db, letter.slug);
  return sealed ? { ...sealed, ...textOf(letter) } : letter;
}

/**
 * How `letter`'s record (as read after sealing) is signed, for its
 * documents: its current checkpoint (signed first when due: see
 * app/checkpoints.ts), and the addresses of its checkpoints and of the key.
 */
export async function recordSigning(deps: AppDeps, letter: Letter, origin: string): Promise<RecordSigning> {
  const checkpoint = await currentCheckpoint(deps, letter);
  return {
    checkpoint: checkpoint
      ? { checkpoint, url: `${origin}${paths.checkpoints(letter.slug, checkpoint.size + 1)}` }
      : null,
    checkpointsUrl: `${origin}${paths.checkpoints(letter.slug)}`,
    keyUrl: `${origin}${paths.recordKey()}`,
  };
}

/**
 * Whether `cursor`, after which a page of the letter's signatories came out
 * empty, points past the list: at no signature the letter has (a made-up or
 * mangled cursor), rather than at its last one (those after it withdrawn or
 * hidden since: an empty page, truthfully).
 */
export async function isPastSignatories(deps: AppDeps, letter: Letter, cursor: SignatoryCursor): Promise<boolean> {
  return !(await hasSignatureAt(deps.db, letter.id, cursor));
}

/**
 * Whether `cursor`, after which a page of the letters list came out empty,
 * points past it: at no published letter of that date (a made-up cursor),
 * rather than at the last one.
 */
export async function isPastLetters(deps: AppDeps, cursor: LetterListCursor): Promise<boolean> {
  const letter = await findLetterById(deps.db, cursor.id);
  return !letter || letter.status === "draft" || letter.date !== cursor.date;
}

/** A page of the letter's public signatories: the first one, or the one after `cursor`. */
export function signatoryPage(
  deps: AppDeps,
  letter: Letter,
  cursor: SignatoryCursor | null,
  filter: { kind?: SignatureKind; country?: string } = {},
): Promise<SignatoryPage> {
  return listPublicSignatories(deps.db, letter.id, cursor, deps.settings.signatoriesPerPage, filter);
}

/** The languages of a letter's JSON: each with its name in itself, and its page's and JSON's addresses. */
export function languagesJson(origin: string, letter: Letter, jsonPath: (language: string | null) => string) {
  return letter.languages.map((language) => {
    const asked = language === originalLanguage(letter) ? null : language;
    return {
      code: language,
      name: languageName(language),
      url: `${origin}${withLang(paths.letter(letter.slug), asked)}`,
      json_url: `${origin}${jsonPath(asked)}`,
    };
  });
}

/**
 * The letter's JSON document (its .json address, and the API's
 * /letters/{slug} whose own path is `jsonPath`), in `letter`'s language,
 * with every language it has and its first page of signatories.
 *
 * @returns the document, and the letter as it was shown (for the cache's expiry)
 */
export async function buildLetterDocument(
  deps: AppDeps,
  shown: Letter,
  { origin, jsonPath = paths.letterJson(shown.slug) }: { origin: string; jsonPath?: string },
): Promise<{ document: unknown; letter: Letter }> {
  const page = await signatoryPage(deps, shown, null);
  const letter = await withSealedRecord(deps, shown);
  const { slug } = letter;
  const next = page.next ? encodeCursor(page.next) : null;
  const asked = letter.language === originalLanguage(letter) ? null : letter.language;
  const document = letterJson(
    letter,
    page.signatories,
    next ? { cursor: next, url: `${origin}${paths.signatoriesJson(slug, next)}` } : null,
    {
      url: `${origin}${withLang(paths.letter(slug), asked)}`,
      jsonUrl: `${origin}${withLang(jsonPath, asked)}`,
      signUrl: `${origin}${paths.sign(slug)}`,
      signatoriesUrl: `${origin}${paths.signatories(slug)}`,
      recordUrl: `${origin}${paths.record(slug)}`,
      versionsUrl: `${origin}${paths.versionsJson(slug)}`,
    },
    deps.now(),
    languagesJson(origin, letter, (language) => withLang(jsonPath, language)),
    await recordSigning(deps, letter, origin),
  );
  return { document, letter };
}

/**
 * A page of the letter's public signatories as JSON (its signatories.json,
 * and the API's /letters/{slug}/signatories whose `nextPath` keeps its
 * filters), optionally of one kind or country.
 */
export async function buildSignatoriesDocument(
  deps: AppDeps,
  letter: Letter,
  cursor: SignatoryCursor | null,
  {
    origin,
    kind,
    country,
    nextPath = (next: string) => paths.signatoriesJson(letter.slug, next),
  }: { origin: string; kind?: SignatureKind; country?: string; nextPath?: (cursor: string) => string },
) {
  const page = await signatoryPage(deps, letter, cursor, { kind, country });
  const next = page.next ? encodeCursor(page.next) : null;
  return {
    letter: {
      slug: letter.slug,
      title: letter.title,
      url: `${origin}${paths.letter(letter.slug)}`,
      counts: { ...letter.counts },
    },
    signatories: page.signatories.map(signatoryJson),
    next_cursor: next,
    next_url: next ? `${origin}${nextPath(next)}` : null,
  };
}

/**
 * A page of the letter's public record as JSON (its record.json and the API's /letters/{slug}/record).
 *
 * @throws Problem 400 when `after` is past the record's sealed length (a number the record never reached;
 *   `after` equal to it is the empty page a follower polls)
 */
export async function buildRecordDocument(deps: AppDeps, found: Letter, after: number, { origin }: { origin: string }) {
  const letter = await withSealedRecord(deps, found);
  if (after > letter.record.sealed)
    throw new Problem(
      400,
      "This record link is past its end",
      `The record has ${letter.record.sealed} entries so far: after= must be at most that (the number of the last entry you read).`,
      {},
      null,
      "invalid-parameter",
    );
  const { slug } = letter;
  const page = await listRecordEntries(deps.db, letter.id, after, letter.record.sealed, RECORD_PAGE_SIZE);
  return {
    letter: {
      slug,
      url: `${origin}${paths.letter(slug)}`,
      json_url: `${origin}${paths.letterJson(slug)}`,
      counts: { ...letter.counts },
    },
    record: recordSummaryJson(letter, `${origin}${paths.record(slug)}`, await recordSigning(deps, letter, origin)),
    entries: page.entries.map(recordEntryJson),
    next_after: page.next,
    next_url: page.next ? `${origin}${paths.record(slug, page.next)}` : null,
  };
}

/** A stored version as versions.json publishes it. */
export function textVersionJson(version: StoredTextVersion): TextVersion & { seq: number } {
  return {
    ref: textVersionRef(version.language, version.number),
    language: version.language,
    number: version.number,
    title: version.title,
    summary: version.summary,
    addressee: version.addressee,
    body_markdown: version.bodyMarkdown,
    published_at: version.publishedAt,
    digest: version.digest,
    seq: version.seq,
  };
}

/**
 * Every published version of the letter's text and translations, in the
 * order they were published (their record order): its versions.json, which
 * anyone can check against the record's text entries (checkTextVersions).
 */
export async function buildVersionsDocument(deps: AppDeps, letter: Letter, { origin }: { origin: string }) {
  const versions = await listTextVersions(deps.db, letter.id);
  return {
    letter: { slug: letter.slug, url: `${origin}${paths.letter(letter.slug)}` },
    versions: versions.map(textVersionJson),
  };
}

/** The letter's published versions, oldest first, for its versions page. */
export function letterVersions(deps: AppDeps, letter: Letter): Promise<StoredTextVersion[]> {
  return listTextVersions(deps.db, letter.id);
}

/** The letter's counts (the API's /letters/{slug}/counts). */
export function buildCountsDocument(deps: AppDeps, letter: Letter, { origin }: { origin: string }) {
  return {
    slug: letter.slug,
    status: publicStatus(letter, deps.now()),
    // No count of signatures waiting for confirmation: see domain/letter-json.ts letterJson.
    counts: { ...letter.counts },
    url: `${origin}${paths.letter(letter.slug)}`,
  };
}

/**
 * A page of the letter's signed checkpoints as JSON (/letters/{slug}/checkpoints),
 * newest first: those smaller than `before` (the newest when null), with
 * the verifier key to check them with (null without RECORD_SIGNING_KEY).
 * The first page signs one first when due (see app/checkpoints.ts).
 */
export async function buildCheckpointsDocument(
  deps: AppDeps,
  found: Letter,
  before: number | null,
  { origin }: { origin: string },
) {
  const letter = await withSealedRecord(deps, found);
  if (before === null) await currentCheckpoint(deps, letter);
  const { slug } = letter;
  const page = await listCheckpoints(deps.db, letter.id, before, CHECKPOINTS_PAGE_SIZE);
  return {
    letter: { slug, url: `${origin}${paths.letter(slug)}` },
    key: await recordVerifierKey(deps),
    checkpoints: page.checkpoints.map(checkpointJson),
    next_url: page.next ? `${origin}${paths.checkpoints(slug, page.next)}` : null,
  };
}

/**
 * The RFC 9162 consistency proof (§2.1.4.1) between the tree of the
 * letter's first `from` record entries and that of its first `to` (its
 * sealed length when null), with both roots, as JSON
 * (/letters/{slug}/record/consistency.json). Check it with
 * domain/merkle.ts verifyConsistency(from, to, proof, root_from, root_to).
 * @throws Problem 400 when `from` is beyond `to`, or `to` beyond the sealed record
 */
export async function buildConsistencyDocument(
  deps: AppDeps,
  found: Letter,
  range: { from: number; to: number | null },
  { origin }: { origin: string },
) {
  const letter = await withSealedRecord(deps, found);
  const { slug } = letter;
  const length = letter.record.sealed;
  const to = range.to ?? length;
  if (to > length) {
    throw new Problem(
      400,
      "Beyond the record",
      `The record of this letter has ${length} entries: to= must be at most ${length}.`,
    );
  }
  if (range.from > to) {
    throw new Problem(400, "No proof backwards", `from= (${range.from}) must be at most to= (${to}).`);
  }
  const [rootFrom, rootTo, proof] = await Promise.all([
    recordRootAt(deps.db, letter.id, range.from),
    recordRootAt(deps.db, letter.id, to),
    recordConsistencyProof(deps.db, letter.id, range.from, to),
  ]);
  return {
    letter: { slug, url: `${origin}${paths.letter(slug)}`, record_url: `${origin}${paths.record(slug)}` },
    from: range.from,
    to,
    root_from: hashHex(rootFrom),
    root_to: hashHex(rootTo),
    proof: proof.map(hashHex),
  };
}

/**
 * When the letter's delivery was recorded (ISO 8601 UTC): the activity log's last
 * "letter-delivered" entry, or null for a letter not delivered or whose entry is gone (the
 * feed then dates it by its day, views/feeds.ts).
 */
export async function feedDeliveredAt(deps: AppDeps, letter: Letter): Promise<string | null> {
  if (letter.deliveredOn === null) return null;
  return await lastLetterActivityAt(deps.db, letter.id, "letter-delivered");
}

/**
 * The letter's newest checkpoints for its Atom feed (at most
 * FEED_CHECKPOINTS, newest first), signing one first when due.
 */
export async function feedCheckpoints(deps: AppDeps, found: Letter): Promise<StoredCheckpoint[]> {
  const letter = await withSealedRecord(deps, found);
  await currentCheckpoint(deps, letter);
  return (await listCheckpoints(deps.db, letter.id, null, FEED_CHECKPOINTS)).checkpoints;
}
