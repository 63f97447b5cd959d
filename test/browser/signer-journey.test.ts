/**
 * The signer's journey (issues 12 and 13) in Chromium, clicked as people
 * would, against `npm start` and its local outbox (/dev/mail): confirm, see
 * one's entry in the public record, and withdraw with the emailed links; a stranger repeating a signed address; an
 * organizer hiding, the signer withdrawing, a restore refused; a dead link.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { DEMO } from "./demo";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");
const SLUG = DEMO.split("/").pop()!;

/** The public representations of the demo letter that show `text` (each read as a visitor would, cache and all). */
async function publicPathsShowing(text: string): Promise<string[]> {
  const paths = [
    DEMO,
    `${DEMO}.json`,
    `${DEMO}/signatories`,
    `${DEMO}/signatories.json`,
    `${DEMO}/record.json`,
    `${DEMO}/embed`,
    `/api/v1/letters/${SLUG}`,
    `/api/v1/letters/${SLUG}/signatories?kind=individual`,
  ];
  const bodies = await Promise.all(paths.map(async (path) => (await fetch(`${baseUrl}${path}`)).text()));
  return paths.filter((_, index) => bodies[index]!.includes(text));
}

async function fillAndSign(page: Page, name: string, email: string) {
  await page.goto(`${baseUrl}${DEMO}`);
  await page.getByLabel("as an individual").check();
  await page.getByLabel("Your full name (public)").fill(name);
  await page.getByLabel("Email address").fill(email);
  // A person takes more than the form's minimum fill time.
  await page.waitForTimeout(3_100);
  await Promise.all([
    page.waitForURL(/\/signed\?receipt=/),
    page.getByRole("button", { name: "Sign the letter" }).click(),
  ]);
}

/** Opens the newest email to `email` in the local outbox and follows its link containing `fragment`. */
async function followEmailLink(page: Page, email: string, subject: RegExp, fragment: string) {
  await page.goto(`${baseUrl}/dev/mail`);
  const message = page.locator("article", { hasText: email }).filter({ hasText: subject }).first();
  await message.getByRole("link", { name: new RegExp(fragment.replace(/[?]/g, "\\?")) }).click();
}

async function confirmByEmail(page: Page, email: string) {
  await followEmailLink(page, email, /Confirm your signature/, "/confirm?token=");
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

async function refOf(name: string): Promise<string> {
  const listed = (await (await adminApi(`/letters/${SLUG}/signatures`)).json()) as {
    signatures: { ref: string; name: string }[];
  };
  return listed.signatures.find((signature) => signature.name === name)!.ref;
}

describe.skipIf(!hasChromium)("the signer's journey in Chromium", () => {
  const newVisitor = chromiumVisitors();
  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await newVisitor({ javaScriptEnabled: false });
    return { context, page: await context.newPage() };
  };

  it("sign → confirm → withdraw with the first email's link → gone from every public address", async () => {
    const { context, page } = await open();
    const email = `journey-${Date.now()}@example.org`;
    const name = `Journey Signer ${Date.now()}`;
    await fillAndSign(page, name, email);
    await confirmByEmail(page, email);
    expect(await publicPathsShowing(name)).toContain(DEMO);

    // The confirmed page gives the signer their entry in the public record; its page shows the same.
    const hash = await page.locator(".your-entry .record-hash").textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await Promise.all([
      // In the language the signer read the letter in (the demo letter has two).
      page.waitForURL(/\/record\/\d+\?lang=en$/),
      page.getByRole("link", { name: "See your entry, and how to check that it stays in the record" }).click(),
    ]);
    const seq = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      `Entry ${seq} of the public record`,
    );
    await expect(page.locator(".record-hash").textContent()).resolves.toBe(hash);
    await expect(page.locator(".record-details").textContent()).resolves.toBe(name);
    await expect(page.locator(".command").textContent()).resolves.toBe(
      `npm run verify -- ${baseUrl}${DEMO} --entry ${seq}:${hash}`,
    );

    // The "take your signature back" link of the very first email still works after confirming.
    await followEmailLink(page, email, /Confirm your signature/, "/withdraw?token=");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Withdraw your signature");
    await Promise.all([
      page.waitForURL(/\/withdrawn/),
      page.getByRole("button", { name: "Withdraw my signature" }).click(),
    ]);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Your signature has been withdrawn",
    );
    expect(await publicPathsShowing(name)).toEqual([]);

    // The same link again is dead, and says so honestly.
    await followEmailLink(page, email, /Confirm your signature/, "/withdraw?token=");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("This link doesn't work");
    await context.close();
  });

  it("a stranger repeats a signed address: the same answer as anyone, and the owner's signature unchanged", async () => {
    const owner = await open();
    const email = `owner-${Date.now()}@example.org`;
    const name = `Owner Person ${Date.now()}`;
    await fillAndSign(owner.page, name, email);
    await confirmByEmail(owner.page, email);

    const stranger = await open();
    await fillAndSign(stranger.page, "Impostor Name", email);
    const repeated = await stranger.page.locator("main").innerText();
    const newcomer = await open();
    await fillAndSign(newcomer.page, "Impostor Name", `someone-new-${Date.now()}@example.org`);
    expect(repeated).toBe(await newcomer.page.locator("main").innerText());
    expect(await stranger.page.locator('a[href*="/withdraw"]').count()).toBe(0);

    expect(await publicPathsShowing(name)).toContain(DEMO);
    expect(await publicPathsShowing("Impostor Name")).toEqual([]);
    // The owner was told, with their own working link.
    await followEmailLink(owner.page, email, /You have already signed/, "/withdraw?token=");
    await expect(owner.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Withdraw your signature");
    for (const visitor of [owner, stranger, newcomer]) await visitor.context.close();
  });

  it("hide → the signer withdraws → restore is refused, and the name never comes back", async () => {
    const { context, page } = await open();
    const email = `hidden-${Date.now()}@example.org`;
    const name = `Hidden Signer ${Date.now()}`;
    await fillAndSign(page, name, email);
    await confirmByEmail(page, email);
    const ref = await refOf(name);
    expect((await adminApi(`/letters/${SLUG}/signatures/${ref}/hide`, "POST")).status).toBe(200);

    await followEmailLink(page, email, /Confirm your signature/, "/withdraw?token=");
    await Promise.all([
      page.waitForURL(/\/withdrawn/),
      page.getByRole("button", { name: "Withdraw my signature" }).click(),
    ]);
    expect((await adminApi(`/letters/${SLUG}/signatures/${ref}/restore`, "POST")).status).toBe(409);
    expect(await publicPathsShowing(name)).toEqual([]);
    await context.close();
  });

  it("a link that does nothing gets the honest page, not 'withdrawn'", async () => {
    const { context, page } = await open();
    const response = await page.goto(`${baseUrl}${DEMO}/withdraw?token=${"0".repeat(32)}.${"A".repeat(22)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("This link doesn't work");
    await context.close();
  });
});
