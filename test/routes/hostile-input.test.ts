/**
 * Hostile input, thrown at the sign endpoint and the JSON endpoints: a table
 * of named attacks, and properties checked by fast-check over arbitrary
 * Unicode. Every case gets a 4xx with a clear message (or, for valid input, a
 * normal answer), never a 500; nothing is stored from a refused request; and
 * nothing comes back unescaped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText, signFormFields, typedSignForm } from "../arbitraries";
import {
  createLetter,
  fetchWorker,
  formBody,
  individual,
  letterRow,
  parseHtml,
  postSignature,
  randomIp,
  SAME_ORIGIN_FORM,
  signatureRows,
  stampedForm,
  type SignatureFields,
} from "../helpers";

const FIELDS = ["kind", "name", "organization", "title", "city", "country", "email"] as const;

/** A refused request: a 4xx, a readable page or JSON message, and the letter unchanged. */
async function expectRefused(slug: string, response: Response, statuses: number[]) {
  expect(statuses, `status ${response.status}`).toContain(response.status);
  const text = await response.text();
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    expect((JSON.parse(text) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
  } else {
    const document = parseHtml(text);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelector("h1")?.textContent.length).toBeGreaterThan(5);
  }
  expect(await signatureRows(slug)).toHaveLength(0);
  expect(await letterRow(slug)).toMatchObject({ signature_count: 0 });
}

function post(slug: string, body: BodyInit, headers: Record<string, string> = SAME_ORIGIN_FORM, method = "POST") {
  return fetchWorker(`/letters/${slug}/signatures`, { method, headers, body, redirect: "manual" });
}

