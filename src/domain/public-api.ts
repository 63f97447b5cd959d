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
  object,
  optional,
  type output,
  pipe,
  record,
  registry,
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
import { PROBLEM_KINDS, PROBLEM_TYPES, problemTypeUri, type ProblemKind } from "./problem-types";

const counts = object({ total: int(), organizations: int(), individuals: int() }).check(
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
  size: int(),
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
  length: int(),
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

/** What /api/v1/problems/{kind} answers a client that asks for JSON (domain/problem-types.ts). */
const problemType = object({
  type: string().check(described("The type URI: the `type` of the problems of this kind, and this page's address.")),
  title: string(),
  status: int(),
  about: string().check(described("What the problem means.")),
  todo: string().check(described("What the client should do about it.")),
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
    next_after: nullable(int()),
    next_url: text,
  }),
  VersionsPage: object({
    letter: object({ slug: string(), url: string() }),
    versions: array(
      object({
        ref: string().check(described("The version's name, \"{language}@{number}\": its record entry's ref.")),
        language: string(),
        number: int(),
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
        seq: int(),
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
        "true: the signer asked to be emailed once when the organizers mark the letter delivered, as the sign form's unticked box “Email me when this letter is delivered” asks (send true only when the signer ticked such a box themselves). The consent is recorded with the signature; the email, in the letter's original language, carries an unsubscribe link and RFC 8058 one-click List-Unsubscribe headers. Sent only while the signature is confirmed and its email kept. Offered only on letters that confirm signatures by email (the consent is the confirming address owner's, and their confirm page states it); on a letter that counts signatures at once, true is refused (422, in `errors.notify_delivery`).",
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
    type: string().check(
      described(
        "The kind of problem, as a URI: a page documenting it (HTML, or JSON when asked for), one of those listed at /api/v1/problems. Programs test this, never the title or the status alone.",
      ),
    ),
    title: string().check(described("The kind's title, in English: the same for every problem of that type.")),
    status: int(),
    detail: string().check(described("What happened this time, in English, and what to do next.")),
    errors: optional(record(string(), string())).check(
      described("For invalid-signature (422): each refused field, with its problem."),
    ),
  }),
  ProblemType: problemType,
} satisfies Record<string, ZodMiniType>;

export type ApiSchemaName = keyof typeof apiSchemas;

/**
 * The API's query parameters, read with `zValidator("query", …)` (see
 * http/validation.ts `publicQuery`), each refused with a problem detail
 * (see domain/public-query.ts QueryRefusal); the first refused, in each
 * schema's order, is the one answered. A repeated status, cursor, kind or
 * country is read as its first value (and the edge cache keys the value read).
 */
export const apiQuerySchemas = {
  /** GET /letters: open or closed letters only (every letter when absent), and the page. */
  letters: object({
    status: queryParam((text, ctx): "open" | "closed" | undefined =>
      text === undefined || text === "open" || text === "closed"
        ? text
        : refuseQuery(
            ctx,
            { status: 400, title: "Unknown status", kind: "invalid-parameter" },
            "status must be open or closed (or left out for every letter).",
          ),
    ),
    cursor: queryParam((text, ctx): LetterListCursor | null =>
      text
        ? (decodeLetterCursor(text) ??
          refuseQuery(
            ctx,
            { status: 400, title: "This cursor is not valid", kind: "invalid-cursor" },
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
              { status: 400, title: "Unknown kind", kind: "invalid-parameter" },
              "kind must be organization or individual (or left out for both).",
            ),
      ),
      country: queryParam((text, ctx): string | undefined => {
        const country = text?.toUpperCase();
        return country === undefined || isCountryCode(country)
          ? country
          : refuseQuery(
              ctx,
              { status: 400, title: "Unknown country", kind: "invalid-parameter" },
              "country must be a two-letter ISO 3166-1 code, such as HN or US.",
            );
      }),
      cursor: signatoryCursorParam,
    }),
    transform((query, ctx) =>
      query.kind && query.cursor && query.cursor.kind !== query.kind
        ? refuseQuery(
            ctx,
            { status: 400, title: "This cursor is not valid", kind: "invalid-cursor" },
            "This cursor belongs to a list of another kind.",
          )
        : query,
    ),
  ),
};

/** Where each schema is, inside the OpenAPI document. */
const SCHEMA_URI = (name: string) => `#/components/schemas/${name}`;

/**
 * The JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of each shape,
 * by name, for the OpenAPI document's `components.schemas`: a shape used
 * inside another (Counts inside Letter) is a `$ref` to its own component,
 * never a copy.
 */
export function apiJsonSchemas(): Record<ApiSchemaName, Record<string, unknown>> {
  const shapes = registry<{ id: string }>();
  for (const [name, schema] of Object.entries(apiSchemas)) shapes.add(schema, { id: name });
  const { schemas } = toJSONSchema(shapes, { target: "draft-2020-12", uri: SCHEMA_URI });
  // Each component is a schema of the document, not a document of its own: no $schema or $id inside.
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [name, rest];
    }),
  ) as Record<ApiSchemaName, Record<string, unknown>>;
}

