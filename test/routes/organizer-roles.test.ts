/**
 * Roles on every organizer route (issue 15): the walk goes through every
 * route Hono has under /admin (`app.routes`, so a route added tomorrow is
 * walked too) and, for each role, expects what the table below says: 403
 * "Not for your role" for a role without the route's permission
 * (domain/organizer-roles.ts `can`), anything else for a role with it. A
 * route missing from the table fails the walk: whoever adds one decides who
 * may use it here.
 */
import { describe, expect, it } from "vitest";
import { can, ROLES, type Permission, type Role } from "../../src/domain/organizer-roles";
import { emptyRequest, fill, isOrganizerPath, registeredRoutes, routeSamples } from "../app-routes";
import type { HTMLElement } from "node-html-parser";
import {
  createLetter,
  fetchWorker,
  organizerFetch,
  organizerPage,
  parseHtml,
  sessionAs,
  type OrganizerSession,
} from "../helpers";

/**
 * Who may use each route: a permission, "signed-in" (every organizer: their
 * own account, logging out) or "public" (the login form). Keys are Hono's
 * `METHOD path` (HEAD goes with GET).
 */
const ROUTE_PERMISSIONS: Record<string, Permission | "signed-in" | "public"> = {
  "GET /admin/login": "public",
  "POST /admin/login": "public",
  // The other ways in: a link by email, its page, a passkey.
  "POST /admin/login/link": "public",
  "GET /admin/link": "public",
  "POST /admin/link": "public",
  "POST /admin/login/passkey/options": "public",
  "POST /admin/login/passkey": "public",
  "POST /admin/logout": "signed-in",
  // Everyone's own account: name, sessions, passkeys.
  "GET /admin/account": "signed-in",
  "POST /admin/account/name": "signed-in",
  "POST /admin/account/time-zone": "signed-in",
  "POST /admin/account/sessions/end": "signed-in",
  "POST /admin/account/sessions/end-all": "signed-in",
  "GET /admin/account/passkeys": "signed-in",
  "POST /admin/account/passkeys": "signed-in",
  "POST /admin/account/passkeys/options": "signed-in",
  "POST /admin/account/passkeys/:id/rename": "signed-in",
  "POST /admin/account/passkeys/:id/remove": "signed-in",
  // Owners: the people of the area and the activity log.
  "GET /admin/people": "administer",
  "POST /admin/people": "administer",
  "POST /admin/people/:id/role": "administer",
  "POST /admin/people/:id/disable": "administer",
  "POST /admin/people/:id/enable": "administer",
  "POST /admin/people/:id/invitation": "administer",
  "GET /admin/activity": "administer",
  "GET /admin/activity.csv": "administer",
  "POST /admin/language": "signed-in",
  // Everyone's own API tokens (a token acts with its person's role).
  "GET /admin/account/tokens": "signed-in",
  "POST /admin/account/tokens": "signed-in",
  "POST /admin/account/tokens/:id{[0-9]{1,15}}/revoke": "signed-in",
  "GET /admin": "read-letters",
  // Letters: reading them (text, stages, counts) is everyone's; writing them the editors'.
  "GET /admin/letters/new": "edit-letters",
  "POST /admin/letters": "edit-letters",
  "POST /admin/letters/preview": "edit-letters",
  "GET /admin/letters/:slug": "read-letters",
  "POST /admin/letters/:slug": "edit-letters",
  "GET /admin/letters/:slug/preview": "read-letters",
  "POST /admin/letters/:slug/preview-link": "edit-letters",
  "POST /admin/letters/:slug/state": "edit-letters",
  "POST /admin/letters/:slug/delete": "edit-letters",
  "GET /admin/letters/:slug/revisions/:id{[0-9]{1,15}}": "read-letters",
  // Webhooks (their secret, signers' emails sent out) and the daily summary's address: owners.
  "POST /admin/letters/:slug/notifications": "administer",
  "POST /admin/letters/:slug/notifications/test": "administer",
  "GET /admin/letters/:slug/order": "edit-letters",
  "POST /admin/letters/:slug/order": "edit-letters",
  "GET /admin/letters/:slug/translations/:lang{[a-z]{2}}": "edit-letters",
  "POST /admin/letters/:slug/translations/:lang{[a-z]{2}}": "edit-letters",
  "POST /admin/letters/:slug/translations/:lang{[a-z]{2}}/preview": "edit-letters",
  "POST /admin/letters/:slug/translations/:lang{[a-z]{2}}/delete": "edit-letters",
  // Signatures, with their emails: moderators.
  "GET /admin/letters/:slug/signatures": "moderate",
  "POST /admin/letters/:slug/signatures": "moderate",
  "POST /admin/letters/:slug/signatures/bulk": "moderate",
  "POST /admin/letters/:slug/signatures/:ref{[0-9a-f]{32}}/:action{approve|reject|hide|restore}": "moderate",
  "POST /admin/letters/:slug/signatures/:ref{[0-9a-f]{32}}/resend": "moderate",
  "GET /admin/letters/:slug/signatures/:ref{[0-9a-f]{32}}/confirm": "moderate",
  "POST /admin/letters/:slug/signatures/:ref{[0-9a-f]{32}}/confirm": "moderate",
  "POST /admin/letters/:slug/signatures/:ref{[0-9a-f]{32}}/:change{verify|unverify}": "moderate",
  // The CSV holds emails; the delivery document lists public names only (and counts the others).
  "GET /admin/letters/:slug/signatures.csv": "moderate",
  "GET /admin/letters/:slug/delivery": "read-letters",
  "GET /admin/imports/:slug": "moderate",
  "POST /admin/imports/:slug": "moderate",
  "GET /admin/imports/:slug/:import{[0-9]{1,15}}": "moderate",
  "POST /admin/imports/:slug/:import{[0-9]{1,15}}/mapping": "moderate",
  "POST /admin/imports/:slug/:import{[0-9]{1,15}}/start": "moderate",
  "POST /admin/imports/:slug/:import{[0-9]{1,15}}/continue": "moderate",
  "POST /admin/imports/:slug/:import{[0-9]{1,15}}/discard": "moderate",
  "GET /admin/imports/:slug/:import{[0-9]{1,15}}/refused.csv": "moderate",
  "GET /admin/api/letters/:slug/signatures": "moderate",
  "GET /admin/api/letters/:slug/sources": "read-letters",
  "POST /admin/api/letters/:slug/signatures/:ref/:action": "moderate",
  "GET /admin/api/letters/:slug/webhook": "administer",
  "PUT /admin/api/letters/:slug/webhook": "administer",
};

