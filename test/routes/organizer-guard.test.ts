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
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/index";
import { findLetter } from "../../src/storage/letters";
import { listRevisions } from "../../src/storage/letter-revisions";
import { guessMapping, readImportTable } from "../../src/domain/signature-import";
import { insertImport } from "../../src/storage/imports";
import { createLetter, fetchWorker, logIn, organizerFetch, SAME_ORIGIN_FORM, signatureRows } from "../helpers";

/** The methods a route is registered with; "ALL" is middleware (and the 405 answers), checked through the others. */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Each registered path with the methods it has (GET brings HEAD). */
function registeredRoutes(): Map<string, string[]> {
  const routes = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (!(METHODS as readonly string[]).includes(route.method)) continue;
    const methods = routes.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === "GET") methods.add("HEAD");
    routes.set(route.path, methods);
  }
  return new Map([...routes].map(([path, methods]) => [path, [...methods].sort()]));
}

function isOrganizerPath(path: string): boolean {
  return path === "/admin" || path.startsWith("/admin/");
}

/**
 * The organizer area's doors, open without a session: the login form, "Email me a sign-in link"
 * (/admin/login/link), signing in with a passkey (/admin/login/passkey…), and the page of an
 * emailed link (test/routes/organizer-accounts.test.ts and passkeys.test.ts check those).
 */
function isOpenPath(path: string): boolean {
  return path === "/admin/login" || path.startsWith("/admin/login/") || path === "/admin/link";
}

/** A parameter, with its pattern when it has one: `:ref{[0-9a-f]{32}}` (one level of braces inside). */
const PARAMETER = /:([A-Za-z_][A-Za-z0-9_]*)(?:\{((?:[^{}]|\{[^{}]*\})*)\})?\??/g;

/**
 * The path with each parameter given a value that exists: its sample, else
 * for a pattern of alternatives (`approve|reject`) the first. A public
 * route's parameter without a sample takes the first of the letter's slug,
 * `slug.json` and "x" that its pattern admits. Throws for a parameter of the
 * organizer area with no sample: add one, so that the route itself is reached.
 */
function fill(path: string, samples: Record<string, string>): string {
  return path
    .replace(PARAMETER, (_, name: string, pattern: string | undefined) => {
      const admits = (value: string) => !pattern || new RegExp(`^(?:${pattern})$`).test(value);
      const candidates = [samples[name]];
      if (pattern && /^[\w-]+(?:\|[\w-]+)*$/.test(pattern)) candidates.push(pattern.split("|")[0]);
      if (!isOrganizerPath(path)) candidates.push(samples.slug, `${samples.slug}.json`, "x");
      const value = candidates.find((candidate) => candidate !== undefined && admits(candidate));
      if (value === undefined) throw new Error(`No sample value for :${name} in ${path}`);
      return value;
    })
    .replace(/\*/g, "x");
}

let samples: Record<string, string>;
let routes: Map<string, string[]>;

beforeAll(async () => {
  const { slug } = await createLetter({ organizations: ["Lead Org"] });
  const letter = (await findLetter(env.DB, slug))!;
  const [signature] = await signatureRows(slug);
  const [revision] = await listRevisions(env.DB, letter.id);
  const table = readImportTable("Name,Email\nAna,ana@example.org\n");
  const imported = await insertImport(env.DB, letter.id, {
    fileName: "sample.csv",
    createdBy: "session",
    delimiter: table.delimiter,
    header: table.header,
    rows: table.rows,
    mapping: guessMapping(table.header),
    reading: null,
  });
  samples = {
    import: String(imported),
    slug,
    ref: signature!.token as string,
    id: String(revision!.id),
    lang: "es",
    action: "approve",
  };
  routes = registeredRoutes();
});

function request(path: string, method: string, headers: Record<string, string> = {}): RequestInit {
  const body = method === "GET" || method === "HEAD" ? undefined : "";
  return {
    method,
    headers: body === undefined ? headers : { ...SAME_ORIGIN_FORM, ...headers },
    body,
    redirect: "manual",
  };
}

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
        const response = await fetchWorker(path, request(path, method));
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
    const options = await fetchWorker("/admin/login/passkey/options", request("/admin/login/passkey/options", "POST"));
    expect(options.status).toBe(200);
    expect(options.headers.get("Cache-Control")).toBe("no-store");
  });

  it("every public route answers, for every method it has, with anything but a demand to log in", async () => {
    for (const [pattern, methods] of routes) {
      if (isOrganizerPath(pattern)) continue;
      const path = fill(pattern, samples);
      for (const method of methods) {
        const response = await fetchWorker(path, request(path, method));
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
        const response = await organizerFetch(session, path, request(path, method));
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
