/**
 * Verifying a letter from the outside, through its public documents only:
 * what `npm run verify -- URL` does, with the network handed in (a
 * `fetch`), so that the same code runs in Node and in the tests. Pure: no
 * I/O of its own.
 *
 * It reads everything the letter publishes: its JSON, every page of its
 * record, every page of its list of signatories, its text versions, its
 * signed checkpoints and the key that signs them; and checks that
 * - the record holds together (domain/record.ts verifyRecord: every digest
 *   and leaf hash, the Merkle root, the counts);
 * - the list people read is exactly the record's counted, public entries,
 *   with the same names and details;
 * - every published text version is the one its record entry hashed;
 * - every checkpoint published (in the letter's JSON, at its checkpoints_url,
 *   on the page of the entry asked about) is signed by the letter's key
 *   (checked with an Ed25519 implementation handed in: the verifier's, not
 *   the server's) and its root
 *   is the root of the record's first entries at its size, so an entry
 *   changed, removed or reordered after a checkpoint anyone kept is caught;
 * - optionally, that the record extends one seen earlier (`since`), and that
 *   one entry is in it with the hash its signer was given (`entry`), and in
 *   the server's inclusion proof on the entry's page
 *   (/letters/{slug}/record/{seq}.json) when it offers one.
 *
 * Reading is safe to point anywhere: see domain/letter-reader.ts.
 */
import {
  array,
  boolean,
  enum as zenum,
  gte,
  int,
  nullable,
  nullish,
  object,
  optional,
  regex,
  safeParse,
  string,
  type ZodMiniType,
} from "zod/mini";
import type { SignatureCounts } from "./letter";
import { apiSchemas } from "./public-api";
import { CannotVerify, LetterReader, type Fetch, type ReadLimits } from "./letter-reader";
import { hashFromHex, hashHex, MerkleFrontier, verifyInclusion } from "./merkle";
import {
  countChange,
  ORGANIZER_EVENTS,
  RECORD_EVENTS,
  showsDetails,
  verifyRecord,
  type RecordEvent,
  type SealedRecordEntry,
} from "./record";
import { plural } from "./plural";
import { fromBase64, openCheckpoint, parseVerifierKey, type Ed25519Verify, type VerifierKey } from "./signed-note";
import { checkTextVersions, type TextVersion } from "./text-versions";

export { CannotVerify, READ_LIMITS, type Fetch, type ReadLimits } from "./letter-reader";

// The shapes read, as the server publishes them (see domain/letter-json.ts). Unknown fields are ignored.

const hex64 = string().check(regex(/^[0-9a-f]{64}$/, "not 64 hex digits"));
const count = int().check(gte(0));
const text = nullable(string());
const kind = zenum(["organization", "individual"]);
const countsSchema = object({ total: count, organizations: count, individuals: count });
const checkpointSchema = object({ size: count, root: hex64, time: nullish(string()), note: string() });

const signatorySchema = object({
  ref: optional(string()),
  kind,
  name: string(),
  organization: text,
  title: text,
  city: text,
  country: text,
});

/** A signatory as the list publishes it (domain/letter-json.ts signatoryJson). */
export interface ListedSignatoryJson {
  ref?: string | undefined;
  kind: "organization" | "individual";
  name: string;
  organization: string | null;
  title: string | null;
  city: string | null;
  country: string | null;
}

const letterSchema = object({
  slug: string().check(regex(/^[a-z0-9-]+$/, "not a slug")),
  counts: countsSchema,
  record: object({
    length: count,
    root: nullable(hex64),
    complete: boolean(),
    url: string(),
    checkpoint: nullish(checkpointSchema),
    checkpoints_url: nullish(string()),
    key_url: nullish(string()),
  }),
  signatories: array(signatorySchema),
  next_url: nullable(string()),
  versions_url: nullish(string()),
});

const entrySchema = apiSchemas.RecordEntry;
const recordPageSchema = object({ entries: array(entrySchema), next_url: nullable(string()) });
const signatoriesPageSchema = object({ signatories: array(signatorySchema), next_url: nullable(string()) });
const versionSchema = object({
  ref: string(),
  language: string(),
  number: int(),
  title: string(),
  summary: string(),
  addressee: string(),
  body_markdown: string(),
  published_at: string(),
  digest: string(),
});
const versionsPageSchema = object({ versions: array(versionSchema), next_url: nullish(string()) });
const checkpointsPageSchema = object({ checkpoints: array(checkpointSchema), next_url: nullish(string()) });
const entryPageSchema = object({
  entry: object({ seq: int(), hash: string() }),
  size: count,
  root: hex64,
  proof: array(hex64),
  checkpoint: nullish(checkpointSchema),
});

function shaped<T>(schema: ZodMiniType<T>, value: unknown, what: string): T {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.length ? issue.path.join(".") : "the document";
  throw new CannotVerify(`${what} is not what an Undersigned server publishes: ${at}: ${issue.message}.`);
}

