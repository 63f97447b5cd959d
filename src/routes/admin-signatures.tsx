/**
 * The organizer area's signatures of a letter (mounted at
 * /admin/letters/{slug}, behind organizerPages()): the searchable list, one
 * signature's moderation, bulk moderation (reviewed first: the organizer
 * sees how many rows will change), an organization marked verified by hand
 * (or its mark removed), signatures entered by hand, the sign attempts
 * refused and why, and the order of organizations. The changes are
 * app/moderation.ts's.
 */
import { problemWords } from "../domain/organizer-words";
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import {
  addSignatureByHand,
  BULK_LIMIT,
  confirmOnRequest,
  resendConfirmation,
  waitingActions,
  waitingSignature,
  moderateSignature,
  moderateSignatures,
  previewBulkModeration,
  setOrganizationOrder,
  setOrganizationVerification,
} from "../app/moderation";
import { requireLetter } from "../app/letters";
import { RECENT_REFUSAL_DAYS, refusedSignAttempts } from "../app/sign-attempts";
import { Problem } from "../app/problem";
import { organizationsInOrder, searchLetterSignatures } from "../app/signature-lists";
import { doneQuery, problemsOf, withoutRefused } from "../domain/form-fields";
import {
  manualErrors,
  manualSignatureSchema,
  manualValues,
  manualValuesOf,
  type ManualErrors,
  type ManualValues,
} from "../domain/manual-signature";
import { organizationOrderSchema } from "../domain/organization-order";
import {
  bulkModerationSchema,
  confirmOnRequestSchema,
  filterParams,
  signatureFilterFields,
  signatureFilterSchema,
  signatureListQuerySchema,
  type SignatureFilter,
  type SignaturesDone,
  type VerificationOutcome,
} from "../domain/signature-filter";
import { CONFIRMATION_LINK_DAYS, MAX_EMAILS_PER_SIGNATURE, type ModerationAction } from "../domain/signing";
import type { SignatureStatus } from "../domain/signature";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { adminHtml, organizerLetter, type LetterEnv } from "../http/organizer-area";
import { refusal, validation } from "../http/validation";
import { BulkReviewPage } from "../views/admin/bulk-review-page";
import { ConfirmOnRequestPage, NothingToConfirmPage } from "../views/admin/confirm-on-request-page";
import { OrderPage } from "../views/admin/order-page";
import { SignaturesPage } from "../views/admin/signatures-page";
import { adminWords } from "../http/language";
import type { AdminMessages } from "../domain/i18n";

function signaturesHref(slug: string, filter: SignatureFilter, extra: Record<string, string> = {}): string {
  const params = filterParams(filter);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `/admin/letters/${slug}/signatures${params.size ? `?${params}` : ""}`;
}

function flashOf(done: SignaturesDone, { moderation }: AdminMessages): string | null {
  if (done === "added") return moderation.added;
  if (!done) return null;
  if ("verification" in done) return moderation[done.verification satisfies VerificationOutcome];
  if ("waiting" in done) {
    if (done.waiting === "confirmed-on-request") return moderation.confirmedOnRequest;
    return moderation.resent(CONFIRMATION_LINK_DAYS, done.left ?? 0, MAX_EMAILS_PER_SIGNATURE);
  }
  const said = moderation.done(done.action, done.count);
  if (!done.held) return said;
  return `${said} ${moderation.held(done.action, done.held)}`;
}

/**
 * Why an organization entered by hand was not added: it has signed already, as `holder` (unconfirmed,
 * in review or counted: a withdrawn, hidden or rejected one holds no organization).
 */
function organizationTaken(holder: { name: string; status: SignatureStatus } | null, t: AdminMessages): string {
  const status = holder && holder.status !== "confirmed" ? t.signatures.statuses[holder.status] : null;
  const remedy = holder?.status === "confirmed" ? "hide" : holder ? "reject" : "aside";
  return t.moderation.organizationTaken(holder?.name ?? null, status, remedy);
}

