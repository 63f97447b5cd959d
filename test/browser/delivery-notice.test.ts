/**
 * The delivery notice (issue 16) in Chromium, clicked as people would, against `npm start` and its
 * local outbox (/dev/mail): an organizer writes and publishes a letter that asks for email
 * confirmation; a signer ticks "Email me when this letter is delivered", signs and confirms from the
 * outbox; the organizer marks the letter delivered; the minute cron runs (wrangler's local
 * scheduled endpoint, as `npm run job -- webhooks` calls it); the signer opens the notice in the
 * outbox, with its List-Unsubscribe headers, and unsubscribes from its link.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("the delivery notice in Chromium", () => {
  const newVisitor = chromiumVisitors();

  async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor({ javaScriptEnabled: false });
    return { context, page: await context.newPage() };
  }

  /** The newest message in the outbox to `email` whose subject matches `subject`. */
  async function openMail(page: Page, email: string, subject: RegExp) {
    await page.goto(`${baseUrl}/dev/mail`);
    return page.locator("article", { hasText: email }).filter({ hasText: subject }).first();
  }

  it("is asked for on the form, sent once the letter is delivered, and stopped from its link", async () => {
    const stamp = Date.now().toString(36);
    const slug = `delivery-notice-${stamp}`;
    const email = `notice-${stamp}@example.org`;

    // The organizer writes and publishes a letter that asks signers to confirm by email.
    const organizer = await visitor();
    const admin = organizer.page;
    await admin.goto(`${baseUrl}/admin`);
    await admin.getByLabel("Admin token").fill(localAdminToken());
    await admin.getByRole("button", { name: "Log in" }).click();
    await admin.waitForURL(`${baseUrl}/admin`);
    await admin.goto(`${baseUrl}/admin/letters/new`);
    await admin.getByLabel("Title", { exact: true }).fill(`Delivery notice ${stamp}`);
    await admin.getByLabel("Address", { exact: true }).fill(slug);
    await admin.getByLabel("Addressee").fill("The Honorable Someone\nSecretary General");
    await admin.getByLabel("Text of the letter").fill("Dear Secretary General:\n\nWe ask for a fair process.");
    await admin.getByLabel("Email confirmation").selectOption("yes");
    await admin.getByRole("button", { name: "Create the draft" }).click();
    await admin.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    await admin.getByRole("button", { name: "Publish: open for signatures" }).click();
    await admin.waitForURL(/done=publish/);

    // The signer ticks the box (unticked until then), signs, and confirms from the outbox.
    const signer = await visitor();
    const page = signer.page;
    await page.goto(`${baseUrl}/letters/${slug}`);
    const box = page.getByLabel("Email me when this letter is delivered");
    expect(await box.isChecked()).toBe(false);
    await page.getByLabel("as an individual").check();
    await page.getByLabel("Your full name (public)").fill("Nora Notice");
    await page.getByLabel("Email address").fill(email);
    await box.check();
    // A person takes more than the form's minimum fill time.
    await page.waitForTimeout(3_100);
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=/),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    const confirmation = await openMail(page, email, /Confirm your signature/);
    await confirmation.getByRole("link", { name: /\/confirm\?token=/ }).click();
    await Promise.all([
      page.waitForURL(/\/confirmed\?receipt=/),
      page.getByRole("button", { name: "Confirm my signature" }).click(),
    ]);

    // The organizer marks it delivered (today); the minute cron sends the notice.
    await admin.goto(`${baseUrl}/admin/letters/${slug}`);
    await admin.getByRole("button", { name: "Mark as delivered" }).click();
    await admin.waitForURL(/done=deliver/);
    const cron = await fetch(`${baseUrl}/cdn-cgi/local/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(cron.ok).toBe(true);

    const notice = await openMail(page, email, new RegExp(`Delivered: Delivery notice ${stamp}`));
    await expect(notice.locator("dt").allTextContents()).resolves.toEqual([
      "List-Unsubscribe",
      "List-Unsubscribe-Post",
    ]);
    await expect(notice.locator("dd").nth(0).textContent()).resolves.toMatch(
      new RegExp(`^<http://.+/letters/${slug}/unsubscribe\\?token=[0-9a-f]{32}\\.[\\w-]{22}>$`),
    );
    await expect(notice.locator("dd").nth(1).textContent()).resolves.toBe("List-Unsubscribe=One-Click");

    await notice.getByRole("link", { name: /\/unsubscribe\?token=/ }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Stop the delivery email");
    await Promise.all([
      page.waitForURL(new RegExp(`/letters/${slug}/unsubscribed$`)),
      page.getByRole("button", { name: "Stop the email" }).click(),
    ]);
    await expect(page.locator("h1").textContent()).resolves.toBe("You will not be emailed about this letter");

    await signer.context.close();
    await organizer.context.close();
  });
});