/** The letter's JSON address from its page's address (or the JSON address itself). @throws CannotVerify for another address */
export function letterJsonUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CannotVerify(`${address} is not an address (https://…/letters/{slug}).`);
  }
  if (url.username || url.password) {
    throw new CannotVerify(`${address} has a user name or password: the verifier reads only public documents.`);
  }
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  if (!/^https?:$/.test(url.protocol) || !/^\/letters\/[a-z0-9-]+(?:\.json)?$/.test(url.pathname)) {
    throw new CannotVerify(`${address} is not a letter's address (…/letters/{slug}).`);
  }
  if (!url.pathname.endsWith(".json")) url.pathname += ".json";
  return url.toString();
}

/** A hash given as 64 hex digits or as base64 (as in a checkpoint), as hex. @throws Error otherwise */
export function hashArgument(text: string): string {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return trimmed.toLowerCase();
  const bytes = fromBase64(trimmed);
  if (bytes?.length === 32) return hashHex(bytes);
  throw new Error(`"${text}" is not a SHA-256 hash (64 hex digits, or base64 as in a checkpoint).`);
}

/**
 * A state of the record seen earlier, to prove the current one extends it:
 * `LENGTH:HASH`, a signed checkpoint note, or a file written by `--save`
 * (a note, if there was one, then `LENGTH:ROOT` and the leaf hashes).
 */
export interface Since {
  /** How the user gave it, for messages. */
  label: string;
  /** A signed checkpoint (C2SP signed note), checked against the letter's key. */
  note: string | null;
  /** A length and root (hex) seen then, unsigned: the user's own. */
  length: number | null;
  root: string | null;
  /** Every leaf hash (hex) seen then, oldest first, when saved with --save: names the first entry that differs. */
  leaves: string[] | null;
}

/** `LENGTH:HASH` (HASH hex, or base64 as in a checkpoint). @throws Error when it is not that */
export function parseSinceArgument(text: string): Since {
  const match = /^(\d{1,15}):(.+)$/.exec(text.trim());
  if (!match) throw new Error(`--since takes LENGTH:HASH or a file, not "${text}".`);
  return { label: text.trim(), note: null, length: Number(match[1]), root: hashArgument(match[2]!), leaves: null };
}

/**
 * A file given to --since: a signed checkpoint note (as the letter's JSON,
 * checkpoints or feed publish it), or what `--save` wrote (see savedRecord).
 * @throws Error naming what is wrong
 */
export function parseSavedRecord(content: string, label: string): Since {
  const lines = content.replace(/\r\n/g, "\n").split("\n");
  let at = 0;
  let note: string | null = null;
  if (!/^\d+:/.test(lines[0] ?? "")) {
    // A note: its text up to a blank line, then its signature lines ("— name signature").
    const blank = lines.indexOf("");
    if (blank <= 0 || !lines[blank + 1]?.startsWith("— ")) {
      throw new Error(`${label} is neither a signed checkpoint nor a file written by --save.`);
    }
    at = blank + 1;
    while (lines[at]?.startsWith("— ")) at++;
    note = `${lines.slice(0, at).join("\n")}\n`;
    while (lines[at] === "") at++;
  }
  const rest = lines.slice(at).filter((line) => line.trim() !== "");
  if (rest.length === 0) return { label, note, length: null, root: null, leaves: null };
  const since = parseSinceArgument(rest[0]!);
  const leaves = rest.slice(1).map((line) => {
    if (!/^[0-9a-f]{64}$/.test(line.trim())) throw new Error(`${label} has a line that is not a leaf hash: "${line}".`);
    return line.trim();
  });
  if (leaves.length !== since.length) {
    throw new Error(
      `${label} says ${entryCount(since.length ?? 0)} but lists ${plural(leaves.length, "leaf hash", "leaf hashes")}.`,
    );
  }
  return { ...since, label, note, leaves };
}

/** The text `--save` writes: the latest checkpoint's note (when there is one), then `LENGTH:ROOT`, then every leaf hash, one a line. */
export function savedRecord(result: Pick<LetterVerification, "latest" | "entries" | "root" | "leaves">): string {
  return `${result.latest ? `${result.latest.note}\n` : ""}${result.entries}:${result.root}\n${result.leaves.map((leaf) => `${leaf}\n`).join("")}`;
}

/** A checkpoint that verified: signed by the key, for this letter. */
export interface VerifiedCheckpoint {
  size: number;
  /** Hex. */
  root: string;
  time: string | null;
  /** The signed note, as published: what to keep. */
  note: string;
}

export type VerificationStatus =
  /** Everything checked holds. */
  | "verified"
  /** Something differs: see problems. */
  | "failed"
  /** Something differed, but the letter changed while it was read: run again. */
  | "moved"
  /** The letter says its record is being sealed: run again. */
  | "incomplete";

/**
 * The checks verifyLetter makes, each failing on its own: the key pinned,
 * the record itself, the list, the text versions, the checkpoints (signed,
 * and against the record), what the user kept (`since`), the entry asked about.
 */
export type VerificationCheck = "key" | "record" | "list" | "text" | "checkpoints" | "since" | "entry";

