/**
 * POST /api/v1/letters/{slug}/signatures: signing through the public API,
 * for partners' own forms and CRMs. A JSON body with the form's fields
 * (the shape published as SignatureRequest in the OpenAPI document, checked
 * first), and the form's rules: the same validation, then the rate limit
 * (counting only signatures that passed validation) and Turnstile
 * when it is on (`cf-turnstile-response`), confirmation by email and
 * moderation, stored the same way (direct or through the queue). The form's
 * honeypot and fill-time check guard a page people fill in, so the API, which
 * programs call, has neither. A repeated email gets the same answer as a new one; an organization
 * already signed through another contact gets 409 (app/signing.ts).
 * Every error is an RFC 9457 problem of a registered kind
 * (domain/problem-types.ts, answered by http/errors.tsx); field errors list
 * each field's problem in `errors`. Nothing here throws a Problem without
 * its kind (kindProblem), which a test checks.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { safeParse } from "zod/mini";
import {
  API_CORS_HEADERS,
  API_PROBLEM_CONTENT_TYPE,
  apiSchemas,
  problemDetails,
  signatureAccepted,
} from "../domain/public-api";
import { newSignatureRef } from "../domain/link-secrets";
import { signatureLinks } from "../app/signature-links";
import { messagesFor } from "../domain/i18n";
import { normalizeSource } from "../domain/embed";
import { signFormErrors, signFormSchema } from "../domain/signature";
import type { AppEnv } from "../http/app-env";
import { kindProblem } from "../app/problem";
import { screenSignAttempt } from "../app/sign-attempts";
import {
  answerCarriesWithdrawalLink,
  receiptOutcome,
  refuseClosedLetter,
  signingPolicyOf,
  signLetter,
} from "../app/signing";
import { signatureWrites } from "../http/signature-writes";
import { jsonResponse } from "../http/responses";
import { FORM_BODY_LIMIT } from "../http/security";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { paths } from "../domain/paths";
import { TURNSTILE_RESPONSE_FIELD } from "../domain/bots";
import { requirePublishedLetter } from "../http/public-letter";

const PATH = "/letters/:slug/signatures";
/** The API's fields, as the OpenAPI document publishes them: the form's, `source` and Turnstile's token. Anything else is refused. */
const FIELDS = new Set(Object.keys(apiSchemas.SignatureRequest.def.shape));

/** Fields the form sends as checkboxes: JSON true is a ticked box, false an unticked one. */
const CHECKBOXES = new Set(["hide_name", "authorized", "notify_delivery"]);

/** What a client that sends an organization's name as `name` (the API before issue 14) is told. */
const OLD_ORGANIZATION_NAME =
  "name is for individuals. An organization signs through a contact person: send the organization's name as organization_name, the contact person's name as contact_name (private), and authorized: true.";

/**
 * Why notify_delivery: true is refused on a letter that counts signatures without email confirmation
 * (see app/signing.ts consentsToDeliveryNotice): refused rather than dropped, so that a client never
 * tells a signer they will be emailed when they won't.
 */
const NO_DELIVERY_NOTICE =
  "This letter counts signatures without email confirmation, so it emails nobody about its delivery: nobody confirms the address. Leave notify_delivery out, or send false.";

/** 422 with each field's problem, in problem details' `errors`. */
function problem422(c: Context<AppEnv>, errors: Record<string, string>): Response {
  const detail = `Nothing was saved. ${Object.values(errors).join(" ")}`;
  return jsonResponse(problemDetails(publicOrigin(c), "invalid-signature", detail, errors), 422, {
    "Content-Type": API_PROBLEM_CONTENT_TYPE,
    ...API_CORS_HEADERS,
  });
}

export const apiSigning = new Hono<AppEnv>();

