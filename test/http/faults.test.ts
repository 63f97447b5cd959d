/**
 * When D1 fails (throws, does not answer, says it is overloaded): signing
 * answers 503 with Retry-After and the form filled in, nothing half-written;
 * reads fall back to the cached copy when there is one; only reads are retried.
 * Failures are injected through the D1 binding the storage layer uses.
 */
import { env } from "cloudflare:workers";
import { interceptDatabase, type D1Call } from "../../src/storage/database";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  fetchApp,
  formBody,
  individual,
  letterRow,
  logIn,
  mailTo,
  organizerPost,
  parseHtml,
  postSignature,
  SAME_ORIGIN_FORM,
  signatureRows,
  stampedForm,
  submitForm,
  texts,
  translation,
  type SignatureFields,
} from "../helpers";
import { seedSignatures } from "../seed";

type Failure = "throws" | "overloaded" | "hangs";

/**
 * A D1 binding that fails the way `failure` says, for the calls `when` picks
 * (all by default; a batch's statements come as one call), and counts every
 * failed attempt.
 */
function failingDatabase(failure: Failure, when: (call: D1Call) => boolean = () => true) {
  let attempts = 0;
  const database = interceptDatabase(env.DB, (call, invoke) => {
    if (!when(call)) return invoke();
    attempts += 1;
    if (failure === "hangs") return new Promise<never>(() => {});
    return Promise.reject(
      new Error(
        failure === "overloaded"
          ? "D1_ERROR: Database is overloaded. Requests are queued for too long."
          : "D1_ERROR: Network connection lost.",
      ),
    );
  });
  return { database, attempts: () => attempts };
}

