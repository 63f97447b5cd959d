/**
 * The app's routes as Hono registered them (`app.routes`), not as a hand-kept
 * list, with real values for their path parameters: the tests that walk
 * every route (test/routes/organizer-guard.test.ts, organizer-roles.test.ts)
 * check a route added tomorrow without being changed.
 */
import { env } from "cloudflare:workers";
import { app } from "../src/index";
import { guessMapping, readImportTable } from "../src/domain/signature-import";
import { listRevisions } from "../src/storage/letter-revisions";
import { findLetter } from "../src/storage/letters";
import { insertImport } from "../src/storage/imports";
import { createLetter, SAME_ORIGIN_FORM, signatureRows } from "./helpers";

/** The methods a route is registered with; "ALL" is middleware (and the 405 answers), checked through the others. */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Each registered path with the methods it has (GET brings HEAD). */
export function registeredRoutes(): Map<string, string[]> {
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

export function isOrganizerPath(path: string): boolean {
  return path === "/admin" || path.startsWith("/admin/");
}

/** A parameter, with its pattern when it has one: `:ref{[0-9a-f]{32}}` (one level of braces inside). */
export const PARAMETER = /:([A-Za-z_][A-Za-z0-9_]*)(?:\{((?:[^{}]|\{[^{}]*\})*)\})?\??/g;

/**
 * The path with each parameter given a value that exists: its sample, else
 * for a pattern of alternatives (`approve|reject`) the first. A public
 * route's parameter without a sample takes the first of the letter's slug,
 * `slug.json` and "x" that its pattern admits. Throws for a parameter of the
 * organizer area with no sample: add one, so that the route itself is reached.
 */
export function fill(path: string, samples: Record<string, string>): string {
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

/**
 * Stores what the organizer area's parameters name (a letter with a
 * signature, its first revision, an import) and returns a value for each:
 * slug, ref, id, import, lang, action.
 */
export async function routeSamples(): Promise<Record<string, string>> {
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
  return {
    import: String(imported),
    slug,
    ref: signature!.token as string,
    id: String(revision!.id),
    lang: "es",
    action: "approve",
  };
}

/** A request of `method` with no body (GET, HEAD) or an empty form body sent from our own pages. */
export function emptyRequest(method: string, headers: Record<string, string> = {}): RequestInit {
  const body = method === "GET" || method === "HEAD" ? undefined : "";
  return {
    method,
    headers: body === undefined ? headers : { ...SAME_ORIGIN_FORM, ...headers },
    body,
    redirect: "manual",
  };
}
