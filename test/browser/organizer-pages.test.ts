/**
 * Every page of the organizer area, found the way an organizer finds them —
 * following the area's own links from /admin — and checked against the app's
 * router: each GET route under /admin that answers HTML must have been
 * reached, so a page added tomorrow is checked without changing this file.
 * On each page: the Nu HTML Checker finds no error in the HTML as served,
 * and in Chromium at a 390 px phone and a 1280 px desktop axe finds no
 * violation and the page needs no sideways scrolling on the phone. The pages
 * answered to a form (a question asked first, a form sent back with its
 * problems, the bulk review) are checked the same way.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";
import { htmlErrors } from "./vnu";

const baseUrl = inject("baseUrl");
const SLUG = DEMO.split("/").pop()!;

/** A route parameter, with its pattern when it has one (`:ref{[0-9a-f]{32}}`). */
const PARAMETER = /:([A-Za-z_][A-Za-z0-9_]*)(?:\{((?:[^{}]|\{[^{}]*\})*)\})?\??/g;

/**
 * The app's routes, from Hono's own list. Imported by a name, not a literal, so that the Node
 * project's typecheck (DOM types) does not take in the Worker's sources (Workers types).
 */
async function appRoutes(): Promise<{ method: string; path: string }[]> {
  const index = "../../src/index";
  const { app } = (await import(/* @vite-ignore */ index)) as { app: { routes: { method: string; path: string }[] } };
  return app.routes;
}

