/**
 * Signing through the API: a JSON body, the form's rules, problem details,
 * and every answer checked against the schema the API publishes.
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  fetchApp,
  fetchWorker,
  letterRow,
  mailTo,
  ORIGIN,
  randomIp,
  recordingQueue,
  stopClock,
} from "../helpers";
import { openApiCheck, type OpenApiCheck } from "../openapi";
import { PROBLEM_TYPES, PROBLEM_TYPES_PATH, isProblemKind } from "../../src/domain/problem-types";

let check: OpenApiCheck;

beforeAll(async () => {
  check = await openApiCheck();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** POSTs `body` (as JSON unless a string) to the letter's API address, from a client address of its own. */
function sign(
  slug: string,
  body: unknown,
  options: { env?: Partial<Cloudflare.Env>; headers?: Record<string, string> } = {},
) {
  return fetchApp(`/api/v1/letters/${slug}/signatures`, options.env ?? {}, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": randomIp(), ...options.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/**
 * Checks an answer against the published schema `schema` (Ajv and Hyperjump, test/openapi.ts), with the
 * headers every answer of the API carries; a problem's type is a registered kind of the answer's status.
 */
async function expectAnswer(response: Response, status: number, schema: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(response.headers.get("Access-Control-Expose-Headers")).toBe("ETag,Retry-After,Location");
  const body = await response.json<Record<string, unknown>>();
  expect(await check.problems(schema, body), JSON.stringify(body)).toBeNull();
  if (schema === "Problem") {
    expect(response.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    const kind = String(body.type).slice(`${ORIGIN}${PROBLEM_TYPES_PATH}/`.length);
    expect(isProblemKind(kind) && PROBLEM_TYPES[kind]).toMatchObject({ status, title: body.title });
  }
  return body;
}

async function signatureRow(slug: string, email: string) {
  return env.DB.prepare(
    "SELECT channel, source, status, name FROM signatures WHERE email = ?2 AND letter_id = (SELECT id FROM letters WHERE slug = ?1)",
  )
    .bind(slug, email)
    .first<{ channel: string; source: string | null; status: string; name: string }>();
}

describe("POST /api/v1/letters/{slug}/signatures", () => {
  it("stores a signature sent as JSON, counted at once, marked as from the API with its partner's attribution", async () => {
    const letter = await createLetter();
    const signer = {
      kind: "individual",
      name: "Api Person",
      email: "api.person@example.org",
      country: "HN",
      hide_name: false,
      source: "Partner-CRM",
    };
    const response = await sign(letter.slug, signer);
    // The API's JSON, like every JSON answer of the site: UTF-8 said, never stored.
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    // Where the signature shows once it counts, readable by the partner's page (Access-Control-Expose-Headers).
    expect(response.headers.get("Location")).toBe(`${ORIGIN}/letters/${letter.slug}`);
    const body = await expectAnswer(response, 202, "SignatureAccepted");
    expect(body).toMatchObject({ status: "accepted", outcome: "counted", letter: { slug: letter.slug } });
    expect(body.withdraw_url).toMatch(new RegExp(`/letters/${letter.slug}/withdraw\\?token=`));
    expect(await signatureRow(letter.slug, signer.email)).toEqual({
      channel: "api",
      source: "partner-crm",
      status: "confirmed",
      name: "Api Person",
    });
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
  });

  it("gives a repeated email the same answer, and stores nothing new: an individual, or an organization's own contact", async () => {
    const letter = await createLetter();
    const person = { kind: "individual", name: "Repeat Person", email: "repeat@example.org" };
    const first = await expectAnswer(await sign(letter.slug, person), 202, "SignatureAccepted");
    const again = await expectAnswer(
      await sign(letter.slug, { ...person, name: "Repeat Person Again", email: "Repeat+x@Example.org" }),
      202,
      "SignatureAccepted",
    );
    // The same answer (its withdrawal link, without a mailer, is drawn anew and acts on nothing).
    expect({ ...again, withdraw_url: null }).toEqual({ ...first, withdraw_url: null });
    const org = {
      kind: "organization",
      organization_name: "Repeat Org",
      contact_name: "Rita Repeat",
      authorized: true,
      email: "rita@repeat.example.org",
    };
    const firstOrg = await expectAnswer(await sign(letter.slug, org), 202, "SignatureAccepted");
    const againOrg = await expectAnswer(
      await sign(letter.slug, { ...org, organization_name: "REPEAT ORG.", email: "Rita@repeat.example.org" }),
      202,
      "SignatureAccepted",
    );
    expect({ ...againOrg, withdraw_url: null }).toEqual({ ...firstOrg, withdraw_url: null });
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 2, organization_count: 1 });
  });

  it("takes an organization with its private contact, and the same address once more as an individual", async () => {
    const letter = await createLetter();
    const email = "lucia@justiciaypaz.example.org";
    await expectAnswer(
      await sign(letter.slug, {
        kind: "organization",
        organization_name: "Fundación Justicia y Paz",
        website: "https://justiciaypaz.example.org",
        contact_name: "Lucía Ramírez",
        contact_role: "Directora de Programas",
        authorized: true,
        email,
      }),
      202,
      "SignatureAccepted",
    );
    await expectAnswer(
      await sign(letter.slug, { kind: "individual", name: "Lucía Ramírez", email }),
      202,
      "SignatureAccepted",
    );
    const { results } = await env.DB.prepare(
      "SELECT kind, name, contact_name, contact_role, website FROM signatures WHERE email = ?1 ORDER BY id",
    )
      .bind(email)
      .all();
    expect(results).toEqual([
      {
        kind: "organization",
        name: "Fundación Justicia y Paz",
        contact_name: "Lucía Ramírez",
        contact_role: "Directora de Programas",
        website: "https://justiciaypaz.example.org/",
      },
      { kind: "individual", name: "Lucía Ramírez", contact_name: null, contact_role: null, website: null },
    ]);
    const listing = await (await fetchWorker(`/api/v1/letters/${letter.slug}/signatories`)).text();
    expect(listing).toContain("Fundación Justicia y Paz");
    expect(listing).not.toContain("Directora");
  });

  it("answers 409, storing nothing and writing to nobody, when another contact signs for an organization that has", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const mail = { env: { MAILER: "local" } };
    const org = { kind: "organization", organization_name: "Oxfam", contact_name: "Ana", authorized: true };
    await expectAnswer(await sign(letter.slug, { ...org, email: "ana@oxfam.example" }, mail), 202, "SignatureAccepted");
    const body = await expectAnswer(
      await sign(
        letter.slug,
        { ...org, organization_name: "OXFAM", contact_name: "Bo", email: "bo@oxfam.example" },
        mail,
      ),
      409,
      "Problem",
    );
    expect(body.detail).toMatch(/OXFAM has already signed this letter, or its signature is waiting/);
    expect(body.detail).toMatch(/write to the letter's organizers/);
    expect(await mailTo("bo@oxfam.example")).toEqual([]);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM signatures WHERE email = 'bo@oxfam.example'").first("n"),
    ).toBe(0);
  });

  it("tells a client that sends an organization's name as name to use organization_name and contact_name", async () => {
    const letter = await createLetter();
    const body = await expectAnswer(
      await sign(letter.slug, { kind: "organization", name: "Old Client Org", email: "old@example.org" }),
      422,
      "Problem",
    );
    expect((body.errors as Record<string, string>).name).toMatch(/organization_name.*contact_name/);
    expect(body.detail).toMatch(/organization_name/);
    expect((await letterRow(letter.slug))!.signature_count).toBe(0);
  });

  it("accepts names that begin with +, - or @ before a letter or digit, and still refuses formulas", async () => {
    const letter = await createLetter();
    const org = (name: string, email: string) => ({
      kind: "organization",
      organization_name: name,
      contact_name: "Someone",
      authorized: true,
      email,
    });
    await expectAnswer(await sign(letter.slug, org("+Acumen", "a@acumen.example")), 202, "SignatureAccepted");
    await expectAnswer(await sign(letter.slug, org("@Home Foundation", "b@home.example")), 202, "SignatureAccepted");
    await expectAnswer(
      await sign(letter.slug, { kind: "individual", name: "-Dash Person", email: "c@example.org" }),
      202,
      "SignatureAccepted",
    );
    for (const name of ["=1+1", "@SUM(A1)"]) {
      const body = await expectAnswer(await sign(letter.slug, org(name, "d@example.org")), 422, "Problem");
      expect(Object.keys(body.errors as object)).toEqual(["organization_name"]);
    }
    const { results } = await env.DB.prepare(
      "SELECT name FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY id",
    )
      .bind(letter.slug)
      .all<{ name: string }>();
    expect(results.map((row) => row.name)).toEqual(["+Acumen", "@Home Foundation", "-Dash Person"]);
  });

  it("asks for email confirmation as the form does, when the letter does", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const body = await expectAnswer(
      await sign(
        letter.slug,
        { kind: "individual", name: "Confirming", email: "confirm.api@example.org" },
        { env: { MAILER: "local" } },
      ),
      202,
      "SignatureAccepted",
    );
    expect(body.outcome).toBe("confirm-email");
    expect((await letterRow(letter.slug))!.signature_count).toBe(0);
    expect(await mailTo("confirm.api@example.org")).toHaveLength(1);
  });

  it("goes through the queue when signatures do", async () => {
    const letter = await createLetter();
    const { queue, sent } = recordingQueue();
    await expectAnswer(
      await sign(
        letter.slug,
        { kind: "individual", name: "Queued Api", email: "queued.api@example.org" },
        { env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue } },
      ),
      202,
      "SignatureAccepted",
    );
    expect((sent[0] as { signature: { channel: string } }).signature.channel).toBe("api");
  });

  it("answers 422 with each field's problem, storing nothing", async () => {
    const letter = await createLetter();
    const body = await expectAnswer(
      await sign(letter.slug, { kind: "robot", name: "=cmd()", email: "nope" }),
      422,
      "Problem",
    );
    expect(Object.keys(body.errors as object).sort()).toEqual(["email", "kind", "name"]);
    expect(
      await env.DB.prepare(
        "SELECT count(*) AS n FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
      )
        .bind(letter.slug)
        .first("n"),
    ).toBe(0);
  });

  it("answers malformed, hostile and oversized requests with problems", async () => {
    const letter = await createLetter();
    const cases: [unknown, number, Record<string, string>?][] = [
      ["{not json", 400],
      [[{ kind: "individual" }], 400],
      ["42", 400],
      [{ kind: "individual", name: "A", email: "a@example.org", admin: true }, 400],
      [{ kind: "individual", name: "A", email: "a@example.org", url: "http://spam.example" }, 400],
      [{ kind: "individual", name: "A", email: "a@example.org", __proto__: { polluted: true } }, 202],
      [{ kind: "individual", name: ["A"], email: "b@example.org" }, 422],
      [{ kind: "individual", name: "x".repeat(20_000), email: "c@example.org" }, 413],
      ["kind=individual&name=A", 415, { "Content-Type": "application/x-www-form-urlencoded" }],
    ];
    for (const [body, status, headers] of cases) {
      const response = await sign(letter.slug, body, { headers });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (status !== 202) {
        expect(response.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
        expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(response.headers.get("Cache-Control")).toBe("no-store");
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses unknown and closed letters, and a client over the rate limit", async () => {
    expect((await sign("no-such-letter-here", { kind: "individual", name: "A", email: "a@example.org" })).status).toBe(
      404,
    );
    const closed = await createLetter({ status: "closed" });
    await expectAnswer(
      await sign(closed.slug, { kind: "individual", name: "A", email: "a@example.org" }),
      409,
      "Problem",
    );
    const letter = await createLetter();
    const headers = { "CF-Connecting-IP": "198.51.100.77" };
    // With the clock stopped, every attempt falls at the same moment; invalid ones never count.
    stopClock("2030-06-15T12:00:20.000Z");
    for (let index = 0; index < 5; index++) {
      const invalid = await sign(
        letter.slug,
        { kind: "individual", name: "", email: "nobody" },
        { headers, env: { SIGN_RATE_LIMIT: "3" } },
      );
      expect(invalid.status).toBe(422);
    }
    const responses: Response[] = [];
    for (let index = 0; index < 4; index++) {
      responses.push(
        await sign(
          letter.slug,
          { kind: "individual", name: `P${index}`, email: `p${index}@example.org` },
          { headers, env: { SIGN_RATE_LIMIT: "3" } },
        ),
      );
    }
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 429]);
    // Three at 12:00:20 weigh 3 × (1 − 20/60) = 2 at 12:01:20, leaving room for one more: 60 s on.
    expect(responses[3]!.headers.get("Retry-After")).toBe("60");
  });

  it("checks the published shape first: types, then the form's rules", async () => {
    const letter = await createLetter();
    const body = await expectAnswer(
      await sign(letter.slug, { kind: "individual", name: 42, email: "typed@example.org", hide_name: "yes" }),
      422,
      "Problem",
    );
    expect(body.errors).toEqual({ name: "name must be a string.", hide_name: "hide_name must be true or false." });
    expect(await signatureRow(letter.slug, "typed@example.org")).toBeNull();
  });

  it("needs Turnstile's token when Turnstile is on", async () => {
    const letter = await createLetter();
    const body = await expectAnswer(
      await sign(
        letter.slug,
        { kind: "individual", name: "No Token", email: "notoken@example.org" },
        {
          env: {
            TURNSTILE_SECRET_KEY: "2x0000000000000000000000000000000AA",
            TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
          },
        },
      ),
      403,
      "Problem",
    );
    expect(body.detail).toContain("cf-turnstile-response");
  });

  it("answers CORS preflights, so partners' pages can post from the browser", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(`/api/v1/letters/${letter.slug}/signatures`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://partner.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect((await fetchWorker(`/api/v1/letters/${letter.slug}/signatures`)).status).toBe(405);
  });

  it("lets a partner's page revalidate the API and the .json addresses with If-None-Match", async () => {
    const letter = await createLetter();
    for (const path of [`/api/v1/letters/${letter.slug}`, `/letters/${letter.slug}.json`, "/letters.json"]) {
      const response = await fetchWorker(path, {
        method: "OPTIONS",
        headers: {
          Origin: "https://partner.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match",
        },
      });
      expect(response.status, path).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase(), path).toContain("if-none-match");
      // One preflight a day per address, not one before every request (browsers cap it lower: Chromium at 2 h).
      expect(response.headers.get("Access-Control-Max-Age"), path).toBe("86400");
    }
  });
});