/** What the list shows: its filter (and what could not be read of it), its page, and what was just done. */
interface ListView {
  filter: SignatureFilter;
  filterProblems?: readonly string[];
  /** Why a bulk change was not reviewed. */
  bulkProblem?: string;
  before?: number;
  done?: SignaturesDone;
}

/** The list of the letter's signatures, with the hand-entry form as `manual` has it. */
async function listPage(
  c: Context<LetterEnv>,
  { filter, filterProblems = [], before, done = null, bulkProblem }: ListView,
  manual: { values: ManualValues; errors: ManualErrors } = { values: {}, errors: {} },
  status: 200 | 409 | 422 = 200,
) {
  const letter = c.var.letter;
  const [page, refused] = await Promise.all([
    searchLetterSignatures(c.var.deps, letter, filter, before),
    refusedSignAttempts(c.var.deps, letter),
  ]);
  return adminHtml(
    c,
    <SignaturesPage
      letter={letter}
      csrf={c.var.organizer!.csrf}
      filter={filter}
      filterProblems={filterProblems}
      matching={page.matching}
      searched={page.searched}
      signatures={page.signatures}
      olderHref={
        page.nextBefore === null ? null : signaturesHref(letter.slug, filter, { before: String(page.nextBefore) })
      }
      flash={flashOf(done, adminWords(c))}
      manual={manual}
      sharedMailboxes={page.sharedMailboxes}
      refused={{ counts: refused, recentDays: RECENT_REFUSAL_DAYS }}
      bulkProblem={bulkProblem ?? null}
      waiting={waitingActions(c.var.deps, letter)}
    />,
    filterProblems.length > 0 ? 422 : status,
  );
}

/** The letter's counted organizations, with a place field each. */
async function orderPage(
  c: Context<LetterEnv>,
  { error = null, flash = null }: { error?: string | null; flash?: string | null },
  status: 200 | 422 = 200,
) {
  return adminHtml(
    c,
    <OrderPage
      letter={c.var.letter}
      csrf={c.var.organizer!.csrf}
      organizations={await organizationsInOrder(c.var.deps, c.var.letter)}
      error={error}
      flash={flash}
    />,
    status,
  );
}

/** The letter the route's :slug names, as `c.var.letter` (404 when there is none). */
const withLetter = organizerLetter(requireLetter);
const validate = validation<LetterEnv>();

export const adminSignatures = new Hono<AppEnv>();

adminSignatures.use(organizerPages());

adminSignatures.get(
  "/signatures",
  allow("moderate"),
  withLetter,
  validate("query", signatureListQuerySchema, (result, c) => {
    if (result.success) return;
    if (result.error.issues.some((issue) => issue.path[0] === "before")) {
      const { moderation } = adminWords(c);
      throw new Problem(400, moderation.badPageLink, moderation.badPageLinkText);
    }
    // The list still shows, filtered by what could be read, with the problems above it (422).
    const readable = withoutRefused(signatureFilterSchema, result.data, result.error) ?? {};
    return listPage(c, { filter: readable, filterProblems: problemsOf(result.error) });
  }),
  (c) => listPage(c, c.req.valid("query")),
);

/** A signature entered by hand. */
adminSignatures.post(
  "/signatures",
  allow("moderate"),
  withLetter,
  validate("form", manualSignatureSchema, (result, c) => {
    if (!result.success) {
      const manual = { values: manualValues(result.data), errors: manualErrors(result.error) };
      return listPage(c, { filter: {} }, manual, 422);
    }
  }),
  async (c) => {
    const letter = c.var.letter;
    const signature = c.req.valid("form");
    const entry = await addSignatureByHand(c.var.deps, letter, signature);
    if (!entry.added) {
      const errors: ManualErrors =
        entry.taken === "email"
          ? { email: adminWords(c).moderation.emailTaken }
          : { organization_name: organizationTaken(entry.holder, adminWords(c)) };
      return listPage(c, { filter: {} }, { values: manualValuesOf(signature), errors }, 409);
    }
    return c.redirect(signaturesHref(letter.slug, {}, { done: "added" }), 303);
  },
);

