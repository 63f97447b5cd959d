/**
 * Reading letters: the home page, each letter's page, its signatories a page
 * at a time, and the JSON of all three. Every one of them is served through
 * the edge cache.
 */
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { formStamp } from "../domain/bots";
import { decodeCursor, encodeCursor, type SignatoryCursor } from "../domain/cursor";
import { isSlug, publicStatus, statusChangesAt, type Letter } from "../domain/letter";
import type { SignatureKind } from "../domain/signature";
import { turnstileSiteKey, type AppEnv } from "../env";
import { ClientError, methodNotAllowed } from "../http/errors";
import { JSON_CONTENT_TYPE, safeJson } from "../http/json";
import { cachedPage, type Rendered } from "../http/page-cache";
import { absoluteUrl, paths } from "../http/urls";
import { findPublishedLetter, findRecentPublishedLetter, listPublishedLetters } from "../storage/letters";
import { listRecordEntries, sealRecord } from "../storage/record";
import { listPublicSignatories, type SignatoryPage } from "../storage/signatures";
import { IndexPage } from "../views/index-page";
import { renderDocument } from "../views/layout";
import { letterJson, letterSummaryJson, recordEntryJson, recordSummaryJson, signatoryJson, type LetterUrls } from "../views/letter-json";
import { PARTNER_SCRIPT_PATH } from "../views/embed-scripts";
import { OG_IMAGE_PATH } from "../views/og";
import { LetterPage } from "../views/letter-page";
import type { SignFormExtras, SignFormState } from "../views/sign-form";
import { SignatoriesPage } from "../views/signatories-page";

export const HTML_CONTENT_TYPE = "text/html; charset=utf-8";
export const GET_ONLY = methodNotAllowed(["GET", "HEAD"]);
export const publicJson = cors({ origin: "*", allowMethods: ["GET", "HEAD"] });

/** A page that stays true until `shown` letters change status by themselves (see statusChangesAt). */
export function html(body: string, shown: readonly Letter[] = []): Rendered {
  return { status: 200, body, contentType: HTML_CONTENT_TYPE, expiresAt: statusChangesAt(shown, new Date()) };
}

export function json(value: unknown, shown: readonly Letter[] = []): Rendered {
  return {
    status: 200,
    body: safeJson(value),
    contentType: JSON_CONTENT_TYPE,
    headers: { "Access-Control-Allow-Origin": "*" },
    expiresAt: statusChangesAt(shown, new Date()),
  };
}

function letterNotFound(): ClientError {
  return new ClientError(404, "Letter not found", "There is no published letter at this address. It may have been mistyped, or the letter may have moved.");
}

/**
 * The letter named by the route's slug, or a 404 (without touching D1 for a slug
 * that can't exist). `recent` lets signing reuse a letter read moments ago
 * (LETTER_CACHE_SECONDS; see findRecentPublishedLetter).
 */
export async function requirePublishedLetter<E extends AppEnv>(c: Context<E>, slug: string, { recent = false } = {}): Promise<Letter> {
  let letter: Letter | null = null;
  if (isSlug(slug)) {
    letter = recent
      ? await findRecentPublishedLetter(c.var.db, slug, c.get("settings").letterCacheSeconds)
      : await findPublishedLetter(c.var.db, slug);
  }
  if (!letter) throw letterNotFound();
  return letter;
}

/** The ?cursor= of a signatories page: absent means the first page; anything we did not make is a 400. */
export function readCursor<E extends AppEnv>(c: Context<E>): SignatoryCursor | null {
  const values = c.req.queries("cursor") ?? [];
  if (values.length === 0 || (values.length === 1 && values[0] === "")) return null;
  const cursor = values.length === 1 ? decodeCursor(values[0]!) : null;
  if (!cursor) {
    throw new ClientError(400, "This list link is broken or out of date", "The link to this page of signatories is not valid. Go back to the letter and follow “See more signatories” again.");
  }
  return cursor;
}

export function letterUrls<E extends AppEnv>(c: Context<E>, slug: string): LetterUrls {
  return {
    url: absoluteUrl(c, paths.letter(slug)),
    jsonUrl: absoluteUrl(c, paths.letterJson(slug)),
    signUrl: absoluteUrl(c, paths.sign(slug)),
    signatoriesUrl: absoluteUrl(c, paths.signatories(slug)),
    recordUrl: absoluteUrl(c, paths.record(slug)),
  };
}

/**
 * The letter with its record sealed up to its last entry, so that its counts
 * and its record's head describe the same moment (entries are sealed after
 * the change that writes them; see storage/record.ts).
 */
