/**
 * The public API's contract (/api/v1): its query parameters and response
 * shapes, as zod schemas, and the OpenAPI 3.1 document generated from the
 * shapes: what the API promises is what the tests check every response
 * against. Pure: no I/O.
 */
// zod/mini with named imports keeps the Worker small (see domain/signature.ts).
import {
  array,
  boolean,
  describe as described,
  enum as zenum,
  int,
  literal,
  nullable,
  number,
  object,
  optional,
  type output,
  pipe,
  record,
  string,
  toJSONSchema,
  transform,
  type ZodMiniType,
} from "zod/mini";
import { isCountryCode } from "./countries";
import { decodeLetterCursor, type LetterListCursor } from "./cursor";
import { queryParam } from "./form-fields";
import { LOCALES } from "./i18n";
import { langParam, refuseQuery, signatoryCursorParam } from "./public-query";
import type { ReceiptOutcome } from "./receipt";
import { RECORD_EVENTS } from "./record";
import { ORGANIZATION_VERIFICATIONS, type SignatureKind } from "./signature";

const counts = object({ total: number(), organizations: number(), individuals: number() }).check(
  described(
    "Signatures counted: confirmed (and, for organizations under review, approved). Signatures waiting for their email confirmation or a review are never published: that number would move exactly when a new address signs.",
  ),
);
const status = zenum(["open", "closed"]);
const kind = zenum(["organization", "individual"]);
const text = nullable(string());
const signatory = object({
  ref: string().check(
    described(
      "The signature's public reference, as in its record entries: joins the list to /letters/{slug}/record.json.",
    ),
  ),
  kind,
  name: string(),
  organization: text,
  title: text,
  city: text,
  country: text,
  website: nullable(string()).check(
    described("An organization's website, as an absolute http(s) URL, when it gave one; null for individuals."),
  ),
  verified: nullable(
    object({
      by: zenum(ORGANIZATION_VERIFICATIONS),
      at: string(),
      domain: nullable(string()),
    }),
  ).check(
    described(
      "An organization's verification, or null. by: email-domain when the person who signed for it confirmed an email address at the registrable domain of its website (domain names that domain; webmail never counts), organizers when the letter's organizers marked it verified by hand (domain null). at: when (ISO 8601). An organization's contact person is never published.",
    ),
  ),
  signed_at: string(),
});
/** One entry of a letter's record, as record.json publishes it (domain/letter-json.ts recordEntryJson); the verifier reads it with this schema too. */
const recordEntry = object({
  seq: int(),
  event: zenum(RECORD_EVENTS).check(
    described(
      "signed and withdrawn are the signer's; hidden, rejected, restored and removed the organizers'; text a published version of the letter's text.",
    ),
  ),
  ref: string(),
  // Null for a text entry (a published version of the letter's text: see versions_url).
  kind: nullable(kind),
  name: text,
  organization: text,
  title: text,
  city: text,
  country: text,
  salt: text,
  at: string(),
  digest: string(),
  hash: string(),
});
const language = object({ code: string(), name: string(), url: string(), json_url: string() });
const letterSummary = object({
  slug: string(),
  title: string(),
  language: string(),
  languages: array(language),
  url: string(),
  json_url: string(),
  status,
  counts,
});

const checkpoint = object({
  size: number(),
  root: string(),
  time: string(),
  note: string().check(
    described(
      "The checkpoint as a C2SP signed note (https://c2sp.org/tlog-checkpoint): origin line ({key name}/letters/{slug}), size, base64 root, a time line, a blank line, and the signature line. Check it with the key at key_url.",
    ),
  ),
  url: string(),
});
const recordSummary = object({
  length: number(),
  root: text,
  complete: boolean(),
  url: string(),
  checkpoint: nullable(checkpoint).check(
    described(
      "The latest signed checkpoint of the record (null when the site signs none, or before the first). Keep it: /letters/{slug}/record/consistency.json?from={its size} proves the record later still extends it.",
    ),
  ),
  checkpoints_url: string(),
  key_url: string(),
});

