/**
 * The organizer area's signatures of a letter: the searchable list, one
 * signature's moderation, bulk moderation (reviewed first: the organizer
 * sees how many rows will change), signatures entered by hand, and the
 * order of organizations. Every change moves the counts and the public
 * record with it (storage/signatures.ts) and refreshes the cached pages.
 */
import { Hono, type Context } from "hono";
import type { Letter } from "../domain/letter";
import { manualValues, readManualSignature, type ManualErrors, type ManualValues } from "../domain/manual-signature";
import { filterParams, parseSignatureFilter, type SignatureFilter } from "../domain/signature-filter";
import { MODERATED, MODERATION_ACTIONS, type ModerationAction } from "../domain/signing";
import type { AppEnv } from "../http/app-env";
import {
  addSignatureByHand,
  BULK_LIMIT,
  moderateSignature,
  moderateSignatures,
  previewBulkModeration,
  setOrganizationOrder,
  type BulkScope,
} from "../app/moderation";
import { Problem } from "../app/problem";
import { organizerPages } from "../http/authentication";
import { methodNotAllowed } from "../http/errors";
import { countMatchingSignatures, listSignaturesInOrder, searchSignatures } from "../storage/signature-search";
import { BulkReviewPage } from "../views/admin/bulk-review-page";
import { OrderPage } from "../views/admin/order-page";
import { SignaturesPage } from "../views/admin/signatures-page";
import { adminHtml, requireOrganizerLetter } from "../http/organizer-area";

const PAGE_SIZE = 50;
/** The most organizations the order page lists. */
const ORDER_PAGE_LIMIT = 500;
const POST_ONLY = methodNotAllowed(["POST"]);
const REF = /^[0-9a-f]{32}$/;

function signaturesHref(slug: string, filter: SignatureFilter, extra: Record<string, string> = {}): string {
  const params = filterParams(filter);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `/admin/letters/${slug}/signatures${params.size ? `?${params}` : ""}`;
}

function flashOf(c: Context<AppEnv>): string | null {
  const done = c.req.query("done");
  const count = Number(c.req.query("n") ?? "1");
  const noun = count === 1 ? "signature" : "signatures";
  if (done && (MODERATION_ACTIONS as readonly string[]).includes(done) && Number.isSafeInteger(count)) {
    const past = MODERATED[done as ModerationAction];
    return `${past.charAt(0).toUpperCase()}${past.slice(1)} ${count.toLocaleString("en")} ${noun}.`;
  }
  if (done === "added") return "The signature is added and counted.";
  return null;
}

async function listPage(
  c: Context<AppEnv>,
  letter: Letter,
  manual: { values: ManualValues; errors: ManualErrors },
  status: 200 | 409 | 422 = 200,
) {
  const { filter, problems } = parseSignatureFilter(new URL(c.req.url).searchParams);
  const before = c.req.query("before");
  if (before !== undefined && !/^\d{1,15}$/.test(before)) {
    throw new Problem(
      400,
      "This page link is not valid",
      "The link to this page of signatures is broken. Go back to the first page.",
    );
  }
  const [matching, page] = await Promise.all([
    countMatchingSignatures(c.var.db, letter.id, filter),
    searchSignatures(c.var.db, letter.id, filter, {
      before: before === undefined ? undefined : Number(before),
      limit: PAGE_SIZE,
    }),
  ]);
  return adminHtml(
    c,
    <SignaturesPage
      letter={letter}
      csrf={c.var.organizer!.csrf}
      filter={filter}
      filterProblems={problems}
      matching={matching}
      signatures={page.signatures}
      olderHref={
        page.nextBefore === null ? null : signaturesHref(letter.slug, filter, { before: String(page.nextBefore) })
      }
      flash={flashOf(c)}
      manual={manual}
    />,
    problems.length > 0 ? 422 : status,
  );
}

export const adminSignatures = new Hono<AppEnv>();

adminSignatures.use(organizerPages());

adminSignatures.get("/signatures", async (c) =>
  listPage(c, await requireOrganizerLetter(c), { values: {}, errors: {} }),
);

/** A signature entered by hand. */
adminSignatures.post("/signatures", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const values = manualValues(await c.req.formData());
  const result = readManualSignature(values);
  if ("errors" in result) return listPage(c, letter, { values, errors: result.errors }, 422);
  if (!(await addSignatureByHand(c.var.deps, letter, result.signature))) {
    return listPage(c, letter, { values, errors: { email: "This email address has already signed the letter." } }, 409);
  }
  return c.redirect(signaturesHref(letter.slug, {}, { done: "added" }), 303);
});
adminSignatures.all("/signatures", methodNotAllowed(["GET", "HEAD", "POST"]));

