/**
 * A letter's settings in words, in Chromium against `npm start`: an
 * organizer types a title (the address follows it), picks the letter's
 * language by name and a closing time in America/Tegucigalpa, publishes,
 * and the public page shows the closing moment in Honduras time; the same
 * without JavaScript (the address made from the title on saving); axe-core
 * on the editor, and the editor usable at 390 px without sideways scrolling.
 */
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("letter settings in words, in Chromium", () => {
  const newVisitor = chromiumVisitors();

  async function loggedIn(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor(options);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    return { context, page };
  }

  async function writeLetter(page: Page, title: string): Promise<void> {
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "Spanish" });
    await page.getByLabel("Addressee").fill("Su Excelencia Luis Almagro\nSecretario General");
    await page.getByLabel("Text of the letter").fill("Estimado Secretario General:\n\nPedimos nuevas elecciones.");
    await page.getByLabel("Email confirmation").selectOption("no");
    await page.getByLabel("Date and time").fill("2030-12-01T23:59");
    await page.getByLabel("Time zone of the closing time").selectOption("America/Tegucigalpa");
  }

  it("sets a closing time in America/Tegucigalpa, and the public page shows it in Honduras time", async () => {
    const { context, page } = await loggedIn();
    const stamp = Date.now().toString(36);
    await writeLetter(page, `Elecciones en Honduras ${stamp}`);
    // The address follows the title as it is typed, accents and all.
    await expect
      .poll(() => page.getByLabel("Address", { exact: true }).inputValue())
      .toBe(`elecciones-en-honduras-${stamp}`);
    await page.getByLabel("Title", { exact: true }).fill(`Elecciones en Honduras, ¡ya! ${stamp}`);
    await expect
      .poll(() => page.getByLabel("Address", { exact: true }).inputValue())
      .toBe(`elecciones-en-honduras-ya-${stamp}`);
    await page.getByRole("button", { name: "Create the draft" }).click();
    const slug = `elecciones-en-honduras-ya-${stamp}`;
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    // Editing shows the time as typed, in its zone.
    expect(await page.getByLabel("Date and time").inputValue()).toBe("2030-12-01T23:59");
    expect(await page.getByLabel("Time zone of the closing time").inputValue()).toBe("America/Tegucigalpa");
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);
    expect(await page.getByLabel("Address", { exact: true }).getAttribute("readonly")).not.toBeNull();

    const reader = await (await newVisitor({ locale: "es-HN" })).newPage();
    await reader.goto(`${baseUrl}/letters/${slug}`);
    expect(await reader.locator(".status").textContent()).toBe(
      "Abierta a firmas hasta el 1 de diciembre de 2030 a las 23:59 (hora de Honduras, UTC−6)",
    );
    await context.close();
  });

  it("works without JavaScript: the address is made from the title on saving", async () => {
    const { context, page } = await loggedIn({ javaScriptEnabled: false });
    const stamp = Date.now().toString(36);
    await writeLetter(page, `Ação já ${stamp}`);
    expect(await page.getByLabel("Address", { exact: true }).inputValue()).toBe("");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/acao-ja-${stamp}?done=created`);
    expect(await page.locator("#stage-title ~ p").first().textContent()).toContain("draft");
    await context.close();
  });

  it("keeps the editor accessible (axe-core) and usable at 390 px without sideways scrolling", async () => {
    const { context, page } = await loggedIn({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    for (const path of ["/admin/letters/new", "/admin/letters/honduras-new-elections-2017"]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      const box = await page.getByLabel("Time zone of the closing time").boundingBox();
      expect(box!.x + box!.width, path).toBeLessThanOrEqual(390);
    }
    // A delivery dated in the future comes back with its problem beside the date, and stays accessible.
    await page.getByLabel("Delivered on").fill("2999-01-01");
    await page.getByRole("button", { name: "Mark as delivered" }).click();
    await expect
      .poll(() => page.locator("#field-delivered-on-error").textContent())
      .toContain("can't be in the future");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