export const apiSchemas = {
  Checkpoint: checkpoint,
  RecordSummary: recordSummary,
  Counts: counts,
  Language: language,
  Signatory: signatory,
  LetterSummary: letterSummary,
  LettersPage: object({
    letters: array(letterSummary),
    next_cursor: nullable(string()),
    next_url: nullable(string()),
  }),
  Letter: object({
    slug: string(),
    title: string(),
    summary: string(),
    date: string(),
    addressee: string(),
    language: string(),
    languages: array(language),
    status,
    closes_at: text,
    closes_time_zone: nullable(string()).check(
      described(
        'The IANA time zone the closing time was set in and is shown in ("America/Tegucigalpa"; "UTC" for letters that set none); null without a closing time.',
      ),
    ),
    delivered_on: text,
    delivery_note: text.check(
      described(
        "The organizers' note about the delivery, in this document's language when they wrote one in it, else in the letter's original language (see delivery_note_language).",
      ),
    ),
    delivery_note_language: text,
    text_updated_at: text,
    body_html: string(),
    counts,
    record: recordSummary,
    signatories: array(signatory),
    next_cursor: text,
    next_url: text,
    url: string(),
    json_url: string(),
    sign_url: string(),
    signatories_url: string(),
    versions_url: string(),
  }),
  SignatoriesPage: object({
    letter: object({ slug: string(), title: string(), url: string(), counts }),
    signatories: array(signatory),
    next_cursor: text,
    next_url: text,
  }),
  LetterCounts: object({ slug: string(), status, counts, url: string() }),
  RecordEntry: recordEntry,
  RecordPage: object({
    letter: object({ slug: string(), url: string(), json_url: string(), counts }),
    record: recordSummary,
    entries: array(recordEntry),
    next_after: nullable(number()),
    next_url: text,
  }),
  VersionsPage: object({
    letter: object({ slug: string(), url: string() }),
    versions: array(
      object({
        ref: string().check(described("The version's name, \"{language}@{number}\": its record entry's ref.")),
        language: string(),
        number: number(),
        title: string(),
        summary: string(),
        addressee: string(),
        body_markdown: string(),
        published_at: string(),
        digest: string().check(
          described(
            "SHA-256 (hex) of the JSON array [language, title, summary, addressee, body_markdown]: its record entry's digest.",
          ),
        ),
        seq: number(),
      }),
    ),
  }),
  SignatureRequest: object({
    kind: zenum(["organization", "individual"]).check(
      described(
        "Whom the signature is for. An organization gives organization_name, contact_name and authorized (and may give website and contact_role); an individual gives name (and may give organization and title). A field of the other kind's group is refused (422), never dropped.",
      ),
    ),
    organization_name: optional(text).check(
      described("For an organization: its name, as published (public). Required for an organization."),
    ),
    website: optional(text).check(
      described(
        "For an organization: its website (public), like `example.org` or `https://example.org/`. When its contact's confirmed email address is at the website's registrable domain (webmail never counts), the organization is marked verified.",
      ),
    ),
    contact_name: optional(text).check(
      described(
        "For an organization: the name of the person signing for it (private: organizers see it, the public never). Required for an organization.",
      ),
    ),
    contact_role: optional(text).check(described("For an organization: the contact person's role in it (private).")),
    authorized: optional(boolean()).check(
      described(
        "For an organization: true states that its contact is authorized to sign on its behalf (recorded with the signature). Required (true) for an organization.",
      ),
    ),
    name: optional(text).check(
      described(
        "For an individual: their full name (public). Required for an individual. (An organization's name goes in organization_name, its contact's in contact_name.)",
      ),
    ),
    email: string().check(
      described(
        "The signer's email address (an organization's: its contact's), where the confirmation is sent (never published). The domain may be internationalized (`ana@correo.españa.es`): it is kept and written to in its ASCII form (`ana@correo.xn--espaa-rta.es`), which is the same address. One individual signature per mailbox: spellings that reach one inbox (capitals, a `+tag`, and for gmail.com and googlemail.com dots in the name) sign once as an individual; a repeat gets the same answer as a new signer, stores nothing, and its address is sent the usual email. One signature per organization (by its normalized name): the same contact repeating is a repeat; another contact gets 409. The same address may sign once for an organization and once as an individual.",
      ),
    ),
    organization: optional(text).check(described("For an individual: their organization or affiliation (public).")),
    title: optional(text).check(described("For an individual: their title (public).")),
    city: optional(text),
    country: optional(text),
    hide_name: optional(boolean()),
    notify_delivery: optional(boolean()).check(
      described(
        "true: the signer asked to be emailed once when the organizers mark the letter delivered, as the sign form's unticked box “Email me when this letter is delivered” asks (send true only when the signer ticked such a box themselves). The consent is recorded with the signature; the email, in the letter's original language, carries an unsubscribe link and RFC 8058 one-click List-Unsubscribe headers. Sent only while the signature is confirmed and its email kept.",
      ),
    ),
    source: optional(text),
    "cf-turnstile-response": optional(string()),
  }),
  SignatureAccepted: object({
    status: literal("accepted"),
    outcome: zenum(["counted", "confirm-email", "review"]),
    letter: object({ slug: string(), url: string() }),
    /**
     * The private link to take the signature back, when no email carries it (the letter counts
     * signatures at once). Absent for "confirm-email": the link is in the email, so nothing in the
     * answer can act on a signature the address's owner made.
     */
    withdraw_url: optional(string()),
  }),
  /** RFC 9457 problem details: every error of the API. */
  Problem: object({
    type: string(),
    title: string(),
    status: number(),
    detail: string(),
    errors: optional(record(string(), string())),
  }),
} satisfies Record<string, ZodMiniType>;

