/**
 * The public API's pages for people (/api/v1, /api/v1/problems and one page
 * per problem type), as `npm start` serves them, checked by the Nu HTML
 * Checker: the type URIs a client's developer follows are valid HTML.
 */
import { describe, expect, inject, it } from "vitest";
import { PROBLEM_KINDS, PROBLEM_TYPES_PATH } from "../../src/domain/problem-types";
import { htmlErrors } from "./vnu";

const baseUrl = inject("baseUrl");

describe("the API's pages for people", () => {
  it("are valid HTML: the API's page, the list of problem types and each type's page", async () => {
    const paths = ["/api/v1", PROBLEM_TYPES_PATH, ...PROBLEM_KINDS.map((kind) => `${PROBLEM_TYPES_PATH}/${kind}`)];
    const pages = new Map<string, string>();
    for (const path of paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { Accept: "text/html" } });
      expect(response.status, path).toBe(200);
      pages.set(path, await response.text());
    }
    expect(Object.fromEntries(await htmlErrors(pages))).toEqual({});
  });
});
