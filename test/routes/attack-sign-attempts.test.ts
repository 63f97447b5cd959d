/**
 * Attacks on the screening of sign attempts (issue 12 §2): the wait a 429
 * page promises, and a Rate Limiting binding that fails. The clock is
 * stopped, so nothing depends on where a minute falls.
 */
import type { HTMLElement } from "node-html-parser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_EMAILS_PER_SIGNATURE } from "../../src/domain/signing";
import {
  createLetter,
  fetchApp,
  individual,
  linkIn,
  mailTo,
  parseHtml,
  postForm,
  postSignature,
  signatureRows,
  stopClock,
  submitForm,
  texts,
} from "../helpers";

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the wait a 429 page asks for", () => {
  it(
    "is enough: pressing Sign once it is over signs, even where the sliding minute's weight is not exact in binary",
    async () => {
      const letter = await createLetter();
      const limit = { SIGN_RATE_LIMIT: "15" };
      const ip = "203.0.113.151";
      const client = { "CF-Connecting-IP": ip };
      // 15 signatures at the start of one minute…
      stopClock("2030-06-15T12:00:00.000Z");
      for (let attempt = 0; attempt < 15; attempt++)
        expect((await postSignature(letter.slug, individual(), { env: limit, headers: client })).status).toBe(303);
      // …weigh 15 × 43/60 = 10.75 seventeen seconds into the next: four more fit (14.75), a fifth does not.
      vi.setSystemTime(Date.parse("2030-06-15T12:01:17.000Z"));
      for (let attempt = 0; attempt < 4; attempt++)
        expect((await postSignature(letter.slug, individual(), { env: limit, headers: client })).status).toBe(303);
      const refused = await postSignature(letter.slug, individual({ name: "Told To Wait" }), {
        env: limit,
        headers: client,
      });
      expect(refused.status).toBe(429);
      // At 12:01:20 the minute before weighs 15 × 40/60 = 10 exactly, and 4 + 1 + 10 = 15 fits.
      expect(refused.headers.get("Retry-After")).toBe("3");
      const page: HTMLElement = parseHtml(await refused.text());
      vi.setSystemTime(Date.parse("2030-06-15T12:01:20.000Z"));
      const again = await submitForm(page, {}, { env: limit, ip });
      expect(again.status).toBe(303);
      expect((await signatureRows(letter.slug)).map((row) => row.name)).toContain("Told To Wait");
    },
    // Twenty-one posts one after another: more than the default 5 s on a busy machine.
    30_000,
  );
});

describe("when the Rate Limiting binding fails", () => {
  const failingLimiter: RateLimit = {
    limit: () => Promise.reject(new Error("rate limiter unavailable")),
  };

  it("the sign form never answers 500: the signature is screened by the D1 count instead, and kept", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter();
    const signer = individual({ name: "Unlimited Signer", city: "Lima" });
    const response = await postSignature(letter.slug, signer, { env: { SIGN_RATE_LIMITER: failingLimiter } });
    // Today: 500, and what the person typed is lost.
    expect(response.status).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Unlimited Signer"]);
  });

  it("the API never answers 500 either", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter({ confirmSignatures: false });
    const response = await fetchApp(
      `/api/v1/letters/${letter.slug}/signatures`,
      { SIGN_RATE_LIMITER: failingLimiter },
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.152" },
        body: JSON.stringify({ kind: "individual", name: "Api Signer", email: "api.signer@example.org" }),
      },
    );
    expect(response.status).toBe(202);
    expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Api Signer"]);
  });
});

describe("the thank-you page of a correction", () => {
  const LOCAL_MAIL = { MAILER: "local" };

  it("shows only what the confirmation link will publish, even once the day's emails for the signature are spent", async () => {
    const letter = await createLetter({ title: "Correction letter" });
    const email = "jorge.ramirez@example.org";
    // The first signature and its email, then corrections (or a stranger's repeats) until the day's emails are spent.
    for (let attempt = 0; attempt < MAX_EMAILS_PER_SIGNATURE; attempt++) {
      const response = await postSignature(
        letter.slug,
        { kind: "individual", name: `Jorge Ramírz ${attempt}`, organization: "Universidad Naconal", email },
        { env: LOCAL_MAIL },
      );
      expect(response.status).toBe(303);
    }
    expect(await mailTo(email)).toHaveLength(MAX_EMAILS_PER_SIGNATURE);
    // One more correction: its thank-you page says what the signer sent.
    const corrected = await postSignature(
      letter.slug,
      { kind: "individual", name: "Jorge Ramírez", organization: "Universidad Nacional", email },
      { env: LOCAL_MAIL },
    );
    expect(corrected.status).toBe(303);
    const thanks = parseHtml(await (await fetchApp(corrected.headers.get("Location")!, LOCAL_MAIL)).text());
    const shown = texts(thanks, ".receipt").join(" ");

    // The first email's link confirms what is stored: it must be what the last thank-you page showed.
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    const token = new URL(link, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL)).status).toBe(303);
    const [row] = await signatureRows(letter.slug);
    expect(row).toMatchObject({ status: "confirmed" });
    // Today: the page showed "Jorge Ramírez, Universidad Nacional", and "Jorge Ramírz 4, Universidad Naconal" was published.
    expect(shown).toContain(row!.name as string);
    expect(shown).toContain(row!.organization as string);
  });
});
