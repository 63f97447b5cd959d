/**
 * The public API's problem types (domain/problem-types.ts): every type URI
 * is a page documenting its kind (HTML for people, JSON when asked for),
 * listed on an index page; every kind a status falls back to is registered;
 * and the API's routes raise no problem without its kind.
 */
import { describe, expect, it } from "vitest";
import type { ProblemStatus } from "../../src/app/problem";
import {
  genericProblemKind,
  PROBLEM_KINDS,
  PROBLEM_TYPES,
  PROBLEM_TYPES_PATH,
  problemTypeUri,
} from "../../src/domain/problem-types";
import apiRoutes from "../../src/routes/api.tsx?raw";
import apiSigningRoutes from "../../src/routes/api-signing.ts?raw";
import { fetchWorker, getPage, ORIGIN } from "../helpers";
import { openApiCheck } from "../openapi";

const JSON_ACCEPT = { Accept: "application/json" };

describe("problem types", () => {
  it("documents every registered type at its URI, as a page and as JSON", async () => {
    const check = await openApiCheck();
    for (const kind of PROBLEM_KINDS) {
      const uri = problemTypeUri(ORIGIN, kind);
      const path = new URL(uri).pathname;
      const { title, status } = PROBLEM_TYPES[kind];

      const { response, document } = await getPage(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Vary"), path).toMatch(/Accept/);
      expect(document.querySelector("h1")?.textContent, path).toBe(title);
      expect(document.querySelector("dd code")?.textContent, path).toBe(uri);

      const json = await fetchWorker(path, { headers: JSON_ACCEPT });
      expect(json.status, path).toBe(200);
      expect(json.headers.get("Content-Type"), path).toBe("application/json; charset=utf-8");
      expect(json.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
      const body = await json.json<Record<string, unknown>>();
      expect(await check.problems("ProblemType", body), path).toBeNull();
      expect(body).toMatchObject({ type: uri, title, status });
    }
  });

  it("lists every type on an index page, and as JSON", async () => {
    const { response, document } = await getPage(PROBLEM_TYPES_PATH);
    expect(response.status).toBe(200);
    const links = document.querySelectorAll("tbody a").map((link) => link.getAttribute("href"));
    expect(links).toEqual(PROBLEM_KINDS.map((kind) => problemTypeUri(ORIGIN, kind)));

    const json = await fetchWorker(PROBLEM_TYPES_PATH, { headers: JSON_ACCEPT });
    const body = await json.json<{ problems: { type: string }[] }>();
    const check = await openApiCheck();
    for (const problem of body.problems) expect(await check.problems("ProblemType", problem)).toBeNull();
    expect(body.problems.map((problem) => problem.type)).toEqual(links);
    // A browser's Accept gets the page, whichever was cached first.
    const browser = await fetchWorker(PROBLEM_TYPES_PATH, {
      headers: { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    });
    expect(browser.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  });

  it("falls back, for every status a problem can have, to a registered kind of that status", () => {
    const statuses: (ProblemStatus | 500)[] = [400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429, 500, 501, 503];
    for (const status of statuses)
      expect(PROBLEM_TYPES[genericProblemKind(status)].status, String(status)).toBe(status);
  });

  it("raises no problem without its kind in the API's routes", () => {
    // A status-only Problem would fall back to its status's generic kind: the API names the kind it means.
    for (const source of [apiRoutes, apiSigningRoutes]) expect(source).not.toMatch(/new Problem\(/);
  });

  it("types every problem the document announces, each documented", async () => {
    const { document } = await openApiCheck();
    const problem = document.components.schemas.Problem as { properties: { type: { enum: string[] } } };
    // The Problem schema only admits registered types: every answer checked against it uses one.
    expect(problem.properties.type.enum).toEqual(PROBLEM_KINDS.map((kind) => problemTypeUri(ORIGIN, kind)));
    const announced = JSON.stringify(document.paths).match(/https:\/\/undersigned\.test\/api\/v1\/problems\/[a-z-]+/g);
    for (const uri of new Set(announced)) expect(problem.properties.type.enum, uri).toContain(uri);
  });
});