/**
 * The schemas with Problem's `type` narrowed to the registered types' URIs on this site: a problem of a
 * kind the registry lacks fails validation against the document.
 */
function withProblemTypes(schemas: Record<ApiSchemaName, Record<string, unknown>>, origin: string) {
  const problem = schemas.Problem as { properties: Record<string, Record<string, unknown>> };
  problem.properties.type = {
    ...problem.properties.type,
    enum: PROBLEM_KINDS.map((kind) => problemTypeUri(origin, kind)),
  };
  return schemas;
}

const ref = (name: ApiSchemaName) => ({ $ref: SCHEMA_URI(name) });
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** A cached GET's 200: its shape, with ETag and Cache-Control (http/page-cache.ts). */
const cachedJson = (name: ApiSchemaName, description: string) => ({
  description,
  headers: { ETag: header("ETag"), "Cache-Control": header("Cache-Control") },
  content: { "application/json": { schema: ref(name) } },
});

/**
 * An error answer: problem details of the kinds listed (domain/problem-types.ts),
 * each named with its type URI so that a reader of the document finds its page.
 */
const problem = (origin: string, description: string, kinds: ProblemKind[], retry = false) => ({
  description: `${description} Types: ${kinds.map((kind) => problemTypeUri(origin, kind)).join(", ")}.`,
  headers: {
    "Cache-Control": header("No-Store"),
    ...(retry ? { "Retry-After": header("Retry-After") } : {}),
  },
  content: { "application/problem+json": { schema: ref("Problem") } },
});

/**
 * The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json and
 * linted by `npm run lint:openapi` (Redocly's recommended rules and
 * Spectral's spectral:oas, with no error or warning). Every operation is
 * public (`security: []`), has an operationId, and its answers name the
 * headers a client relies on: ETag and Cache-Control (with 304 to a
 * matching If-None-Match), Retry-After, Location.
 *
 * @param origin the site's origin ("https://letters.example.org"), for `servers` and the problem types' URIs
 * @see https://spec.openapis.org/oas/v3.1.1.html
 */
