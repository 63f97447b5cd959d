/**
 * Test helpers: letters made through the loader's own SQL, requests built
 * the way a browser sends them, HTML parsed rather than grepped, and a D1
 * wrapper that counts queries.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { parse, type HTMLElement } from "node-html-parser";
import { expect, vi } from "vitest";
import { formStamp, FORM_STAMP_FIELD } from "../src/domain/bots";
import type { InitialSignatory, LetterDocument, TranslationDocument } from "../src/domain/letter-file";
import { renderMarkdown } from "../src/domain/markdown";
import worker, { app } from "../src/index";
import { interceptDatabase, rowCountingDatabase } from "../src/storage/database";
import { letterDocumentStatements } from "../src/storage/letters-sql";
import type { Role } from "../src/domain/organizer-roles";
import { csrfToken, newSession, SESSION_COOKIE, SESSION_SECONDS, sessionIdHash } from "../src/domain/organizer-session";
import { insertSession } from "../src/storage/organizer-sessions";

export const ORIGIN = "https://undersigned.test";

let sequence = 0;

/** A slug no other test in the file uses (storage is shared within a file). */
export function uniqueSlug(prefix = "letter"): string {
  sequence += 1;
  return `${prefix}-${sequence}-${crypto.randomUUID().slice(0, 8)}`;
}

export interface LetterOptions extends Partial<Omit<LetterDocument, "signatories">> {
  organizations?: string[];
  individuals?: string[];
}

/** Stores a letter exactly as `npm run letters:load` would, and returns its document. */
export async function createLetter(options: LetterOptions = {}): Promise<LetterDocument> {
  const bodyMarkdown =
    options.bodyMarkdown ??
    "Dear Secretary General:\n\nWe, the undersigned organizations, ask for a fair process.\n\nSincerely,";
  const signatories: InitialSignatory[] = [
    ...(options.organizations ?? []).map((name, index) => ({
      kind: "organization" as const,
      name,
      organization: null,
      title: null,
      city: null,
      country: null,
      website: null,
      position: index + 1,
    })),
    ...(options.individuals ?? []).map((name, index) => ({
      kind: "individual" as const,
      name,
      organization: null,
      title: null,
      city: null,
      country: null,
      website: null,
      position: index + 1,
    })),
  ];
  const slug = options.slug ?? uniqueSlug();
  const letter: LetterDocument = {
    slug,
    title: options.title ?? "Letter on a fair process",
    summary: options.summary ?? "Organizations ask for a fair process.",
    date: options.date ?? "2017-12-20",
    language: options.language ?? "en",
    status: options.status ?? "open",
    closesAt: options.closesAt ?? null,
    confirmSignatures: options.confirmSignatures ?? null,
    reviewOrganizations: options.reviewOrganizations ?? false,
    addressee: options.addressee ?? "The Honorable Someone\nSecretary General",
    bodyMarkdown,
    bodyHtml: options.bodyHtml ?? renderMarkdown(bodyMarkdown),
    signatories,
    translations: (options.translations ?? []).map((translation) => ({ ...translation, translationOf: slug })),
  };
  await runStatements(await letterDocumentStatements(letter));
  return letter;
}

export async function runStatements(statements: string[]): Promise<void> {
  await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
}

/** A translation of a test letter into `language`, as a translation file would give it. */
export function translation(
  language: string,
  title: string,
  bodyMarkdown: string,
  addressee = "Destinatario",
): TranslationDocument {
  return {
    translationOf: "",
    language,
    title,
    summary: `${title}.`,
    addressee,
    bodyMarkdown,
    bodyHtml: renderMarkdown(bodyMarkdown),
  };
}

/**
 * Stops the clock that the app and the test read (`Date` only: timers, and
 * D1's own clock, run on) at `at`, for a test whose outcome would depend on
 * where a rate-limit window or a day falls. `vi.setSystemTime` moves it;
 * `vi.useRealTimers()` (in an afterEach) ends it.
 */
export function stopClock(at: string | number | Date): void {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(at) });
}