export interface LetterVerification {
  slug: string;
  /** The letter's JSON address. */
  url: string;
  status: VerificationStatus;
  /** Same as status === "verified". */
  ok: boolean;
  /** One sentence per thing that differs, naming it. */
  problems: string[];
  /** The checks that found the problems, in the order they first did. */
  failed: VerificationCheck[];
  /** What could not be checked, and why (e.g. no signed checkpoint). */
  warnings: string[];
  /** What else was found (e.g. the entry asked about was later withdrawn). */
  notes: string[];
  entries: number;
  counts: SignatureCounts;
  /** The record's root as recomputed (hex). */
  root: string;
  /** The number of entries of each event. */
  events: Record<RecordEvent, number>;
  /** Signatories in the published list. */
  listed: number;
  /** Published text versions checked, or null when the letter publishes none. */
  versions: number | null;
  /** The key checkpoints were checked with. */
  key: string | null;
  /** Whether that key is the one the user pinned (`key` option), not the one the server serves. */
  keyPinned: boolean;
  /** Checkpoints published (each different claim once), whether or not they verified. */
  published: number;
  /** Checkpoints that verified, by size. */
  checkpoints: VerifiedCheckpoint[];
  latest: VerifiedCheckpoint | null;
  /** The number of the entry asked about (`entry` option), if any. */
  entryAsked: number | null;
  /** Every entry's leaf hash (hex), in order. */
  leaves: string[];
  /** Requests made. */
  requests: number;
}

export interface VerifyOptions {
  fetch: Fetch;
  /** Checks checkpoint signatures: the verifier's own Ed25519 (e.g. @noble/ed25519), not the server's. */
  ed25519Verify: Ed25519Verify;
  /** A verifier key the user pinned (--key): checkpoints are checked with it, and a server serving another fails. */
  key?: string | null;
  since?: Since | null;
  /** An entry to prove is in the record with this leaf hash (hex), and in the latest checkpoint. */
  entry?: { seq: number; hash: string } | null;
  limits?: Partial<ReadLimits>;
}

/** At most this many differences between the list and the record are named; the rest are counted. */
const LIST_PROBLEMS = 20;

function quote(value: string | null): string {
  return value === null ? "nothing" : JSON.stringify(value);
}

const DETAIL_FIELDS = ["kind", "name", "organization", "title", "city", "country"] as const;

/** Who made an event, as the summary and messages say it. */
function actor(event: RecordEvent): string {
  return ORGANIZER_EVENTS.has(event) ? "by the organizers" : event === "text" ? "" : "by its signer";
}

/**
 * Checks the published list against the record: the listed signatories are
 * exactly the record's counted entries that show public fields, joined by
 * ref, with the same kind, name and details; and no counted signature's
 * last entry is erased (the server erases entries only when a signature
 * stops counting, so an erased counted one was delisted without an entry).
 * @param entries the whole record, verified (verifyRecord), in order
 * @returns a sentence per difference (at most LIST_PROBLEMS, then a count)
 */
export function checkSignatoryList(
  entries: readonly SealedRecordEntry[],
  listed: readonly ListedSignatoryJson[],
): string[] {
  const problems: string[] = [];
  // Each signature's last entry, and the entry that made it counted when it is.
  const last = new Map<string, SealedRecordEntry>();
  for (const entry of entries) if (entry.event !== "text") last.set(entry.ref, entry);
  const countedPublic = new Map<string, SealedRecordEntry>();
  for (const [ref, entry] of last) {
    if (countChange(entry.event) === 1 && entry.salt !== null && showsDetails(entry)) countedPublic.set(ref, entry);
  }
  const seen = new Set<string>();
  for (const signatory of listed) {
    const who = JSON.stringify(signatory.name);
    const ref = signatory.ref;
    if (!ref) {
      problems.push(`${who} is listed without a ref: the list can't be joined to the record.`);
      continue;
    }
    if (seen.has(ref)) {
      problems.push(`The signatory ${ref} (${who}) is listed twice.`);
      continue;
    }
    seen.add(ref);
    const entry = last.get(ref);
    if (!entry) {
      problems.push(
        `The signatory ${ref} is listed as ${who}, but the record has no entry for it: it was never recorded.`,
      );
    } else if (countChange(entry.event) !== 1) {
      problems.push(
        `The signatory ${ref} is listed as ${who}, but its last record entry ${entry.seq} says it was ${entry.event} ${actor(entry.event)}: it is not counted.`,
      );
    } else if (entry.salt === null) {
      problems.push(
        `The signatory ${ref} is listed as ${who}, but its record entry ${entry.seq} was erased: the list shows a name the record no longer has.`,
      );
    } else if (!showsDetails(entry)) {
      problems.push(
        `The signatory ${ref} is listed as ${who}, but its record entry ${entry.seq} records a signatory who asked not to be listed.`,
      );
    } else {
      const differing = DETAIL_FIELDS.filter((field) => signatory[field] !== entry[field]);
      if (differing.includes("name")) {
        problems.push(
          `The signatory ${ref} is listed as ${who} but its record entry ${entry.seq} says ${quote(entry.name)}.`,
        );
      } else if (differing.length > 0) {
        const field = differing[0]!;
        problems.push(
          `The signatory ${ref} (${who}) is listed with ${field} ${quote(signatory[field])} but its record entry ${entry.seq} says ${quote(entry[field])}.`,
        );
      }
    }
  }
  for (const [ref, entry] of last) {
    if (seen.has(ref) || countChange(entry.event) !== 1) continue;
    if (countedPublic.has(ref)) {
      problems.push(
        `Entry ${entry.seq} counts ${quote(entry.name)} (${ref}) as a listed signatory, but the list does not show it: it was taken off the list without a record entry.`,
      );
    } else if (entry.salt === null) {
      // The server erases a signature's entries when it stops counting (storage/signatures.ts erasesFromRecord, and
      // a signatory taken off a letter's file): a counted one that is erased left the list without an entry saying so.
      problems.push(
        `Entry ${entry.seq} counts ${ref} but was erased: an entry is erased only once its signature stops counting, so its signatory was taken off the list without a record entry.`,
      );
    }
  }
  if (listed.length !== countedPublic.size) {
    problems.push(
      `The list shows ${plural(listed.length, "signatory", "signatories")}; the record counts ${countedPublic.size} listed ${countedPublic.size === 1 ? "one" : "ones"}.`,
    );
  }
  if (problems.length > LIST_PROBLEMS + 1) {
    const more = problems.length - LIST_PROBLEMS;
    return [
      ...problems.slice(0, LIST_PROBLEMS),
      `… and ${more} more ${more === 1 ? "difference" : "differences"} between the list and the record.`,
    ];
  }
  return problems;
}

