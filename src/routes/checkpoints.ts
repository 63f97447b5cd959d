/**
 * The signed checkpoints of letters' records and the proofs between them
 * (see app/checkpoints.ts), as JSON any site may read, cached at the edge
 * with the letter's other copies:
 *
 * GET /letters/{slug}/checkpoints?before=SIZE    its checkpoints, newest first, 100 a page
 * GET /letters/{slug}/record/consistency.json?from=M&to=N
 *                                                the RFC 9162 proof that the record of N entries extends that of M
 * GET /.well-known/undersigned-record-key        the verifier key that checks every checkpoint (text/plain)
 */
import { Hono } from "hono";
import { buildCheckpointsDocument, buildConsistencyDocument } from "../app/public-documents";
import { recordVerifierKey } from "../app/checkpoints";
import { Problem } from "../app/problem";
import { checkpointsQuerySchema, consistencyQuerySchema } from "../domain/public-query";
import type { AppEnv } from "../http/app-env";
import { cachedPage } from "../http/page-cache";
import { jsonCopy, publicJson, requirePublishedLetter } from "../http/public-letter";
import { publicOrigin } from "../http/urls";
import { publicQuery } from "../http/validation";

/** A letter's checkpoints and consistency proofs (mounted at /letters). */
export const letterCheckpoints = new Hono<AppEnv>();

/** The verifier key (mounted at /). */
export const recordKey = new Hono<AppEnv>();

// CORS for every method, so that a preflight OPTIONS is answered before the 405.
letterCheckpoints.use("/:slug/checkpoints", publicJson);
letterCheckpoints.use("/:slug/record/consistency.json", publicJson);

letterCheckpoints.get("/:slug/checkpoints", publicQuery(checkpointsQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const { before } = c.req.valid("query");
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requirePublishedLetter(c, slug);
      return jsonCopy(await buildCheckpointsDocument(c.var.deps, letter, before, { origin: publicOrigin(c) }), [
        letter,
      ]);
    },
    { query: { before } },
  );
});

letterCheckpoints.get("/:slug/record/consistency.json", publicQuery(consistencyQuerySchema), (c) => {
  const slug = c.req.param("slug");
  const range = c.req.valid("query");
  return cachedPage(
    c,
    { letter: slug },
    async () => {
      const letter = await requirePublishedLetter(c, slug);
      return jsonCopy(await buildConsistencyDocument(c.var.deps, letter, range, { origin: publicOrigin(c) }), [letter]);
    },
    { query: { from: range.from, to: range.to } },
  );
});

recordKey.get("/.well-known/undersigned-record-key", (c) =>
  cachedPage(c, "static", async () => {
    const key = await recordVerifierKey(c.var.deps);
    if (!key) {
      throw new Problem(
        404,
        "No record key",
        "This site signs no checkpoints of its letters' records: it has no RECORD_SIGNING_KEY.",
      );
    }
    return {
      status: 200,
      body: `${key}\n`,
      contentType: "text/plain; charset=utf-8",
      headers: { "Access-Control-Allow-Origin": "*" },
    };
  }),
);
