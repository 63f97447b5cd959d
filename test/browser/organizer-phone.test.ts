/**
 * The organizers' daily work on signatures in Chromium (issue 15): the
 * signatures page on a 390 px phone, with no sideways scrolling and every
 * row's actions on screen; an email address broken only where it reads
 * well at desktop width; a refused hand entry whose summary of problems is
 * focused and in view, without JavaScript; axe on both.
 */
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const SIGNATURES = "/admin/letters/honduras-new-elections-2017/signatures";

describe.skipIf(!hasChromium)("the signatures page as an organizer uses it", () => {
  const newVisitor = chromiumVisitors();

  async function loggedIn(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor({ bypassCSP: true, ...options });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/login?next=${encodeURIComponent(SIGNATURES)}`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}${SIGNATURES}`);
    return { context, page };
  }

  /**
   * Sends the hand entry and waits for the page that answers it: `waitForLoadState` alone can
   * return at once, while the page that was submitted is still the loaded one.
   */
  async function refusedHandEntry(page: Page): Promise<void> {
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Add the signature" }).click(),
    ]);
    await page.waitForLoadState("load");
    await page.locator(".error-summary").waitFor();
  }

  it("fits a 390 px phone: no sideways scrolling, each row's actions on screen", async () => {
    const { context, page } = await loggedIn({ viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The rows with actions (other tests of the run add signatures of every kind to the demo letter).
    const rows = page.locator("table.stacked-table tbody tr", { has: page.locator("td.row-actions button") });
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of [rows.first(), rows.last()]) {
      const hide = row.locator("td.row-actions button").first();
      await hide.scrollIntoViewIfNeeded();
      await expect.poll(() => hide.isVisible()).toBe(true);
      const box = (await hide.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const viewport = await page.evaluate(() => window.innerHeight);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport);
    }
    // Still no sideways scrolling with the page scrolled to its rows.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows the letters list on a 390 px phone as cards: no sideways scrolling, titles whole", async () => {
    const { context, page } = await loggedIn({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/admin`);
    const table = page.locator("table.stacked-table");
    expect((await table.boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("breaks an email address only after its @ or before a dot at desktop width, and copies it whole", async () => {
    const { context, page } = await loggedIn({ viewport: { width: 1280, height: 800 } });
    const email = `ana.lopez-hernandez.${Date.now()}@coordinadora-de-organizaciones.example.org`;
    await page.getByRole("radio", { name: "A person", exact: true }).check();
    await page.getByLabel("Person's full name (public)").fill("Ana López Hernández");
    await page.getByLabel("Email (optional, never shown)").fill(email);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Add the signature" }).click(),
    ]);
    await page.waitForLoadState("load");
    const cell = page.locator("table.stacked-table td[data-label=Email]", { hasText: email });
    await expect.poll(() => cell.count()).toBe(1);
    // Where each line of the cell starts, from the position of each character.
    const lines = await cell.evaluate((element) => {
      const starts: string[] = [];
      let top: number | null = null;
      let line = "";
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let index = 0; index < node.textContent!.length; index++) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== null && rect.top > top + 1) {
            starts.push(line);
            line = "";
          }
          top = rect.top;
          line += node.textContent![index];
        }
      }
      starts.push(line);
      return starts;
    });
    expect(lines.join("")).toBe(email);
    expect(lines.length, "the column is narrower than the address").toBeGreaterThan(1);
    for (const [index, line] of lines.entries()) {
      if (index === 0) continue;
      expect(line.startsWith(".") || lines[index - 1]!.endsWith("@"), JSON.stringify(lines)).toBe(true);
    }
    // The text copied is the address, with no character added at its breaks.
    expect(await cell.evaluate((element) => element.textContent)).toBe(email);
    // On a phone, the same address still leaves no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("focuses the summary of a refused hand entry, in view, without JavaScript", async () => {
    const { context, page } = await loggedIn({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    await page.getByRole("radio", { name: "A person", exact: true }).check();
    await page.getByLabel("Person's full name (public)").fill('=HYPERLINK("https://example.org")');
    await page.getByLabel("Email (optional, never shown)").fill("not-an-address");
    await refusedHandEntry(page);
    expect(await page.title()).toMatch(/^Error: /);
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement!;
        const box = active.getBoundingClientRect();
        return {
          summary: active.classList.contains("error-summary"),
          inHandEntry: active.closest("section")?.querySelector("#manual-title") !== null,
          inView: box.top >= 0 && box.top < window.innerHeight,
        };
      });
    // `autofocus` is applied at the page's next rendering opportunity, which may come after `load`.
    await expect.poll(focused).toEqual({ summary: true, inHandEntry: true, inView: true });
    // Each problem links to its field.
    await page.locator(".error-summary a").first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toMatch(/^(name|email)$/);
    await context.close();
  });

  it("passes axe with a refused hand entry on a phone, still without sideways scrolling", async () => {
    const { context, page } = await loggedIn({ viewport: { width: 390, height: 844 } });
    await page.getByRole("radio", { name: "A person", exact: true }).check();
    await page.getByLabel("Email (optional, never shown)").fill("not-an-address");
    await refusedHandEntry(page);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary")))
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