/** "12 signed, 1 withdrawn by signers; 2 hidden, 1 restored by organizers; 3 text versions". */
export function eventSummary(events: Record<RecordEvent, number>): string {
  const part = (names: RecordEvent[]) =>
    names
      .filter((name) => events[name] > 0)
      .map((name) => `${events[name]} ${name}`)
      .join(", ");
  const signers = part(["signed", "withdrawn"]);
  const organizers = part(["hidden", "rejected", "restored", "removed"]);
  return [
    `${signers || "nothing"} by signers`,
    `${organizers || "nothing"} by organizers`,
    plural(events.text, "text version"),
  ].join("; ");
}

/** What to keep to check the next run against: the latest signed checkpoint, or LENGTH:ROOT when there is none. */
export function checkpointToKeep(result: Pick<LetterVerification, "latest" | "entries" | "root">): string {
  return result.latest ? result.latest.note : `${result.entries}:${result.root}\n`;
}

async function foldLeaves(leaves: readonly string[], upTo: number): Promise<string> {
  const tree = new MerkleFrontier();
  for (const leaf of leaves.slice(0, upTo)) await tree.append(hashFromHex(leaf)!);
  return hashHex(await tree.root());
}

/** "1 entry", "2 entries". */
function entryCount(count: number): string {
  return plural(count, "entry", "entries");
}

function describeCheckpoint(checkpoint: { size: number; time?: string | null | undefined }): string {
  return `The checkpoint of ${entryCount(checkpoint.size)}${checkpoint.time ? ` signed ${checkpoint.time}` : ""}`;
}

/**
 * Reads the letter at `address` (its page's or its JSON's address) and all
 * it publishes, and checks it (see the module's comment). Each check runs
 * on what was read, whatever another found: the checkpoints, `since` and
 * `entry` compare the leaf hashes read with roots signed or kept, so they
 * still name what differs when the record does not hold together.
 * @throws CannotVerify when it can't be read in full, or `options` can't be used (a bad key, a damaged saved file)
 */
