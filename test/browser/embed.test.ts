/**
 * A partner's page on another origin embeds the demo letter, once by pasting
 * the iframe and once the way a CMS does it from the letter's address alone
 * (oEmbed discovery), and a visitor signs through the frame in Chromium with
 * JavaScript off: on a phone-sized screen, and in the snippet's 720-pixel
 * frame from the card to the confirmation email. The card's languages switch
 * in place; with embed.js, an error brings the partner's page to the card's
 * error summary; and every state of the card passes the Nu HTML Checker.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "node-html-parser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";
import { htmlErrors } from "./vnu";

const baseUrl = inject("baseUrl");
const TITLE = "Letter to OAS Secretary General Luis Almagro on new elections in Honduras";

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

/** The hidden fields of the sign form in `html` (its stamp, the text seen, the language), as a browser posts them. */
function hiddenFields(html: string): Record<string, string> {
  const form = parse(html).querySelector("form")!;
  return Object.fromEntries(
    form
      .querySelectorAll('input[type="hidden"]')
      .map((input) => [input.getAttribute("name")!, input.getAttribute("value") ?? ""]),
  );
}

/** Posts the card's form as a browser in the frame would: from our origin, from its own address. */
function postFromCard(fields: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}${DEMO}/signatures?embed=1&source=browser-partner`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      "Sec-Fetch-Site": "same-origin",
      "CF-Connecting-IP": `203.0.113.${1 + Math.floor(Math.random() * 254)}`,
    },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

/** What a CMS does with a pasted letter address: find its oEmbed link, fetch it, and keep the HTML it gives. */
async function discoverEmbed(letterUrl: string): Promise<string> {
  const page = parse(await (await fetch(letterUrl)).text());
  const href = page.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute("href");
  if (!href) throw new Error("no oEmbed discovery link on the letter page");
  const oembed = (await (
    await fetch(new URL(href, letterUrl).toString().replace(/&format=json$/, "&format=json&maxwidth=360"))
  ).json()) as { type: string; html: string };
  expect(oembed.type).toBe("rich");
  return oembed.html;
}

describe.skipIf(!hasChromium)("a partner's page embedding the demo letter", () => {
  const newVisitor = chromiumVisitors();
  let partner: Server;
  let partnerUrl = "";

  beforeAll(async () => {
    const discovered = await discoverEmbed(`${baseUrl}${DEMO}`);
    const pasted = `<iframe src="${baseUrl}${DEMO}/embed?source=browser-partner" title="Sign the letter" width="480" height="720"></iframe>`;
    const sized = `${pasted}<script src="${baseUrl}/embed.js" async></script>`;
    const above = `<div style="height:1500px">Why we support this letter.</div>`;
    const pages: Record<string, string> = {
      "/sized": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${sized}</html>`,
      "/long": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${above}${sized}${above}</html>`,
      // The snippet as the site gives it (loading="lazy"), below the fold: still about:blank when embed.js runs.
      // (Far enough below for Chromium's lazy-load margin, some thousands of pixels.)
      "/lazy": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${above.replace("1500px", "9000px")}${sized.replace("<iframe ", '<iframe loading="lazy" ')}${above}</html>`,
      "/pasted": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${pasted}</html>`,
      "/oembed": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${discovered}</html>`,
    };
    partner = createServer((request, response) => {
      if (request.url === "/favicon.ico") return void response.writeHead(204).end();
      const body = pages[request.url ?? ""];
      response.writeHead(body ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
      response.end(body ?? "not found");
    });
    await new Promise<void>((resolve) => partner.listen(0, "localhost", resolve));
    // localhost against the app's 127.0.0.1, on another port: another origin.
    partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => partner?.close(resolve));
  });

  it("sizes the iframe to the card with the optional script, JavaScript on", async () => {
    const context = await newVisitor({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/sized`);
    const iframe = page.locator("iframe");
    const card = page.frameLocator("iframe").locator("body");
    const mismatch = async () => {
      const frameHeight = (await iframe.boundingBox())?.height ?? 0;
      const cardHeight = await card.evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
      // The iframe's box is the card plus its 2-pixel borders; before the script it is 720 + 4.
      return { sized: Math.abs(frameHeight - 724) > 4, off: Math.abs(frameHeight - 4 - cardHeight) <= 2 };
    };
    await expect.poll(mismatch, { timeout: 10_000 }).toEqual({ sized: true, off: true });
    await context.close();
  });

  for (const [how, path] of [
    ["the pasted iframe", "/pasted"],
    ["oEmbed discovery", "/oembed"],
  ] as const) {
    it(`shows the card through ${how} and takes a signature inside the frame, with JavaScript off, on a phone`, async () => {
      const context = await newVisitor({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      await page.goto(`${partnerUrl}${path}`);
      const frame = page.frameLocator("iframe");
      await expect(frame.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
        "Letter to OAS Secretary General",
      );
      await expect(frame.locator(".embed-signatories li").first().textContent()).resolves.toBe("AFL-CIO");
      await frame.getByRole("link", { name: "Sign this letter" }).click();
      await frame.getByLabel("as an individual").check();
      await frame.getByLabel("Your full name (public)").fill(`Framed Signer ${path.slice(1)}`);
      await frame.getByLabel("Email address").fill(`framed-${path.slice(1)}-${Date.now()}@example.org`);
      // A person takes more than the form's minimum fill time; this one is quick.
      await page.waitForTimeout(3_100);
      await frame.getByRole("button", { name: "Sign the letter" }).click();
      await expect(frame.getByRole("heading", { name: "Thank you for signing" }).textContent()).resolves.toBe(
        "Thank you for signing",
      );
      await expect(frame.locator(".receipt").textContent()).resolves.toContain(`Framed Signer ${path.slice(1)}`);
      // The partner's page itself stayed where it was.
      expect(page.url()).toBe(`${partnerUrl}${path}`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Our campaign");
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("takes a signature end to end in the snippet's 720-pixel frame without JavaScript: card, form, thanks, confirmation email", async () => {
    const context = await newVisitor({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/pasted`);
    const frame = page.frameLocator("iframe");
    const inner = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    await expect(inner.evaluate(() => window.innerHeight)).resolves.toBe(720);

    // The card: title, addressee, the count once, the first signatories, and Sign, all inside the 720 pixels.
    await expect(frame.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(TITLE);
    await expect(frame.locator(".embed-addressee").textContent()).resolves.toMatch(/^To: .*Almagro/);
    const text = await frame.locator("main").textContent();
    expect(text?.match(/\d+ signatures?/g)).toHaveLength(1);
    await expect(frame.locator(".embed-signatories li").count()).resolves.toBe(5);
    const sign = frame.getByRole("link", { name: "Sign this letter" });
    const box = (await sign.boundingBox())!;
    const frameBox = (await page.locator("iframe").boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    await sign.click();

    // The form, in the same frame at its own address; the submit button is reached by scrolling the frame.
    await expect.poll(() => inner.url()).toBe(`${baseUrl}${DEMO}/embed/sign?lang=en&source=browser-partner`);
    const stamp = Date.now();
    const email = `framed-720-${stamp}@example.org`;
    await frame.getByLabel("as an individual").check();
    await frame.getByLabel("Your full name (public)").fill(`Framed Seven Twenty ${stamp}`);
    await frame.getByLabel("Email address").fill(email);
    await page.waitForTimeout(3_100);
    const submit = frame.getByRole("button", { name: "Sign the letter" });
    await submit.scrollIntoViewIfNeeded();
    const button = (await submit.boundingBox())!;
    expect(button.y).toBeGreaterThanOrEqual(frameBox.y);
    expect(button.y + button.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    await submit.click();

    // The thank-you state: what next, the letter's share links and its address to copy.
    await expect(frame.getByRole("heading", { name: "Thank you for signing" }).textContent()).resolves.toBe(
      "Thank you for signing",
    );
    await expect(frame.locator(".receipt").textContent()).resolves.toContain(`Framed Seven Twenty ${stamp}`);
    await expect(frame.getByLabel("The letter's address").inputValue()).resolves.toBe(`${baseUrl}${DEMO}`);
    await expect(frame.locator(".embed-share .share-links a").count()).resolves.toBeGreaterThan(3);
    expect(page.url()).toBe(`${partnerUrl}/pasted`);
    expect(context.pages()).toHaveLength(1);

    // The email confirms, as from any page.
    const mail = await context.newPage();
    await confirmByEmail(mail, email);
    await expect(mail.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your signature is confirmed");
    await context.close();
  });

  it("switches the card's language in place, in the same frame, keeping its attribution", async () => {
    const context = await newVisitor({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/pasted`);
    const frame = page.frameLocator("iframe");
    const inner = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    await frame.getByRole("link", { name: "Español" }).click();
    await expect.poll(() => inner.url()).toBe(`${baseUrl}${DEMO}/embed?lang=es&source=browser-partner`);
    await expect(frame.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Carta al Secretario General de la OEA, Luis Almagro, sobre nuevas elecciones en Honduras",
    );
    await frame.getByRole("link", { name: "Firmar esta carta" }).click();
    await expect.poll(() => inner.url()).toBe(`${baseUrl}${DEMO}/embed/sign?lang=es&source=browser-partner`);
    await frame.getByRole("link", { name: "English" }).click();
    await expect.poll(() => inner.url()).toBe(`${baseUrl}${DEMO}/embed/sign?lang=en&source=browser-partner`);
    await expect(frame.getByRole("heading", { name: "Sign this letter" }).count()).resolves.toBe(1);
    // No new tab, and the partner's page stayed.
    expect(context.pages()).toHaveLength(1);
    expect(page.url()).toBe(`${partnerUrl}/pasted`);
    await context.close();
  });

  it("sizes a lazy frame once it loads, the partner's console free of errors", async () => {
    const context = await newVisitor({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    // Chromium reports a refused postMessage in DevTools' console, which this headless run does not
    // pass on: count posts to a frame still at about:blank, as embed.js makes them.
    await page.addInitScript(() => {
      const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "contentWindow")!;
      Object.defineProperty(HTMLIFrameElement.prototype, "contentWindow", {
        get(this: HTMLIFrameElement) {
          const target = own.get!.call(this) as (Window & { counted?: true }) | null;
          try {
            if (target && target.location.href === "about:blank" && !target.counted) {
              const post = target.postMessage.bind(target);
              target.postMessage = ((message: unknown, origin: string) => {
                const partner = window as unknown as { blankPosts?: number };
                partner.blankPosts = (partner.blankPosts ?? 0) + 1;
                post(message, origin);
              }) as Window["postMessage"];
              target.counted = true;
            }
          } catch {
            // A frame at another origin: not blank.
          }
          return target;
        },
      });
    });
    await page.goto(`${partnerUrl}/lazy`, { waitUntil: "load" });
    const iframe = page.locator("iframe");
    await iframe.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => Math.round((await iframe.boundingBox())?.height ?? 0), { timeout: 10_000 })
      .not.toBe(720);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { blankPosts?: number }).blankPosts ?? 0)).toBe(0);
    await context.close();
  });

  it("brings the partner's page to the card's error summary with embed.js, across origins", async () => {
    const context = await newVisitor({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${partnerUrl}/long`);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("link", { name: "Sign this letter" }).click();
    await frame.getByLabel("as an individual").check();
    await frame.getByLabel("Your full name (public)").fill("Hasty Person");
    await frame.getByLabel("Email address").fill("not-an-email");
    // The frame is as tall as the form (embed.js): the button is far below its top.
    await expect.poll(async () => (await page.locator("iframe").boundingBox())?.height ?? 0).toBeGreaterThan(900);
    await frame.getByRole("button", { name: "Sign the letter" }).click();
    const summary = frame.locator(".error-summary");
    await expect(summary.textContent()).resolves.toContain("There is a problem");
    const inView = async () => {
      const box = await summary.boundingBox();
      return Boolean(box && box.y >= 0 && box.y + box.height <= 720);
    };
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    await context.close();
  });

  it("draws every state of the card as valid HTML (Nu HTML Checker)", async () => {
    const card = await (await fetch(`${baseUrl}${DEMO}/embed?source=browser-partner`)).text();
    const form = await (await fetch(`${baseUrl}${DEMO}/embed/sign?source=browser-partner`)).text();
    const spanish = await (await fetch(`${baseUrl}${DEMO}/embed/sign?source=browser-partner&lang=es`)).text();
    const refused = await postFromCard({ ...hiddenFields(form), kind: "individual", name: "Hasty", email: "nope" });
    expect(refused.status).toBe(422);
    const fields = hiddenFields(form);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const signed = await postFromCard({
      ...fields,
      kind: "individual",
      name: `Checked Signer ${Date.now()}`,
      email: `checked-${Date.now()}@example.org`,
    });
    expect(signed.status).toBe(303);
    const thanks = await (await fetch(new URL(signed.headers.get("Location")!, baseUrl))).text();
    expect(thanks).toContain("Thank you for signing");
    const pages = new Map([
      ["the card", card],
      ["its form", form],
      ["its form in Spanish", spanish],
      ["its form with errors", await refused.text()],
      ["its thank-you state", thanks],
    ]);
    expect(Object.fromEntries(await htmlErrors(pages))).toEqual({});
  });
});