/** The GET routes under /admin that answer pages (not the JSON API, not CSV files), as patterns. */
async function organizerPageRoutes(): Promise<Map<string, RegExp>> {
  const routes = new Map<string, RegExp>();
  for (const route of await appRoutes()) {
    if (route.method !== "GET" || !(route.path === "/admin" || route.path.startsWith("/admin/"))) continue;
    if (route.path.startsWith("/admin/api/") || route.path.endsWith(".csv") || route.path.includes("*")) continue;
    const source = route.path
      .split(PARAMETER)
      .map((part, index) => {
        // split() with groups gives: text, name, pattern, text, name, pattern, …
        if (index % 3 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (index % 3 === 1) return null;
        return `(?:${part ?? "[^/]+"})`;
      })
      .filter((part) => part !== null)
      .join("");
    routes.set(route.path, new RegExp(`^${source}$`));
  }
  return routes;
}

/** The organizer area's links of a page, and the pages it frames (forms are not sent: links are what people follow). */
function organizerLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="(\/admin[^"#]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

/** Pages collected: the route each answers, and its HTML as served. */
interface CollectedPage {
  route: string;
  html: string;
}

/**
 * Follows the area's links from /admin (breadth first), keeping the first
 * two addresses of each route (a route's other addresses differ only in
 * data) and never following a link that acts (logout is a form, not a link).
 */
async function crawl(
  request: APIRequestContext,
  routes: Map<string, RegExp>,
  start: string[],
): Promise<Map<string, CollectedPage>> {
  const pages = new Map<string, CollectedPage>();
  const perRoute = new Map<string, number>();
  const queue = [...start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const path = new URL(url, baseUrl).pathname;
    const route = [...routes].find(([, pattern]) => pattern.test(path))?.[0];
    if (!route) continue;
    if ((perRoute.get(route) ?? 0) >= 2) continue;
    const response = await request.get(`${baseUrl}${url}`, { maxRedirects: 0 });
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html") || response.status() !== 200) continue;
    perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
    const html = await response.text();
    pages.set(url, { route, html });
    for (const link of organizerLinks(html)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return pages;
}

describe.skipIf(!hasChromium)("every organizer page, by the HTML checker and axe, on a phone and a desktop", () => {
  const newVisitor = chromiumVisitors();

  async function signedIn(width: number, height: number): Promise<BrowserContext> {
    const context = await newVisitor({ bypassCSP: true, viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    await page.close();
    return context;
  }

  /**
   * A letter of this test's own with what the demo letter lacks: a signature
   * waiting for its signer's email confirmation, and an import at its mapping step.
   */
  async function letterWithEverything(
    context: BrowserContext,
  ): Promise<{ slug: string; importPath: string; invitationPath: string }> {
    const page = await context.newPage();
    const slug = `every-page-${Date.now()}`;
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("A letter with every kind of page");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("Someone");
    await page.getByLabel("Text of the letter").fill("We, the undersigned organizations, ask.");
    await page.getByLabel("Email confirmation").selectOption("yes");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/done=created/);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);

    const signer = await newVisitor();
    const form = await signer.newPage();
    await form.goto(`${baseUrl}/letters/${slug}`);
    await form.getByLabel("as an individual").check();
    await form.getByLabel("Your full name (public)").fill("Waiting Signer");
    await form.getByLabel("Email address").fill(`waiting-${Date.now()}@example.org`);
    await form.waitForTimeout(3_100); // a person takes longer than the form's minimum fill time
    await Promise.all([
      form.waitForURL(/\/signed\?receipt=/),
      form.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    await signer.close();

    await page.goto(`${baseUrl}/admin/imports/${slug}`);
    const file = join(await mkdtemp(join(tmpdir(), "every-page-")), "signatures.csv");
    await writeFile(file, "Name,Email,Organization\r\nAna Lista,ana@example.org,\r\n");
    await page.getByLabel("A CSV file").setInputFiles(file);
    await page.getByRole("button", { name: "Read the rows" }).click();
    await page.waitForURL(/\/admin\/imports\/.+\/\d+$/);
    const importPath = new URL(page.url()).pathname;

    // An invitation, whose emailed link's page (/admin/link) no page of the area links to.
    const email = `every-page-${Date.now()}@example.org`;
    await page.goto(`${baseUrl}/admin/people`);
    await page.getByLabel("Name").fill("Every Page");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Send the invitation", exact: true }).click();
    await page.waitForURL(/done=invited/);
    await page.goto(`${baseUrl}/dev/mail`);
    const link = await page
      .locator("article", { hasText: email })
      .first()
      .locator('a[href*="/admin/link"]')
      .getAttribute("href");
    const invitation = new URL(link!, baseUrl);
    await page.close();
    return { slug, importPath, invitationPath: `${invitation.pathname}${invitation.search}` };
  }

  let organizer: BrowserContext;
  let ownLetter: { slug: string; importPath: string; invitationPath: string };
  beforeAll(async () => {
    organizer = await signedIn(1280, 800);
    ownLetter = await letterWithEverything(organizer);
  }, 120_000);

  /** axe at a desktop's and a phone's width (the same page, resized), and no sideways scrolling on the phone. */
  async function checkBothWidths(page: Page, name: string, problems: string[]): Promise<void> {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const violation of await axeViolations(page)) problems.push(`${width} px ${name}: ${violation}`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) problems.push(`${width} px ${name}: ${scrollWidth} px wide`);
    }
  }

  it("reaches every page route from the area's links, and each passes", async () => {
    const routes = await organizerPageRoutes();
    const { slug, importPath, invitationPath } = ownLetter;
    const pages = await crawl(organizer.request, routes, [
      `/admin/letters/${slug}/signatures?status=unconfirmed`,
      importPath,
      invitationPath,
      "/admin",
      `/admin/letters/${SLUG}`,
    ]);
    // The login page, seen by someone not signed in.
    const visitor = await newVisitor({ bypassCSP: true });
    const login = await visitor.request.get(`${baseUrl}/admin/login`);
    pages.set("/admin/login", { route: "/admin/login", html: await login.text() });
    await visitor.close();

    const reached = new Set([...pages.values()].map((page) => page.route));
    expect([...routes.keys()].filter((route) => !reached.has(route))).toEqual([]);

    const byUrl = new Map([...pages].map(([url, page]) => [url, page.html]));
    expect(Object.fromEntries(await htmlErrors(byUrl))).toEqual({});

    const problems: string[] = [];
    const page = await organizer.newPage();
    for (const url of pages.keys()) {
      if (url === "/admin/login") continue; // signed in, it leads on to the area
      await page.goto(`${baseUrl}${url}`);
      await checkBothWidths(page, url, problems);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  /** The HTML the server answered a form with (not the redirect after it): what pressing `press` posts. */
  async function answerTo(page: Page, press: () => Promise<void>): Promise<string> {
    const [response] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      press(),
    ]);
    await page.waitForLoadState("load");
    return response.text();
  }

  it("passes on the pages answered to a form: a question asked first, the bulk review, forms sent back with problems", async () => {
    const pages = new Map<string, string>();
    const problems: string[] = [];
    const { slug } = ownLetter;
    const page = await organizer.newPage();
    const check = async (name: string, html: string) => {
      pages.set(name, html);
      await checkBothWidths(page, name, problems);
      await page.setViewportSize({ width: 1280, height: 800 });
    };

    await page.goto(`${baseUrl}/admin/letters/${slug}`);
    await check(
      "close signing: asked first",
      await answerTo(page, () => page.getByRole("button", { name: "Close signing now" }).click()),
    );

    await page.goto(`${baseUrl}/admin/letters/${slug}`);
    await page.getByLabel("Title", { exact: true }).fill("");
    await check(
      "the editor with problems",
      await answerTo(page, () => page.getByRole("button", { name: "Save", exact: true }).click()),
    );

    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures?status=unconfirmed`);
    await page.getByLabel(/^(?:All \d+ that match|The 1 that matches)$/).check();
    await check(
      "the bulk review",
      await answerTo(page, () => page.getByRole("button", { name: "Review the change" }).click()),
    );

    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures`);
    await page.getByRole("radio", { name: "A person", exact: true }).check();
    await page.getByLabel("Email (optional, never shown)").fill("not-an-address");
    await check(
      "a hand entry with problems",
      await answerTo(page, () => page.getByRole("button", { name: "Add the signature" }).click()),
    );
    await page.close();
    await organizer.close();
    expect(Object.fromEntries(await htmlErrors(pages))).toEqual({});
    expect(problems).toEqual([]);
  }, 300_000);
});
