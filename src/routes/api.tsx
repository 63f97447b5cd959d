/**
 * The public API, version 1: JSON for partners and developers, documented
 * by the OpenAPI document generated from domain/api.ts. Read-only, cached at
 * the edge like the pages, with ETags, readable from any origin; errors are
 * RFC 9457 problem details (see http/errors.tsx). The letter service's .json
 * addresses answer the same documents.
 *
 * GET /api/v1                               this API, described for people
 * GET /api/v1/openapi.json                  the OpenAPI 3.1 document
 * GET /api/v1/letters?status=&cursor=       published letters, newest first, 50 a page
 * GET /api/v1/letters/{slug}?lang=          one letter, with its first signatories, in one of its languages
 * GET /api/v1/letters/{slug}/signatories?cursor=&kind=&country=
 * GET /api/v1/letters/{slug}/record?after=  its tamper-evident record, 1,000 entries a page
 * GET /api/v1/letters/{slug}/counts         the counts only
 */
import { Hono } from "hono";
import { openApiDocument } from "../domain/public-api";
import { isCountryCode } from "../domain/countries";
import { decodeLetterCursor, encodeLetterCursor } from "../domain/cursor";
import type { AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { cachedPage } from "../http/page-cache";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { buildCountsDocument } from "../app/public-documents";
import { paths } from "../domain/paths";
import { listPublishedLettersPage } from "../storage/letters";
import { ApiPage } from "../views/api-page";
import { renderDocument } from "../views/layout";
import { letterSummaryJson } from "../domain/letter-json";
import { languageCache, languageRequest } from "../http/language";
import { withLang } from "../domain/paths";
import {
  htmlCopy,
  jsonCopy,
  letterDocument,
  readAfter,
  readCursor,
  recordDocument,
  requirePublishedLetter,
  signatoriesDocument,
} from "../http/public-letter";
import { languagesJson } from "../app/public-documents";

const LETTERS_PER_PAGE = 50;

export const api = new Hono<AppEnv>();

api.get("/", (c) =>
  cachedPage(c, "static", async () => htmlCopy(await renderDocument(<ApiPage origin={publicOrigin(c)} />))),
);

api.get("/openapi.json", (c) =>
  cachedPage(c, "static", () => Promise.resolve(jsonCopy(openApiDocument(publicOrigin(c))))),
);

api.get("/letters", (c) => {
  const status = c.req.query("status");
  if (status !== undefined && status !== "open" && status !== "closed") {
    throw new Problem(400, "Unknown status", "status must be open or closed (or left out for every letter).");
  }
  const cursorText = c.req.query("cursor");
  const after = cursorText ? decodeLetterCursor(cursorText) : null;
  if (cursorText && !after)
    throw new Problem(
      400,
      "This cursor is not valid",
      "Use the next_cursor of a previous page, or leave cursor out for the first.",
    );
  return cachedPage(
    c,
    "site",
    async () => {
      const now = new Date();
      const page = await listPublishedLettersPage(c.var.db, { status, after, limit: LETTERS_PER_PAGE, now });
      const next = page.next ? encodeLetterCursor(page.next) : null;
      const query = (cursor: string) => `?${new URLSearchParams({ ...(status ? { status } : {}), cursor })}`;
      const copy = jsonCopy(
        {
          letters: page.letters.map((letter) =>
            letterSummaryJson(
              letter,
              {
                url: absoluteUrl(c, paths.letter(letter.slug)),
                jsonUrl: absoluteUrl(c, `/api/v1/letters/${letter.slug}`),
              },
              now,
              languagesJson(publicOrigin(c), letter, (language) =>
                withLang(`/api/v1/letters/${letter.slug}`, language),
              ),
            ),
          ),
          next_cursor: next,
          next_url: next ? absoluteUrl(c, `/api/v1/letters${query(next)}`) : null,
        },
        page.letters,
      );
      // A letter on no page of this list yet (an open one, for ?status=closed) joins it when it closes.
      return { ...copy, expiresAt: page.closesNext ? Date.parse(page.closesNext) : null };
    },
    { params: ["status", "cursor"] },
  );
});

api.get("/letters/:slug", (c) => {
  const slug = c.req.param("slug");
  // JSON is never negotiated: ?lang= or the original language.
  const request = { requested: languageRequest(c).requested, preferred: [] };
  return cachedPage(
    c,
    { letter: slug },
    () => letterDocument(c, slug, request, `/api/v1/letters/${slug}`),
    languageCache(request),
  );
});

api.get("/letters/:slug/signatories", (c) => {
  const slug = c.req.param("slug");
  const kind = c.req.query("kind");
  if (kind !== undefined && kind !== "organization" && kind !== "individual") {
    throw new Problem(400, "Unknown kind", "kind must be organization or individual (or left out for both).");
  }
  const countryText = c.req.query("country");
  const country = countryText?.toUpperCase();
  if (country !== undefined && !isCountryCode(country)) {
    throw new Problem(400, "Unknown country", "country must be a two-letter ISO 3166-1 code, such as HN or US.");
  }
  const cursor = readCursor(c);
  if (kind && cursor && cursor.kind !== kind)
    throw new Problem(400, "This cursor is not valid", "This cursor belongs to a list of another kind.");
  return cachedPage(
    c,
    { letter: slug },
    () =>
      signatoriesDocument(c, slug, cursor, {
        kind,
        country,
        nextPath: (next) =>
          `/api/v1/letters/${slug}/signatories?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(country ? { country } : {}), cursor: next })}`,
      }),
    { params: ["cursor", "kind", "country"] },
  );
});

api.get("/letters/:slug/record", (c) => {
  const slug = c.req.param("slug");
  const after = readAfter(c);
  return cachedPage(c, { letter: slug }, () => recordDocument(c, slug, after), { params: ["after"] });
});

api.get("/letters/:slug/counts", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, { letter: slug }, async () => {
    const letter = await requirePublishedLetter(c, slug);
    return jsonCopy(buildCountsDocument(c.var.deps, letter, { origin: publicOrigin(c) }), [letter]);
  });
});
