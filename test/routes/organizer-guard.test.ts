/**
 * Every route the app registers, read from Hono's own list (`app.routes`),
 * not from a hand-kept one: each one under /admin but the login form refuses
 * a request without a session, whatever its method, and every public route
 * answers one. A route added tomorrow is checked by this file without
 * changing it.
 *
 * Without a session, the organizers' JSON API answers 401 (JSON, with
 * WWW-Authenticate); a page answers a GET or HEAD with 303 to the login form
 * and any other method with 401 (a form post can't be carried through a
 * redirect). Path parameters are a real letter's slug, a real signature's
 * ref and so on, so that it is the guard that answers, not a 404: with a
 * session, every GET under /admin answers 200.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { emptyRequest as request, fill, isOrganizerPath, registeredRoutes, routeSamples } from "../app-routes";
import { fetchWorker, logIn, organizerFetch } from "../helpers";

/**
 * The organizer area's doors, open without a session: the login form, "Email me a sign-in link"
 * (/admin/login/link), signing in with a passkey (/admin/login/passkey…), and the page of an
 * emailed link (test/routes/organizer-accounts.test.ts and passkeys.test.ts check those).
 */
function isOpenPath(path: string): boolean {
  return path === "/admin/login" || path.startsWith("/admin/login/") || path === "/admin/link";
}

let samples: Record<string, string>;
let routes: Map<string, string[]>;

beforeAll(async () => {
  samples = await routeSamples();
  routes = registeredRoutes();
});

describe("the routes Hono has", () => {
  it("include the organizer area's pages and API, and public pages (the list is the router's, not empty)", () => {
    const paths = [...routes.keys()];
    expect(paths).toContain("/admin/letters/:slug/signatures.csv");
    expect(paths).toContain("/admin/api/letters/:slug/signatures");
    expect(paths.filter(isOrganizerPath).length).toBeGreaterThan(20);
    expect(paths.filter((path) => !isOrganizerPath(path)).length).toBeGreaterThan(10);
  });
});

describe("without a session", () => {
  it("every route under /admin but the login form refuses, for every method it has", async () => {
    const checked: string[] = [];
    for (const [pattern, methods] of routes) {
      if (!isOrganizerPath(pattern) || isOpenPath(pattern)) continue;
      const path = fill(pattern, samples);
      for (const method of methods) {
        const response = await fetchWorker(path, request(method));
        const what = `${method} ${path}`;
        if (pattern.startsWith("/admin/api/")) {
          expect(response.status, what).toBe(401);
          expect(response.headers.get("Content-Type"), what).toContain("json");
          expect(response.headers.get("WWW-Authenticate"), what).toContain("Bearer");
        } else if (method === "GET" || method === "HEAD") {
          expect(response.status, what).toBe(303);
          expect(response.headers.get("Location"), what).toBe(`/admin/login?${new URLSearchParams({ next: path })}`);
        } else {
          expect(response.status, what).toBe(401);
          if (method !== "HEAD") expect(await response.text(), what).toContain("/admin/login");
        }
        expect(response.headers.get("Cache-Control"), what).toBe("no-store");
        checked.push(what);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
  });

  it("the login form answers, and so do the sign-in link's doors and a passkey's sign-in options", async () => {
    expect((await fetchWorker("/admin/login", { redirect: "manual" })).status).toBe(200);
    // An unknown link is a page saying so, with the way to ask for a new one.
    expect((await fetchWorker("/admin/link?token=x", { redirect: "manual" })).status).toBe(404);
    const options = await fetchWorker("/admin/login/passkey/options", request("POST"));
    expect(options.status).toBe(200);
    expect(options.headers.get("Cache-Control")).toBe("no-store");
  });

  it("every public route answers, for every method it has, with anything but a demand to log in", async () => {
    for (const [pattern, methods] of routes) {
      if (isOrganizerPath(pattern)) continue;
      const path = fill(pattern, samples);
      for (const method of methods) {
        const response = await fetchWorker(path, request(method));
        const what = `${method} ${path}`;
        expect(response.status, what).not.toBe(401);
        expect(response.headers.get("Location") ?? "", what).not.toContain("/admin/login");
        expect(response.status, what).toBeLessThan(500);
        await response.body?.cancel();
      }
    }
  });
});

describe("with a session", () => {
  it("every organizer GET reaches its route (so the samples above are real): 200, never a 404", async () => {
    const session = await logIn();
    for (const [pattern, methods] of routes) {
      if (!isOrganizerPath(pattern) || isOpenPath(pattern) || !methods.includes("GET")) continue;
      const path = fill(pattern, samples);
      const response = await organizerFetch(session, path);
      expect(response.status, `GET ${path}`).toBe(200);
      await response.body?.cancel();
    }
  });

  it("and without its CSRF token, every organizer change is refused (403)", async () => {
    const session = await logIn();
    for (const [pattern, methods] of routes) {
      if (!isOrganizerPath(pattern) || isOpenPath(pattern)) continue;
      const path = fill(pattern, samples);
      for (const method of methods.filter((method) => !["GET", "HEAD", "OPTIONS"].includes(method))) {
        const response = await organizerFetch(session, path, request(method));
        expect(response.status, `${method} ${path}`).toBe(403);
        await response.body?.cancel();
      }
    }
  });
});

describe("a method a route does not have", () => {
  it("is answered 405 with the route's methods in Allow (from the routes, as for the whole app)", async () => {
    const session = await logIn();
    const { slug, ref } = samples;
    for (const [path, allow] of [
      ["/admin/logout", "POST"],
      [`/admin/letters/${slug}/state`, "POST"],
      [`/admin/letters/${slug}/signatures/bulk`, "POST"],
      [`/admin/letters/${slug}/translations/es/delete`, "POST"],
      [`/admin/api/letters/${slug}/signatures/${ref}/approve`, "POST"],
    ] as const) {
      const response = await organizerFetch(session, path);
      expect(response.status, path).toBe(405);
      expect(response.headers.get("Allow"), path).toBe(allow);
      await response.body?.cancel();
    }
  });
});
