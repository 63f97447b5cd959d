/**
 * Passkeys in Chromium, served by `npm start`, with a CDP virtual
 * authenticator (a platform authenticator that keeps discoverable
 * credentials and verifies its user): the admin token's account is told it
 * can't hold passkeys, so its owner invites themselves by email (the local
 * outbox at /dev/mail), signs in with that account, adds a passkey on
 * /admin/account/passkeys, logs out, and signs in with the passkey alone. At localhost: browsers refuse passkeys at an IP address such as
 * 127.0.0.1, and the pages say so there.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const localhost = baseUrl.replace("127.0.0.1", "localhost");

async function virtualAuthenticator(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials.length;
}

let invited = 0;

/**
 * Signs in with the admin token at localhost, invites a new owner by email
 * on People, logs out, and accepts the invitation from the local outbox:
 * the page is then signed in as that person, at `next`.
 */
async function signInAsInvitedOwner(page: Page, name: string, next: string): Promise<void> {
  await page.goto(`${localhost}/admin/login?next=%2Fadmin%2Fpeople`);
  await page.getByLabel("Admin token").fill(localAdminToken());
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${localhost}/admin/people`);
  const email = `passkeys-${Date.now()}-${++invited}@coalition.example`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("owner");
  await page.getByRole("button", { name: "Send the invitation", exact: true }).click();
  await page.waitForURL(`${localhost}/admin/people?done=invited`);
  // On a phone, the logout is behind the header's Menu button.
  const menu = page.getByText("Menu", { exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/admin\/login/);
  await page.goto(`${localhost}/dev/mail`);
  const href = await page
    .locator("article", { hasText: email })
    .first()
    .locator('a[href*="/admin/link"]')
    .getAttribute("href");
  const link = new URL(href!, localhost);
  await page.goto(`${localhost}${link.pathname}${link.search}`);
  await page.getByRole("button", { name: "Accept and sign in" }).click();
  await page.waitForURL(`${localhost}/admin`);
  await page.goto(`${localhost}${next}`);
}

describe.skipIf(!hasChromium)("passkeys in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("adds a passkey to the account, and signs in with it alone after logging out", async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    const credentials = await virtualAuthenticator(page);

    // The admin token's account is told why it can't add one, and what to do instead.
    await page.goto(`${localhost}/admin/account/passkeys`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${localhost}/admin/account/passkeys`);
    expect(await page.locator("body").textContent()).toContain("Invite yourself");
    expect(await page.getByRole("button", { name: "Add a passkey" }).count()).toBe(0);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/admin\/login/);

    await signInAsInvitedOwner(page, "Vera Virtual", "/admin/account/passkeys");
    expect(await page.locator("h1").textContent()).toBe("Passkeys");
    expect(await page.locator("body").textContent()).toContain("You have no passkeys yet.");

    await page.getByLabel("Name of the passkey").fill("Virtual laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.waitForURL(`${localhost}/admin/account/passkeys?done=added`);
    expect(await page.locator(".flash").textContent()).toBe("The passkey is added.");
    expect(await page.locator("tbody").textContent()).toContain("Virtual laptop");
    expect(await credentials()).toBe(1);

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL(`${localhost}/admin`);
    expect(await page.locator("h1").textContent()).toBe("Letters");

    // The list says when it was last used.
    await page.goto(`${localhost}/admin/account/passkeys`);
    expect(await page.locator("tbody td[data-label='Last used to sign in'] time").count()).toBe(1);
    await context.close();
  });

  it("has no accessibility violations, and fits a phone's 390 px (axe-core)", async () => {
    // axe is injected as an inline script: this visitor's pages ignore the CSP (the test above keeps it).
    const context = await newVisitor({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await virtualAuthenticator(page);
    await page.goto(`${localhost}/admin/login?next=%2Fadmin%2Faccount%2Fpasskeys`);
    expect(await axeViolations(page), "login").toEqual([]);
    await signInAsInvitedOwner(page, "Pilar Phone", "/admin/account/passkeys");
    // A name is needed first: the error summary takes the focus.
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.locator("#error-summary").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    expect(await axeViolations(page), "refused").toEqual([]);
    await page.getByLabel("Name of the passkey").fill("Phone");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.waitForURL(/done=added/);
    expect(await axeViolations(page), "list").toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("says at 127.0.0.1 where passkeys work instead, and keeps the other ways to sign in", async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    expect(await page.locator("form[data-passkey]").count()).toBe(0);
    await page.getByRole("link", { name: "this page at localhost" }).click();
    await page.waitForURL(`${localhost}/admin/login`);
    expect(await page.getByRole("button", { name: "Sign in with a passkey" }).isVisible()).toBe(true);
    await context.close();
  });

  it("keeps the passkey button away without JavaScript", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${localhost}/admin/login`);
    expect(await page.getByRole("button", { name: "Sign in with a passkey" }).count()).toBe(0);
    expect(await page.locator("body").textContent()).toContain("Signing in with a passkey needs JavaScript");
    expect(await page.getByRole("button", { name: "Log in" }).isVisible()).toBe(true);
    await context.close();
  });
});
