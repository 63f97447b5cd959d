/**
 * The query parameters of the public pages, their JSON and the embed, as
 * zod schemas read with `zValidator("query", …)` (see http/validation.ts
 * `publicQuery`). A refused parameter says how it is answered (a
 * QueryRefusal); the first one refused decides the answer, in the order of
 * each schema's fields. The public API's own parameters are in
 * domain/public-api.ts. Pure: no I/O.
 */
// zod/mini with named imports keeps the Worker small (see domain/signature.ts).
import { object, pipe, transform, type core } from "zod/mini";
import { decodeCursor, type SignatoryCursor } from "./cursor";
import { normalizeSource } from "./embed";
import { queryParam, refuse, type FormIssues } from "./form-fields";
import { isLocale, type Locale } from "./i18n";
import type { ProblemKind } from "./problem-types";

/**
 * How a refused query parameter is answered:
 * - `status` and `title`, with the issue's message, in English: the API,
 *   oEmbed and the record are read by programs and their developers;
 * - `words`: a page's words, in the reader's language (locales'
 *   `errors.cursor`; for "language", the 404 of a language the interface
 *   doesn't have, see http/language.ts `languageNotOffered`; for "entry",
 *   the 404 of a record entry's number that can't be one, `errors.entryNumber`).
 * `kind` is its kind in the API's registry (domain/problem-types.ts).
 */
export type QueryRefusal =
  { status: 400 | 404 | 501; title: string; kind?: ProblemKind } | { words: "cursor" | "language" | "entry" };

/** Refuses the query parameter being read, to be answered as `refusal` says with `message`. */
export function refuseQuery(ctx: core.ParsePayload, refusal: QueryRefusal, message = ""): never {
  return refuse(ctx, message, { refusal });
}

/** How the first refused parameter of `error` is to be answered; null when its schema did not say. */
export function queryRefusal(error: FormIssues): { refusal: QueryRefusal; message: string } | null {
  const issue = error.issues[0];
  const refusal = issue?.params?.refusal as QueryRefusal | undefined;
  return issue && refusal ? { refusal, message: issue.message } : null;
}

const unknownLanguage = (ctx: core.ParsePayload) => refuseQuery(ctx, { words: "language" });
const brokenCursor = (ctx: core.ParsePayload) => refuseQuery(ctx, { words: "cursor" });

/**
 * ?lang=: one of the interface's languages (domain/i18n.ts LOCALES), null
 * when absent. Anything else, repeated or empty included, is a 404, so that
 * random values never make cache entries.
 */
export const langParam = queryParam(
  (text, ctx): Locale | null => (text === undefined ? null : isLocale(text) ? text : unknownLanguage(ctx)),
  unknownLanguage,
);

/**
 * ?cursor= of a page of signatories (the page, its JSON, the API): null when
 * absent or empty (the first page); a cursor we did not make (see
 * domain/cursor.ts decodeCursor), or more than one, is a 400.
 */
export const signatoryCursorParam = queryParam(
  (text, ctx): SignatoryCursor | null => (text ? (decodeCursor(text) ?? brokenCursor(ctx)) : null),
  brokenCursor,
);

const badAfter = (ctx: core.ParsePayload) =>
  refuseQuery(
    ctx,
    { status: 400, title: "This record link is not valid", kind: "invalid-parameter" },
    "The after= parameter must be the number of an entry of the record.",
  );

/**
 * ?after= of the record (its JSON and the API): the number of the last
 * entry already read, 0 when absent; anything but one whole number of at
 * most 15 digits (a safe integer) is a 400.
 */
export const afterParam = queryParam(
  (text, ctx): number => (text === undefined ? 0 : /^\d{1,15}$/.test(text) ? Number(text) : badAfter(ctx)),
  badAfter,
);

const notAnEntry = (ctx: core.ParsePayload) => refuseQuery(ctx, { words: "entry" });

/**
 * A record entry's number as a path names it: 1, 2, 3… in digits, without a
 * leading zero (one address per entry, so one cached copy), at most 15 of
 * them (a safe integer). Anything else ("0", "-1", "1e3", "abc") is the 404
 * of an entry that does not exist, never a 500.
 */
function entryNumber(text: string | undefined, ctx: core.ParsePayload): number {
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : notAnEntry(ctx);
}

/** GET /letters/{slug}/record/{seq}: the entry's number (the path's parameters, read with `zValidator("param", …)`). */
export const recordEntryParamsSchema = object({ seq: queryParam(entryNumber) });

/** GET /letters/{slug}/record/{seq}.json: the entry's number, from the path's last segment ("12.json"). */
export const recordEntryJsonParamsSchema = object({
  file: queryParam((text, ctx) =>
    entryNumber(text?.endsWith(".json") ? text.slice(0, -".json".length) : undefined, ctx),
  ),
});

/** GET /letters/{slug}, its .json, and an entry of its record (/letters/{slug}/record/{seq}): the language. */
export const letterQuerySchema = object({ lang: langParam });

/** GET /letters/{slug}/signatories: the language, then the page. */
export const signatoriesPageQuerySchema = object({ lang: langParam, cursor: signatoryCursorParam });

/** GET /letters/{slug}/signatories.json: the page. */
export const signatoriesJsonQuerySchema = object({ cursor: signatoryCursorParam });

/** GET /letters/{slug}/record.json and the API's record: the entry after which the page starts. */
export const recordQuerySchema = object({ after: afterParam });