/** Sends a request to the Worker the way Cloudflare would (through its default export). */
export function fetchWorker(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init));
}

/** The headers a browser adds to a form posted from one of our own pages. */
export const SAME_ORIGIN_FORM = {
  Origin: ORIGIN,
  "Sec-Fetch-Site": "same-origin",
  "Content-Type": "application/x-www-form-urlencoded",
};

export type SignatureFields = Record<string, string | string[]>;

export function formBody(fields: SignatureFields): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return body.toString();
}

/** The hidden field a form drawn a minute ago carries (see src/domain/bots.ts). */
export async function stampedForm(
  slug: string,
  fields: SignatureFields,
  drawnAgoMs = 60_000,
): Promise<SignatureFields> {
  return { [FORM_STAMP_FIELD]: await formStamp(env.SECRET_KEY!, slug, Date.now() - drawnAgoMs), ...fields };
}

export interface PostOptions {
  headers?: Record<string, string>;
  /** Bindings to change for this request (the app is then called directly, and its waitUntil work awaited). */
  env?: Partial<Cloudflare.Env>;
  /** How long before sending the form was drawn (default a minute). */
  drawnAgoMs?: number;
  /** Leave the form stamp out, as a bot posting directly would. */
  unstamped?: boolean;
  /** Query parameters of the form's action (the embed card posts with ?embed=1&source=…). */
  query?: Record<string, string>;
}

/** Posts the sign form for `slug` as a browser on our site would, a minute after drawing it. */
export async function postSignature(
  slug: string,
  fields: SignatureFields,
  options: PostOptions = {},
): Promise<Response> {
  const init: RequestInit = {
    method: "POST",
    headers: { "CF-Connecting-IP": randomIp(), ...SAME_ORIGIN_FORM, ...options.headers },
    body: formBody(options.unstamped ? fields : await stampedForm(slug, fields, options.drawnAgoMs)),
    redirect: "manual",
  };
  const path = `/letters/${slug}/signatures${options.query ? `?${new URLSearchParams(options.query)}` : ""}`;
  return options.env ? fetchApp(path, options.env, init) : fetchWorker(path, init);
}

/** Posts a form (confirm, withdraw) from one of our pages. */
export function postForm(path: string, fields: SignatureFields, env?: Partial<Cloudflare.Env>): Promise<Response> {
  const init: RequestInit = { method: "POST", headers: SAME_ORIGIN_FORM, body: formBody(fields), redirect: "manual" };
  return env ? fetchApp(path, env, init) : fetchWorker(path, init);
}

/** Bindings that keep the mail sent in the local outbox (mailTo reads it). */
export const LOCAL_MAIL = { MAILER: "local" } as const;

/** The local outbox's messages to `address`, oldest first, with their extra headers (List-Unsubscribe, …). */
export async function mailTo(address: string) {
  const { results } = await env.DB.prepare(
    "SELECT subject, body, headers FROM local_mail WHERE recipient = ?1 ORDER BY id",
  )
    .bind(address)
    .all<{ subject: string; body: string; headers: string | null }>();
  return results.map((row) => ({
    ...row,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
  }));
}

/**
 * Confirms as the signer does from the last email to `email` in the local outbox: opens its
 * confirmation link (200) and sends the page's form (303).
 *
 * @returns the confirmation page's HTML
 */
export async function confirmFromMail(email: string): Promise<string> {
  const mails = await mailTo(email);
  const page = await fetchApp(linkIn(mails.at(-1)!.body, "/confirm?token="), LOCAL_MAIL);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = parseHtml(html).querySelector("main form")!;
  const field = (name: string) => form.querySelector(`input[name="${name}"]`)!.getAttribute("value")!;
  const confirmed = await postForm(
    form.getAttribute("action")!,
    { token: field("token"), shown: field("shown"), lang: field("lang") },
    LOCAL_MAIL,
  );
  expect(confirmed.status).toBe(303);
  return html;
}

