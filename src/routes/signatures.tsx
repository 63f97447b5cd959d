/**
 * Signing, confirming and withdrawing.
 *
 * POST /letters/{slug}/signatures passes the form guards (same-site origin,
 * size, content type), finds the letter (404) and checks it is open (409),
 * counts the attempt against the client's rate limit (429), validates every
 * field (422: the letter page again, filled in, a message beside each bad
 * field), drops bots silently (honeypot, too fast), checks Turnstile when it
 * is on, stores the signature and its count in one transaction, and answers
 * 303 to the thank-you page (Post/Redirect/Get). A repeated email gets the
 * same answer as a new one; what differs (a new confirmation link, a "you
 * have already signed" email) happens after the response.
 *
 * GET shows, and POST acts on, the confirmation and withdrawal links: a mail
 * scanner that opens a link changes nothing.
 */
import { zValidator, type Hook } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { botVerdict } from "../domain/bots";
import { normalizeSource } from "../domain/embed";
import { hmacHex, randomToken, sha256Hex } from "../domain/crypto";
import { notifySigners, storeSignatures, type AcceptedSignature, type StoreOutcome } from "../flows/signing";
import { signatureMessage } from "../jobs/signature-queue";
import { isLocale, messagesFor, negotiate, preferredLocales, type Messages } from "../domain/i18n";
import { originalLanguage, publicStatus, type Letter } from "../domain/letter";
import { openReceipt, receiptFor, sealReceipt, type Receipt, type ReceiptOutcome } from "../domain/receipt";
import { signFormErrors, signFormSchema, signFormValues, type SignatureInput } from "../domain/signature";
import {
  afterConfirmation,
  canWithdraw,
  CONFIRMATION_LINK_DAYS,
  signingPolicy,
  SigningNotAvailable,
  type SigningPolicy,
} from "../domain/signing";
import { ConfigurationError, requireSecretKey, turnstileSiteKey, type AppEnv } from "../env";
import { ClientError, methodNotAllowed } from "../http/errors";
import { languageRequest, useLocale, withLang, words } from "../http/language";
import { purgeLetterPages } from "../http/page-cache";
import { formGuards } from "../http/security";
import { absoluteUrl, paths } from "../http/urls";
import { mailerFor, type Mailer } from "../services/mailer";
import { checkSignRate } from "../services/rate-limit";
import { verifyTurnstile, TURNSTILE_RESPONSE_FIELD } from "../services/turnstile";
import { StorageUnavailable } from "../storage/database";
import { changeSignatureStatus, findSignatureByLinkToken, type StoredSignature } from "../storage/signatures";
import { renderDocument } from "../views/layout";
import { ConfirmPage, LinkMessagePage, WithdrawPage } from "../views/link-pages";
import { LANGUAGE_FIELD, type SignFormState } from "../views/sign-form";
import { SignAgainPage } from "../views/sign-again-page";
import { ThankYouPage } from "../views/thank-you-page";
import { renderEmbedPage } from "./embed";
import {
  HTML_CONTENT_TYPE,
  letterIn,
  linkLanguage,
  renderLetterPage,
  requireLetterIn,
  requirePublishedLetter,
} from "./letters";

type SigningEnv = AppEnv & {
  Variables: {
    /** The letter being signed, in its original language (see letterIn for the signer's). */
    letter: Letter;
    /** The language the signer read the letter in: the form's lang field when the letter has it. */
    signingLanguage: string;
    clientHash: string;
    /** Set when the signature comes from the embed card (?embed=1): its answers stay in the partner's frame. */
    embed: { source: string | null } | null;
  };
};

const noStore = { "Cache-Control": "no-store", "Content-Type": HTML_CONTENT_TYPE };
const privateNoStore = { ...noStore, "Cache-Control": "private, no-store" };
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

function html(body: string, status = 200, headers: Record<string, string> = noStore): Response {
  return new Response(body, { status, headers });
}

