/**
 * Issue 16's details of the signer's pages, as Chromium draws them: a
 * Hebrew name with a Hebrew affiliation reads name first (each field its own
 * isolate), a refused form's fields keep the error colour whatever their
 * type (the organizer area's too) and its <title> starts with "Error:", and the withdraw page's button
 * looks like what it does, not like the confirm button.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const NAME = "דנה לוי";
const AFFILIATION = "אוניברסיטת חיפה";

/** Fills the demo letter's form as an individual and sends it, as a person would (after the minimum fill time). */
async function signDemo(page: Page, fields: { name: string; affiliation?: string; email: string }): Promise<void> {
  await page.goto(`${baseUrl}${DEMO}`);
  await page.getByLabel("as an individual").check();
  await page.getByLabel("Your full name (public)").fill(fields.name);
  if (fields.affiliation)
    await page.getByLabel("Organization or affiliation (optional, public)").fill(fields.affiliation);
  await page.getByLabel("Email address").fill(fields.email);
  await page.waitForTimeout(3_100);
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await page.waitForLoadState();
}

/** The withdrawal link of the newest email to `email` in the local outbox (/dev/mail). */
async function withdrawLink(email: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/dev/mail`)).text();
  const article = html.split("<article").find((part) => part.includes(email));
  const link = article && /https?:\/\/[^\s"<]+\/withdraw\?token=[^\s"<&]+/.exec(article.replaceAll("&amp;", "&"));
  if (!link) throw new Error(`No withdrawal link to ${email} in /dev/mail`);
  return new URL(link[0]).pathname + new URL(link[0]).search;
}

describe.skipIf(!hasChromium)("the signer's pages in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("draws a Hebrew name before its Hebrew affiliation, on the thank-you page and the withdraw page", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `bidi-${Date.now()}@example.org`;
    await signDemo(page, { name: NAME, affiliation: AFFILIATION, email });
    await page.waitForURL(/\/signed\?receipt=/);
    for (const where of ["thank-you page", "withdraw page"]) {
      if (where === "withdraw page") await page.goto(`${baseUrl}${await withdrawLink(email)}`);
      const name = (await page.locator(".receipt .signatory-name").boundingBox())!;
      const affiliation = (await page.locator(".receipt bdi", { hasText: AFFILIATION }).boundingBox())!;
      // The page reads left to right: the name first means the name on the left, on the same line.
      expect(name.x + name.width, where).toBeLessThan(affiliation.x);
      expect(Math.abs(name.y - affiliation.y), where).toBeLessThan(name.height);
    }
    await context.close();
  });

  it("keeps a refused field's border in the error colour whatever its type, and says Error: first in the title", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signDemo(page, { name: "", email: "not-an-address" });
    await page.locator(".error-summary").waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    const colours = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        error: style(".field-error").color,
        name: style("#sign-name").borderTopColor,
        email: style("#sign-email").borderTopColor,
        valid: style("#sign-city").borderTopColor,
      };
    });
    expect(colours.name).toBe(colours.error);
    expect(colours.email).toBe(colours.error);
    expect(colours.valid).not.toBe(colours.error);
    await context.close();
  });

  it("keeps the error colour on the organizer area's refused controls too, text inputs and textareas alike", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    await page.locator('input[name="token"]').fill(localAdminToken());
    await page.locator('input[name="token"]').press("Enter");
    await page.waitForURL(`${baseUrl}/admin`);
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Address", { exact: true }).fill("Not An Address!");
    await page.getByLabel("Text of the letter").fill("");
    await page.locator('input[name="date"]').fill("");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.locator(".field-invalid").first().waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    const borders = await page.evaluate(() => {
      const error = getComputedStyle(document.querySelector(".field-error")!).color;
      const controls = Array.from(
        document.querySelectorAll<HTMLInputElement>(".field-invalid :is(input, select, textarea)"),
      ).filter((control) => !["checkbox", "radio", "hidden"].includes(control.type));
      return {
        error,
        kinds: controls.map((control) => control.type),
        wrong: controls
          .filter((control) => getComputedStyle(control).borderTopColor !== error)
          .map((control) => control.id),
      };
    });
    expect(borders.kinds).toEqual(expect.arrayContaining(["text", "textarea"]));
    expect(borders.wrong).toEqual([]);
    await context.close();
  });

  it("gives the withdraw page a button that looks destructive, unlike the sign and confirm buttons", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `withdraw-look-${Date.now()}@example.org`;
    await signDemo(page, { name: "Withdraw Look", email });
    await page.waitForURL(/\/signed\?receipt=/);
    const look = (selector: string) =>
      page.evaluate((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return { background: style.backgroundColor, color: style.color, border: style.borderTopColor };
      }, selector);
    await page.goto(`${baseUrl}${DEMO}`);
    const primary = await look("#sign button[type=submit]");
    await page.goto(`${baseUrl}${await withdrawLink(email)}`);
    const withdraw = await look("main form button");
    expect(withdraw.background).not.toBe(primary.background);
    expect(withdraw.border).toBe(withdraw.color);
    await context.close();
  });
});
