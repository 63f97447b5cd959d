/**
 * The organizer area in Chromium, served by `npm start`: logging in with the
 * token it printed, writing a letter beside its live preview, publishing it,
 * moderating signatures in bulk, logging out; and axe-core on its pages.
 */
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("the organizer area in Chromium", () => {
  const newVisitor = chromiumVisitors();

  async function loggedIn(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor(options);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    return { context, page };
  }

  it("logs in with the token npm start printed, refuses a wrong one, and logs out", async () => {
    const context = await newVisitor();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.getByLabel("Admin token").fill("not-the-token-at-all");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("That is not the admin token");
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(await page.locator("h1").textContent()).toBe("Letters");
    expect(await page.locator("table").textContent()).toContain("Letter to OAS Secretary General Luis Almagro");
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "undersigned-session")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
    });
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await context.close();
  });

  it("writes a letter beside a preview that follows the typing, publishes it, and moderates its signatures in bulk", async () => {
    const { context, page } = await loggedIn();
    const slug = `browser-letter-${Date.now()}`;
    await page.getByRole("link", { name: "New letter", exact: true }).first().click();
    await page.getByLabel("Title", { exact: true }).fill("A letter written in the browser");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("The Honorable Someone\nSecretary General");
    await page
      .getByLabel("Text of the letter")
      .fill(
        "Dear Secretary General:\n\nWe, the undersigned organizations, ask for **fair** elections in every member state.",
      );
    // The preview frame follows the typing (the editor's script presses Preview after a pause).
    const preview = page.frameLocator("iframe[name=letter-preview]");
    await expect
      .poll(() => preview.locator("h1").textContent(), { timeout: 10_000 })
      .toBe("A letter written in the browser");
    expect(await preview.locator(".letter-body strong").textContent()).toBe("fair");
    await page.getByLabel("Organizations' signatures wait for an organizer's approval before they count").check();
    await page.getByLabel("Email confirmation").selectOption("no");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    expect(await page.locator(".flash").textContent()).toContain("The draft is saved");
    // A draft is not public; its preview link is.
    expect((await fetch(`${baseUrl}/letters/${slug}`)).status).toBe(404);
    const previewLink = await page.getByLabel("Preview link").inputValue();
    expect((await fetch(previewLink)).status).toBe(200);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);

    // Two organizations sign, with JavaScript off, as visitors do.
    const visitors = await newVisitor({ javaScriptEnabled: false });
    for (const name of ["First Coalition Member", "Second Coalition Member"]) {
      const signer = await visitors.newPage();
      await signer.goto(`${baseUrl}/letters/${slug}`);
      await signer.getByLabel("for an organization").check();
      await signer.getByLabel("Organization's name (public)").fill(name);
      await signer.getByLabel("Your name, as its contact (private)").fill("Contact Person");
      await signer.getByLabel("I am authorized to sign on behalf of this organization").check();
      await signer.getByLabel("Email address").fill(`${name.toLowerCase().replaceAll(" ", ".")}@example.org`);
      // The form must have been on screen a moment before it is sent (the bots check).
      await signer.waitForTimeout(3_100);
      await Promise.all([
        signer.waitForURL(/\/signed/),
        signer.getByRole("button", { name: "Sign the letter" }).click(),
      ]);
      await signer.close();
    }
    await visitors.close();

    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures?status=in_review`);
    expect(await page.locator("[role=status]").first().textContent()).toBe("2 signatures match.");
    await page.getByLabel("Select First Coalition Member").check();
    await page.getByLabel("Select Second Coalition Member").check();
    await page.getByRole("button", { name: "Review the change" }).click();
    expect(await page.locator("h1").textContent()).toBe("Approve 2 signatures?");
    await page.getByRole("button", { name: "Approve 2 signatures" }).click();
    await page.waitForURL(/done=approve&n=2/);
    expect(await page.locator(".flash").textContent()).toBe("Approved 2 signatures.");
    const letterPage = await (await fetch(`${baseUrl}/letters/${slug}`)).text();
    expect(letterPage).toContain("First Coalition Member");
    expect(letterPage).toContain("Second Coalition Member");
    await context.close();
  });

  it("previews without JavaScript too, by the Preview button", async () => {
    const { context, page } = await loggedIn({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("Previewed without script");
    await page.getByLabel("Address", { exact: true }).fill(`no-script-${Date.now()}`);
    await page.getByLabel("Addressee").fill("Someone");
    await page.getByLabel("Text of the letter").fill("A short letter.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect
      .poll(() => page.frameLocator("iframe[name=letter-preview]").locator("h1").textContent())
      .toBe("Previewed without script");
    await context.close();
  });

  it("has no accessibility violations on its pages (axe-core)", async () => {
    const { context, page } = await loggedIn({ bypassCSP: true });
    const pages = [
      "/admin",
      "/admin/letters/new",
      "/admin/letters/honduras-new-elections-2017",
      "/admin/letters/honduras-new-elections-2017/signatures",
      "/admin/letters/honduras-new-elections-2017/order",
    ];
    for (const path of pages) {
      await page.goto(`${baseUrl}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    const login = await (await newVisitor({ bypassCSP: true })).newPage();
    await login.goto(`${baseUrl}/admin/login`);
    expect(await axeViolations(login)).toEqual([]);
    await context.close();
  });
});