export async function verifyLetter(address: string, options: VerifyOptions): Promise<LetterVerification> {
  const url = letterJsonUrl(address);
  const { origin } = new URL(url);
  const slug = /\/letters\/([a-z0-9-]+)\.json$/.exec(new URL(url).pathname)![1]!;
  const reader = new LetterReader(origin, options.fetch, options.limits);
  const problems: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const failed: VerificationCheck[] = [];
  const fail = (check: VerificationCheck, ...found: string[]) => {
    if (found.length === 0) return;
    problems.push(...found);
    if (!failed.includes(check)) failed.push(check);
  };

  const letter = shaped(letterSchema, await reader.json(url, "The letter's JSON"), "The letter's JSON");
  const events = Object.fromEntries(RECORD_EVENTS.map((event) => [event, 0])) as Record<RecordEvent, number>;
  const result: LetterVerification = {
    slug,
    url,
    status: "incomplete",
    ok: false,
    problems,
    failed,
    warnings,
    notes,
    entries: 0,
    counts: { total: 0, organizations: 0, individuals: 0 },
    root: "",
    events,
    listed: 0,
    versions: null,
    key: null,
    keyPinned: Boolean(options.key),
    published: 0,
    checkpoints: [],
    latest: null,
    entryAsked: options.entry?.seq ?? null,
    leaves: [],
    requests: 0,
  };
  if (letter.slug !== slug) {
    fail("record", `The JSON at ${url} is the letter "${letter.slug}"'s, not "${slug}"'s.`);
    return { ...result, status: "failed", requests: reader.requests };
  }
  if (!letter.record.complete) return { ...result, requests: reader.requests };
  const { record } = letter;

  // The key: the one pinned, which the served one must equal, else the served one. A server without a signing key
  // answers its key_url with a 404 (routes/checkpoints.ts): no key, as when it publishes no key_url.
  const pinned = options.key ? await parseKey(options.key, "The key given with --key") : null;
  const servedText = record.key_url ? await reader.text(record.key_url, "The record key", { optional: true }) : null;
  const served = servedText === null ? null : await parseKey(servedText, "The record key the server publishes");
  if (pinned && served && pinned.text !== served.text) {
    fail(
      "key",
      `The server's record key is ${served.text}, not the ${pinned.text} you pinned with --key: the server changed its key, or is not the one you expect.`,
    );
  }
  const key = pinned ?? served;
  result.key = key?.text ?? null;

  // The server's inclusion proof of the entry asked about, if it offers one, with the checkpoint its page shows.
  const entryProof = options.entry
    ? await reader
        .json(`${origin}/letters/${slug}/record/${options.entry.seq}.json`, `Entry ${options.entry.seq}'s page`, {
          optional: true,
        })
        .then((body) => (body === null ? null : shaped(entryPageSchema, body, `Entry ${options.entry!.seq}'s page`)))
    : null;

  // Every checkpoint published, checked against the key and the letter: the same checkpoint is usually in the
  // letter's JSON, on the first page of its checkpoints and on an entry's page, but a server could show one elsewhere,
  // or quote one note with another size or root in one place: each different claim is checked.
  type PublishedCheckpoint = Pick<VerifiedCheckpoint, "size" | "root" | "note"> & { time?: string | null | undefined };
  const published = new Map<string, PublishedCheckpoint>();
  const publish = (checkpoint: PublishedCheckpoint | null | undefined) => {
    if (checkpoint) published.set(`${checkpoint.size} ${checkpoint.root} ${checkpoint.note}`, checkpoint);
  };
  publish(record.checkpoint);
  publish(entryProof?.checkpoint);
  if (record.checkpoints_url) {
    await readPages(reader, record.checkpoints_url, "The letter's checkpoints", (body, what) => {
      const page = shaped(checkpointsPageSchema, body, what);
      for (const checkpoint of page.checkpoints) publish(checkpoint);
      return page.next_url ?? null;
    });
  }
  result.published = published.size;
  const expectedOrigin = key ? `${key.name}/letters/${slug}` : null;
  const checkpoints = new Map<string, VerifiedCheckpoint>();
  if (published.size > 0 && !key) {
    fail(
      "checkpoints",
      "The letter publishes signed checkpoints but no key to check them with (record.key_url): pass --key.",
    );
  }
  for (const checkpoint of key ? published.values() : []) {
    const opened = await openCheckpoint(checkpoint.note, key!, options.ed25519Verify);
    if ("problem" in opened) {
      fail("checkpoints", `${describeCheckpoint(checkpoint)}: ${opened.problem}`);
      continue;
    }
    const signed = opened.checkpoint;
    const root = hashHex(signed.root);
    if (signed.origin !== expectedOrigin) {
      fail(
        "checkpoints",
        `${describeCheckpoint(checkpoint)} is for "${signed.origin}", not this letter ("${expectedOrigin}"): it was made for another log.`,
      );
    } else if (signed.size !== checkpoint.size || root !== checkpoint.root) {
      fail(
        "checkpoints",
        `${describeCheckpoint(checkpoint)} is published as ${entryCount(checkpoint.size)} with root ${checkpoint.root}, but its signed note says ${entryCount(signed.size)} with root ${root}.`,
      );
    } else {
      checkpoints.set(checkpoint.note, { size: signed.size, root, time: signed.time, note: checkpoint.note });
    }
  }
  result.checkpoints = [...checkpoints.values()].sort((a, b) => a.size - b.size);
  result.latest = result.checkpoints.at(-1) ?? null;
  if (published.size === 0) warnings.push("No signed checkpoint: the record is only checked against itself.");

  // What the user kept from an earlier run.
  const since = options.since ? await openSince(options.since, key, expectedOrigin, options.ed25519Verify) : [];

  // A key signs one record of each size: two roots for one size prove the record was rewritten after it was signed.
  if (key) fail("checkpoints", ...forks(key.text, result.checkpoints, since));

  // Every record entry, up to the length the letter published.
  const entries: SealedRecordEntry[] = [];
  const contradictions: string[] = [];
  await readPages(reader, record.url, "The letter's record", (body, what) => {
    const page = shaped(recordPageSchema, body, what);
    for (const entry of page.entries) {
      if (entry.seq > entries.length) {
        if (entry.seq <= record.length) entries.push(entry);
        continue;
      }
      // Pages may overlap, but an entry shown twice is shown the same: else which one a reader sees depends on the page.
      const earlier = entries[entry.seq - 1];
      if (!earlier || JSON.stringify(earlier) !== JSON.stringify(entry)) {
        contradictions.push(
          `${what} publishes entry ${entry.seq} again, not as an earlier page did: the record contradicts itself.`,
        );
      }
    }
    return entries.length < record.length ? page.next_url : null;
  });
  const verification = await verifyRecord(entries, {
    length: record.length,
    root: record.root,
    counts: letter.counts,
  });
  fail("record", ...contradictions.slice(0, LIST_PROBLEMS), ...verification.problems);
  result.entries = verification.entries;
  result.counts = verification.counts;
  result.root = verification.root;
  result.leaves = entries.map((entry) => entry.hash);
  for (const entry of entries) events[entry.event] += 1;
  // The roots the leaf hashes read make at each size signed or kept: what a checkpoint commits to, whether or not
  // the entries hold together (verifyRecord says that) or make the root the letter publishes.
  const sizes = [...result.checkpoints.map((c) => c.size), ...since.map((s) => s.length)];
  if (entryProof) sizes.push(entryProof.size);
  const rootsAt = await rootsOfLeaves(result.leaves, sizes);

  // The list people read, every page of it.
  const listed: ListedSignatoryJson[] = [...letter.signatories];
  if (letter.next_url) {
    await readPages(reader, letter.next_url, "The letter's signatories", (body, what) => {
      const page = shaped(signatoriesPageSchema, body, what);
      listed.push(...page.signatories);
      return page.next_url;
    });
  }
  result.listed = listed.length;
  if (verification.ok) fail("list", ...checkSignatoryList(entries, listed));

  // The text versions.
  if (letter.versions_url) {
    const versions: TextVersion[] = [];
    await readPages(reader, letter.versions_url, "The letter's text versions", (body, what) => {
      const page = shaped(versionsPageSchema, body, what);
      versions.push(...page.versions);
      return page.next_url ?? null;
    });
    result.versions = versions.length;
    if (verification.ok) fail("text", ...(await checkTextVersions(entries, versions)));
  } else if (events.text > 0) {
    warnings.push(
      `The record has ${plural(events.text, "text entry", "text entries")}, but the letter publishes no versions (versions_url): the text is not checked.`,
    );
  }

  // Checkpoints against the leaves read: the first size whose signed roots the leaves no longer make, and the entries
  // that changed since the size before. (Two roots signed for one size are a fork, named above: the leaves may make one.)
  let checkpointsHold = true;
  let matched = 0;
  for (const group of groupBySize(result.checkpoints)) {
    const { size } = group[0]!;
    if (size > entries.length) {
      fail(
        "checkpoints",
        `${describeCheckpoint(group[0]!)} covers ${entryCount(size)}, but the record now has only ${entries.length}: entries were removed after it was signed.`,
      );
      checkpointsHold = false;
      break;
    }
    const root = rootsAt.get(size);
    if (group.some((checkpoint) => checkpoint.root === root)) {
      matched = size;
      continue;
    }
    const checkpoint = group[0]!;
    fail(
      "checkpoints",
      `${describeCheckpoint(checkpoint)} no longer matches the record: it signed root ${checkpoint.root}, but the first ${entryCount(size)} now make ${root ?? "no root (a leaf hash is not 64 hex digits)"}. ` +
        `An entry between ${matched + 1} and ${size} was changed, removed or reordered after it was signed.`,
    );
    checkpointsHold = false;
    break;
  }

  // What the user kept. A --save file keeps its checkpoint and its own length and root: the difference its leaves
  // show is named once.
  const differing = new Set<number>();
  for (const kept of since) {
    if (kept.length > entries.length) {
      fail(
        "since",
        `The record had ${entryCount(kept.length)} when you saw it (${kept.label}); it now has only ${entries.length}: entries were removed.`,
      );
      continue;
    }
    const root = rootsAt.get(kept.length);
    if (root === kept.root) {
      notes.push(
        `The record extends the one you kept (${kept.label}): its first ${entryCount(kept.length)} are the ones you saw.`,
      );
      continue;
    }
    const differs = kept.leaves?.findIndex((leaf, index) => leaf !== result.leaves[index]) ?? -1;
    if (differs >= 0 && differing.has(differs)) continue;
    if (differs >= 0) differing.add(differs);
    fail(
      "since",
      differs >= 0
        ? `Entry ${differs + 1} is not the one you saw (${kept.file}): its hash was ${kept.leaves![differs]}, it is now ${result.leaves[differs] ?? "gone"}. The record was changed, or an entry removed, since.`
        : `The record's first ${entryCount(kept.length)} no longer make the root you kept (${kept.label}): an entry among 1–${kept.length} was changed, removed or reordered since.`,
    );
  }

  // The entry asked about.
  if (options.entry) {
    await checkEntry(options.entry, entries, result, entryProof, rootsAt, checkpointsHold, (problem) =>
      fail("entry", problem),
    );
  }

  // Signed within the minute: the newest entries are in the record, not yet in a checkpoint.
  const latest = result.latest;
  if (latest && latest.size < entries.length && checkpointsHold) {
    const newer = entries.length - latest.size;
    notes.push(
      `The newest ${newer === 1 ? `entry (${entries.length}) is` : `${newer} entries (${latest.size + 1}–${entries.length}) are`} not yet in a signed checkpoint: the server signs one within about a minute of a change.`,
    );
  }

  // Read again: a letter that moved meanwhile was read mid-update, and a difference may be only that.
  const again = shaped(letterSchema, await reader.json(url, "The letter's JSON"), "The letter's JSON");
  const moved = !again.record.complete || again.record.length !== record.length || again.record.root !== record.root;
  result.requests = reader.requests;
  result.status = problems.length === 0 ? "verified" : moved ? "moved" : "failed";
  result.ok = result.status === "verified";
  if (moved && result.ok) notes.push("The letter changed while it was read; what was read checks out.");
  return result;
}

