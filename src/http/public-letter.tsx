/**
 * A public letter as the HTTP side finds and draws it: the published letter
 * a request names (404 otherwise), in the language it asks for; its page,
 * its embed card and its JSON documents. Shared by the routes that show,
 * sign, embed and serve a letter, and by the organizers' previews.
 */
import type { AppDeps } from "../app/deps";
import type { Settings } from "../env";
import {
  buildLetterDocument,
  buildRecordDocument,
  buildSignatoriesDocument,
  buildVersionsDocument,
  isPastSignatories,
  signatoryPage,
} from "../app/public-documents";
import { publicOrigin } from "./urls";
import { type Context } from "hono";
import { cors } from "hono/cors";
import { formStamp } from "../domain/bots";
import { encodeCursor, type SignatoryCursor } from "../domain/cursor";
import { messagesFor } from "../domain/i18n";
import { inLanguage, isSlug, originalLanguage, publicStatus, statusChangesAt, type Letter } from "../domain/letter";
import type { SignatureKind } from "../domain/signature";
import { turnstileSiteKey } from "../env";
import { pageShell, type AppEnv } from "./app-env";
import { Problem } from "../app/problem";
import { API_EXPOSED_HEADERS } from "../domain/public-api";
import { HTML_CONTENT_TYPE, htmlResponse, JSON_CONTENT_TYPE, safeJson } from "./responses";
import type { Messages } from "../domain/i18n";
import { LinkMessagePage } from "../views/link-pages";
import { chooseLanguage, interfaceLocale, useLocale, words, type LanguageRequest } from "./language";
import { canonicalPath, withLang } from "../domain/paths";
import { type Rendered } from "./page-cache";
import { absoluteUrl } from "./urls";
import { paths } from "../domain/paths";
import { findLetterTranslation } from "../storage/letter-translations";
import { findPublishedLetter, findRecentPublishedLetter } from "../storage/letters";
import { listPublicSignatories } from "../storage/signatures";
import { renderDocument } from "../views/layout";
import { PARTNER_SCRIPT_PATH } from "../views/embed-scripts";
import { OG_IMAGE_PATH } from "../views/og";
import type { LanguageLink } from "../views/language-switcher";
import type { LetterSubpageLinks } from "../views/letter-subpage";
import type { PageMeta } from "../views/layout";
import { LetterPage } from "../views/letter-page";
import type { SignFormExtras, SignFormState } from "../views/sign-form";
import { confirmsByEmail } from "../domain/signing";
import { receiptLinkRef, type Receipt } from "../domain/receipt";
import { signatureLinks } from "../app/signature-links";
import { EmbedPage, type EmbedState } from "../views/embed-page";

/**
 * Request headers a partner's page may send (CORS preflight, Fetch standard): Content-Type for
 * posted JSON, If-None-Match to revalidate a copy by its ETag (answered 304, http/page-cache.ts).
 * No Last-Modified is served, so If-Modified-Since is not offered.
 */
const CORS_REQUEST_HEADERS = ["Content-Type", "If-None-Match"];

/**
 * How long a browser may keep a preflight's answer, in seconds (Access-Control-Max-Age, Fetch standard):
 * a day, so a partner's page doesn't pay a preflight before every request; browsers cap it (Chromium: 2 h).
 */
const CORS_PREFLIGHT_SECONDS = 86_400;

/** CORS for the letter service's public JSON: any site's page may read it, and its ETag (as the API's, see publicApiCors). */
export const publicJson = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD"],
  allowHeaders: CORS_REQUEST_HEADERS,
  exposeHeaders: [...API_EXPOSED_HEADERS],
  maxAge: CORS_PREFLIGHT_SECONDS,
});

/**
 * CORS for the public API (/api/v1): any site's page may read it (and the
 * headers a client acts on, API_EXPOSED_HEADERS), and post signatures as JSON. Applied by the API's prefix before any of its routes.
 */
export const publicApiCors = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "POST"],
  allowHeaders: CORS_REQUEST_HEADERS,
  exposeHeaders: [...API_EXPOSED_HEADERS],
  maxAge: CORS_PREFLIGHT_SECONDS,
});

/** A page for the edge cache, true until `shown` letters change status by themselves (see statusChangesAt). */
export function htmlCopy(body: string, shown: readonly Letter[] = []): Rendered {
  return { status: 200, body, contentType: HTML_CONTENT_TYPE, expiresAt: statusChangesAt(shown, new Date()) };
}

