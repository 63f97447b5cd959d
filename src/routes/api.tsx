/**
 * The public API, version 1: JSON for partners and developers, documented
 * by the OpenAPI document generated from domain/public-api.ts. Read-only, cached at
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
 * GET /api/v1/letters/{slug}/versions       the published versions of its text
 * GET /api/v1/letters/{slug}/counts         the counts only
 * GET /api/v1/problems                      the kinds of problem it answers (HTML, or JSON if asked for)
 * GET /api/v1/problems/{kind}               one kind: the page its problems' `type` names
 */
import { Hono, type Context } from "hono";
import { accepts } from "hono/accepts";
import { apiQuerySchemas, openApiDocument, problemTypeDocument } from "../domain/public-api";
import { isProblemKind, PROBLEM_KINDS } from "../domain/problem-types";
import { kindProblem } from "../app/problem";
import { recordQuerySchema } from "../domain/public-query";
import { encodeLetterCursor } from "../domain/cursor";
import { pageShell, type AppEnv } from "../http/app-env";
import { cachedPage } from "../http/page-cache";
import { absoluteUrl, publicOrigin } from "../http/urls";
import { buildCountsDocument } from "../app/public-documents";
import { paths } from "../domain/paths";
import { listPublishedLettersPage } from "../storage/letters";
import { ApiPage, ProblemTypePage, ProblemTypesPage } from "../views/api-page";
import { renderDocument } from "../views/layout";
import { letterSummaryJson } from "../domain/letter-json";
import { jsonLanguage, languageCache } from "../http/language";
import { publicQuery } from "../http/validation";
import { withLang } from "../domain/paths";
import {
  htmlCopy,
  jsonCopy,
  letterDocument,
  recordDocument,
  requirePublishedLetter,
  signatoriesDocument,
  versionsDocument,
} from "../http/public-letter";
import { languagesJson } from "../app/public-documents";

const LETTERS_PER_PAGE = 50;

export const api = new Hono<AppEnv>();

api.get("/", (c) =>
  cachedPage(c, "static", async () =>
    htmlCopy(await renderDocument(<ApiPage origin={publicOrigin(c)} />, pageShell(c))),
  ),
);

api.get("/openapi.json", (c) =>
  cachedPage(c, "static", () => Promise.resolve(jsonCopy(openApiDocument(publicOrigin(c))))),
);

/** Whether the client prefers JSON to HTML (its Accept), for the pages that answer both. */
function wantsJson(c: Context<AppEnv>): boolean {
  const chosen = accepts(c, { header: "Accept", supports: ["text/html", "application/json"], default: "text/html" });
  return chosen === "application/json";
}

api.get("/problems", (c) => {
  const json = wantsJson(c);
  return cachedPage(
    c,
    "static",
    async () =>
      json
        ? jsonCopy({ problems: PROBLEM_KINDS.map((kind) => problemTypeDocument(publicOrigin(c), kind)) })
        : htmlCopy(await renderDocument(<ProblemTypesPage origin={publicOrigin(c)} />, pageShell(c))),
    { variant: { format: json ? "json" : "html" }, vary: "Accept" },
  );
});

api.get("/problems/:kind", (c) => {
  const kind = c.req.param("kind");
  if (!isProblemKind(kind)) throw kindProblem("not-found", "No kind of problem has that name: see /api/v1/problems.");
  const json = wantsJson(c);
  return cachedPage(
    c,
    "static",
    async () =>
      json
        ? jsonCopy(problemTypeDocument(publicOrigin(c), kind))
        : htmlCopy(await renderDocument(<ProblemTypePage origin={publicOrigin(c)} kind={kind} />, pageShell(c))),
    { variant: { format: json ? "json" : "html" }, vary: "Accept" },
  );
});

api.get("/letters", publicQuery(apiQuerySchemas.letters), (c) => {
  const { status, cursor: after } = c.req.valid("query");
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

api.get("/letters/:slug", publicQuery(apiQuerySchemas.letter), (c) => {
  const slug = c.req.param("slug");
  const request = jsonLanguage(c.req.valid("query").lang);
  return cachedPage(
    c,
    { letter: slug },
    () => letterDocument(c, slug, request, `/api/v1/letters/${slug}`),
    languageCache(request),
  );
});

api.get("/letters/:slug/signatories", publicQuery(apiQuerySchemas.signatories), (c) => {
  const slug = c.req.param("slug");
  const { kind, country, cursor } = c.req.valid("query");
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

api.get("/letters/:slug/record", publicQuery(recordQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { after } = c.req.valid("query");
  return cachedPage(c, { letter: slug }, () => recordDocument(c, slug, after), { params: ["after"] });
});

api.get("/letters/:slug/versions", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, { letter: slug }, () => versionsDocument(c, slug));
});

api.get("/letters/:slug/counts", (c) => {
  const slug = c.req.param("slug");
  return cachedPage(c, { letter: slug }, async () => {
    const letter = await requirePublishedLetter(c, slug);
    return jsonCopy(buildCountsDocument(c.var.deps, letter, { origin: publicOrigin(c) }), [letter]);
  });
});
