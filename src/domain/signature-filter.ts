/**
 * The organizers' filter over a letter's signatures, as it travels in a URL
 * (`?q=&status=&kind=&country=&channel=&flagged=1&verified=yes|no&from=&to=`): the list page,
 * its bulk actions and the CSV export all read the same one. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, optional, pipe, transform, unknown, type core } from "zod/mini";
import { isCountryCode } from "./countries";
import { doneField, field, refuse } from "./form-fields";
import { issueAs, refuseAs } from "./organizer-words";
import { isDay } from "./letter-form";
import { MODERATION_ACTIONS, type ModerationAction } from "./signing";
import { SIGNATURE_KINDS, SIGNATURE_STATUSES, type SignatureKind, type SignatureStatus } from "./signature";
import { organizerTextIssue } from "./text";
import { daysIn } from "./time-zones";

export const SIGNATURE_CHANNELS = ["initial", "form", "api", "manual", "import"] as const;
export type FilterChannel = (typeof SIGNATURE_CHANNELS)[number];

export interface SignatureFilter {
  /** Text found in the name, the organization, the email address or an organization's contact's name (any case). */
  q?: string;
  status?: SignatureStatus;
  kind?: SignatureKind;
  country?: string;
  channel?: FilterChannel;
  /** Only signatures the trust checks flagged as suspicious. */
  flagged?: boolean;
  /** Only verified organizations ("yes"), or only organizations not verified ("no"). */
  verified?: "yes" | "no";
  /**
   * Signed on or after this day, and on or before that one (YYYY-MM-DD), each a day in the letter's
   * time zone, as the list shows its times (see signatureQuery).
   */
  from?: string;
  to?: string;
}

/**
 * A filter as storage reads it (storage/signatures.ts): its days turned into the UTC instants they
 * begin and end at in the letter's time zone, so that "until November 30" in Honduras takes in
 * the evening of the 30th (after 00:00 UTC on December 1) and nothing of December 1.
 */
export interface SignatureQuery extends Omit<SignatureFilter, "from" | "to"> {
  /** Signed at or after this instant (ISO 8601 UTC), or null: any time. */
  signedSince: string | null;
  /** Signed before this instant (ISO 8601 UTC), or null: any time. */
  signedBefore: string | null;
}

/**
 * `filter` as storage reads it, its days read in `zone` (the letter's closing-time zone,
 * letters.closes_time_zone; UTC for a letter that chose none): see domain/time-zones.ts daysIn.
 */
export function signatureQuery(filter: SignatureFilter, zone: string): SignatureQuery {
  const { from, to, ...rest } = filter;
  const { since, before } = daysIn(from, to, zone);
  return { ...rest, signedSince: since, signedBefore: before };
}

const FILTER_PARAMS = ["q", "status", "kind", "country", "channel", "flagged", "verified", "from", "to"] as const;
const SEARCH_MAX_LENGTH = 200;

/** A value of `values`, or undefined for an empty field ("any"); else refused with `refused`. */
function oneOf<T extends string>(values: readonly T[], refused: (ctx: core.ParsePayload) => never) {
  return field((text, ctx): T | undefined => {
    const value = text.trim();
    if (!value) return undefined;
    return (values as readonly string[]).includes(value) ? (value as T) : refused(ctx);
  });
}

function day(name: "from" | "to") {
  return field((text, ctx): string | undefined => {
    const value = text.trim();
    if (!value) return undefined;
    return isDay(value) ? value : refuseAs(ctx, "dayInvalid", name);
  });
}

/** The filter's fields, each read on its own: empty means "any"; anything else unknown is a problem to show. */
export const signatureFilterFields = {
  q: field((text, ctx): string | undefined => {
    const q = text.trim();
    if (q.length > SEARCH_MAX_LENGTH) return refuseAs(ctx, "searchTooLong", SEARCH_MAX_LENGTH);
    return q || undefined;
  }),
  status: oneOf(SIGNATURE_STATUSES, (ctx) => refuseAs(ctx, "statusInvalid")),
  kind: oneOf(SIGNATURE_KINDS, (ctx) => refuseAs(ctx, "kindInvalid")),
  country: field((text, ctx): string | undefined => {
    const country = text.trim().toUpperCase();
    if (!country) return undefined;
    return isCountryCode(country) ? country : refuseAs(ctx, "countryCode");
  }),
  channel: oneOf(SIGNATURE_CHANNELS, (ctx) => refuseAs(ctx, "channelInvalid")),
  flagged: field((text): true | undefined => (text.trim() === "1" ? true : undefined)),
  verified: oneOf(["yes", "no"] as const, (ctx) => refuseAs(ctx, "verifiedInvalid")),
  from: day("from"),
  to: day("to"),
};

