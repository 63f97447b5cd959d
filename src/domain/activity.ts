/**
 * The activity log's vocabulary (issue 15): what an organizer (or the system) can do that the
 * log keeps, and the words the owners' page says for it. Pure: no I/O.
 *
 * Lanes that add an organizer action add its name to ACTIVITY_ACTIONS and its label to
 * ACTIVITY_LABELS (the Record's type makes a missing label a compile error).
 */

export const ACTIVITY_ACTIONS = [
  // Letters
  "letter-created",
  "letter-edited",
  "letter-deleted",
  "letter-published",
  "letter-closed",
  "letter-reopened",
  "letter-delivered",
  "letter-unpublished",
  "translation-saved",
  "translation-deleted",
  "organizations-reordered",
  "preview-link-renewed",
  // Signatures
  "signature-approved",
  "signature-rejected",
  "signature-hidden",
  "signature-restored",
  "signature-confirmed",
  "confirmation-resent",
  "organization-verified",
  "organization-unverified",
  "signature-entered",
  // Imports and exports
  "import-created",
  "import-run",
  "import-discarded",
  "export-downloaded",
  // Webhooks
  "webhook-changed",
  "webhook-tested",
  // People and access (lanes i15-accounts, i15-roles, i15-passkeys, i15-i18n)
  "sign-in",
  "sign-in-link-sent",
  "invitation-sent",
  "invitation-accepted",
  "role-changed",
  "account-disabled",
  "account-enabled",
  "account-renamed",
  "time-zone-changed",
  "session-ended",
  "api-token-created",
  "api-token-revoked",
  "passkey-added",
  "passkey-removed",
  "language-changed",
  "sign-in-refused",
] as const;

/** One kind of entry of the activity log (stored as this string in organizer_activity.action). */
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export function isActivityAction(value: unknown): value is ActivityAction {
  return typeof value === "string" && (ACTIVITY_ACTIONS as readonly string[]).includes(value);
}

/** What the owners' page says an entry did, after the person's name ("Ana hid a signature"). */
export const ACTIVITY_LABELS: Record<ActivityAction, string> = {
  "letter-created": "created a letter",
  "letter-edited": "edited a letter",
  "letter-deleted": "deleted a letter",
  "letter-published": "published a letter",
  "letter-closed": "closed a letter",
  "letter-reopened": "reopened a letter",
  "letter-delivered": "recorded a letter's delivery",
  "letter-unpublished": "took a letter back to draft",
  "translation-saved": "saved a translation",
  "translation-deleted": "deleted a translation",
  "organizations-reordered": "changed the order of organizations",
  "preview-link-renewed": "made a new preview link (the old one no longer works)",
  "signature-approved": "approved a signature",
  "signature-rejected": "rejected a signature",
  "signature-hidden": "hid a signature",
  "signature-restored": "restored a signature",
  "signature-confirmed": "confirmed a signature on its signer's request",
  "confirmation-resent": "sent a confirmation email again",
  "organization-verified": "marked an organization verified",
  "organization-unverified": "took back an organization's verification",
  "signature-entered": "entered a signature by hand",
  "import-created": "prepared an import",
  "import-run": "imported signatures",
  "import-discarded": "discarded an import",
  "export-downloaded": "downloaded personal data",
  "webhook-changed": "changed a webhook",
  "webhook-tested": "sent a test delivery to a webhook",
  "sign-in": "signed in",
  "sign-in-link-sent": "asked for a sign-in link",
  "invitation-sent": "invited someone",
  "invitation-accepted": "accepted an invitation",
  "role-changed": "changed someone's role",
  "account-disabled": "removed someone's access",
  "account-enabled": "gave someone their access back",
  "account-renamed": "changed their name",
  "time-zone-changed": "changed their time zone",
  "session-ended": "ended a session",
  "api-token-created": "created an API token",
  "api-token-revoked": "revoked an API token",
  "passkey-added": "added a passkey",
  "passkey-removed": "removed a passkey",
  "language-changed": "changed their language",
  "sign-in-refused": "refused a sign-in with a wrong secret",
};

/** How a sign-in happened, as an entry's detail says (storage/organizer-sessions.ts SessionVia). */
export type SignInWay = "admin-token" | "magic-link" | "passkey";

/** How a signature entered by hand reached the organizers, as its entry's detail says (domain/manual-signature.ts ReceivedBy). */
export type ReceivedWay = "paper" | "email" | "other";