export function openApiDocument(origin: string) {
  const letterNotFound = problem(origin, "No published letter at that address.", ["letter-not-found"]);
  return {
    openapi: "3.1.0",
    info: {
      title: "Undersigned public API",
      version: "1.0.0",
      summary: "Open letters, their public signatories and their tamper-evident records; signing from your own form.",
      description:
        "Open letters and their public signatories. Every GET answer is cached at the edge for about a minute, carries an ETag, and may be read from any origin (CORS, which exposes ETag, Retry-After and Location). Emails and IP addresses are never part of an answer. Errors are RFC 9457 problem details, one type per kind of problem, each documented at its type URI (the list: /api/v1/problems), in English whatever the client's language.",
      contact: { name: "The site's organizers", url: `${origin}/` },
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: `${origin}/api/v1`, description: "This site's public API." }],
    // Public: no operation needs a key.
    security: [],
    tags: [
      { name: "Letters", description: "Published letters, their signatories, counts and records." },
      { name: "Signatures", description: "Signing a letter from a partner's own form or CRM." },
      { name: "Problems", description: "The kinds of problem the API answers, each at its type URI." },
    ],
    paths: {
      "/letters": {
        get: {
          operationId: "listLetters",
          tags: ["Letters"],
          security: [],
          summary: "Published letters, newest first",
          description: "Up to 50 letters a page; follow next_url (or send next_cursor) for the next.",
          parameters: [parameter("Status"), parameter("Cursor")],
          responses: {
            "200": cachedJson("LettersPage", "A page of up to 50 letters."),
            "304": response("NotModified"),
            "400": problem(origin, "A bad status or cursor.", ["invalid-parameter", "invalid-cursor"]),
          },
        },
      },
      "/letters/{slug}": {
        get: {
          operationId: "getLetter",
          tags: ["Letters"],
          security: [],
          summary: "One letter, in one of its languages",
          description:
            "The letter's text, counts and record summary, with its first page of signatories, in `language`; `languages` lists every language it can be read in.",
          parameters: [parameter("Slug"), parameter("Lang")],
          responses: {
            "200": cachedJson("Letter", "The letter."),
            "304": response("NotModified"),
            "404": problem(origin, "No published letter at that address, or not in that language.", [
              "letter-not-found",
              "translation-not-found",
            ]),
          },
        },
      },
      "/letters/{slug}/signatories": {
        get: {
          operationId: "listSignatories",
          tags: ["Letters"],
          security: [],
          summary: "A letter's public signatories",
          description: "A page at a time, organizations first; kind and country narrow the list.",
          parameters: [parameter("Slug"), parameter("Cursor"), parameter("Kind"), parameter("Country")],
          responses: {
            "200": cachedJson("SignatoriesPage", "A page of signatories."),
            "304": response("NotModified"),
            "400": problem(origin, "A bad kind, country or cursor.", ["invalid-parameter", "invalid-cursor"]),
            "404": letterNotFound,
          },
        },
      },
      "/letters/{slug}/signatures": {
        post: {
          operationId: "signLetter",
          tags: ["Signatures"],
          security: [],
          summary: "Sign a letter, for partners' own forms and CRMs",
          description:
            "The sign form's rules: the same validation, rate limit per client, bot checks (Turnstile's token when the site uses it), confirmation by email and review of organizations. A repeated email (any spelling of a mailbox that signed, see `email`) gets the same answer as a new one. Errors are problem details; a 422 lists each field's problem in `errors`.",
          parameters: [parameter("Slug")],
          requestBody: { required: true, content: { "application/json": { schema: ref("SignatureRequest") } } },
          responses: {
            "202": {
              description: "Received: what happens next is in `outcome`.",
              headers: { Location: header("Location"), "Cache-Control": header("No-Store") },
              content: { "application/json": { schema: ref("SignatureAccepted") } },
            },
            "400": problem(origin, "Not one JSON object, or fields this API does not take.", [
              "malformed-body",
              "unknown-fields",
            ]),
            "403": problem(origin, "Turnstile is on and the token is missing or wrong.", ["turnstile-failed"]),
            "404": letterNotFound,
            "409": problem(
              origin,
              "Signing has closed, or the organization has already signed (or waits for its contact's confirmation) through another contact.",
              ["signing-closed", "organization-taken"],
            ),
            "413": problem(origin, "More than 16 KB.", ["content-too-large"]),
            "415": problem(origin, "Not application/json.", ["unsupported-media-type"]),
            "422": problem(origin, "Fields with problems, listed in `errors`.", ["invalid-signature"]),
            "429": problem(origin, "Too many signatures from this client.", ["too-many-requests"], true),
            "503": problem(
              origin,
              "Storage, Turnstile or the mailer did not answer.",
              ["storage-unavailable", "turnstile-unavailable", "email-not-sent", "service-unavailable"],
              true,
            ),
          },
        },
      },
      "/letters/{slug}/record": {
        get: {
          operationId: "getRecord",
          tags: ["Letters"],
          security: [],
          summary: "The letter's tamper-evident record",
          description:
            "Every signature counted or withdrawn and every published version of the text, 1,000 entries a page: anyone can recompute its hashes and check they add up to the counts (`npm run verify` does).",
          parameters: [parameter("Slug"), parameter("After")],
          responses: {
            "200": cachedJson("RecordPage", "A page of the record."),
            "304": response("NotModified"),
            "400": problem(origin, "A bad after.", ["invalid-parameter"]),
            "404": letterNotFound,
          },
        },
      },
      "/problems/{kind}": {
        get: {
          operationId: "getProblemType",
          tags: ["Problems"],
          security: [],
          summary: "One kind of problem: what it means and what to do",
          description:
            'The page a problem\'s `type` URI names: for people, or JSON when Accept prefers application/json. /problems lists every kind (as JSON: `{"problems": [ProblemType]}`).',
          parameters: [
            {
              name: "kind",
              in: "path",
              required: true,
              schema: { type: "string", enum: PROBLEM_KINDS },
              description: "The kind's name: the last segment of its type URI.",
            },
          ],
          responses: {
            "200": {
              description: "The problem type.",
              headers: { ETag: header("ETag"), "Cache-Control": header("Cache-Control"), Vary: header("Vary") },
              content: {
                "text/html": { schema: { type: "string" } },
                "application/json": { schema: ref("ProblemType") },
              },
            },
            "304": response("NotModified"),
            "404": problem(origin, "No kind of problem of that name.", ["not-found"]),
          },
        },
      },
      "/letters/{slug}/versions": {
        get: {
          operationId: "listVersions",
          tags: ["Letters"],
          security: [],
          summary: "The published versions of a letter's text",
          description:
            "Every version of the text published in each language, with the digest its record entry carries: the record proves which words people signed.",
          parameters: [parameter("Slug")],
          responses: {
            "200": cachedJson("VersionsPage", "The versions, oldest first."),
            "304": response("NotModified"),
            "404": letterNotFound,
          },
        },
      },
      "/letters/{slug}/counts": {
        get: {
          operationId: "getCounts",
          tags: ["Letters"],
          security: [],
          summary: "A letter's counts only",
          description: "The cheapest way to show a live counter.",
          parameters: [parameter("Slug")],
          responses: {
            "200": cachedJson("LetterCounts", "The counts."),
            "304": response("NotModified"),
            "404": letterNotFound,
          },
        },
      },
    },
    components: {
      schemas: withProblemTypes(apiJsonSchemas(), origin),
      parameters: {
        Slug: {
          name: "slug",
          in: "path",
          required: true,
          schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
          description: "The letter's address, as in /letters/{slug}.",
        },
        Cursor: {
          name: "cursor",
          in: "query",
          required: false,
          schema: { type: "string" },
          description: "next_cursor from the previous page; absent for the first.",
        },
        Lang: {
          name: "lang",
          in: "query",
          required: false,
          schema: { type: "string", enum: [...LOCALES] },
          description:
            "The language of the letter's text (title, summary, addressee, body): one of its `languages`. Absent for its original language; a language it has no translation into is a 404.",
        },
        Status: {
          name: "status",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["open", "closed"] },
          description: "Only letters open for signatures, or only closed ones.",
        },
        Kind: {
          name: "kind",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["organization", "individual"] },
          description: "Only organizations, or only individuals.",
        },
        Country: {
          name: "country",
          in: "query",
          required: false,
          schema: { type: "string", pattern: "^[A-Za-z]{2}$" },
          description: "Only signatories from this country (ISO 3166-1 alpha-2, any case).",
        },
        After: {
          name: "after",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 0 },
          description: "next_after from the previous page.",
        },
      },
      headers: {
        ETag: {
          description:
            "A strong entity tag of the answer: send it back as If-None-Match to get 304 while it has not changed.",
          schema: { type: "string" },
        },
        "Cache-Control": {
          description: "public, max-age=N: the seconds (about a minute) a client or proxy may keep the answer.",
          schema: { type: "string" },
        },
        "No-Store": {
          description: "no-store: an answer about one request, never kept.",
          schema: { type: "string", const: "no-store" },
        },
        "Retry-After": {
          description: "The seconds to wait before sending the request again.",
          schema: { type: "integer", minimum: 0 },
        },
        Vary: {
          description: "Accept: the same address answers HTML or JSON.",
          schema: { type: "string" },
        },
        Location: {
          description: "The letter's page, where the signature appears once it counts.",
          schema: { type: "string", format: "uri" },
        },
      },
      responses: {
        NotModified: {
          description: "The copy whose ETag was sent in If-None-Match is still current: no body.",
          headers: { ETag: header("ETag"), "Cache-Control": header("Cache-Control") },
        },
      },
    },
  };
}