/** Signs `slug` through the form (from the letter's page in `fields.lang`) and confirms from the outbox's email. */
export async function signAndConfirm(slug: string, fields: SignatureFields): Promise<void> {
  const signed = await postSignature(slug, fields, { env: LOCAL_MAIL });
  expect(signed.status).toBe(303);
  await confirmFromMail(fields.email as string);
}

/** The delivery notices in the local outbox to `address` (the mails with List-Unsubscribe). */
export async function deliveryNoticesTo(address: string) {
  return (await mailTo(address)).filter((mail) => mail.headers["List-Unsubscribe"]);
}

/** The owner marks the letter `slug` delivered on `on` (again, for a correction of its day): 303. */
export async function markDelivered(slug: string, on = "2020-01-02"): Promise<void> {
  const session = await logIn();
  const response = await postOrganizerForm(
    `/admin/letters/${slug}/state`,
    { change: "deliver", delivered_on: on },
    { session, env: LOCAL_MAIL },
  );
  expect(response.status).toBe(303);
}

/**
 * One run of the minute cron ("* * * * *") as Cloudflare runs it, at `at` (default now), with
 * `overrides` merged into the bindings; returns once its waitUntil work is done.
 */
export async function runMinuteJob(overrides: Partial<Cloudflare.Env> = {}, at: Date | number = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron: "* * * * *", scheduledTime: typeof at === "number" ? at : at.getTime() }),
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

/** The first link in `text` whose path contains `fragment`, as a path with its query. */
export function linkIn(text: string, fragment: string): string {
  const url = text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(fragment));
  if (!url) throw new Error(`No link with ${fragment} in:\n${text}`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** A documentation address (RFC 5737), different each call, so tests do not share a rate limit unless they mean to. */
export function randomIp(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `198.51.${bytes[0]}.${bytes[1]}`;
}

let people = 0;

/** A valid individual signature with a unique email. */
export function individual(overrides: SignatureFields = {}): SignatureFields {
  people += 1;
  return {
    kind: "individual",
    name: `Person ${people}`,
    email: `person${people}-${crypto.randomUUID().slice(0, 6)}@example.org`,
    ...overrides,
  };
}

/**
 * A valid organization signature with a unique email: the organization's name (public), its contact
 * person (private) and their statement that they may sign for it, as the form sends them.
 */
export function organization(overrides: SignatureFields = {}): SignatureFields {
  people += 1;
  return {
    kind: "organization",
    organization_name: `Organization ${people}`,
    contact_name: `Contact ${people}`,
    authorized: "on",
    email: `contact${people}-${crypto.randomUUID().slice(0, 6)}@example.org`,
    ...overrides,
  };
}

export function parseHtml(text: string): HTMLElement {
  return parse(text, { comment: false });
}

/** A refusal's status and words, whatever its format. */
export interface Answer {
  status: number;
  title: string;
  message: string;
}

/**
 * The answer's status and words, whatever its format: problem details (title, detail), the JSON
 * error shape (error.title, error.message), or a page (its h1 and what follows it).
 */
export async function answerOf(response: Response): Promise<Answer> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("application/problem+json")) {
    const body = await response.json<{ title: string; detail: string }>();
    return { status: response.status, title: body.title, message: body.detail };
  }
  if (type.startsWith("application/json")) {
    const body = await response.json<{ error?: { title: string; message: string } }>();
    return { status: response.status, title: body.error?.title ?? "", message: body.error?.message ?? "" };
  }
  const heading = parseHtml(await response.text()).querySelector("h1");
  return {
    status: response.status,
    title: heading?.textContent.trim() ?? "",
    message: heading?.nextElementSibling?.textContent.trim() ?? "",
  };
}

export async function getPage(
  path: string,
  init?: RequestInit,
): Promise<{ response: Response; document: HTMLElement }> {
  const response = await fetchWorker(path, init);
  return { response, document: parseHtml(await response.text()) };
}

/** The text of every element matching `selector`, whitespace collapsed. */
export function texts(document: HTMLElement, selector: string): string[] {
  return document.querySelectorAll(selector).map((element) => element.textContent.replace(/\s+/g, " ").trim());
}