/** A record size in a query (a safe integer: at most 15 digits), or null when absent; `refused` answers anything else. */
function sizeParam(refused: (ctx: core.ParsePayload) => never, { required = false } = {}) {
  return queryParam(
    (text, ctx): number | null =>
      text === undefined && !required ? null : /^\d{1,15}$/.test(text ?? "") ? Number(text) : refused(ctx),
    refused,
  );
}

const badBefore = (ctx: core.ParsePayload) =>
  refuseQuery(
    ctx,
    { status: 400, title: "This checkpoints link is not valid" },
    "The before= parameter must be the size of a checkpoint: a whole number, as in the next_url of a previous page.",
  );

/** GET /letters/{slug}/checkpoints: the size below which the page starts (null: the newest first). */
export const checkpointsQuerySchema = object({ before: sizeParam(badBefore) });

const badRange = (name: "from" | "to") => (ctx: core.ParsePayload) =>
  refuseQuery(
    ctx,
    { status: 400, title: "This proof link is not valid" },
    name === "from"
      ? "The from= parameter must be the size of the record you kept (a checkpoint's size), a whole number such as 12."
      : "The to= parameter must be a size of the record, a whole number (or left out for its current length).",
  );

/**
 * GET /letters/{slug}/record/consistency.json: the two sizes to prove the
 * record consistent between (from= required; to= the sealed length when
 * absent), each a whole number once; from beyond to is a 400.
 */
export const consistencyQuerySchema = pipe(
  object({
    from: sizeParam(badRange("from"), { required: true }),
    to: sizeParam(badRange("to")),
  }),
  transform((query, ctx) =>
    query.to !== null && query.from! > query.to
      ? refuseQuery(
          ctx,
          { status: 400, title: "No proof backwards" },
          `from= (${query.from}) must be at most to= (${query.to}): a record only grows.`,
        )
      : { from: query.from!, to: query.to },
  ),
);

/**
 * GET /letters/{slug}/embed: the language; the partner's attribution
 * (normalized, null when it is not one: see domain/embed.ts
 * normalizeSource); and the sealed receipt of its thank-you state, as sent
 * (opened by the route, which holds the key; undefined when absent).
 */
export const embedQuerySchema = object({
  lang: langParam,
  source: queryParam((text) => normalizeSource(text)),
  receipt: queryParam((text) => text),
});

/** The oEmbed sizes a consumer may ask for (maxwidth, maxheight), in CSS pixels. */
export const OEMBED_MAX_DIMENSION = 10_000;

/** ?maxwidth= or ?maxheight= of oEmbed: a whole number of pixels from 1 to 10,000, null when absent or empty. */
function dimensionParam(name: "maxwidth" | "maxheight") {
  return queryParam((text, ctx): number | null => {
    if (text === undefined || text === "") return null;
    const number = Number(text);
    if (/^\d{1,5}$/.test(text) && number >= 1 && number <= OEMBED_MAX_DIMENSION) return number;
    return refuseQuery(
      ctx,
      { status: 400, title: `${name} is not a size` },
      `${name} must be a whole number of pixels between 1 and ${OEMBED_MAX_DIMENSION}, not “${text.slice(0, 20)}”.`,
    );
  });
}

/**
 * GET /oembed (https://oembed.com, section 2.2): the letter's address (a
 * 400 without one), the format (json, the default; anything else is the
 * 501 the spec asks for), and the largest size the consumer can show.
 */
export const oembedQuerySchema = object({
  url: queryParam(
    (text, ctx): string =>
      text ||
      refuseQuery(
        ctx,
        { status: 400, title: "Which letter?" },
        "Give the letter's address in ?url=, e.g. /oembed?url=https://…/letters/some-letter&format=json.",
      ),
  ),
  format: queryParam((text, ctx): "json" =>
    (text ?? "json") === "json"
      ? "json"
      : refuseQuery(
          ctx,
          { status: 501, title: "Only JSON" },
          "This oEmbed provider answers in JSON only (format=json).",
        ),
  ),
  maxwidth: dimensionParam("maxwidth"),
  maxheight: dimensionParam("maxheight"),
});

/**
 * GET /letters/{slug}/signed and /confirmed: the language, and the sealed
 * receipt as sent (opened by the route, which holds the key; null when absent).
 */
export const receiptQuerySchema = object({
  lang: langParam,
  receipt: queryParam((text): string | null => text || null),
});

/**
 * GET /letters/{slug}/confirm and /withdraw: the language, and the link's
 * token as sent ("" when absent). Any token is read: a malformed one is a
 * dead link like any other (app/signature-links.ts), never a different answer.
 */
export const linkQuerySchema = object({
  lang: langParam,
  token: queryParam((text): string => text ?? ""),
});

/**
 * POST /letters/{slug}/signatures: whether the form came from the embed card
 * (?embed=1), and then the partner's attribution (normalized, see
 * domain/embed.ts normalizeSource).
 */
export const signQuerySchema = object({
  embed: queryParam((text): boolean => text === "1"),
  source: queryParam((text) => normalizeSource(text)),
});

/**
 * The form behind a confirmation or withdrawal link's button (POST): the
 * link's token as sent ("" when absent: a dead link like any other) and, on
 * the confirm page, what the page showed (see app/signature-links.ts shownDetails).
 */
export const linkFormSchema = object({
  token: queryParam((text): string => text ?? ""),
  shown: queryParam((text): string | undefined => text),
});