/** What an answer of the API holds, as its published schema (apiSchemas) describes it. */
export type ApiAnswer<N extends ApiSchemaName> = output<(typeof apiSchemas)[N]>;

/**
 * Problem details (RFC 9457), the shape of every error the API answers
 * (the `Problem` schema): `type`, `title` and `status` are the registered
 * kind's (domain/problem-types.ts), `detail` this occurrence's, in English;
 * `errors`, for invalid-signature, names each refused field with its problem.
 */
export function problemDetails(
  origin: string,
  kind: ProblemKind,
  detail: string,
  errors?: Record<string, string>,
): ApiAnswer<"Problem"> {
  const { title, status } = PROBLEM_TYPES[kind];
  return { type: problemTypeUri(origin, kind), title, status, detail, ...(errors ? { errors } : {}) };
}

/** What /api/v1/problems/{kind} answers in JSON (the `ProblemType` schema). */
export function problemTypeDocument(origin: string, kind: ProblemKind): ApiAnswer<"ProblemType"> {
  const { title, status, about, todo } = PROBLEM_TYPES[kind];
  return { type: problemTypeUri(origin, kind), title, status, about, todo };
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

/**
 * The CORS headers of every answer of the API (the middleware's, and the
 * errors'): any origin may read it, and its scripts may read the headers a
 * client acts on (Fetch standard: only CORS-safelisted response headers are
 * readable otherwise).
 *
 * @see https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 */
export const API_EXPOSED_HEADERS = ["ETag", "Retry-After", "Location"] as const;
export const API_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": API_EXPOSED_HEADERS.join(","),
} as const;