apiSigning.post(
  PATH,
  async (c, next) => {
    const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (mediaType !== "application/json") {
      throw kindProblem(
        "unsupported-media-type",
        "The API takes a signature as a JSON object (Content-Type: application/json).",
      );
    }
    await next();
  },
  bodyLimit({
    maxSize: FORM_BODY_LIMIT,
    onError: () => {
      throw kindProblem(
        "content-too-large",
        `A signature is a few hundred bytes; this API reads at most ${FORM_BODY_LIMIT / 1024} KB.`,
      );
    },
  }),
  async (c) => {
    const slug = c.req.param("slug");
    const letter = await requirePublishedLetter(c, slug, { recent: true });
    refuseClosedLetter(letter, c.var.deps.now());

    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw kindProblem(
        "malformed-body",
        "The body could not be read as JSON. Send one JSON object with the signature's fields.",
      );
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw kindProblem("malformed-body", "The body must be one JSON object with the signature's fields.");
    }
    const record = body as Record<string, unknown>;
    const unknown = Object.keys(record).filter((name) => !FIELDS.has(name));
    if (unknown.length > 0) {
      throw kindProblem(
        "unknown-fields",
        `This API does not take ${unknown.map((name) => `“${name.slice(0, 40)}”`).join(", ")}.`,
      );
    }
    // The shape the OpenAPI document publishes (each field's type) and the form's own rules (content):
    // a field of the wrong type is reported as such, every other field by the form's rules.
    const shapeErrors: Record<string, string> = {};
    const shaped = safeParse(apiSchemas.SignatureRequest, record);
    for (const issue of shaped.success ? [] : shaped.error.issues) {
      const field = String(issue.path[0] ?? "body");
      if (issue.code === "invalid_type")
        shapeErrors[field] ??=
          `${field} must be ${issue.expected === "boolean" ? "true or false" : `a ${issue.expected}`}.`;
    }
    // The form's fields as the form sends them: text, and hide_name, authorized and notify_delivery as checkboxes.
    // (null and false mean "left empty", as an empty field or an unticked box is absent from a form.)
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) {
      const checkbox = CHECKBOXES.has(name);
      if (value === null || (checkbox && value === false) || shapeErrors[name]) continue;
      fields[name] = checkbox && value === true ? "yes" : value;
    }
    const parsed = safeParse(signFormSchema, fields);
    if (!parsed.success || Object.keys(shapeErrors).length > 0) {
      const ruleErrors: Record<string, string> = parsed.success ? {} : signFormErrors(parsed.error);
      for (const field of Object.keys(shapeErrors)) delete ruleErrors[field];
      // A client written before organizations had contacts sends the organization's name as `name`.
      if (record.kind === "organization" && ruleErrors.name) ruleErrors.name = OLD_ORGANIZATION_NAME;
      return problem422(c, { ...ruleErrors, ...shapeErrors });
    }
    const input = parsed.data;
    const policy = signingPolicyOf(c.var.deps, letter);
    // The consent is given by whoever confirms the address: a letter counting signatures at once has nobody who does.
    if (input.notifyDelivery && !policy.confirmByEmail) return problem422(c, { notify_delivery: NO_DELIVERY_NOTICE });
    const outcome = receiptOutcome(policy, input.kind);
    // The reference a new signature gets; a repeated email's signature keeps its own (app/signing.ts).
    const ref = newSignatureRef();
    // The withdrawal link goes by email whenever there is a mailer; only without one does the answer carry it.
    const withdrawPath = answerCarriesWithdrawalLink(c.var.deps, outcome)
      ? (await signatureLinks(c.var.deps, letter, ref)).withdraw
      : null;
    const letterUrl = absoluteUrl(c, paths.letter(slug));
    // Location: the letter's page, where the signature shows once it counts (documented in the OpenAPI document).
    const accepted = () =>
      jsonResponse(
        signatureAccepted(outcome, { slug, url: letterUrl }, withdrawPath ? absoluteUrl(c, withdrawPath) : null),
        202,
        { Location: letterUrl, ...API_CORS_HEADERS },
      );

    // Only a signature that passed validation counts against the client's limit (app/sign-attempts.ts).
    const { clientHash, refusal } = await screenSignAttempt(c.var.deps, {
      letter,
      clientAddress: c.req.header("CF-Connecting-IP"),
      form: null,
      turnstileToken: record[TURNSTILE_RESPONSE_FIELD],
    });
    if (refusal?.reason === "rate-limited") {
      const { message } = messagesFor("en").errors.tooMany(refusal.retryAfterSeconds);
      throw kindProblem("too-many-requests", message, { "Retry-After": String(refusal.retryAfterSeconds) });
    }
    if (refusal?.reason === "turnstile" && refusal.unavailable) {
      throw kindProblem(
        "turnstile-unavailable",
        "We could not reach Turnstile, so nothing was saved. Try again in a minute.",
        { "Retry-After": "60" },
      );
    }
    if (refusal) {
      throw kindProblem(
        "turnstile-failed",
        `Turnstile is on for this site: send the widget's token as “${TURNSTILE_RESPONSE_FIELD}”. Nothing was saved.`,
      );
    }

    const result = await signLetter(c.var.deps, {
      letter,
      input,
      policy,
      ref,
      source: normalizeSource(record.source),
      channel: "api",
      clientHash,
      writes: signatureWrites(c),
    });
    if (result === "queue-busy" || result === "database-busy") {
      throw kindProblem(
        "storage-unavailable",
        "Our storage did not answer in time, so nothing was saved. Send the same signature again in 30 seconds.",
        { "Retry-After": "30" },
      );
    }
    if (result === "organization-taken") {
      throw kindProblem("organization-taken", messagesFor("en").form.organizationTaken(input.name));
    }
    if (result === "mail-busy") {
      throw kindProblem(
        "email-not-sent",
        "The signature is saved, but the email that confirms it could not be sent. Send the same signature again in 30 seconds: a new email is sent.",
        { "Retry-After": "30" },
      );
    }
    return accepted();
  },
);
