/**
 * Vetting an organization by hand, in Chromium, as a coalition's
 * coordinator does: a letter published, an organization received
 * on paper entered with its website and contact (a name beginning with +),
 * marked verified from its row; the public signatories page (read with
 * JavaScript off) then shows the mark with its meaning in words, the website as a link to its host, and
 * never the contact; axe-core finds nothing on either page.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("an organization vetted by the organizers, in Chromium", () => {
  const newVisitor = chromiumVisitors();

  async function loggedIn(): Promise<{ context: BrowserContext; page: Page }> {
    // axe-core runs as a script in the page: the organizer's context keeps JavaScript (the pages need none).
    const context = await newVisitor({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    return { context, page };
  }

  it("is entered by hand, marked verified from its row, and shows the mark on the public signatories page", async () => {
    const { context, page } = await loggedIn();
    const slug = `vetted-${Date.now()}`;
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("A letter its organizers vet");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("The Honorable Someone");
    await page.getByLabel("Text of the letter").fill("We, the undersigned organizations, ask for a fair process.");
    await page.getByLabel("Email confirmation").selectOption("no");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);

    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures`);
    await page.getByRole("radio", { name: "An organization", exact: true }).check();
    await page.getByLabel("Organization's name (public)").fill("+Acumen");
    await page.getByLabel("Organization's website (optional, public)").fill("acumen.org");
    await page.getByLabel("Contact person's name (optional, never shown publicly)").fill("Quentin Contactperson");
    await page.getByLabel("Contact person's role in it (optional, never shown publicly)").fill("Partnerships Lead");
    await page.getByLabel("City (optional)").fill("New York");
    await page.getByRole("button", { name: "Add the signature" }).click();
    await page.waitForURL(/done=added/);
    const row = page.locator("tbody tr", { hasText: "+Acumen" });
    expect(await row.textContent()).toContain("Contact: Quentin Contactperson, Partnerships Lead");
    expect(await row.textContent()).toContain("not verified");

    await page.getByRole("button", { name: "Mark +Acumen verified" }).click();
    await page.waitForURL(/done=verified/);
    expect(await page.locator(".flash").textContent()).toContain("marked verified by the organizers");
    expect(await page.locator("tbody tr", { hasText: "+Acumen" }).textContent()).toMatch(
      /Verified by the organizers on \w+ \d+, \d{4}/,
    );
    expect(await axeViolations(page), "the organizers' signatures page").toEqual([]);

    const visitor = await newVisitor({ javaScriptEnabled: false, bypassCSP: true });
    const reader = await visitor.newPage();
    await reader.goto(`${baseUrl}/letters/${slug}/signatories`);
    const entry = reader.locator(".signatory-list.organizations li", { hasText: "+Acumen" });
    expect(await entry.locator(".verified").getAttribute("title")).toBe("Verified by the organizers");
    // What a screen reader reads: the name, then what the mark means.
    expect(await entry.locator(".verified .visually-hidden").textContent()).toBe("(Verified by the organizers)");
    const website = entry.getByRole("link", { name: "acumen.org" });
    expect(await website.getAttribute("href")).toBe("https://acumen.org/");
    expect(await website.getAttribute("rel")).toBe("nofollow ugc noopener");
    await reader.getByText("What “verified” means").click();
    expect(await reader.locator(".verified-explanation p").isVisible()).toBe(true);
    const text = (await reader.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Quentin Contactperson");
    expect(text).not.toContain("Partnerships Lead");
    await visitor.close();

    const checker = await newVisitor({ bypassCSP: true });
    const checked = await checker.newPage();
    await checked.goto(`${baseUrl}/letters/${slug}/signatories`);
    expect(await axeViolations(checked), "the public signatories page").toEqual([]);
    await checked.goto(`${baseUrl}/letters/${slug}`);
    expect(await axeViolations(checked), "the letter's page").toEqual([]);
    await checker.close();
    await context.close();
  });
});