async function sign(slug: string, fields: SignatureFields, overrides: Partial<Cloudflare.Env>) {
  return fetchApp(`/letters/${slug}/signatures`, overrides, {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": "192.0.2.99" },
    body: formBody(await stampedForm(slug, fields)),
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("when D1 fails while someone signs", () => {
  it.each<Failure>(["throws", "overloaded", "hangs"])(
    "answers 503 with Retry-After and the form filled in when the write %s",
    async (failure) => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const letter = await createLetter();
      const broken = failingDatabase(failure, (call) => call.method === "batch");
      const response = await sign(
        letter.slug,
        individual({ name: "Patient Signer", email: "patient@example.org", city: "Quito" }),
        {
          DB: broken.database,
          D1_TIMEOUT_MS: "50",
          SIGN_RATE_LIMITER: { limit: () => Promise.resolve({ success: true }) },
        },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("30");
      const document = parseHtml(await response.text());
      expect(texts(document, "h1")).toEqual(["Please send your signature again"]);
      // A refused submission: the title says so first (issue 16).
      expect(texts(document, "title")).toEqual(["Error: Please send your signature again · Undersigned"]);
      expect(texts(document, "[role=alert]")[0]).toContain("Nothing was saved");
      expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Patient Signer");
      expect(document.querySelector("#sign-city")?.getAttribute("value")).toBe("Quito");
      expect(document.querySelector("form")?.getAttribute("action")).toBe(`/letters/${letter.slug}/signatures`);
      // A write is never retried: it may have happened.
      expect(broken.attempts()).toBe(1);
      expect(await signatureRows(letter.slug)).toHaveLength(0);
      expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
    },
  );

  it.each([
    ["the rate limit's counter", (call: D1Call) => call.statements.some((s) => s.sql.includes("rate_limits"))],
    [
      "the signature's transaction",
      (call: D1Call) => call.statements.some((s) => s.sql.includes("INSERT INTO signatures")),
    ],
  ] as const)("answers 503 with Retry-After and the form filled in when %s can't be written", async (_, when) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter();
    // No Rate Limiting binding: the D1 counter is used, through the app's one guarded handle.
    const broken = failingDatabase("throws", when);
    const response = await sign(
      letter.slug,
      individual({ name: "Counted Signer", email: "counted@example.org", city: "León" }),
      { DB: broken.database },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    const document = parseHtml(await response.text());
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Counted Signer");
    expect(document.querySelector("#sign-city")?.getAttribute("value")).toBe("León");
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("answers 503 with the form filled in when the confirmation email can't be written to the outbox, and sends it when signed again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter({ confirmSignatures: true });
    const broken = failingDatabase("throws", (call) => call.statements.some((s) => s.sql.includes("local_mail")));
    const fields = individual({ name: "Mailed Signer", email: "mailed@example.org" });
    const response = await sign(letter.slug, fields, { DB: broken.database, MAILER: "local" });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    const document = parseHtml(await response.text());
    expect(texts(document, "[role=alert]")[0]).toContain("could not send the email");
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Mailed Signer");
    // Kept, unconfirmed; sending it again sends the email.
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    const again = await sign(letter.slug, fields, { MAILER: "local" });
    expect(again.status).toBe(303);
    expect(await mailTo("mailed@example.org")).toHaveLength(1);
  });

  it.each([
    ["the letter can't be read", () => true, {}],
    [
      "the rate limit's counter can't be written",
      (call: D1Call) => call.statements.some((s) => s.sql.includes("rate_limits")),
      {},
    ],
    [
      "the signature's transaction fails",
      (call: D1Call) => call.statements.some((s) => s.sql.includes("INSERT INTO signatures")),
      {},
    ],
    ["the email can't be sent", (call: D1Call) => call.statements.some((s) => s.sql.includes("local_mail")), {}],
    [
      "the signature's transaction fails in the embed card",
      (call: D1Call) => call.statements.some((s) => s.sql.includes("INSERT INTO signatures")),
      { embed: "1", source: "partner-org" },
    ],
  ] as const)(
    "stores and emails the signature when Sign is pressed again at once on the 503 page: %s",
    async (_, when, query) => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const letter = await createLetter({ title: "Send it again", confirmSignatures: true });
      const email = `again-${crypto.randomUUID().slice(0, 8)}@example.org`;
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-06-15T12:00:10.000Z") });
      try {
        const broken = failingDatabase("throws", when);
        const failed = await postSignature(letter.slug, individual({ name: "Pressed Again", email }), {
          env: { DB: broken.database, MAILER: "local" },
          drawnAgoMs: 10_000,
          query: Object.keys(query).length ? { ...query } : undefined,
        });
        expect(failed.status).toBe(503);
        const document = parseHtml(await failed.text());
        expect(document.querySelector('input[name="form_stamp"]')?.getAttribute("value")).toMatch(
          new RegExp(`^${Date.now() - 10_000}\\.`),
        );
        if ("embed" in query)
          expect(document.querySelector("form")?.getAttribute("action")).toBe(
            `/letters/${letter.slug}/signatures?embed=1&source=partner-org`,
          );
        vi.setSystemTime(Date.now() + 500);
        const again = await submitForm(document, {}, { env: { MAILER: "local" } });
        expect(again.status).toBe(303);
        expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Pressed Again"]);
        expect((await mailTo(email)).map((mail) => mail.subject)).toEqual(["Confirm your signature: Send it again"]);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it("answers 503 with the form when even the letter can't be read", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter();
    const broken = failingDatabase("throws");
    const response = await sign(letter.slug, individual({ name: "Early Signer" }), { DB: broken.database });
    expect(response.status).toBe(503);
    expect(
      parseHtml(await response.text())
        .querySelector("#sign-name")
        ?.getAttribute("value"),
    ).toBe("Early Signer");
    // The read was tried twice (one retry), then given up.
    expect(broken.attempts()).toBe(2);
  });

  it("retries a read that fails once, and succeeds", async () => {
    const letter = await createLetter();
    let failures = 0;
    const flaky = failingDatabase(
      "throws",
      (call) =>
        call.statements[0]!.sql.startsWith("SELECT") &&
        call.statements[0]!.sql.includes("FROM letters") &&
        failures++ === 0,
    );
    const response = await fetchApp(`/letters/${letter.slug}`, { DB: flaky.database, CACHE_MAX_AGE: "0" });
    expect(response.status).toBe(200);
    expect(flaky.attempts()).toBe(1);
    expect(failures).toBeGreaterThan(1);
  });
});

describe("when D1 fails while someone reads", () => {
  it("serves the cached copy, even past its stale window, and 503 where there is none", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2033-03-03T00:00:00Z"));
      expect((await fetchApp(`/letters/${letter.slug}`)).status).toBe(200);
      // An hour later: past freshness (60 s) and the stale window (600 s), within stale-if-error (a day).
      vi.setSystemTime(new Date("2033-03-03T01:00:00Z"));
      const broken = failingDatabase("overloaded");
      const fallback = await fetchApp(`/letters/${letter.slug}`, { DB: broken.database });
      expect(fallback.status).toBe(200);
      expect(fallback.headers.get("X-Cache")).toBe("STALE-IF-ERROR");
      expect(texts(parseHtml(await fallback.text()), ".signatory-list li")).toEqual(["AFL-CIO"]);

      const uncached = await fetchApp(`/letters/${letter.slug}.json`, { DB: broken.database });
      expect(uncached.status).toBe(503);
      expect(uncached.headers.get("Retry-After")).toBe("30");
      expect(await uncached.json()).toMatchObject({ error: { status: 503 } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("when D1 fails after a name was removed", () => {
  it("never serves a stored copy that shows it: 503 until a copy without it is stored, then that copy", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const letter = await createLetter({
      organizations: ["AFL-CIO"],
      translations: [translation("es", "Carta", "Pedimos un proceso justo.")],
    });
    const [removed] = await seedSignatures(letter.slug, [{ name: "Removed Meanwhile", country: "HN" }]);
    const paths = [
      `/letters/${letter.slug}`,
      `/letters/${letter.slug}/embed?lang=es&source=partner-a`,
      `/api/v1/letters/${letter.slug}/signatories?kind=individual&country=HN`,
      `/letters/${letter.slug}/signatories.json`,
    ];
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2034-04-04T00:00:00Z"));
      const session = await logIn();
      for (const path of paths) expect(await (await fetchApp(path)).text(), path).toContain("Removed Meanwhile");
      const hidden = await organizerPost(session, `/admin/letters/${letter.slug}/signatures/${removed!.ref}/hide`, {});
      expect(hidden.status).toBe(303);

      // An hour later, D1 is down: the copies that showed the name belong to a generation that is gone.
      vi.setSystemTime(new Date("2034-04-04T01:00:00Z"));
      const broken = failingDatabase("overloaded");
      for (const path of paths) {
        const response = await fetchApp(path, { DB: broken.database });
        expect(response.status, path).toBe(503);
        expect(await response.text(), path).not.toContain("Removed Meanwhile");
      }

      // Once D1 answers, the copies are stored without the name, and those are what an outage serves.
      for (const path of paths) await (await fetchApp(path)).body?.cancel();
      vi.setSystemTime(new Date("2034-04-04T02:00:00Z"));
      for (const path of paths) {
        const response = await fetchApp(path, { DB: broken.database });
        expect(response.headers.get("X-Cache"), path).toBe("STALE-IF-ERROR");
        expect(await response.text(), path).not.toContain("Removed Meanwhile");
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