/** The filter the fields make (only the ones given), refusing a "Signed from" after "Signed until". */
export function filterOf(fields: SignatureFilter, ctx: core.ParsePayload): SignatureFilter {
  const filter: SignatureFilter = {};
  for (const name of FILTER_PARAMS) {
    // Only the fields given: a key set to undefined would still count as a narrowing in a spread.
    if (fields[name] !== undefined) (filter as Record<string, unknown>)[name] = fields[name];
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    ctx.issues.push({
      code: "custom",
      ...issueAs("fromAfterTo"),
      input: fields,
      path: ["to"],
    });
  }
  return filter;
}

/**
 * The filter alone, as the forms that keep it carry it in hidden fields (a
 * signature's moderation buttons).
 */
export const signatureFilterSchema = pipe(
  object(signatureFilterFields),
  transform((fields, ctx) => filterOf(fields, ctx)),
);

/** A page of the list: the cursor `before` is the id the previous page ended at. */
const cursor = field((text, ctx): number | undefined => {
  if (text === "") return undefined;
  return /^\d{1,15}$/.test(text) ? Number(text) : refuseAs(ctx, "pageLink");
});

/** What the organizers did to an organization's verification (app/moderation.ts setOrganizationVerification), as the list page reports it. */
export const VERIFICATION_OUTCOMES = [
  "verified",
  "already-verified",
  "unverified",
  "unverified-domain",
  "not-verified",
] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** What was done to a signature waiting for its email confirmation, besides rejecting it. */
export const WAITING_OUTCOMES = ["resent", "confirmed-on-request"] as const;
export type WaitingOutcome = (typeof WAITING_OUTCOMES)[number];

/**
 * What the list page says was just done: a moderation of `count` signatures, one added by hand, or
 * a change to an organization's verification.
 */
export type SignaturesDone =
  | {
      action: ModerationAction;
      count: number;
      /** Organizations not restored because another signature holds them now (app/moderation.ts moderateSignatures). */
      held?: number;
    }
  | "added"
  | { verification: VerificationOutcome }
  /** A confirmation email sent again (`left`: how many more its allowance takes today), or a signature confirmed on request. */
  | { waiting: WaitingOutcome; left?: number }
  | null;

function doneOf(
  done: ModerationAction | "added" | VerificationOutcome | WaitingOutcome | null,
  count: number,
  held: number,
): SignaturesDone {
  if (done === null || done === "added") return done;
  if (done === "resent") return { waiting: done, left: count };
  if (done === "confirmed-on-request") return { waiting: done };
  if ((VERIFICATION_OUTCOMES as readonly string[]).includes(done)) return { verification: done as VerificationOutcome };
  return held > 0 ? { action: done as ModerationAction, count, held } : { action: done as ModerationAction, count };
}

/** The list page's query: its filter, the page, and what was just done. */
export interface SignatureListQuery {
  filter: SignatureFilter;
  before: number | undefined;
  done: SignaturesDone;
}

/**
 * The organizers' list of a letter's signatures
 * (GET /admin/letters/{slug}/signatures): its filter, the page (`before`),
 * and what was just done (`done`, with `n` signatures, and `held` organizations not restored).
 */
export const signatureListQuerySchema = pipe(
  object({
    ...signatureFilterFields,
    before: cursor,
    done: doneField([...MODERATION_ACTIONS, "added", ...VERIFICATION_OUTCOMES, ...WAITING_OUTCOMES]),
    n: field((text) => (/^\d{1,7}$/.test(text) ? Number(text) : 1)),
    held: field((text) => (/^\d{1,7}$/.test(text) ? Number(text) : 0)),
  }),
  transform(({ before, done, n, held, ...fields }, ctx): SignatureListQuery => ({
    filter: filterOf(fields, ctx),
    before,
    done: doneOf(done, n, held),
  })),
);

/** A signature's reference, as the list's checkboxes carry it. */
const REF = /^[0-9a-f]{32}$/;