/** An import's steps (storage/imports.ts ImportState): a step added there must be worded here too. */
export type ImportStep = "reading" | "unreadable" | "mapping" | "checking" | "previewed" | "running" | "done";

/** The most characters of one string value kept in before/after (longer ones end with "…"). */
export const ACTIVITY_VALUE_LIMIT = 200;

/** The most characters of an entry's detail (migrations/0025's CHECK). */
export const ACTIVITY_DETAIL_LIMIT = 1_000;

/** The most characters of an entry's detail as its code and arguments, JSON (migrations/0027's CHECK). */
export const ACTIVITY_DETAIL_JSON_LIMIT = 2_000;

/** The most characters of an entry's before or after, JSON (migrations/0025's CHECKs). */
export const ACTIVITY_CHANGE_JSON_LIMIT = 4_000;

/**
 * Notes by language (BCP 47 tag → text) as the log keeps them: the empty ones left out, each cut
 * at ACTIVITY_VALUE_LIMIT code points (ending with "…"); null when none is left.
 */
export function activityNotes(notes: Readonly<Record<string, string | null>>): Record<string, string> | null {
  const kept = Object.entries(notes).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (kept.length === 0) return null;
  return Object.fromEntries(
    kept.map(([language, note]) => [language, cutStrings(note, ACTIVITY_VALUE_LIMIT) as string]),
  );
}

/** `value` with each string in it (at any depth) cut to `keep` code points, ending with "…" when cut. */
function cutStrings(value: unknown, keep: number): unknown {
  if (typeof value === "string") {
    const characters = [...value];
    return characters.length > keep ? `${characters.slice(0, Math.max(0, keep - 1)).join("")}…` : value;
  }
  if (Array.isArray(value)) return value.map((item) => cutStrings(item, keep));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cutStrings(item, keep)]));
  }
  return value;
}

/** The most code points of any string in `value`, at any depth. */
function longestString(value: unknown): number {
  if (typeof value === "string") return [...value].length;
  const items = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  return items.reduce((longest: number, item) => Math.max(longest, longestString(item)), 0);
}

/**
 * `value` as JSON of at most `limit` characters (UTF-16 code units: never fewer than SQLite's
 * length() counts), its strings cut shorter (ending with "…") until it fits: a control character
 * is six characters of JSON ("\u0001"), so text within its own limit may not fit the column's
 * CHECK as JSON. The log keeps a shortened entry rather than failing after the change it logs.
 * Keys, numbers and booleans are kept; JSON of those alone over `limit` is returned as it is.
 */
export function fittedJson(value: unknown, limit: number): string {
  let json = JSON.stringify(value);
  let keep = longestString(value);
  while (json.length > limit && keep > 0) {
    // In proportion to what is too much, and always shorter than the last try.
    keep = Math.min(keep - 1, Math.floor((keep * limit) / json.length));
    json = JSON.stringify(cutStrings(value, Math.max(0, keep)));
  }
  return json;
}

/**
 * Keys of before/after objects that are never kept, whatever a caller passes: secrets, tokens,
 * links and hashes (the shared rule of issue 15: the log holds none of them).
 */
const NEVER_LOGGED = /secret|token|password|link|hash|passkey_?key|credential/i;

type Change = Record<string, unknown> | null;

function shortened(value: unknown): unknown {
  if (typeof value === "string" && value.length > ACTIVITY_VALUE_LIMIT)
    return `${value.slice(0, ACTIVITY_VALUE_LIMIT - 1)}…`;
  return value;
}

function kept(change: Change): Record<string, unknown> | null {
  if (!change) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || NEVER_LOGGED.test(key)) continue;
    out[key] = shortened(value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The change an entry keeps: only the fields whose value differs between `before` and `after`
 * (both given), without secret-like keys, strings cut at ACTIVITY_VALUE_LIMIT characters. An
 * object left empty becomes null. `before` alone (a deletion) or `after` alone (a creation) is
 * kept whole, cleaned the same way.
 *
 * @returns `{ before, after }`, each a plain object or null
 */
export function activityChange(before: Change, after: Change): { before: Change; after: Change } {
  const b = kept(before);
  const a = kept(after);
  if (b && a) {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (same(b[key], a[key])) {
        delete b[key];
        delete a[key];
      }
    }
  }
  const empty = (o: Record<string, unknown> | null) => (o && Object.keys(o).length > 0 ? o : null);
  return { before: empty(b), after: empty(a) };
}