adminSignatures.post("/signatures/bulk", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const form = await c.req.formData();
  const { filter, problems } = parseSignatureFilter(form);
  if (problems.length > 0) throw new Problem(400, "The filter has problems", problems.join(" "));
  const action = form.get("action");
  if (typeof action !== "string" || !(MODERATION_ACTIONS as readonly string[]).includes(action)) {
    throw new Problem(400, "Choose an action", `The action must be one of ${MODERATION_ACTIONS.join(", ")}.`);
  }
  const scope = form.get("scope") === "matching" ? "matching" : "selected";
  const refs = [
    ...new Set(form.getAll("ref").filter((ref): ref is string => typeof ref === "string" && REF.test(ref))),
  ];
  const back = signaturesHref(letter.slug, filter);
  if (scope === "selected" && refs.length === 0) {
    throw new Problem(
      400,
      "No signature selected",
      "Tick the signatures to change, or choose “All that match”. Go back and try again.",
    );
  }
  if (refs.length > BULK_LIMIT)
    throw new Problem(
      413,
      "Too many signatures selected",
      `Select at most ${BULK_LIMIT.toLocaleString("en")} at once.`,
    );
  const moderation = action as ModerationAction;
  const selection: BulkScope = scope === "selected" ? { refs } : { filter };
  if (form.get("step") !== "apply") {
    const { applicable, considered } = await previewBulkModeration(c.var.deps, letter, selection, moderation);
    return adminHtml(
      c,
      <BulkReviewPage
        letter={letter}
        csrf={c.var.organizer!.csrf}
        action={moderation}
        scope={scope}
        refs={refs}
        filter={filter}
        applicable={applicable}
        considered={considered}
        limit={BULK_LIMIT}
        back={back}
      />,
    );
  }
  const changed = await moderateSignatures(c.var.deps, letter, selection, moderation);
  return c.redirect(signaturesHref(letter.slug, filter, { done: moderation, n: String(changed) }), 303);
});
adminSignatures.all("/signatures/bulk", POST_ONLY);

/** One signature's moderation, from its row's button. */
adminSignatures.post("/signatures/:ref{[0-9a-f]{32}}/:action{approve|reject|hide|restore}", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const action = c.req.param("action") as ModerationAction;
  await moderateSignature(c.var.deps, letter, c.req.param("ref"), action);
  const { filter } = parseSignatureFilter(await c.req.formData());
  return c.redirect(signaturesHref(letter.slug, filter, { done: action, n: "1" }), 303);
});

adminSignatures.get("/order", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const { signatures } = await listSignaturesInOrder(
    c.var.db,
    letter.id,
    { kind: "organization", status: "confirmed" },
    { limit: ORDER_PAGE_LIMIT },
  );
  return adminHtml(
    c,
    <OrderPage
      letter={letter}
      csrf={c.var.organizer!.csrf}
      organizations={signatures}
      flash={c.req.query("done") === "saved" ? "The order is saved." : null}
    />,
  );
});

adminSignatures.post("/order", async (c) => {
  const letter = await requireOrganizerLetter(c);
  const form = await c.req.formData();
  const positions: { ref: string; position: number | null }[] = [];
  for (const [name, value] of form) {
    const ref = /^position-([0-9a-f]{32})$/.exec(name)?.[1];
    if (!ref || typeof value !== "string") continue;
    const text = value.trim();
    if (text !== "" && !/^\d{1,5}$/.test(text)) {
      const { signatures } = await listSignaturesInOrder(
        c.var.db,
        letter.id,
        { kind: "organization", status: "confirmed" },
        { limit: ORDER_PAGE_LIMIT },
      );
      return adminHtml(
        c,
        <OrderPage
          letter={letter}
          csrf={c.var.organizer!.csrf}
          organizations={signatures}
          error={`“${text.slice(0, 20)}” is not a place: use whole numbers from 1, or leave it empty.`}
        />,
        422,
      );
    }
    positions.push({ ref, position: text === "" || Number(text) === 0 ? null : Number(text) });
  }
  await setOrganizationOrder(c.var.deps, letter, positions);
  return c.redirect(`/admin/letters/${letter.slug}/order?done=saved`, 303);
});
adminSignatures.all("/order", methodNotAllowed(["GET", "HEAD", "POST"]));
