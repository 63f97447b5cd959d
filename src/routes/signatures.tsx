/**
 * Signing, confirming and withdrawing.
 *
 * POST /letters/{slug}/signatures passes the form guards (same-site origin,
 * size, content type), finds the letter (404) and checks it is open (409),
 * validates every field (422: the letter page again, filled in, a message
 * beside each bad field), then screens the attempt (app/sign-attempts.ts):
 * the client's rate limit (429), the quiet bot checks and Turnstile (403, or
 * 503 when Turnstile can't be reached). Every refusal shows the form again,
 * filled in, with what to do, never a receipt: nothing was stored. Then it
 * stores the signature and its count in one transaction, and answers 303 to
 * the thank-you page (Post/Redirect/Get). A repeated email gets the same
 * answer as a new one; what differs (a new confirmation link, a "you have
 * already signed" email) happens after the response. An organization that has
 * already signed through another contact gets the form again (409) with the
 * message on its name: nothing stored, nobody emailed (app/signing.ts).
 *
 * Every page that shows a submitted form again (an error, a refusal, "please
 * send it again") carries the submitted form stamp forward while it is
 * valid, never a fresh one, so a visitor's fill time runs from when they
 * first got the form (domain/bots.ts).
 *
 * GET shows, and POST acts on, the confirmation and withdrawal links: a mail
 * scanner that opens a link changes nothing.
 */
