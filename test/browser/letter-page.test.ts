/**
 * The demo letter as a visitor meets it, served by `npm start` and read in
 * a real Chromium: with JavaScript off, on a phone, and printed.
 */
import { parse } from "node-html-parser";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO, DEMO_ORGANIZATIONS } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";

const baseUrl = inject("baseUrl");

describe("npm start", () => {
  it("serves the demo letter with its 13 organizations in their original order, and lists it on the home page", async () => {
    const response = await fetch(`${baseUrl}${DEMO}`);
    expect(response.status).toBe(200);
    const document = parse(await response.text());
    expect(document.querySelector("h1")?.textContent).toBe(
      "Letter to OAS Secretary General Luis Almagro on new elections in Honduras",
    );
    expect(document.querySelectorAll(".signatory-list.organizations li").map((li) => li.textContent.trim())).toEqual(
      DEMO_ORGANIZATIONS,
    );
    expect(document.querySelector(".letter-body p")?.textContent).toBe("Dear Secretary General Almagro:");
    expect(document.querySelector("#sign form")).not.toBeNull();
    const home = parse(await (await fetch(`${baseUrl}/`)).text());
    expect(home.querySelector(`a[href="${DEMO}"]`)).not.toBeNull();
    const json = (await (await fetch(`${baseUrl}/letters.json`)).json()) as {
      letters: { slug: string; counts: { organizations: number } }[];
    };
    expect(
      json.letters.find((letter) => letter.slug === "honduras-new-elections-2017")?.counts.organizations,
    ).toBeGreaterThanOrEqual(13);
    // The static assets (public/) are served too.
    const image = await fetch(`${baseUrl}/og-image.png`);
    expect([image.status, image.headers.get("Content-Type")]).toEqual([200, "image/png"]);
  });
});

