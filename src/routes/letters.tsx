/**
 * Reading letters: the home page, each letter's page, its signatories a page
 * at a time, the JSON of all three, its record, each entry of its record
 * as a page and as JSON with its proof, and the published versions of its
 * text with what changed (a page, and JSON). Every one of them is served through
 * the edge cache.
 */
import { publicOrigin } from "../http/urls";
import {
  publicJson,
  htmlCopy,
  jsonCopy,
  requireLetterIn,
  linkLanguage,
  renderLetterPage,
  letterAndSignatories,
  letterDocument,
  signatoriesDocument,
  recordDocument,
  requirePublishedLetter,
  versionsDocument,
  subpageLinks,
} from "../http/public-letter";
import { buildRecordEntryDocument, findRecordEntry, recordOverview } from "../app/record-entries";
import { Problem } from "../app/problem";
import { verifyEntryCommand, verifyLetterCommand } from "../domain/record";
import { RecordEntryPage } from "../views/record-entry-page";
import { RecordPage } from "../views/record-page";
import type { Letter } from "../domain/letter";
import type { Context } from "hono";
import { languagesJson, letterVersions } from "../app/public-documents";
import { Hono } from "hono";
import { encodeCursor } from "../domain/cursor";
import { messagesFor } from "../domain/i18n";
import { pageShell, type AppEnv } from "../http/app-env";
import { interfaceLocale, jsonLanguage, languageCache, languageRequest, words } from "../http/language";
import { publicParams, publicQuery } from "../http/validation";
import {
  letterQuerySchema,
  recordEntryJsonParamsSchema,
  recordEntryParamsSchema,
  recordQuerySchema,
  signatoriesJsonQuerySchema,
  signatoriesPageQuerySchema,
} from "../domain/public-query";
import { withLang } from "../domain/paths";
import { freshFormStamps } from "../http/form-stamps";
import { cachedPage } from "../http/page-cache";
import { absoluteUrl } from "../http/urls";
import { paths } from "../domain/paths";
import { listPublishedLetters } from "../storage/letters";
import { IndexPage } from "../views/index-page";
import { renderDocument } from "../views/layout";
import { letterSummaryJson } from "../domain/letter-json";
import { OG_IMAGE_PATH } from "../views/og";
import { SignatoriesPage } from "../views/signatories-page";
import { VersionsPage } from "../views/versions-page";

/** The home page and the list of letters as JSON (mounted at /). */
export const letterIndex = new Hono<AppEnv>();

/** A letter's pages and JSON (mounted at /letters). */
export const letters = new Hono<AppEnv>();

letterIndex.get("/", (c) =>
  cachedPage(c, "site", async () => {
    const published = await listPublishedLetters(c.var.db);
    return htmlCopy(
      await renderDocument(
        <IndexPage
          letters={published}
          canonical={absoluteUrl(c, paths.home())}
          image={absoluteUrl(c, OG_IMAGE_PATH)}
          now={new Date()}
        />,
        pageShell(c),
      ),
      published,
    );
  }),
);

// CORS for every method, so that a preflight OPTIONS is answered before the 405 below.
letterIndex.use("/letters.json", publicJson);
letters.use("/:file{[^/]+\\.json}", publicJson);
letters.use("/:slug/signatories.json", publicJson);

letterIndex.get("/letters.json", (c) =>
  cachedPage(c, "site", async () => {
    const published = await listPublishedLetters(c.var.db);
    const now = new Date();
    return jsonCopy(
      {
        letters: published.map((letter) =>
          letterSummaryJson(
            letter,
            { url: absoluteUrl(c, paths.letter(letter.slug)), jsonUrl: absoluteUrl(c, paths.letterJson(letter.slug)) },
            now,
            languagesJson(publicOrigin(c), letter, (language) => withLang(paths.letterJson(letter.slug), language)),
          ),
        ),
        // Every letter on one page: the API's LettersPage shape, with nothing after it.
        next_cursor: null,
        next_url: null,
      },
      published,
    );
  }),
);

// The .json routes come first: "/:slug" would otherwise take "honduras.json" as a slug.

letters.get("/:file{[^/]+\\.json}", publicQuery(letterQuerySchema), (c) => {
  const slug = c.req.param("file").slice(0, -".json".length);
  const request = jsonLanguage(c.req.valid("query").lang);
  return cachedPage(c, { letter: slug }, () => letterDocument(c, slug, request), languageCache(request));
});

// Each answer's sign form gets a stamp of its own, cached copies included (see http/form-stamps.ts).
letters.get("/:slug", publicQuery(letterQuerySchema), freshFormStamps, (c) => {
  const slug = c.req.param("slug");
  const request = languageRequest(c, c.req.valid("query").lang);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requireLetterIn(c, slug, request);
      return htmlCopy(await renderLetterPage(c, letter, { values: {}, errors: {} }), [letter]);
    },
    languageCache(request),
  );
});

letters.get("/:slug/signatories.json", publicQuery(signatoriesJsonQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { cursor } = c.req.valid("query");
  return cachedPage(c, { letter: slug }, () => signatoriesDocument(c, slug, cursor), {
    query: { cursor: cursor && encodeCursor(cursor) },
  });
});