/** A JSON document for the edge cache, readable by any site, true until `shown` letters change status by themselves. */
export function jsonCopy(value: unknown, shown: readonly Letter[] = []): Rendered {
  return {
    status: 200,
    body: safeJson(value),
    contentType: JSON_CONTENT_TYPE,
    headers: { "Access-Control-Allow-Origin": "*" },
    expiresAt: statusChangesAt(shown, new Date()),
  };
}

export function letterNotFound<E extends AppEnv>(c: Context<E>): Problem {
  const { title, message } = words(c).errors.letterNotFound;
  return new Problem(404, title, message, {}, null, "letter-not-found");
}

/**
 * The letter named by the route's slug, or a 404 (without touching D1 for a slug
 * that can't exist). `recent` lets signing reuse a letter read moments ago
 * (LETTER_CACHE_SECONDS; see findRecentPublishedLetter).
 */
export async function requirePublishedLetter<E extends AppEnv>(
  c: Context<E>,
  slug: string,
  { recent = false } = {},
): Promise<Letter> {
  let letter: Letter | null = null;
  if (isSlug(slug)) {
    letter = recent
      ? await findRecentPublishedLetter(c.var.db, slug, (c.get("settings") as Settings).letterCacheSeconds)
      : await findPublishedLetter(c.var.db, slug);
  }
  if (!letter) throw letterNotFound(c);
  return letter;
}

/**
 * The letter in `language` (one of letter.languages): its original, or its
 * translation read with one query. The rest of the request then speaks the
 * letter's language (its error pages included).
 */
export async function letterIn<E extends AppEnv>(c: Context<E>, letter: Letter, language: string): Promise<Letter> {
  useLocale(c, language);
  if (language === originalLanguage(letter)) return letter;
  const translation = await findLetterTranslation(c.var.db, letter.id, language);
  // Deleted between the two reads: the original stands in rather than a 500.
  if (!translation) return letter;
  return inLanguage(letter, translation);
}

/**
 * The published letter at `slug`, in the language `request` asks for or negotiates (see
 * http/language.ts). A ?lang= the letter has no translation in is a 404 ("translation-not-found")
 * on the public reading pages; with `signerLink` (the pages behind the links emailed or handed to a
 * signer: confirm, withdraw, unsubscribe, the thank-you page), the letter's original language
 * stands in instead, so that deleting a translation never kills a signer's link.
 *
 * @throws Problem 404 when there is no such published letter, or (without `signerLink`) no such translation
 */
export async function requireLetterIn<E extends AppEnv>(
  c: Context<E>,
  slug: string,
  request: LanguageRequest,
  options: { recent?: boolean; signerLink?: boolean } = {},
): Promise<Letter> {
  const letter = await requirePublishedLetter(c, slug, options);
  if (options.signerLink && request.requested && !letter.languages.includes(request.requested))
    return letterIn(c, letter, originalLanguage(letter));
  return letterIn(c, letter, chooseLanguage(c, letter, request));
}

/**
 * The language to name in a letter's own links (the next page, the embed, the
 * thank-you page): its language when it has several, so that a reader who
 * chose one keeps it; none for a letter in one language.
 */
export function linkLanguage(letter: Letter): string | null {
  return letter.languages.length > 1 ? letter.language : null;
}

/** The letter's page in the language of the link that led here (linkLanguage), for the pages behind signers' links. */
export function linkLetterPath(letter: Letter): string {
  return withLang(paths.letter(letter.slug), linkLanguage(letter));
}

/**
 * A page behind a signer's emailed link (confirm, withdraw, unsubscribe) that says `text.title` and
 * `text.message` with the way back to the letter: answered with `status` (an "Error: " title from 400),
 * never cached (`headers`: the route's private, no-store set).
 */
export async function linkMessageResponse<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  text: { title: string; message: string },
  status: number,
  headers: Record<string, string>,
  t: Messages,
): Promise<Response> {
  return htmlResponse(
    await renderDocument(
      <LinkMessagePage
        title={text.title}
        message={text.message}
        letter={letter}
        letterUrl={linkLetterPath(letter)}
        error={status >= 400}
        t={t}
      />,
      pageShell(c),
    ),
    status,
    headers,
  );
}

/** `path` (a page of the letter) in each of its languages, for the language switcher. */
export function languageLinks(letter: Letter, path: string): LanguageLink[] {
  return letter.languages.map((language) => ({ language, href: withLang(path, language) }));
}

/** The page at `path` in each of the letter's languages at its canonical address, for hreflang; x-default is the bare address. */
export function languageAlternates<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  path: string,
): PageMeta["alternates"] {
  return {
    languages: letter.languages.map((language) => ({
      language,
      href: absoluteUrl(c, canonicalPath(letter, path, language)),
    })),
    fallback: absoluteUrl(c, path),
  };
}