describe("named attacks on the sign form", () => {
  const valid = () => individual({ name: "Valid Name", city: "Lima", country: "PE" });

  it.each<[string, (fields: SignatureFields) => SignatureFields]>([
    ["a formula in the name", (f) => ({ ...f, name: '=HYPERLINK("http://evil","x")' })],
    ["a formula in the organization", (f) => ({ ...f, organization: "@SUM(1+1)*cmd|' /C calc'!A0" })],
    ["a script tag", (f) => ({ ...f, name: "<script>alert(document.cookie)</script>" })],
    ["an attribute-breaking quote", (f) => ({ ...f, city: '" autofocus onfocus="alert(1)' })],
    ["a URL in the name", (f) => ({ ...f, name: "Cheap pills https://spam.example/buy" })],
    ...FIELDS.map((field): [string, (fields: SignatureFields) => SignatureFields] => [
      `CRLF in ${field}`,
      (f) => ({ ...f, [field]: `${String(f[field] ?? "x")}\r\nBcc: victim@example.org` }),
    ]),
    ["NUL in the name", (f) => ({ ...f, name: "Ana\u0000Pérez" })],
    ["a lone surrogate", (f) => ({ ...f, name: "Ana \uD83D Pérez" })],
    ["a right-to-left override", (f) => ({ ...f, name: "Ana \u202Efdp.exe" })],
    ["a 10 KB name", (f) => ({ ...f, name: "A".repeat(10_240) })],
    ["a 10 KB email", (f) => ({ ...f, email: `${"a".repeat(10_230)}@example.org` })],
    ["a repeated name", (f) => ({ ...f, name: ["Ana", "Bob"] })],
    ["a country that is not a code", (f) => ({ ...f, country: "<b>XX</b>" })],
    ["a kind that does not exist", (f) => ({ ...f, kind: "admin" })],
  ])("refuses %s with 422 and a message", async (_, attack) => {
    const letter = await createLetter();
    const fields = attack(valid());
    const response = await postSignature(letter.slug, fields);
    const text = await response.clone().text();
    expect(text).not.toContain("<script>alert");
    expect(text).not.toContain('" autofocus onfocus="');
    await expectRefused(letter.slug, response, [422]);
    expect(parseHtml(text).querySelectorAll(".error-summary li").length).toBeGreaterThan(0);
  });

  it.each<[string, () => { body: BodyInit; headers?: Record<string, string>; method?: string }, number[]]>([
    ["10,000 combining marks", () => ({ body: formBody(individual({ name: `Z${"\u0301".repeat(10_000)}` })) }), [413]],
    ["a body over the limit", () => ({ body: formBody(individual({ organization: "x".repeat(40_000) })) }), [413]],
    [
      "a chunked body over the limit",
      () => ({
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(`name=${"x".repeat(4_000)}&`));
            controller.close();
          },
        }),
      }),
      [413],
    ],
    [
      "a JSON body",
      () => ({
        body: JSON.stringify(individual()),
        headers: { Origin: "https://undersigned.test", "Content-Type": "application/json" },
      }),
      [415],
    ],
    [
      "a text/plain body",
      () => ({ body: "name=Ana", headers: { Origin: "https://evil.example", "Content-Type": "text/plain" } }),
      [403],
    ],
    [
      "a post from another site",
      () => ({
        body: formBody(individual()),
        headers: { ...SAME_ORIGIN_FORM, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      }),
      [403],
    ],
    [
      "a post with no origin at all",
      () => ({ body: formBody(individual()), headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      [403],
    ],
    ["a PUT", () => ({ body: formBody(individual()), method: "PUT" }), [405]],
    ["a DELETE", () => ({ body: "", method: "DELETE" }), [405]],
    ["a PATCH", () => ({ body: formBody(individual()), method: "PATCH" }), [405]],
  ])("refuses %s", async (_, request, statuses) => {
    const letter = await createLetter();
    const { body, headers, method } = request();
    const response = await post(letter.slug, body, headers, method);
    await expectRefused(letter.slug, response, statuses);
  });

  it.each([
    "name[]=x",
    "name%5B%5D=x",
    "__proto__=y",
    "__proto__[polluted]=1",
    "constructor[prototype][polluted]=1",
    "prototype=1",
  ])("refuses a form carrying %s with 400, whatever else it holds", async (extra) => {
    const letter = await createLetter();
    const body = `${formBody(await stampedForm(letter.slug, individual({ name: "Proto" })))}&${extra}`;
    const response = await post(letter.slug, body, { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": "192.0.2.77" });
    await expectRefused(letter.slug, response, [400]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("says why it refused a form, in the signer's language, even when the form is not one of ours", async () => {
    const letter = await createLetter();
    const spanish = { ...SAME_ORIGIN_FORM, "Accept-Language": "es", "CF-Connecting-IP": randomIp() };
    const body = `${formBody(await stampedForm(letter.slug, individual()))}&name[]=x`;
    for (const [response, words] of [
      [await post(letter.slug, body, spanish), "El formulario traía campos que no usa"],
      [
        await post(letter.slug, "name=Ana", { ...spanish, "Content-Type": "application/json" }),
        "No se acepta ese tipo de contenido",
      ],
      [
        await post(letter.slug, "--x\r\nnot multipart", {
          ...spanish,
          "Content-Type": "multipart/form-data; boundary=y",
        }),
        "No se pudo entender la petición",
      ],
    ] as const) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(parseHtml(await response.text()).querySelector("h1")?.textContent).toBe(words);
    }
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });
});

describe("absurd addresses on the JSON and page endpoints", () => {
  it.each([
    "/letters/..%2F..%2Fetc%2Fpasswd.json",
    "/letters/%00.json",
    "/letters/12345678901234567890.json",
    `/letters/${"a".repeat(5_000)}.json`,
    "/letters/%E2%80%AE.json",
    "/letters/x/signatories.json?cursor=..%2Fx",
    "/letters/x/signatories.json?cursor=12345678901234567890",
    "/letters/x/signatories.json?cursor=%%%",
    "/letters/x/record.json?after=-1",
    "/letters/x/record.json?after=1e9",
  ])("answers %s with a 4xx in JSON", async (path) => {
    const response = await fetchWorker(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const body = await response.json<{ error: { status: number; message: string } }>();
    expect(body.error.status).toBe(response.status);
  });
});

describe("properties over arbitrary input", () => {
  it(
    "never answers the sign form with a 5xx, stores only what it accepts, and escapes what it reflects",
    { timeout: 30_000 },
    async () => {
      const letter = await createLetter();
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(signFormFields, typedSignForm), async (fields) => {
          const response = await postSignature(letter.slug, fields);
          expect([303, 413, 422]).toContain(response.status);
          if (response.status === 303) stored += 1;
          if (response.status === 422) {
            const document = parseHtml(await response.text());
            expect(document.querySelectorAll("script")).toHaveLength(0);
            // The value comes back exactly as typed, inside its attribute: escaped, not interpreted.
            if (!/[\u0000\r\n]/.test(fields.name)) {
              expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe(
                fields.name.slice(0, 1_000).replace(/\uFFFD/g, "\uFFFD"),
              );
            }
          }
        }),
        // The rule itself takes a thousand runs in test/domain/signature.test.ts; each run here is a whole request.
        { numRuns: 40 },
      );
      const rows = await signatureRows(letter.slug);
      expect(rows.length).toBeLessThanOrEqual(stored);
      expect(await letterRow(letter.slug)).toMatchObject({ signature_count: rows.length });
      for (const row of rows) {
        expect(String(row.name)).not.toMatch(/^[=+\-@]|[\u0000-\u001F\u007F\u202A-\u202E]|https?:\/\//);
      }
    },
  );

  it("never answers the API's sign address with a 5xx, whatever JSON it is sent, and stores only what it accepts", async () => {
    const letter = await createLetter();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              kind: fc.constantFrom("organization", "individual", "", 7),
              name: fc.oneof(anyText, fc.jsonValue()),
              email: fc.oneof(anyText, fc.emailAddress(), fc.jsonValue()),
              country: fc.oneof(anyText, fc.constant(null)),
              hide_name: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          const response = await fetchWorker(`/api/v1/letters/${letter.slug}/signatures`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "CF-Connecting-IP": randomIp() },
            body: JSON.stringify(body),
          });
          expect(response.status).toBeLessThan(500);
          await response.body?.cancel();
        },
      ),
      { numRuns: 80 },
    );
    const rows = await signatureRows(letter.slug);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: rows.length });
  });

  it("never answers an arbitrary slug or cursor with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.string({ unit: "binary", maxLength: 60 }),
        async (slug, cursor) => {
          for (const path of [
            `/letters/${encodeURIComponent(slug)}`,
            `/letters/${encodeURIComponent(slug)}.json`,
            `/letters/${encodeURIComponent(slug)}/signatories?cursor=${encodeURIComponent(cursor)}`,
            `/letters/${encodeURIComponent(slug)}/record.json?after=${encodeURIComponent(cursor)}`,
            `/letters/${encodeURIComponent(slug)}/embed?source=${encodeURIComponent(cursor)}`,
            `/api/v1/letters?status=${encodeURIComponent(slug)}&cursor=${encodeURIComponent(cursor)}`,
            `/api/v1/letters/${encodeURIComponent(slug)}/signatories?cursor=${encodeURIComponent(cursor)}&country=${encodeURIComponent([...slug].slice(0, 3).join(""))}`,
            `/oembed?url=${encodeURIComponent(`https://undersigned.test/letters/${slug}`)}&maxwidth=${encodeURIComponent(cursor)}`,
          ]) {
            const response = await fetchWorker(path);
            expect(response.status, path).toBeLessThan(500);
            await response.body?.cancel();
          }
        },
      ),
      // Cursors alone take thousands of runs in test/domain/text.test.ts; each run here is eight requests.
      { numRuns: 25 },
    );
  });
});
