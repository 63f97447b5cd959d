/**
 * Automated signing: a honeypot and a minimum fill time that people never
 * notice, Turnstile when it is configured (checked with Cloudflare's test
 * keys, the siteverify call stubbed), and a per-client rate limit on each
 * letter, through the Rate Limiting binding or its D1 fallback. A refused
 * attempt is never answered with a receipt: the form comes back filled in,
 * with what to do, and organizers see how many were refused and why.
 */
import { env } from "cloudflare:workers";
import type { HTMLElement } from "node-html-parser";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { MINIMUM_FILL_MS } from "../../src/domain/bots";
import { SITEVERIFY_URL } from "../../src/integrations/turnstile";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  logIn,
  mailTo,
  organizerPage,
  parseHtml,
  postSignature,
  signatureRows,
  stopClock,
  submitForm,
  texts,
} from "../helpers";

let log: MockInstance<typeof console.log>;

beforeEach(() => {
  // Refusals are logged (why, never who: see "logs why, never who"); the test output needs none of it.
  log = vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const LOCAL_MAIL = { MAILER: "local" };
const PRESS_AGAIN =
  "Nothing is saved yet: to keep robots from signing, we ask you to check your details below and press “Sign the letter” once more.";

/** The stamp a page's sign form carries, and the time it says the form was drawn (ms). */
function stampOf(document: HTMLElement): { stamp: string; drawnAt: number } {
  const stamp = document.querySelector('input[name="form_stamp"]')!.getAttribute("value")!;
  return { stamp, drawnAt: Number(stamp.split(".")[0]) };
}

/**
 * What a refused submission gets: the form again, filled in (never the
 * honeypot's value), asking to press Sign once more; no receipt, nothing
 * stored, no email.
 */
async function expectAskedAgain(slug: string, response: Response, fields: { name: string; email: string }) {
  expect(response.status).toBe(403);
  expect(response.headers.get("Location")).toBeNull();
  expect(response.headers.get("Cache-Control")).toContain("no-store");
  const document = parseHtml(await response.text());
  expect(texts(document, ".error-summary p")).toEqual([PRESS_AGAIN]);
  expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe(fields.name);
  expect(document.querySelector("#sign-email")?.getAttribute("value")).toBe(fields.email);
  expect(document.querySelector('input[name="url"]')?.getAttribute("value") ?? "").toBe("");
  expect(document.querySelector('a[href*="withdraw"]')).toBeNull();
  expect(await signatureRows(slug)).toHaveLength(0);
  expect(await letterRow(slug)).toMatchObject({ signature_count: 0 });
  expect(await mailTo(fields.email)).toHaveLength(0);
  return document;
}

describe("quiet bot checks", () => {
  it("draws a honeypot people can't see or reach, and a signed form stamp", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    const trap = document.querySelector('input[name="url"]')!;
    expect(trap.getAttribute("tabindex")).toBe("-1");
    expect(trap.getAttribute("autocomplete")).toBe("off");
    expect(trap.closest(".hp")?.getAttribute("aria-hidden")).toBe("true");
    expect(document.querySelector('input[name="form_stamp"]')?.getAttribute("value")).toMatch(
      /^\d{13}\.[A-Za-z0-9_-]{43}$/,
    );
  });

  it("asks again, without the honeypot's value, when the honeypot was filled; the next press signs", async () => {
    const letter = await createLetter();
    const signer = individual({ name: "Autofilled Person" });
    const response = await postSignature(letter.slug, { ...signer, url: "http://spam.example" }, { env: LOCAL_MAIL });
    const document = await expectAskedAgain(letter.slug, response, signer as { name: string; email: string });
    // A person presses again (the field is empty now); a script that fills it in again is asked again.
    expect((await submitForm(document, { url: "http://spam.example" }, { env: LOCAL_MAIL })).status).toBe(403);
    expect((await submitForm(document, {}, { env: LOCAL_MAIL })).status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(await mailTo(signer.email as string)).toHaveLength(1);
  });

  it("asks again when sent faster than a person types, keeping the form's first stamp", async () => {
    const letter = await createLetter();
    // With the clock stopped, the form is sent exactly this long after it was drawn, however slow the machine.
    stopClock("2030-06-15T12:00:00.000Z");
    const signer = individual();
    const fast = await postSignature(letter.slug, signer, { drawnAgoMs: MINIMUM_FILL_MS - 1, env: LOCAL_MAIL });
    const document = await expectAskedAgain(letter.slug, fast, signer as { name: string; email: string });
    expect(stampOf(document).drawnAt).toBe(Date.now() - (MINIMUM_FILL_MS - 1));
    // A millisecond later the same form is no longer too fast.
    vi.setSystemTime(Date.now() + 1);
    expect((await submitForm(document, {}, { env: LOCAL_MAIL })).status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(await mailTo(signer.email as string)).toHaveLength(1);
    expect((await postSignature(letter.slug, individual(), { drawnAgoMs: MINIMUM_FILL_MS })).status).toBe(303);
  });

  it("asks again, with a fresh stamp, when the stamp is missing, forged or another letter's", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    stopClock("2030-06-15T12:00:00.000Z");
    const borrowed = stampOf(parseHtml(await (await fetchApp(`/letters/${other.slug}`)).text())).stamp;
    for (const stamp of [undefined, `${Date.now() - 60_000}.${"A".repeat(43)}`, borrowed]) {
      const signer = individual();
      const fields = stamp ? { ...signer, form_stamp: stamp } : signer;
      const response = await postSignature(letter.slug, fields, { unstamped: true, env: LOCAL_MAIL });
      const document = await expectAskedAgain(letter.slug, response, signer as { name: string; email: string });
      // The new stamp starts now: a person reading the message and pressing again passes, a script at once does not.
      expect(stampOf(document).drawnAt).toBe(Date.now());
      expect((await submitForm(document, {}, { env: LOCAL_MAIL })).status).toBe(403);
    }
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("still answers invalid input from a bot with the form's errors, like anyone's", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, { kind: "individual", url: "x" });
    expect(response.status).toBe(422);
  });

  it("logs why, never who", async () => {
    const letter = await createLetter();
    const signer = individual({ email: "logged.never@example.org" });
    await postSignature(letter.slug, signer, { unstamped: true });
    const lines = log.mock.calls.map((call) => call.join(" "));
    expect(lines).toContainEqual(expect.stringContaining('"reason":"no-stamp"'));
    expect(lines.join("\n")).not.toContain("logged.never");
  });
});

describe("refused attempts, for organizers", () => {
  it("counts each refusal by reason on the letter's signatures page, with nothing identifying", async () => {
    const letter = await createLetter();
    const limit = { SIGN_RATE_LIMIT: "1" };
    const ip = { "CF-Connecting-IP": "203.0.113.50" };
    // Ten days ago, then today: the page shows the last seven days and all.
    stopClock("2030-06-05T12:00:30.000Z");
    await postSignature(letter.slug, individual(), { unstamped: true, env: limit });
    vi.setSystemTime(new Date("2030-06-15T12:00:30.000Z"));
    await postSignature(letter.slug, individual(), { unstamped: true, env: limit });
    await postSignature(letter.slug, individual(), { drawnAgoMs: 1_000, env: limit });
    await postSignature(letter.slug, individual({ url: "x" }), { env: limit });
    await postSignature(letter.slug, individual(), { drawnAgoMs: 2 * 86_400_000, env: limit });
    // Refused by validation: not counted.
    await postSignature(letter.slug, { kind: "individual" }, { env: limit });
    expect((await postSignature(letter.slug, individual(), { env: limit, headers: ip })).status).toBe(303);
    expect((await postSignature(letter.slug, individual(), { env: limit, headers: ip })).status).toBe(429);
    expect((await postSignature(letter.slug, individual(), { env: limit, headers: ip })).status).toBe(429);

    const session = await logIn();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/signatures`);
    const rows = document.querySelectorAll("#refused-title ~ .table-wrap tbody tr");
    expect(Object.fromEntries(rows.map((row) => [row.getAttribute("data-reason"), texts(row, "td")]))).toEqual({
      "too-fast": ["1", "1"],
      "no-stamp": ["1", "2"],
      expired: ["1", "1"],
      honeypot: ["1", "1"],
      "rate-limited": ["2", "2"],
    });
    expect(texts(document, "#refused-title ~ .table-wrap thead th")).toEqual(["Why", "Last 7 days", "In all"]);

    const { results: columns } = await env.DB.prepare("PRAGMA table_info(refused_sign_attempts)").all<{
      name: string;
    }>();
    expect(columns.map((column) => column.name)).toEqual(["letter_id", "day", "reason", "attempts"]);
  });

  it("says so when nothing was refused", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/signatures`);
    expect(texts(document, "#refused-title + p")).toEqual(["No sign attempt has been refused."]);
  });
});

describe("Turnstile", () => {
  // Cloudflare's documented test keys: https://developers.cloudflare.com/turnstile/troubleshooting/testing/
  const ALWAYS_PASSES = {
    TURNSTILE_SECRET_KEY: "1x0000000000000000000000000000000AA",
    TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
  };
  const ALWAYS_FAILS = {
    TURNSTILE_SECRET_KEY: "2x0000000000000000000000000000000AA",
    TURNSTILE_SITE_KEY: "2x00000000000000000000AB",
  };

  /** siteverify as Cloudflare answers for its test secrets, without the network. */
  function stubSiteverify(behaviour: "test-keys" | "down") {
    const calls: FormData[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      expect(new Request(input).url).toBe(SITEVERIFY_URL);
      const body = init?.body as FormData;
      calls.push(body);
      if (behaviour === "down") return Promise.reject(new TypeError("fetch failed"));
      const secret = body.get("secret");
      const passes = typeof secret === "string" && secret.startsWith("1x");
      return Promise.resolve(
        Response.json(
          passes ? { success: true, "error-codes": [] } : { success: false, "error-codes": ["invalid-input-response"] },
        ),
      );
    });
    return calls;
  }

  it("draws the widget and allows its script in the CSP only when configured", async () => {
    const letter = await createLetter();
    const plain = await fetchApp(`/letters/${letter.slug}`, { CACHE_MAX_AGE: "0" });
    expect(plain.headers.get("Content-Security-Policy")).not.toContain("challenges.cloudflare.com");
    const page = await fetchApp(`/letters/${letter.slug}`, { ...ALWAYS_PASSES, CACHE_MAX_AGE: "0" });
    const document = parseHtml(await page.text());
    expect(document.querySelector(".cf-turnstile")?.getAttribute("data-sitekey")).toBe(
      ALWAYS_PASSES.TURNSTILE_SITE_KEY,
    );
    expect(document.querySelector("script")?.getAttribute("src")).toBe(
      "https://challenges.cloudflare.com/turnstile/v0/api.js",
    );
    const csp = page.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src https://challenges.cloudflare.com");
    expect(csp).toContain("frame-src https://challenges.cloudflare.com");
  });

  it("stores the signature when siteverify passes, sending it the token and the client's address", async () => {
    const letter = await createLetter();
    const calls = stubSiteverify("test-keys");
    const response = await postSignature(
      letter.slug,
      individual({ "cf-turnstile-response": "XXXX.DUMMY.TOKEN.XXXX" }),
      {
        env: ALWAYS_PASSES,
        headers: { "CF-Connecting-IP": "198.51.100.7" },
      },
    );
    expect(response.status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(calls[0]!.get("response")).toBe("XXXX.DUMMY.TOKEN.XXXX");
    expect(calls[0]!.get("remoteip")).toBe("198.51.100.7");
  });

  it("fails closed, with the form filled in and a clear message, when verification fails", async () => {
    const letter = await createLetter();
    stubSiteverify("test-keys");
    const response = await postSignature(
      letter.slug,
      individual({ name: "Not Verified", "cf-turnstile-response": "XXXX.DUMMY.TOKEN.XXXX" }),
      { env: ALWAYS_FAILS },
    );
    expect(response.status).toBe(403);
    const document = parseHtml(await response.text());
    expect(texts(document, ".error-summary p")).toEqual([
      "We could not confirm that you are a person, so nothing was saved. Please complete the check and sign again.",
    ]);
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Not Verified");
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("keeps the visitor's stamp through a failed check: pressing Sign again within a second signs", async () => {
    const letter = await createLetter({ title: "Turnstile journey" });
    const turnstile = { ...ALWAYS_PASSES, ...LOCAL_MAIL };
    // siteverify refuses the first token (the check expired, say), then passes.
    let calls = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(() => {
      calls += 1;
      return Promise.resolve(
        Response.json(calls === 1 ? { success: false, "error-codes": ["timeout-or-duplicate"] } : { success: true }),
      );
    });
    stopClock("2030-06-15T12:00:00.000Z");
    const page = parseHtml(await (await fetchApp(`/letters/${letter.slug}`, turnstile)).text());
    const email = "turnstile.journey@example.org";
    vi.setSystemTime(new Date("2030-06-15T12:00:20.000Z"));
    const failed = await submitForm(
      page,
      { kind: "individual", name: "Checked Twice", email, "cf-turnstile-response": "XXXX.FIRST.TOKEN" },
      { env: turnstile },
    );
    expect(failed.status).toBe(403);
    const again = parseHtml(await failed.text());
    expect(stampOf(again)).toEqual(stampOf(page));
    vi.setSystemTime(new Date("2030-06-15T12:00:20.800Z"));
    const signed = await submitForm(again, { "cf-turnstile-response": "XXXX.SECOND.TOKEN" }, { env: turnstile });
    expect(signed.status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect((await mailTo(email)).map((mail) => mail.subject)).toEqual(["Confirm your signature: Turnstile journey"]);
  });

  it("fails closed without a token, and with 503 when siteverify can't be reached", async () => {
    const letter = await createLetter();
    const calls = stubSiteverify("test-keys");
    expect((await postSignature(letter.slug, individual(), { env: ALWAYS_PASSES })).status).toBe(403);
    expect(calls).toHaveLength(0);
    vi.restoreAllMocks();
    stubSiteverify("down");
    const down = await postSignature(letter.slug, individual({ "cf-turnstile-response": "XXXX.DUMMY.TOKEN.XXXX" }), {
      env: ALWAYS_PASSES,
    });
    expect(down.status).toBe(503);
    expect(down.headers.get("Retry-After")).toBe("60");
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });
});

describe("rate limits", () => {
  it("answers 429 with the form filled in and the wait, counting only attempts that passed validation (D1 fallback)", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    const limit = { SIGN_RATE_LIMIT: "3" };
    const client = { "CF-Connecting-IP": "203.0.113.9" };
    // With the clock stopped, every attempt falls at the same moment, wherever a minute begins.
    stopClock("2030-06-15T12:00:20.000Z");
    // Mistakes cost nothing: people fixing their form are never held back for them.
    for (let attempt = 0; attempt < 5; attempt++) {
      const invalid = await postSignature(
        letter.slug,
        { kind: "individual", name: "Typo" },
        { env: limit, headers: client },
      );
      expect(invalid.status).toBe(422);
    }
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await postSignature(letter.slug, individual(), { env: limit, headers: client })).status);
    }
    expect(statuses).toEqual([303, 303, 303]);

    const signer = individual({ name: "Waiting Signer", city: "Quito" });
    const refused = await postSignature(letter.slug, signer, { env: limit, headers: client, drawnAgoMs: 30_000 });
    expect(refused.status).toBe(429);
    // Three at 12:00:20 weigh 3 × (1 − 20/60) = 2 at 12:01:20, leaving room for one more: 60 s on.
    expect(refused.headers.get("Retry-After")).toBe("60");
    const document = parseHtml(await refused.text());
    expect(texts(document, ".error-summary p")).toEqual([
      "We received too many signatures from your connection in a short time, so nothing was saved yet. Your details are below: please wait 60 seconds, then press “Sign the letter” again.",
    ]);
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Waiting Signer");
    expect(document.querySelector("#sign-city")?.getAttribute("value")).toBe("Quito");
    expect(document.querySelector("#sign-email")?.getAttribute("value")).toBe(signer.email);
    expect(stampOf(document).drawnAt).toBe(Date.now() - 30_000);
    expect(await signatureRows(letter.slug)).toHaveLength(3);

    // Another client, or the same client on another letter, is not held back.
    expect(
      (await postSignature(letter.slug, individual(), { env: limit, headers: { "CF-Connecting-IP": "203.0.113.10" } }))
        .status,
    ).toBe(303);
    expect((await postSignature(other.slug, individual(), { env: limit, headers: client })).status).toBe(303);

    // Pressing Sign on the same page once the wait is over signs.
    vi.setSystemTime(new Date("2030-06-15T12:01:19.000Z"));
    expect((await submitForm(document, {}, { env: limit, ip: client["CF-Connecting-IP"] })).status).toBe(429);
    vi.setSystemTime(new Date("2030-06-15T12:01:20.000Z"));
    expect((await submitForm(document, {}, { env: limit, ip: client["CF-Connecting-IP"] })).status).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toContain("Waiting Signer");
  });

  it(
    "lets 30 people behind one address sign within a few minutes with the default limit",
    async () => {
      const letter = await createLetter();
      const room = { "CF-Connecting-IP": "203.0.113.30" };
      const start = Date.parse("2030-06-15T12:00:40.000Z");
      stopClock(start);
      // Everyone presses Sign within half a minute; whoever is asked to wait presses again when the page says.
      type Press = { at: number; person: number; page: HTMLElement | null };
      const presses: Press[] = Array.from({ length: 30 }, (_, person) => ({
        at: start + person * 1_000,
        person,
        page: null,
      }));
      const signedAt = new Map<number, number>();
      while (presses.length > 0) {
        presses.sort((a, b) => a.at - b.at);
        const press = presses.shift()!;
        vi.setSystemTime(press.at);
        const response = press.page
          ? await submitForm(press.page, {}, { ip: room["CF-Connecting-IP"] })
          : await postSignature(letter.slug, individual({ name: `Coalition Member ${press.person}` }), {
              headers: room,
            });
        if (response.status === 303) {
          signedAt.set(press.person, press.at);
          continue;
        }
        expect(response.status).toBe(429);
        const wait = Number(response.headers.get("Retry-After"));
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
        presses.push({ at: press.at + wait * 1_000, person: press.person, page: parseHtml(await response.text()) });
      }
      expect(await signatureRows(letter.slug)).toHaveLength(30);
      // 20 at once, the other 10 as the minute slides: all in within two minutes of the first press.
      expect(Math.max(...signedAt.values()) - start).toBeLessThanOrEqual(120_000);
    },
    // Dozens of requests, one after another: more than the default 5 s on a busy machine.
    30_000,
  );

  it(
    "stops a flood from one address, even across a minute's boundary",
    async () => {
      const letter = await createLetter();
      const script = { "CF-Connecting-IP": "203.0.113.66" };
      const limit = { SIGN_RATE_LIMIT: "20" };
      stopClock("2030-06-15T12:00:59.000Z");
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 40; attempt++)
        statuses.push((await postSignature(letter.slug, individual(), { headers: script, env: limit })).status);
      // Two seconds later, in the next minute: a fixed window would take 20 more.
      vi.setSystemTime(new Date("2030-06-15T12:01:01.000Z"));
      for (let attempt = 0; attempt < 40; attempt++)
        statuses.push((await postSignature(letter.slug, individual(), { headers: script, env: limit })).status);
      expect(statuses.filter((status) => status === 303)).toHaveLength(20);
      expect(statuses.filter((status) => status === 429)).toHaveLength(60);
      expect(await signatureRows(letter.slug)).toHaveLength(20);
    },
    // Dozens of requests, one after another: more than the default 5 s on a busy machine.
    30_000,
  );

  it("uses the Workers Rate Limiting binding when it is configured, and never asks it about invalid forms", async () => {
    const letter = await createLetter();
    const keys: string[] = [];
    const limiter: RateLimit = {
      limit: ({ key }) => {
        keys.push(key);
        return Promise.resolve({ success: keys.length <= 1 });
      },
    };
    expect(
      (await postSignature(letter.slug, { kind: "individual" }, { env: { SIGN_RATE_LIMITER: limiter } })).status,
    ).toBe(422);
    expect(keys).toHaveLength(0);
    expect((await postSignature(letter.slug, individual(), { env: { SIGN_RATE_LIMITER: limiter } })).status).toBe(303);
    const refused = await postSignature(letter.slug, individual({ name: "Bound Signer" }), {
      env: { SIGN_RATE_LIMITER: limiter },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(
      parseHtml(await refused.text())
        .querySelector("#sign-name")
        ?.getAttribute("value"),
    ).toBe("Bound Signer");
    expect(keys[0]).toMatch(/^sign:\d+:[0-9a-f]{64}$/);
    expect(keys.join()).not.toMatch(/198\.51/);
  });
});