/** The submitted form's fields as plain values (first of each), for the bot checks and for re-filling. */
async function rawFields(c: Context): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = Object.create(null);
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
 * stored, and the signer can send it again. `title` is the letter's in the
 * signer's language, when it could be read.
 */
async function signAgain<E extends AppEnv>(
  c: Context<E>,
  slug: string,
  title: string | null,
  cause: "queue" | "database",
  retryAfter: number,
  language: string | null = null,
): Promise<Response> {
  // For the operators: how often signers are turned away because storage failed (no personal data).
  console.error(JSON.stringify({ event: "sign_unavailable", letter: slug, cause }));
  const fields = await rawFields(c);
  const signerLanguage = language ?? (isLocale(fields[LANGUAGE_FIELD]) ? fields[LANGUAGE_FIELD] : null);
  const t = signerLanguage ? useLocale(c, signerLanguage) : words(c);
  const body = await renderDocument(
    <SignAgainPage
      slug={slug}
      title={title}
      message={cause === "queue" ? t.signAgain.queueBusy : t.signAgain.databaseBusy}
      form={{ values: signFormValues(fields), errors: {} }}
      extras={{ stamp: null, turnstileSiteKey: turnstileSiteKey(c.env) }}
      links={{ sign: paths.sign(slug), letter: withLang(paths.letter(slug), signerLanguage) }}
      language={signerLanguage ?? t.locale}
      t={t}
    />,
  );
  return new Response(body, { status: 503, headers: { ...noStore, "Retry-After": String(retryAfter) } });
}

/**
 * A signature from the embed card (?embed=1&source=…): every answer, errors
 * included, may then be shown in the partner's frame, the form comes back as
 * the card, and the thank-you state is the card's.
 */
const embedMode = createMiddleware<SigningEnv>(async function embedMode(c, next) {
  const fromEmbed = c.req.query("embed") === "1";
  c.set("embed", fromEmbed ? { source: normalizeSource(c.req.query("source")) } : null);
  if (fromEmbed) c.set("framable", true);
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
  if (publicStatus(letter, new Date()) !== "open") refuseClosedLetter(await letterIn(c, letter, language), t);
  c.set("letter", letter);
  await next();
});

/** 409 once signing has closed: for the form (in the signer's language) and the API (in English) alike. */
export function refuseClosedLetter(letter: Letter, t: Messages = messagesFor("en")): void {
  if (publicStatus(letter, new Date()) === "open") return;
  const { title, message } = t.errors.signingClosed(letter.title, letter.closesAt ? t.date(letter.closesAt) : null);
  throw new ClientError(409, title, message);
}

/**
 * Counts a sign attempt against the client's limit on `letter` (the form's
 * and the API's alike) and returns the client's keyed hash; over the limit,
 * 429 with Retry-After. A failing store throws StorageUnavailable.
 */