export async function letterRow(slug: string) {
  return env.DB.prepare("SELECT id, signature_count, organization_count, individual_count FROM letters WHERE slug = ?")
    .bind(slug)
    .first<{ id: number; signature_count: number; organization_count: number; individual_count: number }>();
}

export async function signatureRows(slug: string) {
  const { results } = await env.DB.prepare(
    "SELECT s.* FROM signatures s JOIN letters l ON l.id = s.letter_id WHERE l.slug = ? ORDER BY s.id",
  )
    .bind(slug)
    .all<Record<string, unknown>>();
  return results;
}

export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/**
 * A D1 binding that counts the queries run through it (for proving a cache
 * hit touches no database) and records them (for checking their query plans).
 */
export function countingDatabase(db: D1Database) {
  let queries = 0;
  const recorded: RecordedQuery[] = [];
  const database = interceptDatabase(db, (call, invoke) => {
    queries += call.statements.length;
    recorded.push(...call.statements);
    return invoke();
  });
  return {
    database,
    queries: () => queries,
    recorded: () => [...recorded],
    reset: () => {
      queries = 0;
      recorded.length = 0;
    },
  };
}

/**
 * `db` with the rows D1 reports read (each statement's `meta.rows_read`, D1's
 * billing unit) summed from the start or the last `reset()` on; `.first()`
 * counted like `.all()` (src/storage/database.ts rowCountingDatabase).
 */
export function rowsReadCounter(db: D1Database = env.DB) {
  let read = 0;
  const database = rowCountingDatabase(db, (call) => {
    for (const statement of call.statements) read += statement.rowsRead;
  });
  return { database, read: () => read, reset: () => void (read = 0) };
}

/**
 * Calls the app directly with `overrides` merged into its bindings, and waits
 * for its waitUntil work (cache writes, refreshes) before returning.
 */
