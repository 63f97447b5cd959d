/**
 * The kinds of problem the public API answers (RFC 9457 problem details):
 * one `type` per kind of problem, never one per HTTP status, so that a
 * client can tell "no such letter" from "no such address" (both 404) by
 * `type` alone. Each kind has its status, its title (the same for every
 * occurrence, as RFC 9457 section 3.1.3 asks), what it means and what the
 * client should do; its type URI, /api/v1/problems/{kind}, is a page that
 * documents it (HTML, or JSON when the client asks for it), and
 * /api/v1/problems lists them all.
 *
 * The API's problem bodies are English, whatever the client's
 * Accept-Language: they are read by programs and the developers who write
 * them, who search for, log and compare these exact words, and one cached
 * answer serves every client. The site's own pages for the same refusals
 * stay in the reader's language (domain/locales). Pure: no I/O.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1
 */

export interface ProblemTypeEntry {
  /** The HTTP status it is answered with. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 501 | 503;
  /** A short English sentence, the same for every occurrence ("Letter not found"). */
  title: string;
  /** What happened, in general (the answer's `detail` says what happened this time). */
  about: string;
  /** What the client should do about it. */
  todo: string;
}

/** Every kind of problem the API answers, by its name (the last segment of its type URI). */
export const PROBLEM_TYPES = {
  "invalid-parameter": {
    status: 400,
    title: "A query parameter is not valid",
    about:
      "A query parameter has a value this address does not take: a status other than open or closed, a kind other than organization or individual, a country that is not an ISO 3166-1 alpha-2 code, an after that is not an entry's number.",
    todo: "Correct the parameter named in detail, or leave it out. Do not retry the same request.",
  },
  "invalid-cursor": {
    status: 400,
    title: "This cursor is not valid",
    about:
      "The cursor was not made by this API, was changed, or belongs to another list (another kind of signatories).",
    todo: "Follow next_url, or send the next_cursor of the previous page of the same list; leave cursor out for the first page.",
  },
  "malformed-body": {
    status: 400,
    title: "The body is not one JSON object",
    about: "The request's body could not be read as JSON, or is JSON but not one object (an array, a string, null).",
    todo: "Send one JSON object with the signature's fields (see SignatureRequest in the OpenAPI document).",
  },
  "unknown-fields": {
    status: 400,
    title: "Fields this API does not take",
    about:
      "The body names fields that are not in SignatureRequest. They are refused rather than dropped, so that a misspelt field never loses what it carried.",
    todo: "Remove or rename the fields named in detail.",
  },
  "bad-request": {
    status: 400,
    title: "Bad request",
    about: "The request could not be read as it was sent.",
    todo: "Check the request against the OpenAPI document; do not retry it unchanged.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    about: "The address needs credentials the request did not carry. The public API itself needs none.",
    todo: "Use the public addresses of /api/v1, which need no key.",
  },
  "turnstile-failed": {
    status: 403,
    title: "Not confirmed as a person",
    about:
      "The site checks signatures with Cloudflare Turnstile, and the request's cf-turnstile-response token is missing, expired or wrong. Nothing was saved.",
    todo: "Render the Turnstile widget with the site's key on your form and send its token as cf-turnstile-response. A token is good for one signature.",
  },
  forbidden: {
    status: 403,
    title: "Forbidden",
    about: "The request is not allowed.",
    todo: "Do not retry it unchanged.",
  },
  "letter-not-found": {
    status: 404,
    title: "Letter not found",
    about: "No published letter has that slug: it never existed, is still a draft, or was taken down.",
    todo: "Take slugs from GET /letters (or a letter's url); do not retry.",
  },
  "translation-not-found": {
    status: 404,
    title: "The letter is not in that language",
    about: "lang names a language the letter has no translation into, or one this site does not speak.",
    todo: "Choose one of the letter's languages (its languages field), or leave lang out for its original language.",
  },
  "not-found": {
    status: 404,
    title: "No such address",
    about: "Nothing of the API answers at this address.",
    todo: "Check the path against the OpenAPI document at /api/v1/openapi.json.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    about: "The address exists, but not for this method. The Allow header lists the methods it takes.",
    todo: "Use one of the methods in Allow.",
  },
  "signing-closed": {
    status: 409,
    title: "Signing has closed",
    about: "The letter is closed for signatures (its closing time has passed, or it was delivered). Nothing was saved.",
    todo: "Do not retry: the letter takes no more signatures. Its status field says so in advance.",
  },
  "organization-taken": {
    status: 409,
    title: "The organization has already signed",
    about:
      "An organization of that name has signed the letter, or is waiting for its contact's confirmation, through another contact person. Nothing was saved.",
    todo: "Ask the organization's contact who signed; an organization signs once. The same contact repeating gets the usual 202.",
  },
  conflict: {
    status: 409,
    title: "Conflict",
    about: "The request conflicts with the current state of what it names.",
    todo: "Read the current state again before deciding to retry.",
  },
  gone: {
    status: 410,
    title: "Gone",
    about: "What the address named is no longer here, and will not be again.",
    todo: "Do not retry; forget the address.",
  },
  "content-too-large": {
    status: 413,
    title: "Content too large",
    about: "The body is larger than the API reads (16 KB for a signature). Nothing was read.",
    todo: "Send only the signature's fields.",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Send JSON",
    about: "The body's Content-Type is not application/json.",
    todo: "Send the signature as a JSON object with Content-Type: application/json.",
  },
  "invalid-signature": {
    status: 422,
    title: "The signature has problems",
    about:
      "Fields of the signature break the sign form's rules (a required field missing, an email address that can't receive mail, a field too long, a field of the wrong type). errors names each field with its problem. Nothing was saved.",
    todo: "Correct each field named in errors and send the signature again; show the problems to the person signing.",
  },
  "too-many-requests": {
    status: 429,
    title: "Too many signatures from this client",
    about: "This client has sent more signatures than the site takes from one client in a while. Nothing was saved.",
    todo: "Wait the seconds in Retry-After before sending again.",
  },
  "internal-error": {
    status: 500,
    title: "Something went wrong on our side",
    about: "An error of ours, not of the request. It was logged (without the request).",
    todo: "Retry later; if it persists, tell the site's organizers.",
  },
  "not-implemented": {
    status: 501,
    title: "Not implemented",
    about: "The request asks for something this site does not do.",
    todo: "Do not retry it unchanged.",
  },
  "turnstile-unavailable": {
    status: 503,
    title: "The robot check is unavailable",
    about: "Cloudflare Turnstile did not answer, so the signature could not be checked. Nothing was saved.",
    todo: "Send the same signature again after the seconds in Retry-After.",
  },
  "storage-unavailable": {
    status: 503,
    title: "Storage did not answer",
    about: "Our database or queue did not answer in time. Nothing was saved.",
    todo: "Send the same request again after the seconds in Retry-After.",
  },
  "email-not-sent": {
    status: 503,
    title: "Saved, but the email was not sent",
    about: "The signature is saved, but the email that confirms it could not be sent.",
    todo: "Send the same signature again after the seconds in Retry-After: it is not signed twice, and a new email is sent.",
  },
  "service-unavailable": {
    status: 503,
    title: "Service unavailable",
    about: "The site cannot answer for now (its settings are being changed, or a service it needs is down).",
    todo: "Retry after the seconds in Retry-After.",
  },
} as const satisfies Record<string, ProblemTypeEntry>;