export type ApiSchemaName = keyof typeof apiSchemas;

/**
 * The API's query parameters, read with `zValidator("query", …)` (see
 * http/validation.ts `publicQuery`), each refused with a problem detail
 * (see domain/public-query.ts QueryRefusal); the first refused, in each
 * schema's order, is the one answered. A repeated status, cursor, kind or
 * country is read as its first value, as the edge cache keys it.
 */
export const apiQuerySchemas = {
  /** GET /letters: open or closed letters only (every letter when absent), and the page. */
  letters: object({
    status: queryParam((text, ctx): "open" | "closed" | undefined =>
      text === undefined || text === "open" || text === "closed"
        ? text
        : refuseQuery(
            ctx,
            { status: 400, title: "Unknown status" },
            "status must be open or closed (or left out for every letter).",
          ),
    ),
    cursor: queryParam((text, ctx): LetterListCursor | null =>
      text
        ? (decodeLetterCursor(text) ??
          refuseQuery(
            ctx,
            { status: 400, title: "This cursor is not valid" },
            "Use the next_cursor of a previous page, or leave cursor out for the first.",
          ))
        : null,
    ),
  }),
  /** GET /letters/{slug}: the language of its text. */
  letter: object({ lang: langParam }),
  /** GET /letters/{slug}/signatories: one kind, one country (ISO 3166-1 alpha-2, any case), and the page, of that kind. */
  signatories: pipe(
    object({
      kind: queryParam((text, ctx): SignatureKind | undefined =>
        text === undefined || text === "organization" || text === "individual"
          ? text
          : refuseQuery(
              ctx,
              { status: 400, title: "Unknown kind" },
              "kind must be organization or individual (or left out for both).",
            ),
      ),
      country: queryParam((text, ctx): string | undefined => {
        const country = text?.toUpperCase();
        return country === undefined || isCountryCode(country)
          ? country
          : refuseQuery(
              ctx,
              { status: 400, title: "Unknown country" },
              "country must be a two-letter ISO 3166-1 code, such as HN or US.",
            );
      }),
      cursor: signatoryCursorParam,
    }),
    transform((query, ctx) =>
      query.kind && query.cursor && query.cursor.kind !== query.kind
        ? refuseQuery(
            ctx,
            { status: 400, title: "This cursor is not valid" },
            "This cursor belongs to a list of another kind.",
          )
        : query,
    ),
  ),
};

/** The JSON Schema of each response shape, for the OpenAPI document and the tests. */
export function apiJsonSchemas(): Record<ApiSchemaName, object> {
  return Object.fromEntries(
    Object.entries(apiSchemas).map(([name, schema]) => [name, toJSONSchema(schema, { target: "draft-2020-12" })]),
  ) as Record<ApiSchemaName, object>;
}