/** `checkpoints` (sorted by size) in runs of one size. */
function groupBySize(checkpoints: readonly VerifiedCheckpoint[]): VerifiedCheckpoint[][] {
  const groups: VerifiedCheckpoint[][] = [];
  for (const checkpoint of checkpoints) {
    const group = groups.at(-1);
    if (group && group[0]!.size === checkpoint.size) group.push(checkpoint);
    else groups.push([checkpoint]);
  }
  return groups;
}

/**
 * Two or more roots the key signed for one size, among the checkpoints
 * published and kept: a sentence per size. A log's key signs one tree of
 * each size (C2SP tlog-checkpoint), so this is the proof of a rewrite.
 */
function forks(key: string, published: readonly VerifiedCheckpoint[], kept: readonly KeptState[]): string[] {
  const signed = [
    ...published.map((checkpoint) => ({ ...checkpoint, where: "" })),
    ...kept.flatMap((state) =>
      state.signed
        ? [{ size: state.length, root: state.root, time: state.time, where: `the checkpoint in ${state.file}` }]
        : [],
    ),
  ];
  const bySize = new Map<number, Map<string, (typeof signed)[number]>>();
  for (const checkpoint of signed) {
    const roots = bySize.get(checkpoint.size) ?? new Map<string, (typeof signed)[number]>();
    if (!roots.has(checkpoint.root)) roots.set(checkpoint.root, checkpoint);
    bySize.set(checkpoint.size, roots);
  }
  return [...bySize]
    .filter(([, roots]) => roots.size > 1)
    .sort(([a], [b]) => a - b)
    .map(([size, roots]) => {
      const each = [...roots.values()].map((checkpoint) => {
        const about = [checkpoint.time ? `signed ${checkpoint.time}` : "", checkpoint.where].filter(Boolean);
        return `root ${checkpoint.root}${about.length ? ` (${about.join(", ")})` : ""}`;
      });
      const listed = `${each.slice(0, -1).join(", ")} and ${each.at(-1)!}`;
      return (
        `The key ${key} signed ${roots.size === 2 ? "two" : roots.size} different records of ${entryCount(size)}: ${listed}. ` +
        "A key signs one record of each size: the record was rewritten after it was signed."
      );
    });
}

