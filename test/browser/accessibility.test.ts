/**
 * axe-core in Chromium, on the pages people meet: the demo letter, its form
 * sent back with errors, the thank-you page, an entry of its record, the
 * embed card, and the versions of a letter's text with what changed. Zero
 * violations (WCAG 2.1 A and AA rules, and axe's best practices) on each.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations as violations } from "./axe";
import { DEMO } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("accessibility, checked by axe-core", () => {
  const newVisitor = chromiumVisitors();

  /** A page with JavaScript on for axe (our pages have none of their own) and the CSP bypassed to load it. */
  async function openPage(): Promise<Page> {
    const context = await newVisitor({ bypassCSP: true });
    return context.newPage();
  }

  it("does see a violation when there is one (so that the checks below can fail)", async () => {
    const page = await openPage();
    await page.setContent(
      '<!DOCTYPE html><html lang="en"><title>Broken</title><main><img src="data:,"><input type="text"></main></html>',
    );
    const found = await violations(page);
    expect(found.some((line) => line.startsWith("image-alt:"))).toBe(true);
    expect(found.some((line) => line.startsWith("label:"))).toBe(true);
  });

  it("finds nothing on the demo letter, light and dark", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}`);
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${baseUrl}${DEMO}`);
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the demo letter in Spanish, nor on its Spanish form sent back with errors", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}?lang=es`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    expect(await violations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/signatures/), page.getByRole("button", { name: "Firmar la carta" }).click()]);
    await expect(page.locator("#error-summary-title").textContent()).resolves.toMatch(
      /^Hay \d problemas con su firma$/,
    );
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the form sent back with errors", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("Email address").fill("not an address");
    await page.waitForTimeout(3_100);
    // The refused form's answer, then its page: `waitForLoadState` alone may return while the form's page is still loaded.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    await page.locator(".error-summary").first().waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the thank-you page", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("for an organization").check();
    await page.getByLabel("Organization's name (public)").fill("Accessible Org");
    await page.getByLabel("Your name, as its contact (private)").fill("Contact Person");
    await page.getByLabel("I am authorized to sign on behalf of this organization").check();
    await page.getByLabel("Email address").fill(`axe-${Date.now()}@example.org`);
    await page.waitForTimeout(3_100);
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=/),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on an entry of the record", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}/record/1`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Entry 1 of the public record");
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the embed card, nor on its form", async () => {
    const page = await openPage();
    for (const path of [`${DEMO}/embed`, `${DEMO}/embed/sign`]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await violations(page), path).toEqual([]);
    }
  });

  it("finds nothing on the versions of a letter's text, with words added and removed, light and dark", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    const slug = `versions-${Date.now()}`;
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("A letter that changed");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("The Honorable Someone");
    await page.getByLabel("Text of the letter").fill("Dear Secretary General:\n\nWe ask for fair elections.");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/done=created/);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);
    await page.getByLabel("Text of the letter").fill("Dear Secretary General:\n\nWe ask for free and fair elections.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/done=saved/);

    await page.goto(`${baseUrl}/letters/${slug}/versions`);
    expect(await page.locator("ins").textContent()).toBe(" added: free and ");
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${baseUrl}/letters/${slug}/versions`);
    expect(await violations(page)).toEqual([]);
  });
});
