/**
 * Signing: the sign form's post, and the thank-you page it leads to.
 *
 * POST /letters/{slug}/signatures passes the form guards (same-site origin,
 * size, content type), finds the letter (404) and checks it is open (409),
 * validates every field (422, the letter page again with the form filled in
 * and a message beside each bad field), stores the signature and its count
 * in one transaction, and answers 303 to the thank-you page (Post/Redirect/Get).
 */
import { zValidator, type Hook } from "@hono/zod-validator";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { publicStatus, type Letter } from "../domain/letter";
import { openReceipt, receiptFor, sealReceipt } from "../domain/receipt";
import { signFormErrors, signFormSchema, signFormValues, type SignatureInput } from "../domain/signature";
import { requireSecretKey, type AppEnv } from "../env";
import { ClientError, methodNotAllowed } from "../http/errors";
import { formGuards } from "../http/security";
import { absoluteUrl, paths } from "../http/urls";
import { insertSignature } from "../storage/signatures";
import { renderDocument } from "../views/layout";
import { formatDate } from "../views/format";
import { ThankYouPage } from "../views/thank-you-page";
import { HTML_CONTENT_TYPE, renderLetterPage, requirePublishedLetter } from "./letters";

type SigningEnv = AppEnv & { Variables: { letter: Letter } };

/** Loads the letter being signed and refuses it once signing has closed. */
const openLetter = createMiddleware<SigningEnv>(async function openLetter(c, next) {
  const letter = await requirePublishedLetter(c, c.req.param("slug") ?? "");
  if (publicStatus(letter, new Date()) !== "open") {
    throw new ClientError(
      409,
      "Signing has closed",
      `“${letter.title}” no longer takes signatures${letter.closesAt ? `: signing closed on ${formatDate(letter.closesAt)}` : ""}. Your signature was not recorded.`,
    );
  }
  c.set("letter", letter);
  await next();
});

/** An invalid form comes back as the letter page, filled in, with the problems marked (422). */
const redisplayWithErrors: Hook<SignatureInput, SigningEnv, string, "form", {}, typeof signFormSchema> = async (result, c) => {
  if (result.success) return;
  const form = { values: signFormValues(result.data), errors: signFormErrors(result.error) };
  const body = await renderLetterPage(c, c.get("letter"), form);
  return new Response(body, { status: 422, headers: noStore });
};

const noStore = { "Cache-Control": "no-store", "Content-Type": HTML_CONTENT_TYPE };

export const signatures = new Hono<SigningEnv>();

signatures.post(
  "/letters/:slug/signatures",
  formGuards(),
  openLetter,
  zValidator<typeof signFormSchema, "form", SigningEnv, string, typeof redisplayWithErrors>("form", signFormSchema, redisplayWithErrors),
  async (c) => {
    const letter = c.get("letter");
    const input = c.req.valid("form");
    const secret = requireSecretKey(c.env);
    const signedAt = new Date();
    // Whether the email had signed before is deliberately not used: both answers must look the same.
    await insertSignature(c.env.DB, letter.id, input);
    const receipt = await sealReceipt(receiptFor(letter.slug, input, signedAt), secret);
    return c.redirect(paths.signed(letter.slug, receipt), 303);
  },
);

// Someone who reloads or bookmarks the form's address gets the form, not an error.
signatures.get("/letters/:slug/signatures", (c) => c.redirect(`${paths.letter(c.req.param("slug"))}#sign`, 303));
signatures.all("/letters/:slug/signatures", methodNotAllowed(["POST", "GET", "HEAD"]));

signatures.get("/letters/:slug/signed", async (c) => {
  const letter = await requirePublishedLetter(c, c.req.param("slug"));
  const sealed = c.req.query("receipt");
  const receipt = sealed ? await openReceipt(sealed, letter.slug, requireSecretKey(c.env)) : null;
  if (!receipt) {
    throw new ClientError(
      400,
      "This thank-you link is not valid",
      "The link is incomplete or was changed. If you signed, your signature is not affected: you can check the list on the letter's page.",
    );
  }
  const letterUrl = absoluteUrl(c, paths.letter(letter.slug));
  const body = await renderDocument(<ThankYouPage letter={letter} receipt={receipt} letterUrl={letterUrl} />);
  // Private to the signer: never stored by the edge or shared caches.
  return new Response(body, { status: 200, headers: { ...noStore, "Cache-Control": "private, no-store" } });
});
signatures.all("/letters/:slug/signed", methodNotAllowed(["GET", "HEAD"]));