async function withSealedRecord<E extends AppEnv>(c: Context<E>, letter: Letter): Promise<Letter> {
  if (letter.record.sealed >= letter.record.length) return letter;
  await sealRecord(c.var.db, letter.id);
  return requirePublishedLetter(c, letter.slug);
}

/** What a freshly drawn sign form carries besides its fields: its stamp, and Turnstile's site key when it is on. */
export async function signFormExtras<E extends AppEnv>(c: Context<E>, slug: string): Promise<SignFormExtras> {
  return {
    stamp: c.env.SECRET_KEY ? await formStamp(c.env.SECRET_KEY, slug, Date.now()) : null,
    turnstileSiteKey: turnstileSiteKey(c.env),
  };
}

/** The letter's page as HTML: the letter, its first page of signatories, and the form in the given state. */
export async function renderLetterPage<E extends AppEnv>(
  c: Context<E>,
  letter: Letter,
  form: SignFormState,
  /** For organizers' previews: a banner, and the status to draw (a draft is previewed as it will look once open). */
  preview: { notice: string; status: "open" | "closed" } | null = null,
): Promise<string> {
  const page = await signatoryPage(c, letter, null);
  return renderDocument(
    <LetterPage
      letter={letter}
      status={preview?.status ?? publicStatus(letter, new Date())}
      notice={preview?.notice}
      signatories={page.signatories}
      links={{
        page: absoluteUrl(c, paths.letter(letter.slug)),
        sign: paths.sign(letter.slug),
        moreSignatories: page.next ? paths.signatories(letter.slug, encodeCursor(page.next)) : null,
        embed: absoluteUrl(c, paths.embed(letter.slug)),
        oembed: absoluteUrl(c, paths.oembed(absoluteUrl(c, paths.letter(letter.slug)))),
        feed: absoluteUrl(c, paths.feed()),
        embedScript: absoluteUrl(c, PARTNER_SCRIPT_PATH),
        image: absoluteUrl(c, OG_IMAGE_PATH),
        letterFeed: absoluteUrl(c, paths.letterFeed(letter.slug)),
      }}
      form={form}
      formExtras={await signFormExtras(c, letter.slug)}
    />,
  );
}

/** A page of the letter's public signatories: the first one, or the one after `cursor`. */
function signatoryPage<E extends AppEnv>(c: Context<E>, letter: Letter, cursor: SignatoryCursor | null): Promise<SignatoryPage> {
  return listPublicSignatories(c.var.db, letter.id, cursor, c.get("settings").signatoriesPerPage);
}

/** The letter at `slug` (or a 404) and its page of signatories after `cursor`. */
async function letterAndSignatories(c: Context<AppEnv>, slug: string, cursor: SignatoryCursor | null) {
  const letter = await requirePublishedLetter(c, slug);
  return { letter, page: await signatoryPage(c, letter, cursor) };
}

export const letters = new Hono<AppEnv>();

letters.get("/", (c) =>
  cachedPage(c, async () => {
    const published = await listPublishedLetters(c.var.db);
    return html(
      await renderDocument(<IndexPage letters={published} canonical={absoluteUrl(c, paths.home())} image={absoluteUrl(c, OG_IMAGE_PATH)} now={new Date()} />),
      published,
    );
  }),
);
letters.all("/", GET_ONLY);

// CORS for every method, so that a preflight OPTIONS is answered before the 405 below.
letters.use("/letters.json", publicJson);
letters.use("/letters/:file{[^/]+\\.json}", publicJson);
letters.use("/letters/:slug/signatories.json", publicJson);

letters.get("/letters.json", (c) =>
  cachedPage(c, async () => {
    const published = await listPublishedLetters(c.var.db);
    const now = new Date();
    return json({
      letters: published.map((letter) =>
        letterSummaryJson(letter, { url: absoluteUrl(c, paths.letter(letter.slug)), jsonUrl: absoluteUrl(c, paths.letterJson(letter.slug)) }, now),
      ),
      // Every letter on one page: the API's LettersPage shape, with nothing after it.
      next_cursor: null,
      next_url: null,
    }, published);
  }),
);
letters.all("/letters.json", GET_ONLY);

// The .json routes come first: "/letters/:slug" would otherwise take "honduras.json" as a slug.
/** The letter's JSON document (its .json address and the API's /letters/{slug}). */
export async function letterDocument(c: Context<AppEnv>, slug: string): Promise<Rendered> {
  const { letter: current, page } = await letterAndSignatories(c, slug, null);
  const letter = await withSealedRecord(c, current);
  const next = page.next ? encodeCursor(page.next) : null;
  return json(
    letterJson(letter, page.signatories, next ? { cursor: next, url: absoluteUrl(c, paths.signatoriesJson(slug, next)) } : null, letterUrls(c, slug), new Date()),
    [letter],
  );
}

