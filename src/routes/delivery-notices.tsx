/**
 * The delivery email's unsubscribe link (app/delivery-notices.ts): /letters/{slug}/unsubscribe?token=…
 * works without logging in, its token an HMAC of the signature's reference (domain/link-secrets.ts,
 * purpose "unsubscribe").
 *
 * GET shows a page with one button (a mail scanner that opens the link changes nothing). POST
 * unsubscribes: from that button (303 to /unsubscribed), or from a mail client's "Unsubscribe" by
 * RFC 8058 one-click, a POST to the List-Unsubscribe address whose body is
 * `List-Unsubscribe=One-Click` (200). A token that leads to no signature answers 404, the same for a
 * malformed, forged or another letter's token. The pages are noindex, script-free, never cached, and
 * in the language of the link's ?lang= (the one the signer signed in).
 */
import { Hono, type Context } from "hono";
import { unsubscribeFromDelivery, unsubscribeState } from "../app/delivery-notices";
import { ONE_CLICK_BODY } from "../domain/delivery-notices";
import type { Letter } from "../domain/letter";
import { paths, withLang } from "../domain/paths";
import { letterQuerySchema, linkQuerySchema } from "../domain/public-query";
import { pageShell, type AppEnv } from "../http/app-env";
import { languageRequest, words } from "../http/language";
import { linkLanguage, linkMessageResponse, requireLetterIn } from "../http/public-letter";
import { htmlResponse } from "../http/responses";
import { formGuards } from "../http/security";
import { publicQuery } from "../http/validation";
import { renderDocument } from "../views/layout";
import { UnsubscribePage } from "../views/link-pages";

/** The signer's own pages (their URL holds the link's secret): never kept by shared caches. */
const privateNoStore = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export const deliveryNotices = new Hono<AppEnv>();

/** The letter a link is about, in the language of its ?lang= (its original one when that translation is gone). */
function linkLetter(c: Context<AppEnv>): Promise<Letter> {
  return requireLetterIn(c, c.req.param("slug") ?? "", languageRequest(c), { recent: true, signerLink: true });
}

/** A page saying `title` and `message`, with the way back to the letter. */
function messagePage(
  c: Context<AppEnv>,
  letter: Letter,
  text: { title: string; message: string },
  status: 200 | 404,
): Promise<Response> {
  return linkMessageResponse(c, letter, text, status, privateNoStore, words(c));
}

deliveryNotices.get("/:slug/unsubscribe", publicQuery(linkQuerySchema), async (c) => {
  const { token } = c.req.valid("query");
  const letter = await linkLetter(c);
  const t = words(c);
  const state = await unsubscribeState(c.var.deps, letter, token);
  if (!state) return messagePage(c, letter, t.links.unsubscribeDead, 404);
  // Opened again after unsubscribing: done already, no button to press again.
  if (state.unsubscribed) return messagePage(c, letter, t.links.unsubscribeAlready, 200);
  return htmlResponse(
    await renderDocument(
      <UnsubscribePage
        letter={letter}
        action={withLang(paths.unsubscribe(letter.slug, token), linkLanguage(letter))}
        t={t}
      />,
      pageShell(c),
    ),
    200,
    privateNoStore,
  );
});

// Not the same-origin rule of every other form: a mail provider's one-click POST (RFC 8058 §3.1)
// comes from its own servers, with no Origin or Sec-Fetch-Site and no page of ours before it, so it
// could never meet that rule. Nothing is to be forged here: the only authority is the token in the
// URL, which only the signer's mailbox ever received, and all it can do is stop one email to that
// mailbox. Size, content type and field names are still checked.
deliveryNotices.post("/:slug/unsubscribe", formGuards({ fromAnySite: true }), async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  const token = c.req.query("token");
  if (!(await unsubscribeFromDelivery(c.var.deps, letter, token))) {
    return messagePage(c, letter, t.links.unsubscribeDead, 404);
  }
  const form = await c.req.formData();
  // A mail client's one-click: answered where it stands, with no page to go on to.
  if (form.get("List-Unsubscribe") === ONE_CLICK_BODY.split("=")[1]) {
    return messagePage(c, letter, { title: t.links.unsubscribedTitle, message: t.links.unsubscribedMessage }, 200);
  }
  return c.redirect(withLang(paths.unsubscribed(letter.slug), linkLanguage(letter)), 303);
});

deliveryNotices.get("/:slug/unsubscribed", publicQuery(letterQuerySchema), async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  return messagePage(c, letter, { title: t.links.unsubscribedTitle, message: t.links.unsubscribedMessage }, 200);
});