export async function fetchApp(
  path: string,
  overrides: Partial<Cloudflare.Env> = {},
  init?: RequestInit,
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(new URL(path, ORIGIN), init), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/**
 * A `fetch` for the verifier (src/domain/verify-record.ts) answered by the
 * app at ORIGIN, with its public cache off so every read sees the database
 * as it is now; `overrides` change bindings as fetchApp's do.
 */
export function appFetch(overrides: Partial<Cloudflare.Env> = {}) {
  return (url: string, init?: RequestInit): Promise<Response> => {
    const { pathname, search } = new URL(url);
    return fetchApp(`${pathname}${search}`, { CACHE_MAX_AGE: "0", ...overrides }, init);
  };
}

/** A SIGN_QUEUE that keeps what is sent to it, or fails like an unavailable queue. */
export function recordingQueue({ fails = false } = {}) {
  const sent: unknown[] = [];
  const queue = {
    send: (body: unknown) => {
      if (fails) return Promise.reject(new Error("Queue send failed: service unavailable"));
      sent.push(structuredClone(body));
      return Promise.resolve();
    },
    sendBatch: () => Promise.reject(new Error("not used")),
  } as unknown as Queue<unknown>;
  return { queue, sent };
}

export const ADMIN_TOKEN = "Tq7vXk2pL9wRz4mWc8sNd3bY";

export interface OrganizerSession {
  /** The Cookie header value that carries the session. */
  cookie: string;
  /** The CSRF token the session's forms carry. */
  csrf: string;
}

/** Logs in at /admin/login as a browser would and returns the session cookie and its forms' CSRF token. */
export async function logIn(token = ADMIN_TOKEN): Promise<OrganizerSession> {
  const response = await fetchWorker("/admin/login", {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
    body: formBody({ token, next: "/admin" }),
    redirect: "manual",
  });
  if (response.status !== 303) throw new Error(`Login failed: ${response.status}`);
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  const { document } = await getPage("/admin", { headers: { Cookie: cookie } });
  const csrf = document.querySelector('input[name="csrf"]')?.getAttribute("value");
  if (!csrf) throw new Error("No CSRF token on the organizers' page");
  return { cookie, csrf };
}

/** A session of a named organizer (sessionAs), and who they are. */
export interface PersonSession extends OrganizerSession {
  /** organizers.id */
  organizerId: number;
  name: string;
  email: string;
}

/**
 * A new organizer of `role` (a row in organizers) signed in: a live session
 * stored through the app's own storage function, as a magic link would open
 * it, with its cookie (over https) and its forms' CSRF token.
 */
export async function sessionAs(
  role: Role,
  {
    name = `A ${role} ${++sequence}`,
    email = `${role}-${sequence}-${crypto.randomUUID().slice(0, 8)}@example.org`,
  } = {},
): Promise<PersonSession> {
  const row = await env.DB.prepare("INSERT INTO organizers (email, name, role) VALUES (?1, ?2, ?3) RETURNING id")
    .bind(email.toLowerCase(), name, role)
    .first<{ id: number }>();
  const secret = env.SECRET_KEY!;
  const session = await newSession(secret);
  const now = new Date();
  await insertSession(env.DB, {
    idHash: await sessionIdHash(session.id),
    organizerId: row!.id,
    via: "magic-link",
    tokenFingerprint: null,
    device: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
  });
  return {
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
    csrf: await csrfToken(secret, session.id),
    organizerId: row!.id,
    name,
    email: email.toLowerCase(),
  };
}

/** A request to an organizer page with the session's cookie. */
export function organizerFetch(session: OrganizerSession, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Cookie", session.cookie);
  return fetchWorker(path, { redirect: "manual", ...init, headers });
}

export async function organizerPage(
  session: OrganizerSession,
  path: string,
): Promise<{ response: Response; document: HTMLElement }> {
  const response = await organizerFetch(session, path);
  return { response, document: parseHtml(await response.text()) };
}

/** Posts an organizer form from one of our pages, with the session's cookie and CSRF token. */
export function organizerPost(session: OrganizerSession, path: string, fields: SignatureFields): Promise<Response> {
  return organizerFetch(session, path, {
    method: "POST",
    headers: SAME_ORIGIN_FORM,
    body: formBody({ csrf: session.csrf, ...fields }),
  });
}

/**
 * Makes an API token on the account's tokens page as its person would, and returns the token the
 * page showed once (`us_` and 43 base64url characters).
 */
export async function makeApiToken(session: OrganizerSession, label = "Signatures spreadsheet"): Promise<string> {
  const response = await organizerPost(session, "/admin/account/tokens", { label });
  expect(response.status).toBe(200);
  const token =
    parseHtml(await response.text())
      .querySelector("#new-token input")
      ?.getAttribute("value") ?? "";
  expect(token).toMatch(/^us_[A-Za-z0-9_-]{43}$/);
  return token;
}

/** What postOrganizerForm sends besides the form's fields. */
export interface OrganizerFormOptions {
  /** The session whose cookie and CSRF token go with the form; none (or null): a visitor's post (login, sign-in link). */
  session?: OrganizerSession | null;
  /** Bindings to change for this request, e.g. `{ MAILER: "local" }` to keep the mail sent in the local outbox. */
  env?: Partial<Cloudflare.Env>;
  /** The client's address (CF-Connecting-IP): a new one each call unless given, so that tests share no rate limit. */
  ip?: string;
  /** Accept-Language (the organizer area's language for a visitor, or an account without a preference). */
  language?: string;
  /** More headers, over the others (a Cookie sent without the session's CSRF token, …). */
  headers?: Record<string, string>;
}

/**
 * Posts an organizer form (urlencoded) as a browser on our site would:
 * same origin, with the session's cookie and its CSRF token as the `csrf`
 * field when one is given, redirects not followed; through fetchApp, so its
 * waitUntil work (mail, activity) is done when it returns.
 *
 * @example
 * ```ts
 * await postOrganizerForm("/admin/people", { name, email, role: "editor" }, { session: owner, env: MAIL });
 * ```
 */
export function postOrganizerForm(
  path: string,
  fields: SignatureFields,
  options: OrganizerFormOptions = {},
): Promise<Response> {
  const { session, env: bindings = {}, ip = randomIp(), language, headers = {} } = options;
  return fetchApp(path, bindings, {
    method: "POST",
    headers: {
      ...SAME_ORIGIN_FORM,
      "CF-Connecting-IP": ip,
      ...(language ? { "Accept-Language": language } : {}),
      ...(session ? { Cookie: session.cookie } : {}),
      ...headers,
    },
    body: formBody(session ? { csrf: session.csrf, ...fields } : fields),
    redirect: "manual",
  });
}

/**
 * The fields a browser would send from the post form in `document` (the
 * first `form[method=post]`, or the one `selector` names): text, email and
 * hidden inputs with their values, checked boxes and radios, each select's
 * selected option; `changes` then set (or, as null, clear) fields as a
 * person typing would.
 */
export function formFieldsOf(
  document: HTMLElement,
  changes: Record<string, string | null> = {},
  selector = 'form[method="post"]',
): { action: string; fields: SignatureFields } {
  const form = document.querySelector(selector);
  if (!form) throw new Error(`No ${selector} in the page`);
  const fields: Record<string, string> = {};
  for (const control of form.querySelectorAll("input, select, textarea")) {
    const name = control.getAttribute("name");
    if (!name || control.hasAttribute("disabled")) continue;
    const tag = control.tagName.toLowerCase();
    const type = (control.getAttribute("type") ?? "text").toLowerCase();
    if (tag === "select") {
      const option = control.querySelector("option[selected]") ?? control.querySelector("option");
      fields[name] = option?.getAttribute("value") ?? option?.textContent ?? "";
    } else if (tag === "textarea") {
      fields[name] = control.textContent;
    } else if (type === "checkbox" || type === "radio") {
      if (control.hasAttribute("checked")) fields[name] = control.getAttribute("value") ?? "on";
    } else if (type !== "submit" && type !== "button") {
      fields[name] = control.getAttribute("value") ?? "";
    }
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  return { action: form.getAttribute("action")!, fields };
}

/** Sends the post form in `document` as a browser on our site would (see formFieldsOf), from `ip`. */
export function submitForm(
  document: HTMLElement,
  changes: Record<string, string | null> = {},
  options: { ip?: string; env?: Partial<Cloudflare.Env>; selector?: string } = {},
): Promise<Response> {
  const { action, fields } = formFieldsOf(document, changes, options.selector);
  const init: RequestInit = {
    method: "POST",
    headers: { "CF-Connecting-IP": options.ip ?? randomIp(), ...SAME_ORIGIN_FORM },
    body: formBody(fields),
    redirect: "manual",
  };
  return options.env ? fetchApp(action, options.env, init) : fetchWorker(action, init);
}

/**
 * The organizer editor's fields for a letter at `slug` (what POST /admin/letters/{slug} takes), with
 * `overrides`; counted at once (no email confirmation), never closing.
 */
export function letterEditorFields(slug: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Letter on a fair process",
    slug,
    date: "2017-12-20",
    language: "en",
    addressee: "The Honorable Someone",
    body: "Dear Secretary General:\n\nWe ask for a fair process.\n\nSincerely,",
    summary: "Organizations ask for a fair process.",
    confirm_signatures: "no",
    closes_at: "",
    ...overrides,
  };
}

/** A Spanish translation's editor fields (POST /admin/letters/{slug}/translations/es). */
export const SPANISH_TRANSLATION = {
  title: "Carta por un proceso justo",
  addressee: "Su Excelencia",
  summary: "Organizaciones piden un proceso justo.",
  body: "Estimado Secretario General:\n\nPedimos un proceso justo.",
};

/**
 * The statements of a migration's `sql`, comments dropped, split at each ";" (so for migrations
 * with no ";" inside a literal): what a test runs again to replay one migration's steps.
 */
export function sqlStatements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}
