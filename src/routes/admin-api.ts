/**
 * The organizers' JSON API: list a letter's signatures by status or flag,
 * approve, reject, hide or restore them, and read or set its webhook. A request carries an
 * organizer's session cookie (and, to change anything, its CSRF token in
 * X-CSRF-Token) or `Authorization: Bearer <token>`, a person's API token
 * (`us_…`, made on /admin/account/tokens, acting with that person's role) or
 * ADMIN_TOKEN (the bootstrap owner). Nothing here is cached. Mounted at
 * /admin/api, behind organizerApi().
 *
 * Its refusals are for programs: always in English, whatever the person's
 * language or the request's Accept-Language (http/language.ts adminLocale),
 * as `{ "error": { "status", "code", "title", "message" } }` where `code` is
 * stable (an organizerProblem code such as "letterNotFound" or
 * "notForYourRole", else one per status such as "notFound"; see
 * http/errors.tsx) and the words may change. A program tests the status and
 * the code, never the words.
 *
 * Reading a letter's signatures here (signers' emails among them) is in the activity log like the
 * CSV file's download (export-downloaded), once an hour per person and letter (app/exports.ts
 * noteApiRead); what is done through a bearer token is logged like the same action in the area,
 * saying which token (app/activity.ts activityRow).
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { SUSPICION_FLAGS, type SuspicionFlag } from "../domain/bots";
import { SIGNATURE_STATUSES } from "../domain/signature";
import { MODERATION_ACTIONS, type ModerationAction } from "../domain/signing";
import { apiSignaturesQuerySchema, apiSourcesQuerySchema } from "../domain/signature-filter";
import type { AppEnv } from "../http/app-env";
import { noteApiRead } from "../app/exports";
import { requireLetter } from "../app/letters";
import { moderateSignature } from "../app/moderation";
import { organizerSignatures, signaturesBySource } from "../app/signature-lists";
import { saveWebhook, webhookOf, type WebhookSettings } from "../app/notifications";
import { webhookApiSchema } from "../domain/notification-settings";
import { webhookLoopbackAllowed } from "../http/urls";
import { organizerProblem } from "../app/problem";
import { jsonResponse } from "../http/responses";
import { allow, organizerApi } from "../http/authentication";
import { organizerLetter, type LetterEnv } from "../http/organizer-area";
import { validation } from "../http/validation";
import { FORM_BODY_LIMIT } from "../http/security";
import type { OrganizerSignature } from "../storage/signatures";

function organizerJson(signature: OrganizerSignature) {
  return {
    ref: signature.ref,
    kind: signature.kind,
    name: signature.name,
    organization: signature.organization,
    title: signature.title,
    city: signature.city,
    country: signature.country,
    website: signature.website,
    // An organization's contact person, private: organizers only (their area, export and this API).
    contact_name: signature.contactName,
    contact_role: signature.contactRole,
    email: signature.email,
    authorized_at: signature.authorizedAt,
    verified: signature.verification
      ? { by: signature.verification, at: signature.verifiedAt, domain: signature.verifiedDomain }
      : null,
    status: signature.status,
    public: signature.isPublic,
    channel: signature.channel,
    flag: signature.flag,
    flag_reason: signature.flag ? SUSPICION_FLAGS[signature.flag as SuspicionFlag] : null,
    signed_at: signature.createdAt,
    confirmed_at: signature.confirmedAt,
    withdrawn_at: signature.withdrawnAt,
    cursor: signature.id,
  };
}

/** The letter the route's :slug names, as `c.var.letter` (404 when there is none). */
const withLetter = organizerLetter(requireLetter);
const validate = validation<LetterEnv>();

/**
 * The most a request's body to this API may be (bytes): 16 KB, as the public signing API's
 * (http/security.ts FORM_BODY_LIMIT); a webhook's setting is a few hundred bytes.
 */
export const ORGANIZER_API_BODY_LIMIT = FORM_BODY_LIMIT;

export const adminApi = new Hono<AppEnv>();

// Before the guard, which may read a session's form body for its CSRF token: nothing larger is read at all.
adminApi.use(
  bodyLimit({
    maxSize: ORGANIZER_API_BODY_LIMIT,
    onError: () => {
      throw organizerProblem(413, "apiBodyTooLarge", [ORGANIZER_API_BODY_LIMIT / 1024]);
    },
  }),
);
adminApi.use(organizerApi());