const ref = (name: ApiSchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ApiSchemaName, description: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const slug = {
  name: "slug",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
  description: "The letter's address, as in /letters/{slug}.",
};
const cursor = {
  name: "cursor",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "next_cursor from the previous page; absent for the first.",
};
const lang = {
  name: "lang",
  in: "query",
  required: false,
  schema: { type: "string", enum: [...LOCALES] },
  description:
    "The language of the letter's text (title, summary, addressee, body): one of its `languages`. Absent for its original language; a language it has no translation into is a 404.",
};

/** The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(origin: string) {
  const schemas = apiJsonSchemas();
  // Each component is a schema of its own, not a document: no $schema inside.
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
      return [name, rest];
    }),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Undersigned public API",
      version: "1.0.0",
      description:
        "Open letters and their public signatories. Every GET response is cached at the edge for about a minute, carries an ETag, and may be read from any origin (CORS). Emails and IP addresses are never part of an answer.",
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/letters": {
        get: {
          summary: "Published letters, newest first",
          parameters: [
            {
              name: "status",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["open", "closed"] },
              description: "Only letters open for signatures, or only closed ones.",
            },
            cursor,
          ],
          responses: {
            "200": json("LettersPage", "A page of up to 50 letters."),
            "400": problem("A bad status or cursor."),
          },
        },
      },
      "/letters/{slug}": {
        get: {
          summary: "One letter, with its first page of signatories, in one of its languages",
          parameters: [slug, lang],
          responses: {
            "200": json("Letter", "The letter, in `language`; `languages` lists every language it can be read in."),
            "404": problem("No published letter at that address, or not in that language."),
          },
        },
      },
      "/letters/{slug}/signatories": {
        get: {
          summary: "A letter's public signatories, a page at a time (organizations first)",
          parameters: [
            slug,
            cursor,
            {
              name: "kind",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["organization", "individual"] },
              description: "Only organizations, or only individuals.",
            },
            {
              name: "country",
              in: "query",
              required: false,
              schema: { type: "string", pattern: "^[A-Za-z]{2}$" },
              description: "Only signatories from this country (ISO 3166-1 alpha-2).",
            },
          ],
          responses: {
            "200": json("SignatoriesPage", "A page of signatories."),
            "400": problem("A bad kind, country or cursor."),
            "404": problem("No published letter at that address."),
          },
        },
      },
      "/letters/{slug}/signatures": {
        post: {
          summary: "Sign a letter, for partners' own forms and CRMs",
          description:
            "The sign form's rules: the same validation, rate limit per client, bot checks (Turnstile's token when the site uses it), confirmation by email and review of organizations. A repeated email (any spelling of a mailbox that signed, see `email`) gets the same answer as a new one. Errors are problem details; a 422 lists each field's problem in `errors`.",
          parameters: [slug],
          requestBody: { required: true, content: { "application/json": { schema: ref("SignatureRequest") } } },
          responses: {
            "202": json("SignatureAccepted", "Received: what happens next is in `outcome`."),
            "400": problem("Not a JSON object, or fields this API does not take."),
            "403": problem("Turnstile is on and the token is missing or wrong."),
            "404": problem("No published letter at that address."),
            "409": problem(
              "Signing has closed, or the organization has already signed (or waits for its contact's confirmation) through another contact.",
            ),
            "413": problem("More than 16 KB."),
            "415": problem("Not application/json."),
            "422": problem("Fields with problems, listed in `errors`."),
            "429": problem("Too many signatures from this client; see Retry-After."),
            "503": problem("Storage or Turnstile did not answer: nothing was saved; see Retry-After."),
          },
        },
      },
      "/letters/{slug}/record": {
        get: {
          summary:
            "The letter's tamper-evident record of signatures, 1,000 entries a page (check it with `npm run verify`)",
          parameters: [
            slug,
            {
              name: "after",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 0 },
              description: "next_after from the previous page.",
            },
          ],
          responses: {
            "200": json("RecordPage", "A page of the record."),
            "400": problem("A bad after."),
            "404": problem("No published letter at that address."),
          },
        },
      },
      "/letters/{slug}/counts": {
        get: {
          summary: "A letter's counts only: the cheapest way to show a live counter",
          parameters: [slug],
          responses: {
            "200": json("LetterCounts", "The counts."),
            "404": problem("No published letter at that address."),
          },
        },
      },
    },
    components: { schemas: components },
  };
}

/** The `type` of the API's problem details: a page explaining the status. */
export function problemType(origin: string, status: number): string {
  return `${origin}/api/v1#problem-${status}`;
}

/** What an answer of the API holds, as its published schema (apiSchemas) describes it. */
export type ApiAnswer<N extends ApiSchemaName> = output<(typeof apiSchemas)[N]>;

/**
 * Problem details (RFC 9457), the shape of every error the API answers
 * (the `Problem` schema): `type` is the page explaining `status` (see
 * problemType); `errors`, for a 422, names each refused field with its problem.
 */
export function problemDetails(
  origin: string,
  status: number,
  title: string,
  detail: string,
  errors?: Record<string, string>,
): ApiAnswer<"Problem"> {
  return { type: problemType(origin, status), title, status, detail, ...(errors ? { errors } : {}) };
}

/**
 * The answer to a signature the API took (202, the `SignatureAccepted`
 * schema): what happens next (`outcome`: counted, an email to confirm, or the
 * organizers' review), the letter's page, and the signer's withdrawal link.
 */
export function signatureAccepted(
  outcome: ReceiptOutcome,
  letter: { slug: string; url: string },
  withdrawUrl: string | null,
): ApiAnswer<"SignatureAccepted"> {
  return { status: "accepted", outcome, letter, ...(withdrawUrl ? { withdraw_url: withdrawUrl } : {}) };
}

export const API_PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";