letters.get("/:slug/signatories", publicQuery(signatoriesPageQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { lang, cursor } = c.req.valid("query");
  const request = languageRequest(c, lang);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const { letter, page } = await letterAndSignatories(c, slug, cursor, request);
      const here = cursor ? paths.signatories(slug, encodeCursor(cursor)) : paths.signatories(slug);
      const language = linkLanguage(letter);
      return htmlCopy(
        await renderDocument(
          <SignatoriesPage
            letter={letter}
            signatories={page.signatories}
            continues={cursor?.kind ?? null}
            t={messagesFor(interfaceLocale(letter.language))}
            links={{
              ...subpageLinks(c, letter, here),
              first: withLang(paths.signatories(slug), language),
              next: page.next ? withLang(paths.signatories(slug, encodeCursor(page.next)), language) : null,
            }}
          />,
          pageShell(c),
        ),
        [letter],
      );
    },
    languageCache(request, { cursor: cursor && encodeCursor(cursor) }),
  );
});

letters.use("/:slug/record.json", publicJson);

letters.get("/:slug/record.json", publicQuery(recordQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { after } = c.req.valid("query");
  return cachedPage(c, { letter: slug }, () => recordDocument(c, slug, after), { query: { after } });
});

/** The 404 of an entry number past the end of the letter's sealed record, saying how far it goes. */
function entryNotFound(c: Context<AppEnv>, letter: Letter): Problem {
  const { title, message } = words(c).errors.entryNotFound(letter.record.sealed);
  return new Problem(404, title, message);
}

// The record's overview, for a person who types or is sent /letters/{slug}/record.
letters.get("/:slug/record", publicQuery(letterQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const request = languageRequest(c, c.req.valid("query").lang);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await recordOverview(c.var.deps, await requireLetterIn(c, slug, request));
      const here = paths.recordOverview(slug);
      const language = linkLanguage(letter);
      return htmlCopy(
        await renderDocument(
          <RecordPage
            letter={letter}
            verifyCommand={verifyLetterCommand(absoluteUrl(c, paths.letter(slug)))}
            t={messagesFor(interfaceLocale(letter.language))}
            links={{
              ...subpageLinks(c, letter, here),
              entry: (seq) => withLang(paths.recordEntry(slug, seq), language),
              json: paths.record(slug),
              checkpoints: paths.checkpoints(slug),
              key: paths.recordKey(),
              versions: withLang(paths.versions(slug), language),
            }}
          />,
          pageShell(c),
        ),
        [letter],
      );
    },
    languageCache(request),
  );
});

// Each entry's JSON: the entry, what happened after it, and its inclusion proof in the current tree.
letters.use("/:slug/record/:file{[^/]+\\.json}", publicJson);

letters.get("/:slug/record/:file{[^/]+\\.json}", publicParams(recordEntryJsonParamsSchema), (c) => {
  const slug = c.req.param("slug");
  const seq = c.req.valid("param").file;
  return cachedPage(c, { letter: slug }, async () => {
    const found = await requirePublishedLetter(c, slug);
    const { letter, document } = await buildRecordEntryDocument(c.var.deps, found, seq, { origin: publicOrigin(c) });
    if (!document) throw entryNotFound(c, letter);
    return jsonCopy(document, [letter]);
  });
});

letters.get("/:slug/record/:seq", publicParams(recordEntryParamsSchema), publicQuery(letterQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { seq } = c.req.valid("param");
  const request = languageRequest(c, c.req.valid("query").lang);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const shown = await findRecordEntry(c.var.deps, await requireLetterIn(c, slug, request), seq);
      const { letter } = shown;
      if (!shown.entry) throw entryNotFound(c, letter);
      const here = paths.recordEntry(slug, seq);
      const language = linkLanguage(letter);
      return htmlCopy(
        await renderDocument(
          <RecordEntryPage
            letter={letter}
            entry={shown.entry}
            later={shown.later}
            size={shown.size}
            root={shown.root}
            verifyCommand={verifyEntryCommand(absoluteUrl(c, paths.letter(slug)), shown.entry)}
            t={messagesFor(interfaceLocale(letter.language))}
            links={{
              ...subpageLinks(c, letter, here),
              entry: (next) => withLang(paths.recordEntry(slug, next), language),
              json: paths.recordEntryJson(slug, seq),
              record: paths.record(slug),
              overview: withLang(paths.recordOverview(slug), language),
              versions: withLang(paths.versions(slug), language),
            }}
          />,
          pageShell(c),
        ),
        [letter],
      );
    },
    languageCache(request),
  );
});

letters.use("/:slug/versions.json", publicJson);

letters.get("/:slug/versions.json", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, { letter: slug }, () => versionsDocument(c, slug));
});

letters.get("/:slug/versions", publicQuery(letterQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const request = languageRequest(c, c.req.valid("query").lang);
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requireLetterIn(c, slug, request);
      const here = paths.versions(slug);
      return htmlCopy(
        await renderDocument(
          <VersionsPage
            letter={letter}
            versions={await letterVersions(c.var.deps, letter)}
            t={messagesFor(interfaceLocale(letter.language))}
            links={{
              ...subpageLinks(c, letter, here),
              json: paths.versionsJson(slug),
              entry: (seq) => withLang(paths.recordEntry(slug, seq), linkLanguage(letter)),
            }}
          />,
          pageShell(c),
        ),
        [letter],
      );
    },
    languageCache(request),
  );
});