/**
 * The links every public sub-page of `letter` carries (views/letter-subpage.tsx) for the sub-page at
 * `path`: the letter's page in the reader's language (linkLanguage), the canonical address, and the
 * sub-page in each of the letter's languages (for the switcher, and absolute for hreflang).
 */
export function subpageLinks<E extends AppEnv>(c: Context<E>, letter: Letter, path: string): LetterSubpageLinks {
  return {
    letter: linkLetterPath(letter),
    canonical: absoluteUrl(c, canonicalPath(letter, path, letter.language)),
    languages: languageLinks(letter, path),
    alternates: languageAlternates(c, letter, path),
  };
}

/**
 * What a sign form about `letter` carries besides its fields: its stamp
 * (`carried`, for a form shown again after a submission, else one drawn
 * now), Turnstile's site key when it is on, and the seq of the letter's
 * latest text entry (the text the page shows).
 */
export async function signFormExtras<E extends AppEnv>(
  c: Context<E>,
  letter: Pick<Letter, "slug" | "textSeq" | "confirmSignatures" | "reviewOrganizations">,
  carried?: string,
): Promise<SignFormExtras> {
  const secret = c.env.SECRET_KEY;
  const deps = c.get("deps") as AppDeps;
  return {
    stamp: carried ?? (secret ? await formStamp(secret, letter.slug, deps.now().getTime()) : null),
    turnstileSiteKey: turnstileSiteKey(c.env),
    textSeq: letter.textSeq,
    offersDeliveryNotice: confirmsByEmail(letter, deps.mailer() !== null),
  };
}

/**
 * The letter's page as HTML, in the letter's language (see letterIn): the
 * letter, its first page of signatories, and the form in the given state.
 */
export async function renderLetterPage<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  form: SignFormState,
  /** For organizers' previews: a banner, and the status to draw (a draft is previewed as it will look once open). */
  preview: { notice: string; status: "open" | "closed" } | null = null,
): Promise<string> {
  const page = await signatoryPage(c.var.deps, letter, null);
  const language = linkLanguage(letter);
  const canonical = absoluteUrl(c, canonicalPath(letter, paths.letter(letter.slug), letter.language));
  return renderDocument(
    <LetterPage
      letter={letter}
      status={preview?.status ?? publicStatus(letter, new Date())}
      notice={preview?.notice}
      signatories={page.signatories}
      t={messagesFor(interfaceLocale(letter.language))}
      links={{
        page: canonical,
        sign: paths.sign(letter.slug),
        moreSignatories: page.next ? withLang(paths.signatories(letter.slug, encodeCursor(page.next)), language) : null,
        embed: absoluteUrl(c, withLang(paths.embed(letter.slug), language)),
        oembed: absoluteUrl(c, paths.oembed(canonical)),
        // Organizers' previews show the text being edited, without links to the other languages' public pages.
        languages: preview ? [] : languageLinks(letter, paths.letter(letter.slug)),
        alternates: preview ? undefined : languageAlternates(c, letter, paths.letter(letter.slug)),
        feed: absoluteUrl(c, paths.feed()),
        embedScript: absoluteUrl(c, PARTNER_SCRIPT_PATH),
        image: absoluteUrl(c, OG_IMAGE_PATH),
        letterFeed: absoluteUrl(c, paths.letterFeed(letter.slug)),
        versions: withLang(paths.versions(letter.slug), language),
      }}
      form={form}
      formExtras={await signFormExtras(c, letter, form.stamp)}
    />,
    pageShell(c),
  );
}

/**
 * The 400 of a cursor past the end of the list (see app/public-documents.ts
 * isPastSignatories), in the reader's language: refused rather than
 * answered with an empty page. The API answers it as an invalid-cursor
 * problem (domain/problem-types.ts), with these words as its detail.
 */
export function cursorPastEnd<E extends AppEnv>(c: Context<E>): Problem {
  const { title, message } = words(c).errors.cursorPastEnd;
  return new Problem(400, title, message, {}, null, "invalid-cursor");
}

/**
 * The letter at `slug` (or a 404) in the language asked for, and its page of signatories after `cursor`.
 *
 * @throws Problem 400 when `cursor` points past the list (see cursorPastEnd)
 */
export async function letterAndSignatories(
  c: Context<AppEnv>,
  slug: string,
  cursor: SignatoryCursor | null,
  request: LanguageRequest,
) {
  const letter = await requireLetterIn(c, slug, request);
  const page = await signatoryPage(c.var.deps, letter, cursor);
  if (cursor && page.signatories.length === 0 && (await isPastSignatories(c.var.deps, letter, cursor)))
    throw cursorPastEnd(c);
  return { letter, page };
}