export async function limitClient<E extends AppEnv>(c: Context<E>, letter: Letter): Promise<string> {
  // The address is only ever hashed, with the letter, under a key of our own.
  const clientHash = await hmacHex(
    requireSecretKey(c.env),
    "client",
    `${letter.id}:${c.req.header("CF-Connecting-IP") ?? "unknown"}`,
  );
  const verdict = await checkSignRate(c.env, letter.id, clientHash, c.get("settings").signRateLimit, Date.now());
  if (!verdict.allowed) {
    const { title, message } = words(c).errors.tooMany(verdict.retryAfterSeconds);
    throw new ClientError(429, title, message, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  return clientHash;
}

/** Counts the attempt against the client's limit on this letter; over it, 429 with Retry-After and nothing stored. */
const limitRate = createMiddleware<SigningEnv>(async function limitRate(c, next) {
  const letter = c.get("letter");
  try {
    c.set("clientHash", await limitClient(c, letter));
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
  await next();
});

/** An invalid form comes back as the letter page, filled in, with the problems marked (422). */
const redisplayWithErrors: Hook<SignatureInput, SigningEnv, string, "form", {}, typeof signFormSchema> = async (
  result,
  c,
) => {
  if (result.success) return;
  const t = words(c);
  const form = { values: signFormValues(result.data), errors: signFormErrors(result.error, t.form.issue) };
  try {
    return html(await renderSignPage(c, c.get("letter"), form), 422);
  } catch (error) {
    if (error instanceof StorageUnavailable)
      return signAgain(c, c.get("letter").slug, null, "database", 30, c.get("signingLanguage"));
    throw error;
  }
};

export function policyFor<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
): { policy: SigningPolicy; mailer: Mailer | null } {
  const mailer = mailerFor(c.env);
  try {
    return { policy: signingPolicy(letter, mailer !== null), mailer };
  } catch (error) {
    if (error instanceof SigningNotAvailable) throw new ConfigurationError(error.message);
    throw error;
  }
}

export function outcomeOf(policy: SigningPolicy, kind: SignatureInput["kind"]): ReceiptOutcome {
  if (policy.confirmByEmail) return "confirm-email";
  return afterConfirmation(policy, kind) === "in_review" ? "review" : "counted";
}

/** How this signature is written: SIGNATURE_WRITES, or under `npm run bench` the X-Bench-Signature-Writes header (to measure both in one run). */
function signatureWrites<E extends AppEnv>(c: Context<E>): "direct" | "queue" {
  const settings = c.get("settings");
  const asked = settings.bench ? c.req.header("X-Bench-Signature-Writes") : undefined;
  if ((asked === "queue" && c.env.SIGN_QUEUE) || asked === "direct") return asked;
  return settings.signatureWrites;
}

/** The 303 to the thank-you page, the same for every outcome that is not an error. */
async function redirectToReceipt(
  c: Context<SigningEnv>,
  letter: Letter,
  input: SignatureInput,
  outcome: ReceiptOutcome,
  withdrawToken: string,
  queued = false,
) {
  const receipt = await sealReceipt(
    receiptFor(letter.slug, input, outcome, withdrawToken, new Date(), { queued }),
    requireSecretKey(c.env),
  );
  const embed = c.get("embed");
  const language = letter.languages.length > 1 ? c.get("signingLanguage") : null;
  if (embed) return c.redirect(withLang(paths.embed(letter.slug, { source: embed.source, receipt }), language), 303);
  return c.redirect(withLang(paths.signed(letter.slug, receipt), language), 303);
}

/**
 * Stores an accepted signature (or puts it on the queue) and writes to its
 * signer after the answer: what the form and the API share once a signature
 * has passed every check. Says how it went; never throws for a busy store.
 */
export async function acceptSignature<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  input: SignatureInput,
  options: {
    policy: SigningPolicy;
    mailer: Mailer | null;
    withdrawToken: string;
    source: string | null;
    channel: "form" | "api";
    clientHash: string;
    /** The language the signer read the letter in (its original when not given). */
    language?: string;
  },
): Promise<"stored" | "queued" | "queue-busy" | "database-busy"> {
  const accepted: AcceptedSignature = {
    letter: { id: letter.id, slug: letter.slug, title: letter.title, languages: letter.languages },
    language: options.language ?? originalLanguage(letter),
    policy: options.policy,
    input,
    emailHash: await hmacHex(requireSecretKey(c.env), "email", input.email),
    clientHash: options.clientHash,
    withdrawToken: options.withdrawToken,
    origin: absoluteUrl(c, ""),
    source: options.source,
    channel: options.channel,
  };
  if (signatureWrites(c) === "queue") {
    // Stored by the queue's consumer within seconds (src/jobs/signature-queue.ts); the answer is the same.
    try {
      await c.env.SIGN_QUEUE!.send(signatureMessage(accepted), { contentType: "json" });
    } catch (error) {
      console.error(
        JSON.stringify({
          event: "queue_send_failed",
          letter: letter.slug,
          error: String(error).replace(/\S+@\S+/g, "[email]"),
        }),
      );
      return "queue-busy";
    }
    return "queued";
  }
  let outcomes: StoreOutcome[];
  try {
    outcomes = await storeSignatures(c.var.db, [accepted]);
  } catch (error) {
    if (error instanceof StorageUnavailable) return "database-busy";
    throw error;
  }
  // Emails go after the answer; what they say (a link, "you have already signed") is never told in it.
  c.executionCtx.waitUntil(notifySigners(c.var.db, options.mailer, [accepted], outcomes));
  return "stored";
}

export const signatures = new Hono<SigningEnv>();

signatures.post(
  "/letters/:slug/signatures",
  embedMode,
  formGuards(),
  openLetter,
  limitRate,
  zValidator<typeof signFormSchema, "form", SigningEnv, string, typeof redisplayWithErrors>(
    "form",
    signFormSchema,
    redisplayWithErrors,
  ),
  async (c) => {
    const letter = c.get("letter");
    const input = c.req.valid("form");
    const secret = requireSecretKey(c.env);
    const { policy, mailer } = policyFor(c, letter);
    const outcome = outcomeOf(policy, input.kind);
    // Every answer carries a withdrawal link; for a repeated email it leads nowhere, which nobody can tell apart.
    const withdrawToken = randomToken();
    const fields = await rawFields(c);

    const verdict = await botVerdict(secret, letter.slug, fields, Date.now());
    if (verdict.bot) {
      console.log(JSON.stringify({ event: "bot_dropped", letter: letter.slug, reason: verdict.reason }));
      return redirectToReceipt(c, letter, input, outcome, withdrawToken);
    }

    const turnstileSecret = c.env.TURNSTILE_SECRET_KEY;
    if (turnstileSecret) {
      const check = await verifyTurnstile(
        turnstileSecret,
        fields[TURNSTILE_RESPONSE_FIELD],
        c.req.header("CF-Connecting-IP"),
      );
      if (!check.ok) {
        const unavailable = check.reason === "unavailable";
        const t = words(c);
        const formError = unavailable ? t.form.robotCheckUnavailable : t.form.robotCheckFailed;
        const body = await renderSignPage(c, letter, { values: signFormValues(fields), errors: {}, formError });
        return html(body, unavailable ? 503 : 403, unavailable ? { ...noStore, "Retry-After": "60" } : noStore);
      }
    }

    const result = await acceptSignature(c, letter, input, {
      policy,
      mailer,
      withdrawToken,
      source: c.get("embed")?.source ?? null,
      channel: "form",
      clientHash: c.get("clientHash"),
      language: c.get("signingLanguage"),
    });
    if (result === "queue-busy") return signAgain(c, letter.slug, null, "queue", 30, c.get("signingLanguage"));
    if (result === "database-busy") return signAgain(c, letter.slug, null, "database", 30, c.get("signingLanguage"));
    return redirectToReceipt(c, letter, input, outcome, withdrawToken, result === "queued");
  },
);

// Someone who reloads or bookmarks the form's address gets the form, not an error.
signatures.get("/letters/:slug/signatures", (c) => c.redirect(`${paths.letter(c.req.param("slug"))}#sign`, 303));

signatures.all("/letters/:slug/signatures", methodNotAllowed(["POST", "GET", "HEAD"]));

/** The receipt in ?receipt= for the letter `slug`, or null when it is missing or not one of ours. */
async function readReceipt<E extends AppEnv>(c: Context<E>, slug: string): Promise<Receipt | null> {
  const sealed = c.req.query("receipt");
  return sealed ? openReceipt(sealed, slug, requireSecretKey(c.env)) : null;
}

async function thankYou<E extends AppEnv>(c: Context<E>, confirmed: boolean): Promise<Response> {
  const slug = c.req.param("slug") ?? "";
  const request = languageRequest(c);
  const receipt = await readReceipt(c, slug);
  // The count shown includes the signer's own signature: read afresh, except after a queued signature,
  // which is not counted yet and whose page says so (a viral letter's signers then cost D1 no read).
  const letter = await requireLetterIn(c, slug, request, { recent: !confirmed && receipt?.queued === true });
  const t = words(c);
  if (!receipt) {
    const { title, message } = t.errors.thankYouInvalid;
    throw new ClientError(400, title, message);
  }
  const language = linkLanguage(letter);
  const body = await renderDocument(
    <ThankYouPage
      letter={letter}
      receipt={receipt}
      confirmed={confirmed}
      letterUrl={absoluteUrl(c, withLang(paths.letter(letter.slug), language))}
      withdrawUrl={withLang(paths.withdraw(letter.slug, receipt.withdraw), language)}
      t={t}
    />,
  );
  // Private to the signer (it holds the withdrawal link): never stored by the edge or shared caches.
  return html(body, 200, privateNoStore);
}

signatures.get("/letters/:slug/signed", (c) => thankYou(c, false));
signatures.all("/letters/:slug/signed", methodNotAllowed(["GET", "HEAD"]));
signatures.get("/letters/:slug/confirmed", (c) => thankYou(c, true));
signatures.all("/letters/:slug/confirmed", methodNotAllowed(["GET", "HEAD"]));

/** The link secret from ?token= (GET) or the form's token field (POST); a malformed one is a 400. */
async function linkToken<E extends AppEnv>(c: Context<E>): Promise<string> {
  const token = c.req.method === "POST" ? (await rawFields(c)).token : c.req.query("token");
  if (typeof token !== "string" || !LINK_TOKEN.test(token)) {
    const { title, message } = words(c).errors.linkIncomplete;
    throw new ClientError(400, title, message);
  }
  return token;
}

async function confirmationTarget<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  token: string,
): Promise<StoredSignature | null> {
  return findSignatureByLinkToken(c.var.db, letter.id, "confirm", await sha256Hex(token));
}