adminSignatures.post(
  "/signatures/bulk",
  allow("moderate"),
  withLetter,
  validate("form", bulkModerationSchema, (result, c) => {
    if (result.success) return;
    const refused = (names: readonly string[]) =>
      result.error.issues.filter((issue) => names.includes(issue.path[0] as string));
    const filterProblems = refused(Object.keys(signatureFilterFields));
    if (filterProblems.length > 0)
      throw refusal(400, adminWords(c).moderation.filterProblems, { issues: filterProblems });
    if (refused(["action"]).length > 0)
      throw refusal(400, adminWords(c).moderation.chooseAction, { issues: refused(["action"]) });
    // Nothing ticked: the list again, as it was filtered, saying so above it (422), rather than a bare error page.
    const filter = withoutRefused(signatureFilterSchema, result.data, result.error) ?? {};
    return listPage(c, { filter, bulkProblem: adminWords(c).moderation.noneSelected }, undefined, 422);
  }),
  async (c) => {
    const letter = c.var.letter;
    const { filter, action, scope, refs, step } = c.req.valid("form");
    const selection = scope === "matching" ? { filter } : { refs };
    if (step === "apply") {
      const { changed, held } = await moderateSignatures(c.var.deps, letter, selection, action);
      const counts = { n: String(changed), ...(held.length > 0 ? { held: String(held.length) } : {}) };
      return c.redirect(signaturesHref(letter.slug, filter, { done: action, ...counts }), 303);
    }
    const { applicable, considered, names, unaffected, more } = await previewBulkModeration(
      c.var.deps,
      letter,
      selection,
      action,
    );
    return adminHtml(
      c,
      <BulkReviewPage
        letter={letter}
        csrf={c.var.organizer!.csrf}
        action={action}
        scope={scope}
        refs={refs}
        filter={filter}
        applicable={applicable}
        considered={considered}
        more={more}
        names={names}
        unaffected={unaffected}
        limit={BULK_LIMIT}
        back={signaturesHref(letter.slug, filter)}
      />,
    );
  },
);

/** One signature's moderation, from its row's button; the form keeps the list's filter to go back to. */
adminSignatures.post(
  "/signatures/:ref{[0-9a-f]{32}}/:action{approve|reject|hide|restore}",
  allow("moderate"),
  withLetter,
  validate("form", signatureFilterSchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.filterProblems, result.error);
  }),
  async (c) => {
    const letter = c.var.letter;
    const action = c.req.param("action") as ModerationAction;
    await moderateSignature(c.var.deps, letter, c.req.param("ref"), action);
    return c.redirect(signaturesHref(letter.slug, c.req.valid("form"), { done: action, n: "1" }), 303);
  },
);

/** A signature waiting for its email, sent its confirmation email again (within its allowance). */
adminSignatures.post(
  "/signatures/:ref{[0-9a-f]{32}}/resend",
  allow("moderate"),
  withLetter,
  validate("form", signatureFilterSchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.filterProblems, result.error);
  }),
  async (c) => {
    const letter = c.var.letter;
    const { left } = await resendConfirmation(c.var.deps, letter, c.req.param("ref"));
    return c.redirect(signaturesHref(letter.slug, c.req.valid("form"), { done: "resent", n: String(left) }), 303);
  },
);

