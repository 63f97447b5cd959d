/**
 * People and API tokens in Chromium (issue 15, found by a fresh-eyed trial):
 * - on a 390 × 844 phone, the organizer area's header is one row (the navigation, language and
 *   logout behind a "Menu" button, no script), the People table's role choice is a control like
 *   the forms' own and as tall as a finger needs (44 px, WCAG 2.5.5), nothing scrolls sideways;
 *   at desktop width the header shows all of it at once;
 * - a new API token has a Copy button (its script allowed by the page's own Content-Security-
 *   Policy, not bypassed here) that copies the token and says so in a live region; without
 *   script, the token stays in its labelled read-only field.
 */
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";
import { htmlErrors } from "./vnu";

const baseUrl = inject("baseUrl");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!hasChromium)("People on a phone, and a new API token's Copy button", () => {
  const newVisitor = chromiumVisitors();

  async function asOwner(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor(options);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    // By the field's name: the page may be in another language.
    await page.locator('input[name="token"]').fill(localAdminToken());
    await page.locator('input[name="token"]').press("Enter");
    await page.waitForURL(`${baseUrl}/admin`);
    return { context, page };
  }

  /** Invites `name` from People (on `page`, the owner's), and returns the emailed link's path (on this server). */
  async function invite(page: Page, name: string): Promise<string> {
    const email = `person-${Date.now()}-${Math.floor(Math.random() * 1e6)}@coalition.example`;
    await page.goto(`${baseUrl}/admin/people`);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("editor");
    await page.getByRole("button", { name: "Send the invitation", exact: true }).click();
    await page.waitForURL(/done=invited/);
    await page.goto(`${baseUrl}/dev/mail`);
    const link = new URL(
      (await page
        .locator("article", { hasText: email })
        .first()
        .locator('a[href*="/admin/link"]')
        .getAttribute("href"))!,
      baseUrl,
    );
    return `${link.pathname}${link.search}`;
  }

  const headerHeight = (page: Page) =>
    page.evaluate(() => document.querySelector(".admin-header")!.getBoundingClientRect().height);
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it("fits People on a 390 px phone: a one-row header with a Menu, a role choice 44 px tall, nothing sideways", async () => {
    const { context, page } = await asOwner({ bypassCSP: true, viewport: PHONE });
    await invite(page, "Rita Phone");
    await page.goto(`${baseUrl}/admin/people`);

    expect(await headerHeight(page)).toBeLessThanOrEqual(120);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const people = page.getByRole("navigation", { name: "Organizer area" }).getByRole("link", { name: "People" });
    expect(await people.isVisible()).toBe(false);

    // The role choice: the forms' own look, a finger's height, its button beside it as tall, all on screen.
    const row = page.locator("tbody tr", { hasText: "Rita Phone" }).first();
    const select = row.getByRole("combobox", { name: /Role of Rita Phone/ });
    const change = row.getByRole("button", { name: /Change/ });
    const selectBox = (await select.boundingBox())!;
    const changeBox = (await change.boundingBox())!;
    expect(selectBox.height).toBeGreaterThanOrEqual(44);
    expect(changeBox.height).toBeGreaterThanOrEqual(44);
    expect(changeBox.x + changeBox.width).toBeLessThanOrEqual(PHONE.width);
    const look = await select.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderTopWidth, radius: style.borderTopLeftRadius };
    });
    expect(look).toEqual({ border: "2px", radius: "4.8px" });
    expect(await axeViolations(page)).toEqual([]);

    // The menu opens on a press, and leads where the header led.
    await page.getByText("Menu", { exact: true }).click();
    expect(await people.isVisible()).toBe(true);
    expect((await people.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByRole("button", { name: "Log out" }).isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await people.click();
    await page.waitForURL(`${baseUrl}/admin/people`);
    // A new page starts with the menu closed.
    expect(await people.isVisible()).toBe(false);
    await context.close();
  });

  it("keeps the header to one row in Spanish too, and shows everything at desktop width without a Menu", async () => {
    const { context, page } = await asOwner({ bypassCSP: true, viewport: PHONE, locale: "es-ES" });
    await page.goto(`${baseUrl}/admin/people`);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await headerHeight(page)).toBeLessThanOrEqual(120);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.setViewportSize(DESKTOP);
    expect(await page.getByText("Menú", { exact: true }).isVisible()).toBe(false);
    const nav = page.getByRole("navigation", { name: "Área de organizadores" });
    expect(await nav.getByRole("link", { name: "Personas" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Cerrar sesión" }).isVisible()).toBe(true);
    // Reached by the keyboard, in order: the site's name, then the first link of the navigation.
    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cartas");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  /** The browser (`options`) of a colleague named `name`, signed in by the invitation the owner sent. */
  async function colleague(
    name: string,
    options: BrowserContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const owner = await asOwner({});
    const link = await invite(owner.page, name);
    await owner.context.close();
    const context = await newVisitor(options);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${link}`);
    await page.getByRole("button", { name: "Accept and sign in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    return { context, page };
  }

  /** Makes a token labelled `label` on `page` and returns the HTML of the answer that shows it. */
  async function makeToken(page: Page, label: string): Promise<string> {
    await page.goto(`${baseUrl}/admin/account/tokens`);
    await page.getByLabel("What it is for").fill(label);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Create the token" }).click(),
    ]);
    await page.waitForLoadState("load");
    return answer.text();
  }

  it("copies a new API token with its Copy button, under the page's own Content-Security-Policy", async () => {
    const { context, page } = await colleague("Tomás Copia", { viewport: PHONE });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await makeToken(page, "Signatures spreadsheet");
    const field = page.getByRole("textbox", { name: "Token for “Signatures spreadsheet”" });
    const token = await field.inputValue();
    expect(token).toMatch(/^us_[A-Za-z0-9_-]{43}$/);
    expect(await field.getAttribute("readonly")).not.toBeNull();

    const copy = page.getByRole("button", { name: "Copy the token" });
    await copy.waitFor();
    expect((await copy.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await copy.click();
    const status = page.getByRole("status").filter({ hasText: "Copied" });
    await status.waitFor();
    expect(await status.textContent()).toBe("Copied: paste it where your program keeps its settings.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(refused).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it("without script, shows the token in its labelled read-only field and no button that would do nothing", async () => {
    const { context, page } = await colleague("Tomás Sin Guion", { javaScriptEnabled: false, bypassCSP: true });
    const html = await makeToken(page, "CRM sync");
    const field = page.getByRole("textbox", { name: "Token for “CRM sync”" });
    expect(await field.inputValue()).toMatch(/^us_/);
    expect(await page.getByRole("button", { name: "Copy the token" }).count()).toBe(0);
    expect(Object.fromEntries(await htmlErrors(new Map([["the new token's page", html]])))).toEqual({});
    await context.close();
  });

  it("passes axe with the token copied, on a phone and a desktop", async () => {
    const { context, page } = await colleague("Tomás Revisa", { bypassCSP: true, viewport: DESKTOP });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await makeToken(page, "Newsletter tool");
    await page.getByRole("button", { name: "Copy the token" }).click();
    await page.getByRole("status").filter({ hasText: "Copied" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