/**
 * A route's JSON body must parse, else the route's own 400 `code` (as its schema's refusal says it),
 * never the browser pages' "reload the page" (the validator's bare HTTPException). Its zValidator
 * then reads the body Hono has kept.
 */
function jsonBody(code: "webhookBodyInvalid"): MiddlewareHandler<LetterEnv> {
  return async (c, next) => {
    try {
      await c.req.json();
    } catch {
      throw organizerProblem(400, code, [null]);
    }
    await next();
  };
}

adminApi.get(
  "/letters/:slug/signatures",
  allow("moderate"),
  withLetter,
  validate("query", apiSignaturesQuerySchema, (result) => {
    if (result.success) return;
    const status = result.error.issues.find((issue) => issue.path[0] === "status");
    if (status) throw organizerProblem(400, "statusUnknown", [SIGNATURE_STATUSES]);
    throw organizerProblem(400, "cursorInvalid");
  }),
  async (c) => {
    const letter = c.var.letter;
    const { signatures, nextBefore } = await organizerSignatures(c.var.deps, letter, c.req.valid("query"));
    // Signers' emails leave here as they do in the CSV file: logged, once an hour per person and letter.
    await noteApiRead(c.var.deps, letter);
    return jsonResponse({
      letter: { slug: letter.slug, counts: letter.counts, pending: letter.pendingCount },
      signatures: signatures.map(organizerJson),
      next_before: nextBefore,
    });
  },
);

/**
 * Signatures per partner attribution (`source`; null for the letter's own page), by status, among
 * the 10,000 newest (before `before`): `covers` says how many were counted and whether that is all
 * of them; `next_before` counts the next ones.
 */
adminApi.get(
  "/letters/:slug/sources",
  allow("read-letters"),
  withLetter,
  validate("query", apiSourcesQuerySchema, (result) => {
    if (!result.success) throw organizerProblem(400, "cursorInvalid");
  }),
  async (c) => {
    const letter = c.var.letter;
    const { sources, counted, all, nextBefore } = await signaturesBySource(
      c.var.deps,
      letter,
      c.req.valid("query").before,
    );
    return jsonResponse({
      letter: { slug: letter.slug, counts: letter.counts },
      sources,
      covers: { signatures: counted, all },
      next_before: nextBefore,
    });
  },
);

adminApi.post("/letters/:slug/signatures/:ref/:action", allow("moderate"), withLetter, async (c) => {
  const action = c.req.param("action");
  if (!(MODERATION_ACTIONS as readonly string[]).includes(action)) {
    throw organizerProblem(404, "actionUnknown", [MODERATION_ACTIONS]);
  }
  const ref = c.req.param("ref");
  const { to } = await moderateSignature(c.var.deps, c.var.letter, ref, action as ModerationAction);
  return jsonResponse({ ref, status: to });
});

function webhookJson(webhook: WebhookSettings) {
  return { url: webhook.url, include_email: webhook.includeEmail, secret: webhook.secret };
}

/** The letter's webhook: its address, whether it carries emails, and its secret ("whsec_…"). Owners'. */
adminApi.get("/letters/:slug/webhook", allow("administer"), withLetter, async (c) =>
  jsonResponse(webhookJson(await webhookOf(c.var.deps, c.var.letter))),
);

/**
 * Sets the letter's webhook: `{ "url": "https://…" | null, "include_email"?: boolean, "rotate_secret"?: boolean }`.
 * An address the rules refuse is a 422 (code webhookUrlRefused) saying which rule, as the form says it;
 * a body that is not that JSON (or no JSON at all, or with a field it does not know, named), a 400 webhookBodyInvalid; one over
 * ORGANIZER_API_BODY_LIMIT, a 413 apiBodyTooLarge. The address is stored as the URL parser reads it;
 * `url: null` removes the webhook and its secret (so `rotate_secret` with it needs nothing more).
 */
adminApi.put(
  "/letters/:slug/webhook",
  allow("administer"),
  withLetter,
  jsonBody("webhookBodyInvalid"),
  validate("json", webhookApiSchema, (result) => {
    if (result.success) return;
    const unknown = result.error.issues.find((issue) => issue.code === "unrecognized_keys");
    throw organizerProblem(400, "webhookBodyInvalid", [unknown?.keys[0] ?? null]);
  }),
  async (c) =>
    jsonResponse(
      webhookJson(
        await saveWebhook(c.var.deps, c.var.letter, c.req.valid("json"), { loopback: webhookLoopbackAllowed(c) }),
      ),
    ),
);