describe.skipIf(!hasChromium)("the demo letter in Chromium", () => {
  const newVisitor = chromiumVisitors();

  async function openPage(
    options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> {
    const context = await newVisitor({
      javaScriptEnabled: options.javaScriptEnabled ?? false,
      viewport: options.viewport,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    (page as Page & { problems: string[] }).problems = problems;
    return page;
  }

  it("can be signed and confirmed with JavaScript off, through the local outbox that npm start sets up", async () => {
    const page = await openPage();
    const email = `browser-${Date.now()}@example.org`;
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByRole("link", { name: "Sign this letter" }).click();
    await page.getByLabel("as an individual").check();
    await page.getByLabel("Your full name (public)").fill("Berta Cáceres Test");
    await page.getByLabel("Organization or affiliation (optional, public)").fill("COPINH");
    await page.getByLabel("City (optional, public)").fill("La Esperanza");
    await page.getByLabel("Country (optional, public)").selectOption({ label: "Honduras" });
    await page.getByLabel("Email address").fill(email);
    // A person takes more than the form's minimum fill time; this one is quick.
    await page.waitForTimeout(3_100);
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=/),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email to confirm");
    await expect(page.locator(".receipt").textContent()).resolves.toBe(
      "Berta Cáceres Test, COPINH — La Esperanza, Honduras",
    );

    await page.goto(`${baseUrl}/dev/mail`);
    const message = page.locator("article", { hasText: email }).first();
    await expect(message.locator("h2").textContent()).resolves.toMatch(/^Confirm your signature: /);
    await message.getByRole("link", { name: /\/confirm\?token=/ }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Confirm your signature");
    await Promise.all([
      page.waitForURL(/\/confirmed\?receipt=/),
      page.getByRole("button", { name: "Confirm my signature" }).click(),
    ]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your signature is confirmed");
    await expect(page.locator(".counts").textContent()).resolves.toMatch(
      /^The letter now has \d+ signatures: \d+ organizations and [1-9]\d* individuals?\.$/,
    );
    // And the name is in the public list (the individuals' list, not yet cached in this run).
    const listed = (await (
      await fetch(`${baseUrl}/api/v1/letters/honduras-new-elections-2017/signatories?kind=individual`)
    ).json()) as {
      signatories: { name: string; city: string }[];
    };
    expect(listed.signatories).toContainEqual(
      expect.objectContaining({ name: "Berta Cáceres Test", city: "La Esperanza" }),
    );
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it("stores and emails a signature fixed and sent again within a second of the error page, with JavaScript off", async () => {
    const page = await openPage();
    const email = `quick-fix-${Date.now()}@example.org`;
    await page.goto(`${baseUrl}${DEMO}`);
    // "I am signing" left unchosen, after the time a person takes to type.
    await page.getByLabel("Your full name (public)").fill("Quick Fix Test");
    await page.getByLabel("Email address").fill(email);
    await page.waitForTimeout(3_100);
    const [invalid] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    expect(invalid?.status()).toBe(422);
    // Fixed and sent again at once: the form's time runs from when the letter page was first shown.
    await page.getByLabel("as an individual").check();
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=/),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email to confirm");
    await page.goto(`${baseUrl}/dev/mail`);
    await expect(page.locator("article", { hasText: email }).locator("h2").textContent()).resolves.toMatch(
      /^Confirm your signature: /,
    );
  });

  it("brings a failed form back filled in, with the error summary focused, with JavaScript off", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("for an organization").check();
    await page.getByLabel("Organization's name (public)").fill("=cmd|' /C calc'!A0");
    await page.getByLabel("Your name, as its contact (private)").fill("Contact Person");
    await page.getByLabel("I am authorized to sign on behalf of this organization").check();
    await page.getByLabel("Email address").fill("not an email");
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    expect(response?.status()).toBe(422);
    expect(new URL(page.url()).pathname).toBe(`${DEMO}/signatures`);
    const summary = page.getByRole("alert");
    await expect(summary.textContent()).resolves.toContain("There are 2 problems with your signature");
    // The summary takes focus by itself (autofocus), so it is read out and in view without any script.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(
      await summary.evaluate(
        (element) =>
          element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().top < window.innerHeight,
      ),
    ).toBe(true);
    await expect(page.getByLabel("Organization's name (public)").inputValue()).resolves.toBe("=cmd|' /C calc'!A0");
    await expect(page.getByLabel("for an organization").isChecked()).resolves.toBe(true);
    await summary.getByRole("link", { name: /valid email address/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sign-email");
  });

  it("fits a phone screen without sideways scrolling, and applies its stylesheet under the CSP", async () => {
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseUrl}${DEMO}`);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      fontSize: parseFloat(getComputedStyle(document.body).fontSize),
      buttonWidth: document.querySelector("button[type=submit]")!.getBoundingClientRect().width,
      inputWidth: document.querySelector("#sign-name")!.getBoundingClientRect().width,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.fontSize).toBeGreaterThanOrEqual(16);
    expect(layout.inputWidth).toBeGreaterThan(250);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it("can be signed with JavaScript on, which changes nothing (the pages have no script of their own)", async () => {
    const page = await openPage({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}${DEMO}`);
    await page.getByLabel("as an individual").check();
    await page.getByLabel("Your full name (public)").fill("Script On Test");
    await page.getByLabel("Email address").fill(`js-on-${Date.now()}@example.org`);
    await page.waitForTimeout(3_100);
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=/),
      page.getByRole("button", { name: "Sign the letter" }).click(),
    ]);
    await expect(page.locator(".receipt").textContent()).resolves.toBe("Script On Test");
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it("fits every screen from a small phone to a desktop without sideways scrolling: the letter and the embed card", async () => {
    for (const width of [320, 390, 768, 1024, 1440]) {
      const page = await openPage({ viewport: { width, height: 800 } });
      for (const path of [DEMO, `${DEMO}/embed`, `${DEMO}/embed/sign`]) {
        await page.goto(`${baseUrl}${path}`);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(widths.scroll, `${path} at ${width}px`).toBeLessThanOrEqual(widths.inner);
      }
      await page.context().close();
    }
  });

  it("prints the letter and its signatories without the form or the navigation", async () => {
    const page = await openPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${baseUrl}${DEMO}`);
    await page.emulateMedia({ media: "print" });
    const visible = await page.evaluate(() => {
      const shown = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display !== "none" : false;
      };
      return {
        form: shown("#sign"),
        header: shown(".site-header"),
        letter: shown(".letter-body"),
        signatories: shown(".signatories"),
      };
    });
    expect(visible).toEqual({ form: false, header: false, letter: true, signatories: true });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
