/**
 * Every route with a path parameter, read from Hono's own list
 * (`app.routes`, test/app-routes.ts), so that a route added tomorrow is
 * checked without changing this file: each parameter in turn is given a
 * hostile value (CR/LF, NUL, dots, percent-encoded slashes and backslashes,
 * invalid UTF-8 percent sequences, a lone "%", 5,000 characters) while the
 * others keep real values, and sent by every method the route has, as a
 * visitor and as a signed-in organizer with the form's CSRF token. The answer
 * is always a 4xx with a message a person can read, never a 500, never a
 * redirect or a header built from the value.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fill, isOrganizerPath, PARAMETER, registeredRoutes, routeSamples } from "../app-routes";
import { fetchWorker, formBody, logIn, randomIp, SAME_ORIGIN_FORM, type OrganizerSession } from "../helpers";

/** What goes into the path, as a client would put it there (percent-encoded where a URL must be). */
const HOSTILE = [
  "%0d%0a",
  "a%0D%0ASet-Cookie:%20x=1",
  "%00",
  "a%00b",
  "a..b",
  "...",
  "a%2Fb",
  "%2F",
  "a%5Cb",
  "%5C%5Cevil.example",
  "%C3%28",
  "%FF%FE",
  "%E2%82",
  "%ED%A0%80",
  "%",
  "a%zz",
  "x".repeat(5_000),
];

/** The routes with a path parameter: [pattern, methods]. */
function parameterRoutes(): [string, string[]][] {
  return [...registeredRoutes()].filter(([pattern]) => new RegExp(PARAMETER.source).test(pattern));
}

/** `pattern` with its `index`-th parameter replaced by `value` and the others by real values. */
function withHostile(pattern: string, index: number, value: string, samples: Record<string, string>): string {
  const matches = [...pattern.matchAll(new RegExp(PARAMETER.source, "g"))];
  const match = matches[index]!;
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  const filled = (part: string) => (part ? fill(part, samples) : part);
  // fill() decides by the whole path whether a parameter is the organizer area's.
  return `${isOrganizerPath(pattern) && !isOrganizerPath(before) ? before : filled(before)}${value}${filled(after)}`;
}

let samples: Record<string, string>;
let session: OrganizerSession;

beforeAll(async () => {
  samples = await routeSamples();
  session = await logIn();
});

describe("a hostile value in any path parameter", () => {
  it('"." and ".." segments never reach a parameter: the URL is resolved first, and answers like the address it names', async () => {
    for (const dots of ["..", "%2e%2e", ".", "%2E"]) {
      const path = `/letters/${dots}/signatures`;
      expect(new URL(path, "https://undersigned.test").pathname, path).not.toContain(dots);
      const response = await fetchWorker(path, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
      await response.body?.cancel();
    }
  });

  it("the routes with parameters are the router's own (not an empty list)", () => {
    const patterns = parameterRoutes().map(([pattern]) => pattern);
    expect(patterns).toContain("/letters/:slug/signatures");
    expect(patterns).toContain("/admin/letters/:slug");
    expect(patterns.length).toBeGreaterThan(30);
  });

  it("is answered 4xx with a readable message by every route and method, never 500", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [pattern, methods] of parameterRoutes()) {
      const count = [...pattern.matchAll(new RegExp(PARAMETER.source, "g"))].length;
      for (let index = 0; index < count; index++) {
        for (const value of HOSTILE) {
          const path = withHostile(pattern, index, value, samples);
          for (const method of methods.filter((method) => method !== "OPTIONS")) {
            const organizer = isOrganizerPath(pattern);
            const body =
              method === "GET" || method === "HEAD" ? undefined : formBody(organizer ? { csrf: session.csrf } : {});
            const headers: Record<string, string> = { "CF-Connecting-IP": randomIp(), Accept: "text/html" };
            if (body !== undefined) Object.assign(headers, SAME_ORIGIN_FORM);
            if (organizer) headers.Cookie = session.cookie;
            const what = `${method} ${path.length > 120 ? `${path.slice(0, 120)}…` : path}`;
            let response: Response;
            try {
              response = await fetchWorker(path, { method, headers, body, redirect: "manual" });
            } catch (error) {
              failures.push(`${what}: threw ${(error as Error).message}`);
              continue;
            }
            checked += 1;
            const text = method === "HEAD" ? "" : await response.text();
            if (response.status < 400 || response.status >= 500) {
              failures.push(`${what}: ${response.status} ${response.headers.get("Location") ?? text.slice(0, 100)}`);
            } else if (method !== "HEAD" && text.replace(/<[^>]*>/g, "").trim().length < 10) {
              failures.push(`${what}: ${response.status} with no message`);
            }
            for (const [name, header] of response.headers) {
              if (/[\r\n\0]/.test(header) || (name === "set-cookie" && header.includes("x=1"))) {
                failures.push(`${what}: header ${name} carries the value`);
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 300_000);
});
