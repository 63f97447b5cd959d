/**
 * The delivery document as an organizer makes it: logged in through the
 * real login form (a wrong token first), the demo letter's document opened
 * in Chromium, printed to PDF with page.pdf(), and the PDF's text read back
 * with unpdf (PDF.js): the letter, its 13 organizations in order, page
 * numbers, and no email address; and axe-core on the page as it shows on screen.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { DEMO_ORGANIZATIONS } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const DELIVERY = "/admin/letters/honduras-new-elections-2017/delivery";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("the delivery document in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("is reached through the login form, and prints to a PDF with the letter, its organizations in order and page numbers", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto(`${baseUrl}${DELIVERY}`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.getByLabel("Admin token").fill("not-the-token-0123456789");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.locator(".error-summary li").textContent()).resolves.toBe(
      "That is not the admin token. Check it and try again.",
    );

    await page.getByLabel("Admin token").fill(localAdminToken());
    await Promise.all([page.waitForURL(`${baseUrl}${DELIVERY}`), page.getByRole("button", { name: "Log in" }).click()]);
    await expect(page.locator("h1").textContent()).resolves.toBe(
      "Letter to OAS Secretary General Luis Almagro on new elections in Honduras",
    );
    await expect(page.locator(".delivery-bar").textContent()).resolves.toContain("Print or save as PDF");

    const pdf = await page.pdf({ format: "A4" });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text: pages } = await extractText(document, { mergePages: false });
    const text = pages.join("\n").replace(/\s+/g, " ");

    expect(text).toContain("Letter to OAS Secretary General Luis Almagro on new elections in Honduras");
    expect(text).toContain("The Honorable Luis Almagro");
    expect(text).toContain("Dear Secretary General Almagro:");
    expect(text).toContain("Signatories");
    let from = text.indexOf("Signatories");
    for (const organization of DEMO_ORGANIZATIONS) {
      const at = text.indexOf(organization, from);
      expect(at, organization).toBeGreaterThan(from);
      from = at;
    }
    expect(text).toMatch(/[\d,]+ signatures: [\d,]+ organizations? and [\d,]+ individuals?\./);
    // The letter and its signatories take a few pages, each numbered in its bottom margin.
    expect(totalPages).toBeGreaterThanOrEqual(1);
    expect(totalPages).toBeLessThanOrEqual(6);
    pages.forEach((pageText, index) => expect(pageText.replace(/\s+/g, " ")).toContain(`${index + 1} / ${totalPages}`));
    // Nothing of the screen: no guidance bar, no navigation, no email address.
    expect(text).not.toContain("Print or save as PDF");
    expect(text).not.toContain("Back to the organizer area");
    expect(text).not.toMatch(/@/);
    await context.close();
  });

  it("has no accessibility violations on screen (axe-core)", async () => {
    const context = await newVisitor({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${DELIVERY}`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await Promise.all([page.waitForURL(`${baseUrl}${DELIVERY}`), page.getByRole("button", { name: "Log in" }).click()]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
