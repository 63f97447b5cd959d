/**
 * A partner's page on another origin embeds the demo letter, once by pasting
 * the iframe and once the way a CMS does it from the letter's address alone
 * (oEmbed discovery), and a visitor signs through the frame in Chromium with
 * JavaScript off, on a phone-sized screen.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";

const baseUrl = inject("baseUrl");

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
    const pages: Record<string, string> = {
      "/sized": `<!DOCTYPE html><html lang="en"><title>Partner</title><h1>Our campaign</h1>${sized}</html>`,
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
});
