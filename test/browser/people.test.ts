/**
 * Organizers' accounts in Chromium, served by `npm start` (issue 15): the
 * owner invites a colleague from People; the colleague opens the emailed
 * link from the local outbox (/dev/mail), accepts, and is signed in under
 * their own name. People, the link's page and Your account pass axe and fit
 * a 390 px phone without sideways scrolling.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const PHONE = { width: 390, height: 844 };

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

describe.skipIf(!hasChromium)("inviting a colleague", () => {
  const newVisitor = chromiumVisitors();

  it("the owner invites; the colleague opens the link from /dev/mail, signs in and sees their name", async () => {
    const owner = await newVisitor({ bypassCSP: true, viewport: PHONE });
    const page = await owner.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    // On a phone the area's navigation is behind the header's Menu button.
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("link", { name: "People" }).click();
    await page.waitForURL(`${baseUrl}/admin/people`);
    await fitsThePhone(page);

    const email = `rosa-${Date.now()}@coalition.example`;
    await page.getByLabel("Name").fill("Rosa Martínez");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("moderator");
    await page.getByRole("button", { name: "Send the invitation", exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin/people?done=invited`);
    expect(await page.locator(".flash").textContent()).toContain("The invitation is sent");
    const row = page.locator("tbody tr", { hasText: email });
    expect(await row.locator('td[data-label="Status"]').textContent()).toBe("invited");
    await fitsThePhone(page);

    // The colleague, in a browser of their own, from the local outbox.
    const colleague = await newVisitor({ bypassCSP: true, viewport: PHONE });
    const inbox = await colleague.newPage();
    await inbox.goto(`${baseUrl}/dev/mail`);
    const mail = inbox.locator("article", { hasText: email }).first();
    expect(await mail.locator("h2").textContent()).toContain("invites you");
    await mail.locator('a[href*="/admin/link"]').click();
    await inbox.waitForURL(/\/admin\/link\?token=/);
    expect(await inbox.locator("h1").textContent()).toBe("Welcome, Rosa Martínez");
    await fitsThePhone(inbox);
    await inbox.getByRole("button", { name: "Accept and sign in" }).click();
    await inbox.waitForURL(`${baseUrl}/admin`);
    expect(await inbox.locator(".signed-in").textContent()).toBe("Signed in as Rosa Martínez (moderator)");

    await inbox.getByText("Menu", { exact: true }).click();
    await inbox.getByRole("link", { name: "Your account" }).click();
    await inbox.waitForURL(`${baseUrl}/admin/account`);
    expect(await inbox.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Rosa Martínez");
    expect(await inbox.locator("tbody tr", { hasText: "(this one)" }).count()).toBe(1);
    await fitsThePhone(inbox);

    // The owner sees her active now.
    await page.reload();
    expect(await row.locator('td[data-label="Status"]').textContent()).toBe("active");
    await owner.close();
    await colleague.close();
  });
});
