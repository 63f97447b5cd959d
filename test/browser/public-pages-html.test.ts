/**
 * Every public page template, as served, through the Nu HTML Checker (the
 * W3C validator's own, test/browser/vnu.ts): the index, a letter in each of
 * its languages, its signatories, versions, record overview and record entry, the form sent
 * back with its problems, the thank-you, confirm, confirmed, withdraw and
 * withdrawn pages, error pages, and the delivery document sent to the official. Zero
 * errors (a duplicate id is one). The organizer area's pages are
 * test/browser/organizer-pages.test.ts's; the embed card is its own test's.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";
import { htmlErrors } from "./vnu";

const baseUrl = inject("baseUrl");
const SLUG = DEMO.split("/").pop()!;

/** The HTML `path` answers, as served. */
async function served(path: string): Promise<string> {
  return (await fetch(`${baseUrl}${path}`)).text();
}

/** The links to `email` in the local outbox (/dev/mail) whose path contains `fragment`, as paths. */
async function mailedLink(email: string, fragment: string): Promise<string> {
  const html = (await served("/dev/mail")).replaceAll("&amp;", "&");
  const article = html.split("<article").find((part) => part.includes(email));
  const link = article?.match(/https?:\/\/[^\s"<]+/g)?.find((url) => url.includes(fragment));
  if (!link) throw new Error(`No ${fragment} link to ${email} in /dev/mail`);
  return new URL(link).pathname + new URL(link).search;
}

/** Sends the demo letter's form as a person would, and gives the answer's HTML as served. */
async function sendForm(page: Page, name: string, email: string): Promise<string> {
  await page.goto(`${baseUrl}${DEMO}`);
  await page.getByLabel("as an individual").check();
  await page.getByLabel("Your full name (public)").fill(name);
  await page.getByLabel("Organization or affiliation (optional, public)").fill("אוניברסיטת חיפה");
  await page.getByLabel("Email address").fill(email);
  await page.waitForTimeout(3_100); // a person takes longer than the form's minimum fill time
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().resourceType() === "document" &&
        (response.request().method() === "GET" || response.status() === 422),
    ),
    page.getByRole("button", { name: "Sign the letter" }).click(),
  ]);
  return answer.text();
}

describe.skipIf(!hasChromium)("every public page, by the HTML checker", () => {
  const newVisitor = chromiumVisitors();

  it("finds no error in any page template", { timeout: 180_000 }, async () => {
    const pages = new Map<string, string>();
    for (const path of [
      "/",
      DEMO,
      `${DEMO}?lang=es`,
      `${DEMO}/signatories`,
      `${DEMO}/versions`,
      `${DEMO}/record`,
      `${DEMO}/record/1`,
      `${DEMO}/withdrawn`,
      "/letters/no-such-letter",
      `${DEMO}/signed?receipt=not-a-receipt`,
      `${DEMO}/withdraw?token=not-a-token`,
      "/no-such-page",
    ])
      pages.set(path, await served(path));

    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    pages.set("the form sent back with its problems", await sendForm(page, "", "not-an-address"));
    const email = `html-${Date.now()}@example.org`;
    pages.set("the thank-you page", await sendForm(page, "דנה לוי", email));
    pages.set("the confirm page", await served(await mailedLink(email, "/confirm?token=")));
    pages.set("the withdraw page", await served(await mailedLink(email, "/withdraw?token=")));
    await page.goto(`${baseUrl}${await mailedLink(email, "/confirm?token=")}`);
    const [confirmed] = await Promise.all([
      page.waitForResponse((response) => response.request().resourceType() === "document" && response.status() === 200),
      page.getByRole("button", { name: "Confirm my signature" }).click(),
    ]);
    pages.set("the confirmed page", await confirmed.text());

    await page.goto(`${baseUrl}/admin/login`);
    await page.locator('input[name="token"]').fill(localAdminToken());
    await page.locator('input[name="token"]').press("Enter");
    await page.waitForURL(`${baseUrl}/admin`);
    const delivery = await context.request.get(`${baseUrl}/admin/letters/${SLUG}/delivery`);
    expect(delivery.status()).toBe(200);
    pages.set("the delivery document", await delivery.text());
    await context.close();

    for (const [name, html] of pages) expect(html, name).toMatch(/^<!DOCTYPE html>/i);
    expect(Object.fromEntries(await htmlErrors(pages))).toEqual({});
  });
});
