/**
 * The organizers' JSON API: list a letter's signatures by status or flag,
 * and approve, reject, hide or restore them. A request carries an
 * organizer's session cookie (and, to change anything, its CSRF token in
 * X-CSRF-Token) or `Authorization: Bearer <ADMIN_TOKEN>`; without ADMIN_TOKEN
 * set, the API answers 401 to everyone. Nothing here is cached.
 */
import { Hono } from "hono";
import { SUSPICION_FLAGS, type SuspicionFlag } from "../domain/bots";
import { MODERATION_ACTIONS, type ModerationAction } from "../domain/signing";
import { SIGNATURE_STATUSES, type SignatureStatus } from "../domain/signature";
import type { AppEnv } from "../http/app-env";
import { moderateSignature } from "../app/moderation";
import { Problem } from "../app/problem";
import { methodNotAllowed } from "../http/errors";
import { JSON_CONTENT_TYPE, safeJson } from "../http/responses";
import { organizerApi } from "../http/authentication";
import { requireOrganizerLetter } from "../http/organizer-area";
import { countSignaturesBySource, listSignaturesForOrganizers, type OrganizerSignature } from "../storage/signatures";

const PAGE_SIZE = 100;

function json(value: unknown, status = 200): Response {
  return new Response(safeJson(value), {
    status,
    headers: { "Content-Type": JSON_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}

function organizerJson(signature: OrganizerSignature) {
  return {
    ref: signature.ref,
    kind: signature.kind,
    name: signature.name,
    organization: signature.organization,
    title: signature.title,
    city: signature.city,
    country: signature.country,
    email: signature.email,
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

export const adminApi = new Hono<AppEnv>();

adminApi.use(organizerApi());

adminApi.get("/letters/:slug/signatures", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const status = c.req.query("status");
  if (status !== undefined && !(SIGNATURE_STATUSES as readonly string[]).includes(status)) {
    throw new Problem(400, "Unknown status", `status must be one of ${SIGNATURE_STATUSES.join(", ")}.`);
  }
  const before = c.req.query("before");
  if (before !== undefined && !/^\d{1,15}$/.test(before))
    throw new Problem(400, "Bad cursor", "before must be a cursor from a previous page.");
  const rows = await listSignaturesForOrganizers(c.var.db, letter.id, {
    status: status as SignatureStatus | undefined,
    flagged: c.req.query("flagged") === "1",
    before: before === undefined ? undefined : Number(before),
    limit: PAGE_SIZE,
  });
  return json({
    letter: { slug: letter.slug, counts: letter.counts, pending: letter.pendingCount },
    signatures: rows.map(organizerJson),
    next_before: rows.length === PAGE_SIZE ? rows.at(-1)!.id : null,
  });
});
adminApi.all("/letters/:slug/signatures", methodNotAllowed(["GET", "HEAD"]));

/** Signatures per partner attribution (`source`; null for the letter's own page), by status. */
adminApi.get("/letters/:slug/sources", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const sources = new Map<string | null, Partial<Record<SignatureStatus, number>> & { total: number }>();
  for (const row of await countSignaturesBySource(c.var.db, letter.id)) {
    const entry = sources.get(row.source) ?? { total: 0 };
    entry[row.status] = row.count;
    entry.total += row.count;
    sources.set(row.source, entry);
  }
  return json({
    letter: { slug: letter.slug, counts: letter.counts },
    sources: [...sources].map(([source, counts]) => ({ source, ...counts })),
  });
});
adminApi.all("/letters/:slug/sources", methodNotAllowed(["GET", "HEAD"]));

adminApi.post("/letters/:slug/signatures/:ref/:action", async (c) => {
  const action = c.req.param("action");
  if (!(MODERATION_ACTIONS as readonly string[]).includes(action)) {
    throw new Problem(404, "Unknown action", `The actions are ${MODERATION_ACTIONS.join(", ")}.`);
  }
  const letter = await requireOrganizerLetter(c);
  const ref = c.req.param("ref");
  const { to } = await moderateSignature(c.var.deps, letter, ref, action as ModerationAction);
  return json({ ref, status: to });
});
adminApi.all("/letters/:slug/signatures/:ref/:action", methodNotAllowed(["POST"]));