/** The page for a confirmation link that can't confirm (already used, expired, unknown), or null when it can. */
function confirmationProblem(
  letter: Letter,
  signature: StoredSignature | null,
  now: Date,
  t: Messages,
): { status: number; title: string; message: string } | null {
  if (!signature) return { status: 404, ...t.links.invalid };
  if (signature.status === "confirmed" || signature.status === "in_review")
    return { status: 200, ...t.links.alreadyConfirmed };
  if (signature.status !== "unconfirmed") return { status: 410, ...t.links.notOnLetter };
  if (publicStatus(letter, now) !== "open") return { status: 409, ...t.links.closedBeforeConfirmation };
  if (signature.confirmExpiresAt !== null && Date.parse(signature.confirmExpiresAt) <= now.getTime()) {
    return { status: 410, ...t.links.expired(CONFIRMATION_LINK_DAYS) };
  }
  return null;
}

/** The letter a confirmation or withdrawal link is about, in the language of its ?lang= (GET) or its form's lang field (POST). */
async function linkLetter<E extends AppEnv>(c: Context<E>): Promise<Letter> {
  const slug = c.req.param("slug") ?? "";
  if (c.req.method !== "POST") return requireLetterIn(c, slug, languageRequest(c), { recent: true });
  const letter = await requirePublishedLetter(c, slug, { recent: true });
  return letterIn(c, letter, await formLanguage(c, letter));
}

