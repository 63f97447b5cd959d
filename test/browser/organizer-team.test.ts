/**
 * An organizer team's journey in Chromium, served by `npm start` (issue 15):
 * the owner (admin token) invites a colleague as a moderator on People; the
 * colleague, in a browser of their own, accepts the invitation from the local
 * outbox (/dev/mail), logs out, asks the login page for a sign-in link, opens
 * it from the outbox and signs in; hides a signature the owner entered by
 * hand on the demo letter; is refused People (403). The owner then finds the
 * hide under the colleague's name on Activity, and the signatures list says
 * who last changed the row. Elements are found by their exact accessible
 * names; the other browser tests share this server and letter, so every name
 * here is unique to the run. No assertion depends on the time.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const SIGNATURES = `/admin${DEMO}/signatures`;

/** The signatures page narrowed to one name (other tests fill the demo letter with rows). */
function signaturesOf(name: string): string {
  return `${baseUrl}${SIGNATURES}?${new URLSearchParams({ q: name })}`;
}

/** The newest email in the local outbox to `to` whose subject is `subject`, opened at its /admin/link. */
async function openMailedLink(page: Page, to: string, subject: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/dev/mail`);
  const mail = page
    .locator("article")
    .filter({ hasText: `To ${to} ` })
    .filter({ has: page.getByRole("heading", { name: subject }) })
    .first();
  await mail.locator('a[href*="/admin/link"]').click();
  await page.waitForURL(/\/admin\/link\?token=/);
}

/** `text` as a regular expression that matches it literally. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe.skipIf(!hasChromium)("an organizer team at work", () => {
  const newVisitor = chromiumVisitors();

  it("the owner invites a moderator, who signs in by email, hides a signature and is refused People; the owner sees it", async () => {
    const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const colleagueName = `Tomás Quispe ${run}`;
    const email = `tomas-${run}@coalition.example`;
    const signer = `Lucía Fernández ${run}`;
    const contexts: BrowserContext[] = [];

    // The owner logs in with the admin token and enters a signature by hand.
    const owner = await newVisitor({ bypassCSP: true });
    contexts.push(owner);
    const desk = await owner.newPage();
    await desk.goto(`${baseUrl}/admin/login?next=${encodeURIComponent(SIGNATURES)}`);
    await desk.getByLabel("Admin token").fill(localAdminToken());
    await desk.getByRole("button", { name: "Log in", exact: true }).click();
    await desk.waitForURL(`${baseUrl}${SIGNATURES}`);
    await desk.getByRole("radio", { name: "A person", exact: true }).check();
    await desk.getByLabel("Person's full name (public)", { exact: true }).fill(signer);
    await desk.getByRole("button", { name: "Add the signature", exact: true }).click();
    await desk.waitForURL(/\/signatures\?done=added$/);
    await desk.goto(signaturesOf(signer));
    const ownerRow = desk.locator("tbody tr").filter({ has: desk.getByText(signer, { exact: true }) });
    expect(await ownerRow.count()).toBe(1);
    expect(await ownerRow.locator('td[data-label="Status"] .badge').textContent()).toBe("counted");

    // The owner invites the colleague as a moderator.
    await desk.getByRole("link", { name: "People", exact: true }).click();
    await desk.waitForURL(`${baseUrl}/admin/people`);
    await desk.getByLabel("Name", { exact: true }).fill(colleagueName);
    await desk.getByLabel("Email address", { exact: true }).fill(email);
    await desk.getByLabel("Role", { exact: true }).selectOption("moderator");
    await desk.getByRole("button", { name: "Send the invitation", exact: true }).click();
    await desk.waitForURL(`${baseUrl}/admin/people?done=invited`);

    // The colleague, in a browser of their own, accepts from the outbox.
    const colleague = await newVisitor({ bypassCSP: true });
    contexts.push(colleague);
    const page = await colleague.newPage();
    await openMailedLink(page, email, /invites you to the organizer area/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Welcome, ${colleagueName}`);
    await page.getByRole("button", { name: "Accept and sign in", exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(await page.locator(".signed-in").textContent()).toBe(`Signed in as ${colleagueName} (moderator)`);

    // Later: logs out, and signs in again with a link emailed from the login page.
    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin/login?out=1`);
    await page.getByLabel("Your email address", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link", exact: true }).click();
    // Polled: right after the click, the login page may still be the one loaded.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
    await openMailedLink(page, email, /^Your sign-in link for /);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Sign in as ${colleagueName}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(await page.locator(".signed-in").textContent()).toBe(`Signed in as ${colleagueName} (moderator)`);

    // As a moderator: hides the owner's hand entry.
    await page.goto(signaturesOf(signer));
    await page.getByRole("button", { name: `Hide ${signer}`, exact: true }).click();
    await page.waitForURL(/\/signatures\?.*done=hide/);
    expect(new URL(page.url()).searchParams.get("q")).toBe(signer);
    const row = page.locator("tbody tr").filter({ has: page.getByText(signer, { exact: true }) });
    expect(await row.locator('td[data-label="Status"] .badge').textContent()).toBe("hidden");
    expect(await page.getByRole("button", { name: `Restore ${signer}`, exact: true }).count()).toBe(1);
    expect(await row.locator(".last-change").textContent()).toMatch(
      new RegExp(`^Hidden by ${escaped(colleagueName)}, `),
    );

    // People is the owners' page: a 403, with nothing of it shown.
    expect(await page.getByRole("link", { name: "People", exact: true }).count()).toBe(0);
    const refused = await page.goto(`${baseUrl}/admin/people`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not for your role");
    expect(await page.getByText(email).count()).toBe(0);
    // Its way onward stays in the organizer area, not the public list of letters.
    await page.getByRole("link", { name: "Back to the organizer area", exact: true }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(await page.locator(".signed-in").textContent()).toBe(`Signed in as ${colleagueName} (moderator)`);

    // The owner finds the hide on Activity, under the colleague's name.
    await desk.getByRole("link", { name: "Activity", exact: true }).click();
    await desk.waitForURL(`${baseUrl}/admin/activity`);
    await desk.getByLabel("Person", { exact: true }).selectOption({ label: colleagueName });
    await desk.getByLabel("Action", { exact: true }).selectOption({ label: "hid a signature" });
    await desk.getByRole("button", { name: "Show", exact: true }).click();
    await desk.waitForURL(/\/admin\/activity\?/);
    const entries = desk.locator("li.activity-entry");
    expect(await entries.count()).toBe(1);
    const hide = entries.first();
    expect(await hide.locator("strong").textContent()).toBe(colleagueName);
    expect(await hide.locator("p").first().textContent()).toContain(`${colleagueName} hid a signature`);
    expect(await hide.getByRole("link", { name: signer, exact: true }).count()).toBe(1);
    expect(await hide.getByRole("list", { name: "What changed" }).textContent()).toBe("Status: counted → hidden");

    // And the signatures list says who last changed the row.
    await hide.getByRole("link", { name: signer, exact: true }).click();
    await desk.waitForURL(/\/signatures\?q=/);
    expect(await ownerRow.locator(".last-change").textContent()).toMatch(
      new RegExp(`^Hidden by ${escaped(colleagueName)}, `),
    );

    for (const context of contexts) await context.close();
  });
});
