/**
 * Automated signing: a honeypot and a minimum fill time that people never
 * notice, Turnstile when it is configured (checked with Cloudflare's test
 * keys, the siteverify call stubbed), and a per-client rate limit on each
 * letter, through the Rate Limiting binding or its D1 fallback.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MINIMUM_FILL_MS } from "../../src/domain/bots";
import { SITEVERIFY_URL } from "../../src/integrations/turnstile";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  parseHtml,
  postSignature,
  signatureRows,
  stopClock,
  texts,
} from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function expectSilentDrop(slug: string, response: Response) {
  // A bot sees what a person would: a thank-you page. Nothing is stored.
  expect(response.status).toBe(303);
  expect(response.headers.get("Location")).toMatch(/\/signed\?receipt=/);
  expect((await getPage(response.headers.get("Location")!)).response.status).toBe(200);
  expect(await signatureRows(slug)).toHaveLength(0);
  expect(await letterRow(slug)).toMatchObject({ signature_count: 0 });
}

describe("quiet bot checks", () => {
  it("draws a honeypot people can't see or reach, and a signed form stamp", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    const trap = document.querySelector('input[name="website"]')!;
    expect(trap.getAttribute("tabindex")).toBe("-1");
    expect(trap.getAttribute("autocomplete")).toBe("off");
    expect(trap.closest(".hp")?.getAttribute("aria-hidden")).toBe("true");
    expect(document.querySelector('input[name="form_stamp"]')?.getAttribute("value")).toMatch(
      /^\d{13}\.[A-Za-z0-9_-]{43}$/,
    );
  });

  it("drops a submission that filled the honeypot", async () => {
    const letter = await createLetter();
    await expectSilentDrop(
      letter.slug,
      await postSignature(letter.slug, individual({ website: "http://spam.example" })),
    );
  });

  it("drops a submission sent faster than a person could type it", async () => {
    const letter = await createLetter();
    // With the clock stopped, the form is sent exactly this long after it was drawn, however slow the machine.
    stopClock("2030-06-15T12:00:00.000Z");
    await expectSilentDrop(
      letter.slug,
      await postSignature(letter.slug, individual(), { drawnAgoMs: MINIMUM_FILL_MS - 1 }),
    );
    expect((await postSignature(letter.slug, individual(), { drawnAgoMs: MINIMUM_FILL_MS })).status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
  });

  it("drops a submission without a stamp, or with a forged or borrowed one", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    await expectSilentDrop(letter.slug, await postSignature(letter.slug, individual(), { unstamped: true }));
    await expectSilentDrop(
      letter.slug,
      await postSignature(letter.slug, individual({ form_stamp: `${Date.now() - 60_000}.${"A".repeat(43)}` }), {
        unstamped: true,
      }),
    );
    const borrowed = parseHtml(await (await fetchApp(`/letters/${other.slug}`)).text())
      .querySelector('input[name="form_stamp"]')!
      .getAttribute("value")!;
    await expectSilentDrop(
      letter.slug,
      await postSignature(letter.slug, individual({ form_stamp: borrowed }), { unstamped: true }),
    );
  });

  it("still answers invalid input from a bot with the form's errors, like anyone's", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, { kind: "individual", website: "x" });
    expect(response.status).toBe(422);
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
  it("answers 429 with Retry-After past the limit for one client on one letter, storing nothing more (D1 fallback)", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    const limit = { SIGN_RATE_LIMIT: "3" };
    const client = { "CF-Connecting-IP": "203.0.113.9" };
    // The window is a fixed minute: with the clock stopped 20 s into one, every attempt falls in the same window.
    stopClock("2030-06-15T12:00:20.000Z");
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await postSignature(letter.slug, individual(), { env: limit, headers: client })).status);
    }
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    expect(await signatureRows(letter.slug)).toHaveLength(3);

    // Retry-After is what is left of the window.
    const refused = await postSignature(letter.slug, individual(), { env: limit, headers: client });
    expect(refused.headers.get("Retry-After")).toBe("40");
    const document = parseHtml(await refused.text());
    expect(texts(document, "h1")).toEqual(["Too many signatures at once"]);
    expect(texts(document, "main p")[0]).toContain("wait 40 seconds");

    // Another client, or the same client on another letter, is not held back.
    expect(
      (await postSignature(letter.slug, individual(), { env: limit, headers: { "CF-Connecting-IP": "203.0.113.10" } }))
        .status,
    ).toBe(303);
    expect((await postSignature(other.slug, individual(), { env: limit, headers: client })).status).toBe(303);

    // The next minute is a new window.
    vi.setSystemTime(new Date("2030-06-15T12:01:00.000Z"));
    expect((await postSignature(letter.slug, individual(), { env: limit, headers: client })).status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(5);
  });

  it("uses the Workers Rate Limiting binding when it is configured", async () => {
    const letter = await createLetter();
    const keys: string[] = [];
    const limiter: RateLimit = {
      limit: ({ key }) => {
        keys.push(key);
        return Promise.resolve({ success: keys.length <= 1 });
      },
    };
    expect((await postSignature(letter.slug, individual(), { env: { SIGN_RATE_LIMITER: limiter } })).status).toBe(303);
    const refused = await postSignature(letter.slug, individual(), { env: { SIGN_RATE_LIMITER: limiter } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(keys[0]).toMatch(/^sign:\d+:[0-9a-f]{64}$/);
    expect(keys.join()).not.toMatch(/198\.51/);
  });
});