/** The page that confirms a signature waiting for its email on its signer's request, with a reason. */
async function confirmPage(
  c: Context<LetterEnv>,
  filter: SignatureFilter,
  { reason, error }: { reason?: string; error?: string } = {},
) {
  const letter = c.var.letter;
  const signature = await waitingSignature(c.var.deps, letter, c.req.param("ref") ?? "", "confirm");
  const to = letter.reviewOrganizations && signature.kind === "organization" ? "in_review" : "confirmed";
  return adminHtml(
    c,
    <ConfirmOnRequestPage
      letter={letter}
      csrf={c.var.organizer!.csrf}
      signature={signature}
      to={to}
      filter={filter}
      back={signaturesHref(letter.slug, filter)}
      reason={reason}
      error={error}
    />,
    error ? 422 : 200,
  );
}

adminSignatures.get(
  "/signatures/:ref{[0-9a-f]{32}}/confirm",
  allow("moderate"),
  withLetter,
  validate("query", signatureFilterSchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.filterProblems, result.error);
  }),
  async (c) => {
    const filter = c.req.valid("query");
    try {
      return await confirmPage(c, filter);
    } catch (error) {
      // A page to look at, not an action: a link followed after the signer confirmed (or the letter closed) says so.
      if (!(error instanceof Problem) || error.status !== 409) throw error;
      // In the organizer's words: the Problem's own title and message are English.
      const { title, message } = error.refusal ? problemWords(adminWords(c), error.refusal) : error;
      return adminHtml(
        c,
        <NothingToConfirmPage
          letter={c.var.letter}
          csrf={c.var.organizer!.csrf}
          title={title}
          message={message}
          back={signaturesHref(c.var.letter.slug, filter)}
        />,
      );
    }
  },
);

adminSignatures.post(
  "/signatures/:ref{[0-9a-f]{32}}/confirm",
  allow("moderate"),
  withLetter,
  validate("form", confirmOnRequestSchema, (result, c) => {
    if (result.success) return;
    const reasonIssue = result.error.issues.find((issue) => issue.path[0] === "reason");
    if (!reasonIssue) throw refusal(400, adminWords(c).moderation.filterProblems, result.error);
    const raw = (result.data as { reason?: unknown }).reason;
    return confirmPage(c, {}, { reason: typeof raw === "string" ? raw : "", error: reasonIssue.message });
  }),
  async (c) => {
    const letter = c.var.letter;
    const { filter, reason } = c.req.valid("form");
    await confirmOnRequest(c.var.deps, letter, c.req.param("ref"), reason);
    return c.redirect(signaturesHref(letter.slug, filter, { done: "confirmed-on-request" }), 303);
  },
);

/**
 * An organization marked verified by the organizers (`verify`), or its mark removed (`unverify`),
 * from its row's button; the form keeps the list's filter to go back to.
 */
adminSignatures.post(
  "/signatures/:ref{[0-9a-f]{32}}/:change{verify|unverify}",
  allow("moderate"),
  withLetter,
  validate("form", signatureFilterSchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.filterProblems, result.error);
  }),
  async (c) => {
    const letter = c.var.letter;
    const { outcome } = await setOrganizationVerification(
      c.var.deps,
      letter,
      c.req.param("ref"),
      c.req.param("change") === "verify",
    );
    return c.redirect(signaturesHref(letter.slug, c.req.valid("form"), { done: outcome }), 303);
  },
);

adminSignatures.get("/order", allow("edit-letters"), withLetter, zValidator("query", doneQuery(["saved"])), (c) =>
  orderPage(c, { flash: c.req.valid("query").done === "saved" ? adminWords(c).moderation.orderSaved : null }),
);

adminSignatures.post(
  "/order",
  allow("edit-letters"),
  withLetter,
  validate("form", organizationOrderSchema, (result, c) => {
    if (!result.success) return orderPage(c, { error: problemsOf(result.error)[0] }, 422);
  }),
  async (c) => {
    const letter = c.var.letter;
    await setOrganizationOrder(c.var.deps, letter, c.req.valid("form"));
    return c.redirect(`/admin/letters/${letter.slug}/order?done=saved`, 303);
  },
);