/**
 * The letter's JSON document (its .json address and the API's /letters/{slug},
 * whose own address is `jsonPath`), in the language of ?lang= (the original
 * without it: JSON is never negotiated), for the cache.
 */
export async function letterDocument(
  c: Context<AppEnv>,
  slug: string,
  request: LanguageRequest,
  jsonPath = paths.letterJson(slug),
): Promise<Rendered> {
  const shown = await requireLetterIn(c, slug, request);
  const { document, letter } = await buildLetterDocument(c.var.deps, shown, { origin: publicOrigin(c), jsonPath });
  return jsonCopy(document, [letter]);
}

/**
 * A page of the letter's public signatories as JSON (its signatories.json and
 * the API's /letters/{slug}/signatories, whose `nextPath` keeps its filters), for the cache.
 *
 * @throws Problem 400 when `cursor` points past the list (see cursorPastEnd)
 */
export async function signatoriesDocument(
  c: Context<AppEnv>,
  slug: string,
  cursor: SignatoryCursor | null,
  options: { kind?: SignatureKind; country?: string; nextPath?: (cursor: string) => string } = {},
): Promise<Rendered> {
  const letter = await requirePublishedLetter(c, slug);
  const document = await buildSignatoriesDocument(c.var.deps, letter, cursor, { origin: publicOrigin(c), ...options });
  if (cursor && document.signatories.length === 0 && (await isPastSignatories(c.var.deps, letter, cursor)))
    throw cursorPastEnd(c);
  return jsonCopy(document, [letter]);
}

/** A page of the letter's public record as JSON (its record.json and the API's /letters/{slug}/record), for the cache. */
export async function recordDocument(c: Context<AppEnv>, slug: string, after: number): Promise<Rendered> {
  const letter = await requirePublishedLetter(c, slug);
  return jsonCopy(await buildRecordDocument(c.var.deps, letter, after, { origin: publicOrigin(c) }), [letter]);
}

/** Every published version of the letter's text as JSON (its versions.json), for the cache. */
export async function versionsDocument(c: Context<AppEnv>, slug: string): Promise<Rendered> {
  const letter = await requirePublishedLetter(c, slug);
  return jsonCopy(await buildVersionsDocument(c.var.deps, letter, { origin: publicOrigin(c) }), [letter]);
}

/**
 * The card for `letter` (in its language: see letterIn) in one of its states
 * (views/embed-page.tsx): its first state ("card"), its form in `form`'s
 * state ("form", the default: what signing from the card answers on an
 * error), or its thank-you state for `receipt`. Every link of the state
 * keeps the partner's `source`; its language links lead to the same state
 * (receipt included) in the letter's other languages.
 */
export async function renderEmbedPage<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  form: SignFormState,
  source: string | null,
  receipt: Receipt | null = null,
  state: "card" | "form" = "form",
): Promise<string> {
  const shown: EmbedState = receipt ? "thanks" : state;
  const page =
    shown === "card"
      ? await listPublicSignatories(c.var.db, letter.id, null, EMBED_SIGNATORIES)
      : { signatories: [] as const };
  // The card shows a withdrawal link only when the receipt may (see domain/receipt.ts receiptLinkRef).
  const { deps } = c.var as AppEnv["Variables"];
  const ref = receipt ? receiptLinkRef(receipt, deps.now()) : null;
  const withdraw = ref ? (await signatureLinks(deps, letter, ref)).withdraw : null;
  const language = linkLanguage(letter);
  // The thank-you state's own address names its sealed receipt as this request received it.
  const here =
    shown === "thanks" && receipt
      ? paths.embed(letter.slug, { source, receipt: c.req.query("receipt") })
      : shown === "form"
        ? paths.embedSign(letter.slug, source)
        : paths.embed(letter.slug, { source });
  return renderDocument(
    <EmbedPage
      letter={letter}
      status={publicStatus(letter, new Date())}
      state={shown}
      signatories={page.signatories}
      links={{
        letter: absoluteUrl(c, canonicalPath(letter, paths.letter(letter.slug), letter.language)),
        card: withLang(paths.embed(letter.slug, { source }), language),
        form: withLang(paths.embedSign(letter.slug, source), language),
        sign: paths.signFromEmbed(letter.slug, source),
        ...(withdraw ? { withdraw: absoluteUrl(c, withLang(withdraw, language)) } : {}),
        languages: languageLinks(letter, here),
      }}
      form={form}
      formExtras={await signFormExtras(c, letter, form.stamp)}
      receipt={receipt}
      t={messagesFor(interfaceLocale(letter.language))}
    />,
    pageShell(c),
  );
}

/** Signatories shown on the card. */
export const EMBED_SIGNATORIES = 5;