/** The letter's page in the link's language, for the pages behind emailed links. */
function letterPath(letter: Letter): string {
  return withLang(paths.letter(letter.slug), linkLanguage(letter));
}

signatures.get("/letters/:slug/confirm", async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  const token = await linkToken(c);
  const signature = await confirmationTarget(c, letter, token);
  const problem = confirmationProblem(letter, signature, new Date(), t);
  if (problem || !signature) {
    const { title, message, status } = problem!;
    return html(
      await renderDocument(
        <LinkMessagePage title={title} message={message} letter={letter} letterUrl={letterPath(letter)} t={t} />,
      ),
      status,
      privateNoStore,
    );
  }
  return html(
    await renderDocument(
      <ConfirmPage
        letter={letter}
        signatory={signature}
        action={paths.confirm(letter.slug)}
        token={token}
        letterUrl={letterPath(letter)}
        t={t}
      />,
    ),
    200,
    privateNoStore,
  );
});

signatures.post("/letters/:slug/confirm", formGuards(), async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  const token = await linkToken(c);
  const { policy } = policyFor(c, letter);
  for (let attempt = 0; attempt < 3; attempt++) {
    const signature = await confirmationTarget(c, letter, token);
    const problem = confirmationProblem(letter, signature, new Date(), t);
    if (problem || !signature) {
      const { title, message, status } = problem!;
      return html(
        await renderDocument(
          <LinkMessagePage title={title} message={message} letter={letter} letterUrl={letterPath(letter)} t={t} />,
        ),
        status,
        privateNoStore,
      );
    }
    // A new withdrawal link, shown on the next page: the one in the email keeps working until then.
    const withdrawToken = randomToken();
    const to = afterConfirmation(policy, signature.kind);
    if (await changeSignatureStatus(c.var.db, signature, to, { withdrawTokenHash: await sha256Hex(withdrawToken) })) {
      const outcome: ReceiptOutcome = to === "in_review" ? "review" : "counted";
      const receipt = await sealReceipt(
        receiptFor(letter.slug, signature, outcome, withdrawToken, new Date()),
        requireSecretKey(c.env),
      );
      return c.redirect(withLang(paths.confirmed(letter.slug, receipt), linkLanguage(letter)), 303);
    }
    // It changed meanwhile (a double click): read it again and answer for its new state.
  }
  throw new StorageUnavailable("write", new Error("the signature kept changing"));
});
signatures.all("/letters/:slug/confirm", methodNotAllowed(["GET", "HEAD", "POST"]));

