/**
 * A person is never dropped without a word: the form's fill time runs from
 * when the visitor first got the form, through every page that shows it
 * again (an error, a refusal, "please send it again"), so someone who fixes
 * a mistake within a second is stored and emailed; behind the edge cache
 * every answer draws its own stamp; and stamps expire. The clock is stopped
 * and moved by the test, so nothing depends on how fast the machine is.
 */
import type { HTMLElement } from "node-html-parser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FILL_ALLOWANCE_MS, MINIMUM_FILL_MS } from "../../src/domain/bots";
import {
  createLetter,
  fetchApp,
  mailTo,
  parseHtml,
  postSignature,
  signatureRows,
  stopClock,
  submitForm,
  texts,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };
const START = Date.parse("2030-06-15T12:00:00.000Z");

beforeEach(() => {
  stopClock(START);
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Moves the stopped clock to `ms` after START. */
function at(ms: number) {
  vi.setSystemTime(START + ms);
}

function drawnAt(document: HTMLElement): number {
  return Number(document.querySelector('input[name="form_stamp"]')!.getAttribute("value")!.split(".")[0]);
}

async function page(path: string, env: Partial<Cloudflare.Env> = LOCAL_MAIL) {
  const response = await fetchApp(path, env);
  return { response, document: parseHtml(await response.text()) };
}

describe("fixing a mistake quickly is not a bot", () => {
  it("stores and emails a signature sent again within a second of the error page", async () => {
    const letter = await createLetter({ title: "Quick fix letter" });
    const { document: form } = await page(`/letters/${letter.slug}`);
    const email = "quick.fixer@example.org";
    // Ten seconds to type, but "I am signing" left unchosen.
    at(10_000);
    const invalid = await submitForm(form, { name: "Quick Fixer", email }, { env: LOCAL_MAIL });
    expect(invalid.status).toBe(422);
    const errorPage = parseHtml(await invalid.text());
    expect(texts(errorPage, ".error-summary li")).toEqual([
      "Choose whether you sign for an organization or as an individual.",
    ]);
    expect(drawnAt(errorPage)).toBe(START);
    // Chosen, and sent again 600 ms later.
    at(10_600);
    const signed = await submitForm(errorPage, { kind: "individual" }, { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Quick Fixer"]);
    expect((await mailTo(email)).map((mail) => mail.subject)).toEqual(["Confirm your signature: Quick fix letter"]);
  });

  it("does the same inside the embed card", async () => {
    const letter = await createLetter({ title: "Embedded quick fix" });
    const { document: card } = await page(`/letters/${letter.slug}/embed/sign?source=partner-org`);
    const email = "embed.fixer@example.org";
    at(8_000);
    const invalid = await submitForm(card, { kind: "individual", email }, { env: LOCAL_MAIL });
    expect(invalid.status).toBe(422);
    const errorCard = parseHtml(await invalid.text());
    expect(errorCard.querySelector("body")?.getAttribute("class")).toBe("embed");
    expect(drawnAt(errorCard)).toBe(START);
    at(8_500);
    const signed = await submitForm(errorCard, { name: "Embed Fixer" }, { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    expect(signed.headers.get("Location")).toMatch(/\/embed\?source=partner-org&receipt=/);
    const [row] = await signatureRows(letter.slug);
    expect(row).toMatchObject({ name: "Embed Fixer", source: "partner-org" });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("keeps the first stamp through several error pages, however many", async () => {
    const letter = await createLetter();
    const { document: form } = await page(`/letters/${letter.slug}`);
    at(5_000);
    let current = form;
    const steps: Record<string, string>[] = [{ name: "Someone" }, { email: "not an address" }, { kind: "individual" }];
    for (const changes of steps) {
      const response = await submitForm(current, changes, { env: LOCAL_MAIL });
      expect(response.status).toBe(422);
      current = parseHtml(await response.text());
      expect(drawnAt(current)).toBe(START);
    }
    at(5_300);
    expect((await submitForm(current, { email: "someone@example.org" }, { env: LOCAL_MAIL })).status).toBe(303);
  });

  it("gives an error page for a form without a valid stamp a fresh one, which passes a person's next press", async () => {
    const letter = await createLetter();
    const invalid = await postSignature(letter.slug, { kind: "individual", name: "No Stamp" }, { unstamped: true });
    expect(invalid.status).toBe(422);
    const errorPage = parseHtml(await invalid.text());
    expect(drawnAt(errorPage)).toBe(START);
    at(MINIMUM_FILL_MS);
    expect((await submitForm(errorPage, { email: "nostamp@example.org" })).status).toBe(303);
  });
});

describe("behind the edge cache", () => {
  it("draws a stamp for every answer, cached copies included, so posting at once is too fast", async () => {
    const letter = await createLetter();
    const first = await page(`/letters/${letter.slug}`, {});
    expect(first.response.headers.get("X-Cache")).toBe("MISS");
    expect(drawnAt(first.document)).toBe(START);
    at(30_000);
    const cached = await page(`/letters/${letter.slug}`, {});
    expect(cached.response.headers.get("X-Cache")).toBe("HIT");
    expect(drawnAt(cached.document)).toBe(START + 30_000);
    // The copy differs from the last only in its stamp: its ETag is weak, and If-None-Match still gets 304.
    const etag = cached.response.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.response.headers.get("ETag")).toBe(etag);
    const revalidated = await fetchApp(`/letters/${letter.slug}`, {}, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);

    // A script posting the instant it fetched the cached copy is asked again; a person a few seconds later signs.
    const script = await submitForm(cached.document, { kind: "individual", name: "Script", email: "s@example.org" });
    expect(script.status).toBe(403);
    at(30_000 + MINIMUM_FILL_MS);
    const person = await submitForm(cached.document, { kind: "individual", name: "Person", email: "p@example.org" });
    expect(person.status).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Person"]);
  });

  it("does the same for the embed card", async () => {
    const letter = await createLetter();
    await page(`/letters/${letter.slug}/embed/sign`, {});
    at(45_000);
    const cached = await page(`/letters/${letter.slug}/embed/sign`, {});
    expect(cached.response.headers.get("X-Cache")).toBe("HIT");
    expect(drawnAt(cached.document)).toBe(START + 45_000);
  });
});

describe("stamps expire", () => {
  it("asks again, with a fresh stamp, for a form shown more than a day (and a cached copy's age) before", async () => {
    const letter = await createLetter();
    const { document: form } = await page(`/letters/${letter.slug}`, {});
    // The lifetime: a day to fill the form in, plus CACHE_MAX_AGE (60 s) that a browser may keep the page.
    at(FILL_ALLOWANCE_MS + 60_000);
    const late = { kind: "individual", name: "Late Signer", email: "late.signer@example.org" };
    expect((await submitForm(form, late)).status).toBe(303);
    const letter2 = await createLetter();
    at(0);
    const { document: form2 } = await page(`/letters/${letter2.slug}`, {});
    at(FILL_ALLOWANCE_MS + 60_001);
    const expired = await submitForm(form2, { ...late, email: "too.late@example.org" });
    expect(expired.status).toBe(403);
    const again = parseHtml(await expired.text());
    expect(again.querySelector("#sign-name")?.getAttribute("value")).toBe("Late Signer");
    expect(drawnAt(again)).toBe(START + FILL_ALLOWANCE_MS + 60_001);
    expect(await signatureRows(letter2.slug)).toHaveLength(0);
    // One stamp no longer signs for strangers for ever: a person presses again and signs.
    at(FILL_ALLOWANCE_MS + 60_001 + MINIMUM_FILL_MS);
    expect((await submitForm(again)).status).toBe(303);
    expect(await signatureRows(letter2.slug)).toHaveLength(1);
  });
});