import { htmlResponse } from "../http/responses";
import { zValidator, type Hook } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import {
  confirmationProblem,
  confirmSignature,
  findConfirmationTarget,
  shownDetails,
  signatureLinks,
  withdrawalTarget,
  withdrawSignature,
  type ConfirmationProblem,
} from "../app/signature-links";
import {
  answerCarriesWithdrawalLink,
  linksGoByEmail,
  receiptOutcome,
  refuseClosedLetter,
  signingPolicyOf,
  signLetter,
} from "../app/signing";
import { receiptEntry } from "../app/record-entries";
import { screenSignAttempt, stampForFormShownAgain, type SignAttemptRefusal } from "../app/sign-attempts";
import { newSignatureRef } from "../domain/link-secrets";
import { isLocale, negotiate, preferredLocales, type Locale, type Messages } from "../domain/i18n";
import {
  letterQuerySchema,
  linkFormSchema,
  linkQuerySchema,
  receiptQuerySchema,
  signQuerySchema,
} from "../domain/public-query";
import { publicQuery } from "../http/validation";
import { isSlug, publicStatus, type Letter } from "../domain/letter";
import { canonicalPath, paths, withLang } from "../domain/paths";
import { openReceipt, receiptFor, receiptLinkRef, sealReceipt, type ReceiptOutcome } from "../domain/receipt";
import { signFormErrors, signFormSchema, signFormValues, type SignatureInput } from "../domain/signature";
import { CONFIRMATION_LINK_DAYS } from "../domain/signing";
import { TEXT_SEEN_FIELD, textSeenOf } from "../domain/text-versions";
import { requireSecretKey, turnstileSiteKey } from "../env";
import { pageShell, type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { languageRequest, useLocale, words } from "../http/language";
import { formGuards, pagePolicy } from "../http/security";
import { signatureWrites } from "../http/signature-writes";
import { absoluteUrl } from "../http/urls";
import { TURNSTILE_RESPONSE_FIELD } from "../domain/bots";
import { StorageUnavailable } from "../storage/database";
import { renderDocument } from "../views/layout";
import { ConfirmPage, WithdrawPage } from "../views/link-pages";
import { LANGUAGE_FIELD, type SignFormState } from "../views/sign-form";
import { SignAgainPage } from "../views/sign-again-page";
import { ThankYouPage } from "../views/thank-you-page";
import { renderEmbedPage } from "../http/public-letter";
import {
  letterIn,
  letterNotFound,
  linkLanguage,
  linkLetterPath,
  linkMessageResponse,
  renderLetterPage,
  requireLetterIn,
  requirePublishedLetter,
} from "../http/public-letter";

type SigningEnv = AppEnv & {
  Variables: {
    /** The letter being signed, in its original language (see letterIn for the signer's). */
    letter: Letter;
    /** The language the signer read the letter in: the form's lang field when the letter has it. */
    signingLanguage: string;
    /** Set when the signature comes from the embed card (?embed=1): its answers stay in the partner's frame. */
    embed: { source: string | null } | null;
  };
};

/** The signer's own pages (they carry receipts and link secrets): never kept by shared caches. */
const privateNoStore = { "Cache-Control": "private, no-store" };

/** The submitted form's fields as plain values (first of each), for the bot checks and for re-filling. */
async function rawFields(c: Context): Promise<Record<string, unknown>> {
  const fields = Object.create(null) as Record<string, unknown>;
  const contentType = c.req.header("Content-Type") ?? "";
  if (!/^(?:application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType)) return fields;
  try {
    (await c.req.formData()).forEach((value, key) => {
      if (!(key in fields)) fields[key] = value;
    });
  } catch {
    // An unreadable body has no fields to give back.
  }
  return fields;
}

/** The form's lang field, when it is one of the interface's languages. */
async function postedLanguage<E extends AppEnv>(c: Context<E>): Promise<string | null> {
  const posted = (await rawFields(c))[LANGUAGE_FIELD];
  return isLocale(posted) ? posted : null;
}

/** The language a form about `letter` was sent in: its lang field when the letter has it, else the browser's best. */
async function formLanguage<E extends AppEnv>(c: Context<E>, letter: Letter): Promise<string> {
  const posted = await postedLanguage(c);
  if (posted && letter.languages.includes(posted)) return posted;
  return negotiate(preferredLocales(c.req.header("Accept-Language")), letter.languages);
}

/**
 * 503 with the form filled in again, when the database fails: nothing was
 * stored (or, for "mail", the signature was but its email was not sent), and
 * the signer can send it again: the form carries the submitted stamp
 * forward, so pressing Sign again at once is not taken for a bot's. From the
 * embed card, the form posts back within the frame. `title` is the letter's
 * in the signer's language, when it could be read.
 */
async function signAgain(
  c: Context<SigningEnv>,
  slug: string,
  title: string | null,
  cause: "queue" | "database" | "mail",
  retryAfter: number,
  language: string | null = null,
): Promise<Response> {
  // For the operators: how often signers are turned away because storage failed (no personal data).
  console.error(JSON.stringify({ event: "sign_unavailable", letter: slug, cause }));
  const fields = await rawFields(c);
  const signerLanguage = language ?? (isLocale(fields[LANGUAGE_FIELD]) ? fields[LANGUAGE_FIELD] : null);
  const t = signerLanguage ? useLocale(c, signerLanguage) : words(c);
  const embed = c.get("embed");
  const body = await renderDocument(
    <SignAgainPage
      slug={slug}
      title={title}
      message={{ queue: t.signAgain.queueBusy, database: t.signAgain.databaseBusy, mail: t.signAgain.mailBusy }[cause]}
      form={{ values: signFormValues(fields), errors: {} }}
      extras={{
        stamp: await stampForFormShownAgain(c.var.deps, slug, fields),
        turnstileSiteKey: turnstileSiteKey(c.env),
        // No text is shown here: the form still speaks for the one the signer read.
        textSeq: textSeenOf(fields[TEXT_SEEN_FIELD]),
        // The letter is not read again here: the box stays as the signer left it when they ticked it
        // (offered, then, by the page they read); signing again drops a tick the letter doesn't take.
        offersDeliveryNotice: Boolean(fields.notify_delivery),
      }}
      links={{
        sign: embed ? paths.signFromEmbed(slug, embed.source) : paths.sign(slug),
        letter: withLang(paths.letter(slug), signerLanguage),
      }}
      language={signerLanguage ?? t.locale}
      t={t}
    />,
    pageShell(c),
  );
  return htmlResponse(body, 503, { "Retry-After": String(retryAfter) });
}

/**
 * A signature from the embed card (?embed=1&source=…): every answer, errors
 * included, may then be shown in the partner's frame, the form comes back as
 * the card, and the thank-you state is the card's.
 */
const embedMode = createMiddleware<SigningEnv>(async function embedMode(c, next) {
  const query = signQuerySchema.safeParse(c.req.queries());
  const { embed, source } = query.success ? query.data : { embed: false, source: null };
  c.set("embed", embed ? { source } : null);
  await next();
});

/** The letter page, or from the embed the card, with the form in `form`'s state, in the signer's language. */
async function renderSignPage(c: Context<SigningEnv>, letter: Letter, form: SignFormState): Promise<string> {
  const embed = c.get("embed");
  const shown = await letterIn(c, letter, c.get("signingLanguage"));
  return embed ? renderEmbedPage(c, shown, form, embed.source) : renderLetterPage(c, shown, form);
}

/** Loads the letter being signed, learns the signer's language, and refuses the letter once signing has closed. */
const openLetter = createMiddleware<SigningEnv>(async function openLetter(c, next) {
  const slug = c.req.param("slug") ?? "";
  const posted = await postedLanguage(c);
  if (posted) useLocale(c, posted);
  let letter: Letter;
  try {
    letter = await requirePublishedLetter(c, slug, { recent: true });
  } catch (error) {
    if (error instanceof StorageUnavailable) return signAgain(c, slug, null, "database", 30);
    throw error;
  }
  const language = await formLanguage(c, letter);
  c.set("signingLanguage", language);
  const t = useLocale(c, language);
  if (publicStatus(letter, c.var.deps.now()) !== "open")
    refuseClosedLetter(await letterIn(c, letter, language), c.var.deps.now(), t);
  c.set("letter", letter);
  await next();
});

/** An invalid form comes back as the letter page, filled in, with the problems marked (422). */
const redisplayWithErrors: Hook<SignatureInput, SigningEnv, string, "form", object, typeof signFormSchema> = async (
  result,
  c,
) => {
  if (result.success) return;
  const t = words(c);
  const letter = c.get("letter");
  const form = {
    values: signFormValues(result.data),
    errors: signFormErrors(result.error, t.form.issue.bind(t.form)),
    stamp: await stampForFormShownAgain(c.var.deps, letter.slug, await rawFields(c)),
  };
  try {
    return htmlResponse(await renderSignPage(c, letter, form), 422);
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
};

/**
 * A validated attempt that was refused (app/sign-attempts.ts): the letter
 * page, or the card, again with the form filled in (never the honeypot's
 * value) and its stamp carried forward, and what to do. Nothing was stored,
 * so there is no receipt. 429 with Retry-After over the rate limit; 403 when
 * a bot check or Turnstile did not pass, like any robot check that failed
 * (a client that posts programmatically sees no success); 503 with
 * Retry-After when Turnstile could not be reached.
 */
async function refusedAttempt(
  c: Context<SigningEnv>,
  letter: Letter,
  fields: Record<string, unknown>,
  refusal: SignAttemptRefusal,
): Promise<Response> {
  const t = words(c);
  let status: 403 | 429 | 503 = 403;
  let headers: Record<string, string> = {};
  let formError = t.form.pressAgain;
  if (refusal.reason === "rate-limited") {
    status = 429;
    headers = { "Retry-After": String(refusal.retryAfterSeconds) };
    formError = t.form.tooMany(refusal.retryAfterSeconds);
  } else if (refusal.reason === "turnstile") {
    status = refusal.unavailable ? 503 : 403;
    headers = refusal.unavailable ? { "Retry-After": "60" } : {};
    formError = refusal.unavailable ? t.form.robotCheckUnavailable : t.form.robotCheckFailed;
  }
  const form = {
    values: signFormValues(fields),
    errors: {},
    formError,
    stamp: await stampForFormShownAgain(c.var.deps, letter.slug, fields),
  };
  try {
    return htmlResponse(await renderSignPage(c, letter, form), status, headers);
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
}

/**
 * 409 when the letter's text changed after the signer's page was drawn (a
 * new version, in any language, entered the record: see signLetter): the
 * letter page, or the card, again with the new text, read afresh rather
 * than from the copy kept for signing, and the form filled in, its stamp
 * carried forward and its text seq the new one, so that pressing Sign again
 * signs the text now shown. It says so, and links to what changed. Nothing was stored.
 */
async function textChanged(c: Context<SigningEnv>, stale: Letter, fields: Record<string, unknown>): Promise<Response> {
  const t = words(c);
  try {
    const letter = await requirePublishedLetter(c, stale.slug);
    const language = letter.languages.length > 1 ? c.get("signingLanguage") : null;
    const form: SignFormState = {
      values: signFormValues(fields),
      errors: {},
      formError: t.form.textChanged,
      formErrorLink: { href: withLang(paths.versions(letter.slug), language), label: t.form.seeWhatChanged },
      stamp: await stampForFormShownAgain(c.var.deps, letter.slug, fields),
    };
    return htmlResponse(await renderSignPage(c, letter, form), 409);
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, stale.slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
}

/**
 * 409 when the organization has already signed the letter through another contact (or waits for its
 * contact's confirmation): the letter page, or the card, again with the form filled in and the message
 * on the organization's name, saying to write to the organizers. Nothing was stored, nobody emailed.
 */
async function organizationTaken(
  c: Context<SigningEnv>,
  letter: Letter,
  input: SignatureInput,
  fields: Record<string, unknown>,
): Promise<Response> {
  const t = words(c);
  const form: SignFormState = {
    values: signFormValues(fields),
    errors: { organization_name: t.form.organizationTaken(input.name) },
    stamp: await stampForFormShownAgain(c.var.deps, letter.slug, fields),
  };
  try {
    return htmlResponse(await renderSignPage(c, letter, form), 409);
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
}

/** The 303 to the thank-you page, the same for every outcome that is not an error. */
async function redirectToReceipt(
  c: Context<SigningEnv>,
  letter: Letter,
  input: SignatureInput,
  outcome: ReceiptOutcome,
  ref: string,
  queued = false,
) {
  // The page shows a withdrawal link only when no email carries it (see domain/receipt.ts).
  const shown = answerCarriesWithdrawalLink(c.var.deps, outcome) ? ref : null;
  const receipt = await sealReceipt(
    receiptFor(letter.slug, input, outcome, shown, new Date(), { queued }),
    requireSecretKey(c.env),
  );
  const embed = c.get("embed");
  const language = letter.languages.length > 1 ? c.get("signingLanguage") : null;
  if (embed) return c.redirect(withLang(paths.embed(letter.slug, { source: embed.source, receipt }), language), 303);
  return c.redirect(withLang(paths.signed(letter.slug, receipt), language), 303);
}

export const signatures = new Hono<SigningEnv>();

signatures.post(
  "/:slug/signatures",
  // From the embed card, every answer (errors included) may be shown in the partner's frame.
  pagePolicy("framable-by-any-site", (c) => c.req.query("embed") === "1"),
  embedMode,
  formGuards(),
  openLetter,
  zValidator<typeof signFormSchema, "form", SigningEnv, string, typeof redisplayWithErrors>(
    "form",
    signFormSchema,
    redisplayWithErrors,
  ),
  async (c) => {
    const letter = c.get("letter");
    const input = c.req.valid("form");
    const policy = signingPolicyOf(c.var.deps, letter);
    const outcome = receiptOutcome(policy, input.kind);
    const fields = await rawFields(c);
    let screened: Awaited<ReturnType<typeof screenSignAttempt>>;
    try {
      // Only attempts that passed validation get here: a person fixing mistakes is never counted for them.
      screened = await screenSignAttempt(c.var.deps, {
        letter,
        clientAddress: c.req.header("CF-Connecting-IP"),
        form: fields,
        turnstileToken: fields[TURNSTILE_RESPONSE_FIELD],
      });
    } catch (error) {
      if (error instanceof StorageUnavailable)
        return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
      throw error;
    }
    if (screened.refusal) return refusedAttempt(c, letter, fields, screened.refusal);

    // The reference a new signature gets. A repeated email's signature keeps its own, so the receipt's
    // link (shown when no email carries one) acts on nothing the requester did not just create.
    const ref = newSignatureRef();
    const result = await signLetter(c.var.deps, {
      letter,
      input,
      policy,
      ref,
      source: c.get("embed")?.source ?? null,
      channel: "form",
      clientHash: screened.clientHash,
      language: c.get("signingLanguage"),
      writes: signatureWrites(c),
      textSeen: textSeenOf(fields[TEXT_SEEN_FIELD]),
    });
    if (result === "text-changed") return textChanged(c, letter, fields);
    if (result === "organization-taken") return organizationTaken(c, letter, input, fields);
    if (result === "queue-busy") return signAgain(c, letter.slug, null, "queue", 30, c.get("signingLanguage"));
    if (result === "database-busy") return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    if (result === "mail-busy") return signAgain(c, letter.slug, null, "mail", 30, c.get("signingLanguage"));
    return redirectToReceipt(c, letter, input, outcome, ref, result === "queued");
  },
);

// Someone who reloads or bookmarks the form's address gets the form, not an error; from the embed card,
// the card's own form, in the frame (the letter page may not be framed). An address that can't be a
// letter's is a 404, never a redirect built from it.
signatures.get(
  "/:slug/signatures",
  pagePolicy("framable-by-any-site", (c) => c.req.query("embed") === "1"),
  embedMode,
  (c) => {
    const embed = c.get("embed");
    const slug = c.req.param("slug");
    if (!isSlug(slug)) throw letterNotFound(c);
    return c.redirect(embed ? paths.embedSign(slug, embed.source) : `${paths.letter(slug)}#sign`, 303);
  },
);

/** The thank-you (or confirmed) page for the receipt sealed in `query.receipt`: a 400 when it is not one of ours. */
async function thankYou<E extends AppEnv>(
  c: Context<E>,
  query: { lang: Locale | null; receipt: string | null },
  confirmed: boolean,
): Promise<Response> {
  const slug = c.req.param("slug") ?? "";
  const request = languageRequest(c, query.lang);
  const receipt = query.receipt ? await openReceipt(query.receipt, slug, requireSecretKey(c.env)) : null;
  // The count shown includes the signer's own signature: read afresh, except after a queued signature,
  // which is not counted yet and whose page says so (a viral letter's signers then cost D1 no read).
  const letter = await requireLetterIn(c, slug, request, {
    recent: !confirmed && receipt?.queued === true,
    signerLink: true,
  });
  const t = words(c);
  if (!receipt) {
    const { title, message } = t.errors.thankYouInvalid;
    throw new Problem(400, title, message);
  }
  const language = linkLanguage(letter);
  const { deps } = c.var as AppEnv["Variables"];
  const ref = receiptLinkRef(receipt, deps.now());
  const withdrawUrl = ref ? withLang((await signatureLinks(deps, letter, ref)).withdraw, language) : null;
  const entry = await receiptEntry(deps, letter, receipt, confirmed);
  const body = await renderDocument(
    <ThankYouPage
      letter={letter}
      receipt={receipt}
      confirmed={confirmed}
      open={publicStatus(letter, deps.now()) === "open"}
      letterUrl={absoluteUrl(c, withLang(paths.letter(letter.slug), language))}
      shareUrl={absoluteUrl(c, canonicalPath(letter, paths.letter(letter.slug), letter.language))}
      withdrawUrl={withdrawUrl}
      entry={
        entry?.state === "entry"
          ? {
              state: "entry",
              seq: entry.entry.seq,
              hash: entry.entry.hash,
              url: withLang(paths.recordEntry(letter.slug, entry.entry.seq), language),
            }
          : entry
      }
      t={t}
    />,
    pageShell(c),
  );
  // Private to the signer (it holds the withdrawal link): never stored by the edge or shared caches.
  return htmlResponse(body, 200, privateNoStore);
}

signatures.get("/:slug/signed", publicQuery(receiptQuerySchema), (c) => thankYou(c, c.req.valid("query"), false));
signatures.get("/:slug/confirmed", publicQuery(receiptQuerySchema), (c) => thankYou(c, c.req.valid("query"), true));

/**
 * The token of a link's form (POST), as sent: a malformed one is a dead link
 * like any other (app/signature-links.ts), so the answer tells nothing about
 * which links exist. (GET reads it with linkQuerySchema.)
 */
async function postedLink<E extends AppEnv>(c: Context<E>): Promise<{ token: string; shown?: string }> {
  // The schema refuses nothing (every token is read, a malformed one is dead), so it always parses.
  return linkFormSchema.parse(await rawFields(c));
}

/**
 * The one answer to every withdrawal link that can't withdraw (malformed, unknown, used): 404, with
 * the way back that is true here (sign again to be emailed the link, or ask the organizers without a mailer).
 */
async function deadWithdrawalLink<E extends AppEnv>(c: Context<E>, letter: Letter, t: Messages): Promise<Response> {
  const { deps } = c.var as AppEnv["Variables"];
  const text = {
    title: t.links.deadLink.title,
    // Signing again emails the link only while the letter takes signatures.
    message:
      linksGoByEmail(deps) && publicStatus(letter, deps.now()) === "open"
        ? t.links.deadLink.message
        : t.links.deadLink.messageNoMail,
  };
  return linkMessageResponse(c, letter, text, 404, privateNoStore, t);
}

/** The page for a confirmation link that can't confirm, in the reader's words, with its status. */
function confirmationProblemPage(
  problem: ConfirmationProblem,
  t: Messages,
): { status: number; title: string; message: string } {
  switch (problem) {
    case "unknown":
      return { status: 404, ...t.links.invalid };
    case "already-confirmed":
      return { status: 200, ...t.links.alreadyConfirmed };
    case "not-on-letter":
      return { status: 410, ...t.links.notOnLetter };
    case "closed":
      return { status: 409, ...t.links.closedBeforeConfirmation };
    case "expired":
      return { status: 410, ...t.links.expired(CONFIRMATION_LINK_DAYS) };
    case "changed":
      return { status: 409, ...t.links.detailsChanged };
  }
}

/** The page saying why a confirmation link can't confirm. */
async function confirmationProblemResponse<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  problem: ConfirmationProblem,
  t: Messages,
): Promise<Response> {
  const { title, message, status } = confirmationProblemPage(problem, t);
  return linkMessageResponse(c, letter, { title, message }, status, privateNoStore, t);
}

/**
 * The letter a confirmation or withdrawal link is about, in the language of
 * its ?lang= (`lang`, for GET, read by linkQuerySchema) or its form's lang field (POST).
 */
async function linkLetter<E extends AppEnv>(c: Context<E>, lang?: Locale | null): Promise<Letter> {
  const slug = c.req.param("slug") ?? "";
  if (lang !== undefined) return requireLetterIn(c, slug, languageRequest(c, lang), { recent: true, signerLink: true });
  const letter = await requirePublishedLetter(c, slug, { recent: true });
  return letterIn(c, letter, await formLanguage(c, letter));
}

/**
 * The confirm page for the signature behind `token`, or the page saying why it can't be confirmed.
 * With `notice`, it is shown again because what it says changed since the signer's first look (409).
 */
async function confirmPageResponse<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  token: string,
  t: Messages,
  notice?: { title: string; message: string },
): Promise<Response> {
  const { deps } = c.var as AppEnv["Variables"];
  const signature = await findConfirmationTarget(deps, letter, token);
  const problem = confirmationProblem(letter, signature, deps.now());
  if (problem || !signature) return confirmationProblemResponse(c, letter, problem ?? "unknown", t);
  return htmlResponse(
    await renderDocument(
      <ConfirmPage
        letter={letter}
        signatory={signature}
        action={paths.confirm(letter.slug)}
        token={token}
        shown={shownDetails(signature)}
        letterUrl={linkLetterPath(letter)}
        notice={notice}
        t={t}
      />,
      pageShell(c),
    ),
    notice ? 409 : 200,
    privateNoStore,
  );
}

signatures.get("/:slug/confirm", publicQuery(linkQuerySchema), async (c) => {
  const { lang, token } = c.req.valid("query");
  const letter = await linkLetter(c, lang);
  return confirmPageResponse(c, letter, token, words(c));
});

signatures.post("/:slug/confirm", formGuards(), async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  const { token, shown } = await postedLink(c);
  const policy = signingPolicyOf(c.var.deps, letter);
  const result = await confirmSignature(c.var.deps, letter, policy, token, shown);
  // What the page showed changed: show it again, as it is now, for the signer to check.
  if ("problem" in result && result.problem === "changed")
    return confirmPageResponse(c, letter, token, t, t.links.detailsChanged);
  if ("problem" in result) return confirmationProblemResponse(c, letter, result.problem, t);
  const outcome: ReceiptOutcome = result.to === "in_review" ? "review" : "counted";
  // The confirmed page shows the signature's own withdrawal link (the one in the email) for a while.
  const receipt = await sealReceipt(
    receiptFor(letter.slug, result.signature, outcome, result.signature.ref, c.var.deps.now(), {
      domainTaken: result.domainTaken,
      verifiedDomain: result.verifiedDomain,
    }),
    c.var.deps.secretKey(),
  );
  return c.redirect(withLang(paths.confirmed(letter.slug, receipt), linkLanguage(letter)), 303);
});

signatures.get("/:slug/withdraw", publicQuery(linkQuerySchema), async (c) => {
  const { lang, token } = c.req.valid("query");
  const letter = await linkLetter(c, lang);
  const signature = await withdrawalTarget(c.var.deps, letter, token);
  if (!signature) return deadWithdrawalLink(c, letter, words(c));
  return htmlResponse(
    await renderDocument(
      <WithdrawPage
        letter={letter}
        signatory={signature}
        action={paths.withdraw(letter.slug)}
        token={token}
        letterUrl={linkLetterPath(letter)}
        open={publicStatus(letter, c.var.deps.now()) === "open"}
        t={words(c)}
      />,
      pageShell(c),
    ),
    200,
    privateNoStore,
  );
});

signatures.post("/:slug/withdraw", formGuards(), async (c) => {
  const letter = await linkLetter(c);
  const { token } = await postedLink(c);
  // Only a link that withdrew a signature says so; every other gets the one dead-link answer.
  if (!(await withdrawSignature(c.var.deps, letter, token))) return deadWithdrawalLink(c, letter, words(c));
  return c.redirect(withLang(paths.withdrawn(letter.slug), linkLanguage(letter)), 303);
});

signatures.get("/:slug/withdrawn", publicQuery(letterQuerySchema), async (c) => {
  const letter = await linkLetter(c, c.req.valid("query").lang);
  const t = words(c);
  const text = {
    title: t.links.withdrawnTitle,
    message:
      t.links.withdrawnMessage +
      (publicStatus(letter, c.var.deps.now()) === "open" ? t.links.signAgainOpen : t.links.signAgainClosed),
  };
  return linkMessageResponse(c, letter, text, 200, privateNoStore, t);
});