/** Each organizer route as `METHOD path`, from the router. */
function organizerRoutes(): string[] {
  return [...registeredRoutes()]
    .filter(([path]) => isOrganizerPath(path))
    .flatMap(([path, methods]) => methods.filter((method) => method !== "HEAD").map((method) => `${method} ${path}`));
}

function allowed(role: Role, rule: Permission | "signed-in" | "public"): boolean {
  return rule === "public" || rule === "signed-in" || can(role, rule);
}

describe("the table of routes and permissions", () => {
  it("has an entry for every organizer route the router has, and none for a route it no longer has", () => {
    const routes = organizerRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes.filter((route) => !(route in ROUTE_PERMISSIONS)),
      "routes without an entry",
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_PERMISSIONS).filter((route) => !routes.includes(route)),
      "entries without a route",
    ).toEqual([]);
  });
});

describe("every organizer route, for each role", () => {
  it.each(ROLES)(
    "answers a %s 403 exactly where the role lacks the route's permission",
    async (role) => {
      const samples = await routeSamples();
      const answers: string[] = [];
      const expected: string[] = [];
      for (const route of organizerRoutes()) {
        const rule = ROUTE_PERMISSIONS[route];
        if (rule === undefined || rule === "public") continue;
        const [method, pattern] = route.split(" ") as [string, string];
        const path = fill(pattern, samples);
        // A session each: logging out ends one.
        const session: OrganizerSession = await sessionAs(role);
        const isApi = pattern.startsWith("/admin/api/");
        const init = emptyRequest(method, isApi ? { "X-CSRF-Token": session.csrf } : {});
        if (method !== "GET" && !isApi) init.body = new URLSearchParams({ csrf: session.csrf }).toString();
        const response = await organizerFetch(session, path, init);
        const text = await response.text();
        const refused = response.status === 403 && text.includes("Not for your role");
        // Any other 403 (an expired form) would mean the walk itself is wrong.
        if (response.status === 403 && !refused)
          throw new Error(`${route}: 403 but not the role's: ${text.slice(0, 300)}`);
        answers.push(`${route} → ${refused ? "refused" : "let through"}`);
        expected.push(`${route} → ${allowed(role, rule) ? "let through" : "refused"}`);
      }
      expect(answers).toEqual(expected);
      expect(answers.some((answer) => answer.endsWith("refused"))).toBe(role !== "owner");
    },
    60_000,
  );

  it("and the login form is anyone's", async () => {
    expect((await fetchWorker("/admin/login", { redirect: "manual" })).status).toBe(200);
  });
});