/** The name of a kind of problem: a key of PROBLEM_TYPES, the last segment of its type URI. */
export type ProblemKind = keyof typeof PROBLEM_TYPES;

/** Every kind's name, in the registry's order (by status). */
export const PROBLEM_KINDS = Object.keys(PROBLEM_TYPES) as ProblemKind[];

/** Where the problem types are documented, under the site's origin. */
export const PROBLEM_TYPES_PATH = "/api/v1/problems";

/** Whether `name` is a registered kind of problem. */
export function isProblemKind(name: string): name is ProblemKind {
  return Object.hasOwn(PROBLEM_TYPES, name);
}

/** The type URI of `kind` on the site at `origin` ("https://example.org"): the page that documents it. */
export function problemTypeUri(origin: string, kind: ProblemKind): string {
  return `${origin}${PROBLEM_TYPES_PATH}/${kind}`;
}

/**
 * The kind of a problem raised without one of its own (a framework's
 * HTTPException, a status-only Problem): the generic kind of its status,
 * so that every answer still carries a registered type. 400 for a status
 * the registry has no kind for.
 */
export function genericProblemKind(status: number): ProblemKind {
  const generic: Partial<Record<number, ProblemKind>> = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    410: "gone",
    413: "content-too-large",
    415: "unsupported-media-type",
    422: "invalid-signature",
    429: "too-many-requests",
    500: "internal-error",
    501: "not-implemented",
    503: "service-unavailable",
  };
  return generic[status] ?? "bad-request";
}