signatures.get("/letters/:slug/withdraw", async (c) => {
  const letter = await linkLetter(c);
  const token = await linkToken(c);
  return html(
    await renderDocument(
      <WithdrawPage
        letter={letter}
        action={paths.withdraw(letter.slug)}
        token={token}
        letterUrl={letterPath(letter)}
        t={words(c)}
      />,
    ),
    200,
    privateNoStore,
  );
});

signatures.post("/letters/:slug/withdraw", formGuards(), async (c) => {
  const letter = await linkLetter(c);
  const token = await linkToken(c);
  const tokenHash = await sha256Hex(token);
  for (let attempt = 0; attempt < 3; attempt++) {
    const signature = await findSignatureByLinkToken(c.var.db, letter.id, "withdraw", tokenHash);
    if (!signature || !canWithdraw(signature.status)) break;
    if (await changeSignatureStatus(c.var.db, signature, "withdrawn", { forgetEmail: true })) {
      if (signature.status === "confirmed") {
        await purgeLetterPages(c.req.url, letter.slug);
      }
      break;
    }
  }
  // The same answer whether or not the link belonged to a signature: it tells nobody who signed.
  return c.redirect(withLang(paths.withdrawn(letter.slug), linkLanguage(letter)), 303);
});
signatures.all("/letters/:slug/withdraw", methodNotAllowed(["GET", "HEAD", "POST"]));

signatures.get("/letters/:slug/withdrawn", async (c) => {
  const letter = await linkLetter(c);
  const t = words(c);
  return html(
    await renderDocument(
      <LinkMessagePage
        title={t.links.withdrawnTitle}
        message={t.links.withdrawnMessage}
        letter={letter}
        letterUrl={letterPath(letter)}
        t={t}
      />,
    ),
    200,
    privateNoStore,
  );
});
signatures.all("/letters/:slug/withdrawn", methodNotAllowed(["GET", "HEAD"]));
