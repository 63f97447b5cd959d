/**
 * axe-core in Chromium, on the pages people meet: the demo letter, its form
 * sent back with errors, the thank-you page, an entry of its record and the embed card. Zero
 * violations (WCAG 2.1 A and AA rules, and axe's best practices) on each.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations as violations } from "./axe";
import { DEMO } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";

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
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Sign the letter" }).click()]);
    await expect(page.locator(".error-summary").count()).resolves.toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the thank-you page", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("for an organization").check();
    await page.getByLabel("Name", { exact: true }).fill("Accessible Org");
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

  it("finds nothing on the embed card", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}/embed`);
    expect(await violations(page)).toEqual([]);
  });
});
