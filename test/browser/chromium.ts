/**
 * Debian's Chromium through playwright-core (never a downloaded browser).
 * Where it is not installed, outside CI, the browser tests are skipped with a
 * note; in CI (.ci/run installs it) a missing browser is a failure.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH) || Boolean(process.env.CI);

if (!hasChromium) {
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // This machine's network is closed: keep Chromium from reaching out at all.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * A browser context for one visitor, arriving from an address of its own
 * (RFC 5737 documentation range, in CF-Connecting-IP as Cloudflare would set
 * it), so that the tests' signatures don't share one client's rate limit.
 */
function newVisitorContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const address = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
  return browser.newContext({
    ...options,
    extraHTTPHeaders: { ...options.extraHTTPHeaders, "CF-Connecting-IP": address },
  });
}

/**
 * Chromium for the suite this is called in (launched before its tests, closed
 * after them), given as the function that opens a visitor's context in it.
 */
export function chromiumVisitors(): (options?: BrowserContextOptions) => Promise<BrowserContext> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (options) => {
    if (!browser) throw new Error("Chromium is not running: open visitors inside the suite's tests");
    return newVisitorContext(browser, options);
  };
}