/** A registered route's path as a regular expression: each parameter by its pattern, else one path segment. */
function routePattern(path: string): RegExp {
  const source = path
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(
      /:([A-Za-z_]\w*)(?:\\?\{((?:[^{}]|\{[^{}]*\})*)\\?\})?/g,
      (_, _name: string, pattern: string | undefined) =>
        pattern ? `(?:${pattern.replace(/\\([.*+?^$()|[\]\\])/g, "$1")})` : "[^/]+",
    );
  return new RegExp(`^${source}$`);
}

/**
 * The route (a ROUTE_PERMISSIONS key) that `method` and `path` reach: a route without parameters
 * before one with them (/admin/letters/new before /admin/letters/:slug), else the one with fewest.
 */
function routeOf(method: string, path: string): string | null {
  const candidates = Object.keys(ROUTE_PERMISSIONS)
    .map((route) => route.split(" ") as [string, string])
    .filter(([verb, pattern]) => verb === method && routePattern(pattern).test(path))
    .sort(([, a], [, b]) => a.split(":").length - b.split(":").length);
  return candidates[0] ? candidates[0].join(" ") : null;
}

/** Every way onward an organizer page offers inside the area: links, forms, form buttons and frames, as `METHOD path`. */
function waysOnward(document: HTMLElement): string[] {
  const inArea = (address: string | undefined) => address !== undefined && isOrganizerPath(address.split(/[?#]/)[0]!);
  const path = (address: string) => address.split(/[?#]/)[0]!;
  const ways: string[] = [];
  for (const link of document.querySelectorAll("a[href], iframe[src]")) {
    const address = link.getAttribute("href") ?? link.getAttribute("src");
    if (inArea(address)) ways.push(`GET ${path(address!)}`);
  }
  for (const form of document.querySelectorAll("form[action]")) {
    const method = (form.getAttribute("method") ?? "get").toUpperCase();
    const action = form.getAttribute("action");
    // A form whose every button goes elsewhere (formaction) is checked through its buttons.
    const buttons = form.querySelectorAll("button, input[type=submit]");
    const own = buttons.length === 0 || buttons.some((button) => !button.hasAttribute("formaction"));
    if (own && inArea(action)) ways.push(`${method} ${path(action!)}`);
    for (const button of buttons) {
      const to = button.getAttribute("formaction");
      if (inArea(to)) ways.push(`${method} ${path(to!)}`);
    }
  }
  return [...new Set(ways)];
}

describe("pages leave out what a role can't use", () => {
  it.each(ROLES)(
    "offers a %s only links, forms and buttons to routes the role may use, on every page it may open",
    async (role) => {
      const samples = await routeSamples();
      const session = await sessionAs(role);
      const refused: string[] = [];
      for (const route of organizerRoutes()) {
        const [method, pattern] = route.split(" ") as [string, string];
        const rule = ROUTE_PERMISSIONS[route]!;
        if (method !== "GET" || rule === "public" || !allowed(role, rule)) continue;
        const response = await organizerFetch(session, fill(pattern, samples));
        if (!response.headers.get("Content-Type")?.startsWith("text/html")) continue;
        for (const way of waysOnward(parseHtml(await response.text()))) {
          const [verb, to] = way.split(" ") as [string, string];
          const target = routeOf(verb, to);
          const rule = target ? ROUTE_PERMISSIONS[target] : undefined;
          if (!target || !rule) refused.push(`${route} offers ${way}, which no route answers`);
          else if (!allowed(role, rule)) refused.push(`${route} offers ${way} (${rule})`);
        }
      }
      expect(refused).toEqual([]);
    },
    60_000,
  );

  it("the dashboard says what the role may do, and shows New letter and the CSV only to roles that may use them", async () => {
    const { slug } = await createLetter();
    const seen: Record<string, { newLetter: boolean; csv: boolean; delivery: boolean; role: string }> = {};
    for (const role of ROLES) {
      const { document } = await organizerPage(await sessionAs(role), "/admin");
      seen[role] = {
        newLetter: document.querySelector('a[href="/admin/letters/new"]') !== null,
        csv: document.querySelector(`a[href^="/admin/letters/${slug}/signatures.csv"]`) !== null,
        delivery: document.querySelector(`a[href="/admin/letters/${slug}/delivery"]`) !== null,
        role: document.querySelector("#your-role strong")?.textContent ?? "",
      };
    }
    expect(seen).toEqual({
      owner: { newLetter: true, csv: true, delivery: true, role: "Owner" },
      editor: { newLetter: true, csv: false, delivery: true, role: "Editor" },
      moderator: { newLetter: false, csv: true, delivery: true, role: "Moderator" },
      viewer: { newLetter: false, csv: false, delivery: true, role: "Viewer" },
    });
  });

  it("gives editing hints only to roles that can edit: the letter's page, its preview, the dashboard", async () => {
    const { slug } = await createLetter({ status: "open" });
    const seen: Record<string, Record<string, unknown>> = {};
    for (const role of ROLES) {
      const session = await sessionAs(role);
      const { document } = await organizerPage(session, `/admin/letters/${slug}`);
      const preview = parseHtml(await (await organizerFetch(session, `/admin/letters/${slug}/preview`)).text());
      seen[role] = {
        previewHint: document.querySelector("#preview-title + .hint")?.textContent,
        // The letter comes from a content file: saving it takes it over, which only editors can do.
        fromFile: document.querySelector(".notice code") !== null,
        order: document.querySelector(`a[href="/admin/letters/${slug}/order"]`) !== null,
        previewNotice: preview.querySelector(".preview-notice, .notice")?.textContent?.trim(),
      };
    }
    const editing = {
      previewHint:
        "The public page as it will look. Press Preview to see your changes (it follows your typing when JavaScript is on).",
      fromFile: true,
      order: true,
      previewNotice: "Preview: the public page as it is now.",
    };
    const reading = {
      previewHint: "The letter's public page, as its readers see it.",
      fromFile: false,
      order: false,
      previewNotice: "Preview: the public page as it is now.",
    };
    expect(seen).toEqual({ owner: editing, editor: editing, moderator: reading, viewer: reading });
  });

  it("a letter's page shows its form and stage buttons to editors, its signatures to moderators, its webhook to owners", async () => {
    const { slug } = await createLetter({ status: "draft" });
    const seen: Record<string, Record<string, boolean>> = {};
    for (const role of ROLES) {
      const { response, document } = await organizerPage(await sessionAs(role), `/admin/letters/${slug}`);
      expect(response.status, role).toBe(200);
      seen[role] = {
        form: document.querySelector("#letter-form") !== null,
        publish: document.querySelector(`form[action="/admin/letters/${slug}/state"]`) !== null,
        signatures: document.querySelector(`a[href="/admin/letters/${slug}/signatures"]`) !== null,
        webhook: document.querySelector('input[name="webhook_url"]') !== null,
        preview: document.querySelector("iframe") !== null,
      };
    }
    expect(seen).toEqual({
      owner: { form: true, publish: true, signatures: true, webhook: true, preview: true },
      editor: { form: true, publish: true, signatures: false, webhook: false, preview: true },
      moderator: { form: false, publish: false, signatures: true, webhook: false, preview: true },
      viewer: { form: false, publish: false, signatures: false, webhook: false, preview: true },
    });
  });
});