/** Repeated references (`ref=…&ref=…`), each once; anything else left out. */
const refList = pipe(
  optional(unknown()),
  transform((raw) => [
    ...new Set(
      (Array.isArray(raw) ? raw : [raw]).filter((ref): ref is string => typeof ref === "string" && REF.test(ref)),
    ),
  ]),
);

/**
 * A bulk moderation (POST /admin/letters/{slug}/signatures/bulk): the
 * action, the signatures ticked (`ref`, repeated) or the filter's, and
 * whether it is being reviewed or applied.
 */
export const bulkModerationSchema = pipe(
  object({
    ...signatureFilterFields,
    action: field((text, ctx): ModerationAction =>
      (MODERATION_ACTIONS as readonly string[]).includes(text)
        ? (text as ModerationAction)
        : refuseAs(ctx, "actionInvalid"),
    ),
    // The signatures ticked, every row of the page shown (its `page_ref`s), or every one the filter matches.
    scope: field((text): "selected" | "page" | "matching" =>
      text === "matching" ? "matching" : text === "page" ? "page" : "selected",
    ),
    ref: refList,
    page_ref: refList,
    step: field((text): "review" | "apply" => (text === "apply" ? "apply" : "review")),
  }),
  transform(({ action, scope, ref: ticked, page_ref, step, ...fields }, ctx) => {
    // "Every row on this page" works without a script: the page carries its rows' references.
    const ref = scope === "page" ? page_ref : ticked;
    if (scope !== "matching" && ref.length === 0) {
      ctx.issues.push({
        code: "custom",
        ...issueAs("noneTicked"),
        input: ref,
        path: ["ref"],
      });
    }
    return { filter: filterOf(fields, ctx), action, scope, refs: ref, step };
  }),
);

/** The filter as query parameters, for links and forms that keep it. */
export function filterParams(filter: SignatureFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = filter[name];
    if (value === undefined || value === false) continue;
    params.set(name, value === true ? "1" : value);
  }
  return params;
}

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: SignatureFilter): boolean {
  return filterParams(filter).size === 0;
}

/**
 * The organizers' JSON API's list (GET /admin/api/letters/{slug}/signatures):
 * `status`, `flagged=1`, and the cursor `before` from the previous page.
 */
/** A page's cursor (`before`: a signature's id, from a previous page's `next_before`), or undefined. */
const beforeCursor = () =>
  field((text, ctx): number | undefined => {
    if (text === "") return undefined;
    return /^\d{1,15}$/.test(text) ? Number(text) : refuse(ctx, "before must be a cursor from a previous page.");
  });

export const apiSignaturesQuerySchema = object({
  status: oneOf(SIGNATURE_STATUSES, (ctx) => refuse(ctx, `status must be one of ${SIGNATURE_STATUSES.join(", ")}.`)),
  flagged: field((text) => text === "1"),
  before: beforeCursor(),
});

/** GET /admin/api/letters/{slug}/sources: the signatures before `before` (an id) when given. */
export const apiSourcesQuerySchema = object({ before: beforeCursor() });

/** The most a reason given for confirming a signature on request may say (characters; migrations/0020). */
export const REASON_MAX_LENGTH = 500;

/**
 * Confirming a signature waiting for its email on its signer's request
 * (POST /admin/letters/{slug}/signatures/{ref}/confirm): the reason, required
 * (it goes to the activity log), without control or format characters but the
 * textarea's line breaks and tabs (domain/text.ts organizerTextIssue:
 * "reasonUnprintable"), and the list's filter to go back to.
 */
export const confirmOnRequestSchema = pipe(
  object({
    ...signatureFilterFields,
    reason: field((text, ctx) => {
      const reason = text.trim();
      if (!reason) return refuseAs(ctx, "reasonMissing");
      // Line breaks and tabs are the textarea's own; any other control or format character is refused.
      if (organizerTextIssue(reason.replace(/[\r\n\t]/g, " "))) return refuseAs(ctx, "reasonUnprintable");
      if (reason.length > REASON_MAX_LENGTH) return refuseAs(ctx, "reasonTooLong", REASON_MAX_LENGTH, reason.length);
      return reason;
    }),
  }),
  transform(({ reason, ...fields }, ctx) => ({ filter: filterOf(fields, ctx), reason })),
);
