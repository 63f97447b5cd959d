/**
 * An organization signs through its contact person (issue 14), in Chromium
 * with JavaScript off, against `npm start` and its local outbox (/dev/mail):
 * the contact confirms from the email, the organization is listed by its own
 * name (once the organizers approve it, when the letter reviews
 * organizations) with no trace of the contact's name in any public page; then
 * the same address signs as an individual and confirms too.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const SLUG = DEMO.split("/").pop()!;

/** The public representations of the demo letter that show `text`. */
async function publicPathsShowing(text: string): Promise<string[]> {
  const paths = [
    DEMO,
    `${DEMO}.json`,
    `${DEMO}/signatories`,
    `${DEMO}/signatories.json`,
    `${DEMO}/record.json`,
    `${DEMO}/embed`,
    `${DEMO}/feed.atom`,
    `/api/v1/letters/${SLUG}`,
    `/api/v1/letters/${SLUG}/signatories`,
  ];
  const bodies = await Promise.all(paths.map(async (path) => (await fetch(`${baseUrl}${path}`)).text()));
  return paths.filter((_, index) => bodies[index]!.includes(text));
}

async function submit(page: Page) {
  // A person takes more than the form's minimum fill time.
  await page.waitForTimeout(3_100);
  await Promise.all([
    page.waitForURL(/\/signed\?receipt=/),
    page.getByRole("button", { name: "Sign the letter" }).click(),
  ]);
}

/** Opens the newest confirmation email to `email` in the local outbox, and confirms. */
async function confirmByEmail(page: Page, email: string) {
  await page.goto(`${baseUrl}/dev/mail`);
  const message = page
    .locator("article", { hasText: email })
    .filter({ hasText: /Confirm your signature/ })
    .first();
  await message.getByRole("link", { name: /\/confirm\?token=/ }).click();
  await Promise.all([
    page.waitForURL(/\/confirmed\?receipt=/),
    page.getByRole("button", { name: "Confirm my signature" }).click(),
  ]);
}

function adminApi(path: string, method = "GET") {
  return fetch(`${baseUrl}/admin/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${localAdminToken()}` },
  });
}

describe.skipIf(!hasChromium)("an organization signing in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("signs through its contact, is listed by its own name only, and the same address signs as an individual", async () => {
    const context: BrowserContext = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    const stamp = Date.now();
    const organization = `Fundación Justicia y Paz ${stamp}`;
    const contact = `Lucía Ramírez ${stamp}`;
    const email = `lucia-${stamp}@example.org`;

    await page.goto(`${baseUrl}${DEMO}`);
    // Both groups are there without JavaScript, each field's purpose in its label.
    await expect(page.getByRole("group", { name: "Your organization" }).count()).resolves.toBe(1);
    await expect(page.getByRole("group", { name: "You", exact: true }).count()).resolves.toBe(1);
    await page.getByLabel("for an organization").check();
    await page.getByLabel("Organization's name (public)").fill(organization);
    await page.getByLabel("Your name, as its contact (private)").fill(contact);
    await page.getByLabel("Your role in the organization (optional, private)").fill("Directora de Programas");
    await page.getByLabel("I am authorized to sign on behalf of this organization").check();
    await page.getByLabel("Email address").fill(email);
    await submit(page);
    await expect(page.locator("main").innerText()).resolves.toContain(
      `You are signing for ${organization} as its contact`,
    );
    await expect(page.locator("main").innerText()).resolves.not.toContain(contact);

    await confirmByEmail(page, email);
    const listed = (await (await adminApi(`/letters/${SLUG}/signatures`)).json()) as {
      signatures: { ref: string; name: string; status: string }[];
    };
    const signed = listed.signatures.find((signature) => signature.name === organization)!;
    if (signed.status === "in_review")
      expect((await adminApi(`/letters/${SLUG}/signatures/${signed.ref}/approve`, "POST")).status).toBe(200);

    // Listed among the organizations (the letter page shows the first signatories; its list page, all).
    await page.goto(`${baseUrl}${DEMO}/signatories`);
    await expect(page.locator(".signatory-list.organizations li", { hasText: organization }).count()).resolves.toBe(1);
    expect(await page.content()).not.toContain(contact);
    expect(await publicPathsShowing(organization)).toContain(`${DEMO}/signatories`);
    expect(await publicPathsShowing(contact)).toEqual([]);
    expect(await publicPathsShowing("Directora de Programas")).toEqual([]);

    // The same address, as herself.
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("as an individual").check();
    await page.getByLabel("Your full name (public)").fill(`Lucía Personal ${stamp}`);
    await page.getByLabel("Email address").fill(email);
    await submit(page);
    await confirmByEmail(page, email);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your signature is confirmed");
    expect(await publicPathsShowing(`Lucía Personal ${stamp}`)).toContain(`${DEMO}/signatories`);
    expect(await publicPathsShowing(organization)).toContain(`${DEMO}/signatories`);
    await context.close();
  });
});