/** The root (hex) of the first `size` leaves (hex) for each size asked for that they reach, up to a leaf that is not a hash. */
async function rootsOfLeaves(leaves: readonly string[], sizes: Iterable<number>): Promise<Map<number, string>> {
  const wanted = new Set(sizes);
  const roots = new Map<number, string>();
  const tree = new MerkleFrontier();
  if (wanted.has(0)) roots.set(0, hashHex(await tree.root()));
  const last = Math.max(0, ...wanted);
  for (const leaf of leaves.slice(0, last)) {
    const hash = hashFromHex(leaf);
    if (!hash) break;
    await tree.append(hash);
    if (wanted.has(tree.size)) roots.set(tree.size, hashHex(await tree.root()));
  }
  return roots;
}

async function parseKey(text: string, what: string): Promise<VerifierKey> {
  try {
    return await parseVerifierKey(text);
  } catch (error) {
    throw new CannotVerify(`${what}: ${(error as Error).message}`);
  }
}

/**
 * Follows a chain of pages from `first` (each page's own `next`), all on the
 * letter's origin, refusing a chain that comes back to a page it read.
 */
async function readPages(
  reader: LetterReader,
  first: string,
  what: string,
  take: (body: unknown, what: string) => string | null,
): Promise<void> {
  const visited = new Set<string>();
  let next: string | null = first;
  for (let page = 1; next !== null; page++) {
    const address = reader.address(next, `${what} (page ${page})`).href;
    if (visited.has(address)) throw new CannotVerify(`${what} loops: page ${page} is ${address} again.`);
    visited.add(address);
    next = take(await reader.json(address, `${what} (page ${page})`), `${what} (page ${page}, ${address})`);
  }
}

/** A length and root (hex) seen earlier, with its leaves when they were saved. */
interface KeptState {
  length: number;
  root: string;
  label: string;
  /** How the user gave what holds the leaves (the file), for messages about them. */
  file: string;
  leaves: string[] | null;
  /** A checkpoint the key signed (then with its time), or the user's own length and root. */
  signed: boolean;
  time: string | null;
}

/**
 * The lengths and roots (hex) `since` commits to, checked for themselves: a
 * note against the key, saved leaves against their root. A --save file's
 * checkpoint and its own length and root are one state when they say the same.
 */