letters.get("/letters/:file{[^/]+\\.json}", (c) => {
  const slug = c.req.param("file").slice(0, -".json".length);
  return cachedPage(c, () => letterDocument(c, slug));
});
letters.all("/letters/:file{[^/]+\\.json}", GET_ONLY);

letters.get("/letters/:slug", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, async () => {
    const letter = await requirePublishedLetter(c, slug);
    return html(await renderLetterPage(c, letter, { values: {}, errors: {} }), [letter]);
  });
});
letters.all("/letters/:slug", GET_ONLY);

/**
 * A page of the letter's public signatories as JSON (its signatories.json and
 * the API's /letters/{slug}/signatories, whose `nextPath` keeps its ?kind=).
 */
export async function signatoriesDocument(
  c: Context<AppEnv>,
  slug: string,
  cursor: SignatoryCursor | null,
  {
    kind,
    country,
    nextPath = (next: string) => paths.signatoriesJson(slug, next),
  }: { kind?: SignatureKind; country?: string; nextPath?: (cursor: string) => string } = {},
): Promise<Rendered> {
  const letter = await requirePublishedLetter(c, slug);
  const page = await listPublicSignatories(c.var.db, letter.id, cursor, c.get("settings").signatoriesPerPage, { kind, country });
  const next = page.next ? encodeCursor(page.next) : null;
  return json({
    letter: { slug, title: letter.title, url: absoluteUrl(c, paths.letter(slug)), counts: { ...letter.counts } },
    signatories: page.signatories.map(signatoryJson),
    next_cursor: next,
    next_url: next ? absoluteUrl(c, nextPath(next)) : null,
  });
}

letters.get("/letters/:slug/signatories.json", (c) => {
  const slug = c.req.param("slug");
  const cursor = readCursor(c);
  return cachedPage(c, () => signatoriesDocument(c, slug, cursor), { params: ["cursor"] });
});
letters.all("/letters/:slug/signatories.json", GET_ONLY);

letters.get("/letters/:slug/signatories", (c) => {
  const slug = c.req.param("slug");
  const cursor = readCursor(c);
  return cachedPage(
    c,
    async () => {
      const { letter, page } = await letterAndSignatories(c, slug, cursor);
      const here = cursor ? paths.signatories(slug, encodeCursor(cursor)) : paths.signatories(slug);
      return html(
        await renderDocument(
          <SignatoriesPage
            letter={letter}
            signatories={page.signatories}
            continues={cursor?.kind ?? null}
            links={{
              letter: paths.letter(slug),
              canonical: absoluteUrl(c, here),
              first: paths.signatories(slug),
              next: page.next ? paths.signatories(slug, encodeCursor(page.next)) : null,
            }}
          />,
        ),
      );
    },
    { params: ["cursor"] },
  );
});
letters.all("/letters/:slug/signatories", GET_ONLY);

const RECORD_PAGE_SIZE = 1_000;

/** ?after= of the record: absent for the first page; anything but a whole number is a 400. */
export function readAfter<E extends AppEnv>(c: Context<E>): number {
  const values = c.req.queries("after") ?? [];
  if (values.length === 0) return 0;
  const after = values.length === 1 && /^\d{1,15}$/.test(values[0]!) ? Number(values[0]) : Number.NaN;
  if (!Number.isSafeInteger(after)) {
    throw new ClientError(400, "This record link is not valid", "The after= parameter must be the number of an entry of the record.");
  }
  return after;
}

letters.use("/letters/:slug/record.json", publicJson);
/** A page of the letter's public record as JSON (its record.json and the API's /letters/{slug}/record). */
export async function recordDocument(c: Context<AppEnv>, slug: string, after: number): Promise<Rendered> {
  const letter = await withSealedRecord(c, await requirePublishedLetter(c, slug));
  const page = await listRecordEntries(c.var.db, letter.id, after, letter.record.sealed, RECORD_PAGE_SIZE);
  return json({
    letter: { slug, url: absoluteUrl(c, paths.letter(slug)), json_url: absoluteUrl(c, paths.letterJson(slug)), counts: { ...letter.counts } },
    record: recordSummaryJson(letter, absoluteUrl(c, paths.record(slug))),
    entries: page.entries.map(recordEntryJson),
    next_after: page.next,
    next_url: page.next ? absoluteUrl(c, paths.record(slug, page.next)) : null,
  });
}

letters.get("/letters/:slug/record.json", (c) => {
  const slug = c.req.param("slug");
  const after = readAfter(c);
  return cachedPage(c, () => recordDocument(c, slug, after), { params: ["after"] });
});
letters.all("/letters/:slug/record.json", GET_ONLY);