async function openSince(
  since: Since,
  key: VerifierKey | null,
  origin: string | null,
  verify: Ed25519Verify,
): Promise<KeptState[]> {
  const kept: KeptState[] = [];
  const own = { file: since.label, leaves: since.leaves };
  if (since.note) {
    if (!key) {
      throw new CannotVerify(
        `${since.label} is a signed checkpoint, but the letter publishes no key to check it with: pass --key.`,
      );
    }
    const opened = await openCheckpoint(since.note, key, verify);
    if ("problem" in opened) throw new CannotVerify(`The checkpoint you kept (${since.label}): ${opened.problem}`);
    if (opened.checkpoint.origin !== origin) {
      throw new CannotVerify(
        `The checkpoint you kept (${since.label}) is for "${opened.checkpoint.origin}", not this letter ("${origin}").`,
      );
    }
    const root = hashHex(opened.checkpoint.root);
    if (since.leaves && opened.checkpoint.size <= since.leaves.length) {
      if ((await foldLeaves(since.leaves, opened.checkpoint.size)) !== root) {
        throw new CannotVerify(`${since.label} is damaged: its leaf hashes do not make its checkpoint's root.`);
      }
    }
    const same = opened.checkpoint.size === since.length && root === since.root;
    kept.push({
      ...own,
      length: opened.checkpoint.size,
      root,
      label: same ? since.label : `the checkpoint in ${since.label}`,
      signed: true,
      time: opened.checkpoint.time,
    });
    if (same) return kept;
  }
  if (since.length !== null && since.root !== null) {
    if (since.leaves && (await foldLeaves(since.leaves, since.length)) !== since.root) {
      throw new CannotVerify(`${since.label} is damaged: its leaf hashes do not make its root.`);
    }
    kept.push({ ...own, length: since.length, root: since.root, label: since.label, signed: false, time: null });
  }
  return kept;
}

/**
 * Checks the entry `wanted`: its hash, its place in the latest checkpoint
 * (when the checkpoints hold: the leaves read then make its root), the
 * server's proof, and what became of it. What does not hold goes to `fail`.
 */
async function checkEntry(
  wanted: { seq: number; hash: string },
  entries: readonly SealedRecordEntry[],
  result: LetterVerification,
  proof: { entry: { seq: number; hash: string }; size: number; root: string; proof: string[] } | null,
  rootsAt: Map<number, string>,
  checkpointsHold: boolean,
  fail: (problem: string) => void,
): Promise<void> {
  const { warnings, notes } = result;
  const entry = entries[wanted.seq - 1];
  if (!entry) {
    fail(`The record has no entry ${wanted.seq}: it has ${entryCount(entries.length)}.`);
    return;
  }
  if (entry.hash !== wanted.hash) {
    fail(
      `Entry ${wanted.seq} does not have the hash you gave: it has ${entry.hash}, not ${wanted.hash}. The number or the hash was copied wrong, or the entry was changed after its hash was given.`,
    );
    return;
  }
  const latest = result.latest;
  if (!checkpointsHold) {
    // Already a problem: the leaves no longer make a signed root, so no checkpoint vouches for the entry.
  } else if (latest && wanted.seq <= latest.size) {
    notes.push(
      `Entry ${wanted.seq} (${entry.event}${entry.kind ? `, ${entry.kind}` : ""}) is in the latest signed checkpoint (${entryCount(latest.size)}${latest.time ? `, ${latest.time}` : ""}) with the hash you were given.`,
    );
  } else {
    warnings.push(
      latest
        ? `Entry ${wanted.seq} is in the record with the hash you were given, but newer than the latest signed checkpoint (${entryCount(latest.size)}): run this again once a checkpoint covers it.`
        : `Entry ${wanted.seq} is in the record with the hash you were given, but no signed checkpoint covers it.`,
    );
  }
  if (proof) {
    const root = rootsAt.get(proof.size);
    const included =
      proof.entry.seq === wanted.seq &&
      proof.entry.hash === wanted.hash &&
      root === proof.root &&
      (await verifyInclusion(
        wanted.seq - 1,
        proof.size,
        hashFromHex(wanted.hash)!,
        proof.proof.map((hash) => hashFromHex(hash)!),
        hashFromHex(proof.root)!,
      ));
    if (included) {
      notes.push(
        `The server's inclusion proof of entry ${wanted.seq} in the tree of ${entryCount(proof.size)} checks out (${plural(proof.proof.length, "hash", "hashes")}).`,
      );
    } else if (proof.size > entries.length) {
      warnings.push(`The server's inclusion proof is for ${entryCount(proof.size)}, more than were read: not checked.`);
    } else {
      fail(
        `The server's inclusion proof of entry ${wanted.seq} does not lead to the root of the record's first ${entryCount(proof.size)}${root ? ` (${root})` : ""}.`,
      );
    }
  }
  if (entry.event === "text") return;
  for (const later of entries.slice(wanted.seq)) {
    if (later.ref !== entry.ref || later.event === "text") continue;
    notes.push(
      `The signature of entry ${wanted.seq} (ref ${entry.ref}) was later ${later.event} ${actor(later.event)} (entry ${later.seq}, ${later.at}).`,
    );
  }
  // A signature's last entry says whether it still counts.
  const last = entries.findLast((item) => item.ref === entry.ref);
  if (last && countChange(last.event) !== 1)
    notes.push(`The signature of entry ${wanted.seq} is not counted any more.`);
}
