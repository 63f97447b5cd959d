import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchWorker,
  formBody,
  getPage,
  individual,
  organization,
  letterRow,
  parseHtml,
  postSignature,
  SAME_ORIGIN_FORM,
  signatureRows,
  stampedForm,
  texts,
  uniqueSlug,
} from "../helpers";

async function followToThankYou(response: Response) {
  expect(response.status).toBe(303);
  const location = response.headers.get("Location")!;
  expect(location).toMatch(/^\/letters\/[a-z0-9-]+\/signed\?receipt=/);
  return getPage(location);
}

describe("POST /letters/{slug}/signatures", () => {
  it("stores a valid signature, counts it, and redirects to a thank-you page showing the signer's entry and the new count", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const response = await postSignature(letter.slug, {
      kind: "individual",
      name: "  Ana   Pérez ",
      organization: "Universidad Nacional",
      title: "Professor",
      city: "Tegucigalpa",
      country: "hn",
      email: "  Ana.Perez@Example.ORG ",
    });
    const { response: page, document } = await followToThankYou(response);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(texts(document, "h1")).toEqual(["Thank you for signing"]);
    expect(texts(document, ".receipt")).toEqual(["Ana Pérez, Professor, Universidad Nacional — Tegucigalpa, Honduras"]);
    expect(texts(document, ".counts")).toEqual(["The letter now has 2 signatures: 1 organization and 1 individual."]);
    expect(document.toString()).not.toContain("example.org");

    const rows = await signatureRows(letter.slug);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      kind: "individual",
      name: "Ana Pérez",
      organization: "Universidad Nacional",
      title: "Professor",
      city: "Tegucigalpa",
      country: "HN",
      email: "ana.perez@example.org",
      status: "confirmed",
      is_public: 1,
      channel: "form",
    });
    expect(await letterRow(letter.slug)).toMatchObject({
      signature_count: 2,
      organization_count: 1,
      individual_count: 1,
    });
  });

  it("lists the new signatory on the letter page and in the JSON", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    await postSignature(
      letter.slug,
      organization({ organization_name: "Oxfam America", email: "policy@oxfam.example", country: "US" }),
    );
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(texts(document, ".signatory-list.organizations li")).toEqual(["AFL-CIO", "Oxfam America, United States"]);
    const json = await (await fetchWorker(`/letters/${letter.slug}.json`)).json<{ signatories: { name: string }[] }>();
    expect(json.signatories.map((s) => s.name)).toEqual(["AFL-CIO", "Oxfam America"]);
  });

  it("refuses a person's details sent with an organization's signature, saying which fields don't belong (issue 14)", async () => {
    // The issue's case: a contact who types her own name where the organization's used to go.
    const letter = await createLetter();
    const response = await postSignature(letter.slug, {
      kind: "organization",
      name: "Lucía Ramírez",
      organization: "Fundación Justicia y Paz",
      title: "Directora de Programas",
      email: "lucia@justiciaypaz.example",
    });
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    const belongs = /You chose to sign for an organization: this field is for individuals/;
    for (const field of ["name", "organization", "title"])
      expect(document.querySelector(`#sign-${field}-error`)?.text, field).toMatch(belongs);
    expect(document.querySelector("#sign-organization-name-error")?.text).toMatch(/Enter the organization's name/);
    expect(document.querySelector("#sign-contact-name-error")?.text).toMatch(/Enter the name of the person/);
    expect(document.querySelector("#sign-authorized-error")?.text).toMatch(/authorized to sign on behalf/);
    // Nothing filled in is dropped: the form comes back with every value.
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Lucía Ramírez");
    expect(document.querySelector("#sign-title")?.getAttribute("value")).toBe("Directora de Programas");
    expect(await signatureRows(letter.slug)).toEqual([]);
  });

  it("stores an organization under its own name, its contact kept private (issue 14)", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, {
      kind: "organization",
      organization_name: "Fundación Justicia y Paz",
      website: "justiciaypaz.example.org",
      contact_name: "Lucía Ramírez",
      contact_role: "Directora de Programas",
      authorized: "on",
      city: "Tegucigalpa",
      country: "HN",
      email: "lucia@justiciaypaz.example.org",
    });
    expect(response.status).toBe(303);
    const { document: thanks } = await followToThankYou(response);
    expect(thanks.toString()).toContain("You are signing for Fundación Justicia y Paz as its contact");
    expect(thanks.toString()).not.toContain("Lucía");
    // The contact is told what is published: the organization's name, never theirs (the trial of issue 14).
    expect(thanks.toString()).not.toContain("Your name will appear");
    const rows = await env.DB.prepare(
      "SELECT kind, name, organization, title, website, contact_name, contact_role, authorized_at, organization_key FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(letter.slug)
      .all();
    expect(rows.results).toEqual([
      {
        kind: "organization",
        name: "Fundación Justicia y Paz",
        organization: null,
        title: null,
        website: "https://justiciaypaz.example.org/",
        contact_name: "Lucía Ramírez",
        contact_role: "Directora de Programas",
        authorized_at: expect.stringMatching(/^\d{4}-/) as unknown,
        organization_key: "fundacion justicia y paz",
      },
    ]);
    // The person's name is in no public output: the page, its JSON, the record, the feed, the card, the API.
    const outputs = [
      `/letters/${letter.slug}`,
      `/letters/${letter.slug}.json`,
      `/letters/${letter.slug}/signatories`,
      `/letters/${letter.slug}/record`,
      `/letters/${letter.slug}/feed.atom`,
      `/feed.atom`,
      `/letters/${letter.slug}/embed`,
      `/api/v1/letters/${letter.slug}`,
      `/api/v1/letters/${letter.slug}/signatories`,
      `/api/v1/letters/${letter.slug}/record`,
    ];
    let seen = 0;
    for (const path of outputs) {
      const response = await fetchWorker(path);
      if (response.status !== 200) continue;
      seen += 1;
      const body = await response.text();
      expect(body, path).not.toContain("Lucía");
      expect(body, path).not.toContain("Ramírez");
      expect(body, path).not.toContain("Directora");
    }
    expect(seen).toBeGreaterThanOrEqual(5);
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(texts(document, ".signatory-list.organizations li").join(" ")).toContain("Fundación Justicia y Paz");
  });

  it("counts a signature whose signer asked not to be listed, without listing it", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, individual({ name: "Quiet Supporter", hide_name: "yes" }));
    const { document: thanks } = await followToThankYou(response);
    expect(texts(thanks, "p").join(" ")).toContain("will not be listed publicly");
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 1 });
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(document.toString()).not.toContain("Quiet Supporter");
    expect(texts(document, ".counts")).toEqual(["1 signature: 0 organizations and 1 individual."]);
    const json = await (await fetchWorker(`/letters/${letter.slug}.json`)).text();
    expect(json).not.toContain("Quiet Supporter");
  });

  it("accepts multipart/form-data as well", async () => {
    const letter = await createLetter();
    const form = new FormData();
    for (const [name, value] of Object.entries(await stampedForm(letter.slug, individual({ name: "Multi Part" }))))
      form.append(name, value as string);
    const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
      method: "POST",
      headers: { Origin: "https://undersigned.test" },
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ name: "Multi Part" });
  });

  describe("a second signature with the same email", () => {
    it("gets the same kind of answer as the first, and stores nothing", async () => {
      const letter = await createLetter();
      const first = await postSignature(letter.slug, {
        kind: "individual",
        name: "Ana Pérez",
        email: "ana@example.org",
      });
      const second = await postSignature(letter.slug, {
        kind: "individual",
        name: "Someone Else",
        email: " ANA@Example.org ",
      });
      expect(second.status).toBe(first.status);
      expect([...second.headers.keys()].sort()).toEqual([...first.headers.keys()].sort());
      const firstPage = await followToThankYou(first);
      const secondPage = await followToThankYou(second);
      expect(secondPage.response.status).toBe(firstPage.response.status);
      expect(texts(secondPage.document, "h1")).toEqual(texts(firstPage.document, "h1"));
      expect(texts(secondPage.document, ".receipt")).toEqual(["Someone Else"]);
      const rows = await signatureRows(letter.slug);
      expect(rows.map((row) => row.name)).toEqual(["Ana Pérez"]);
      expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 1 });
    });

    it("may sign another letter", async () => {
      const one = await createLetter();
      const two = await createLetter();
      await postSignature(one.slug, individual({ email: "both@example.org" }));
      await postSignature(two.slug, individual({ email: "both@example.org" }));
      expect(await letterRow(one.slug)).toMatchObject({ signature_count: 1 });
      expect(await letterRow(two.slug)).toMatchObject({ signature_count: 1 });
    });
  });

  it("keeps the counts exact under 50 concurrent distinct signatures", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        postSignature(
          letter.slug,
          index % 2
            ? individual()
            : organization({ organization_name: `Org ${index}`, email: `org${index}@example.org` }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(303));
    expect(await letterRow(letter.slug)).toMatchObject({
      signature_count: 51,
      organization_count: 26,
      individual_count: 25,
    });
    expect(await signatureRows(letter.slug)).toHaveLength(51);
  });

  it("stores one signature from 50 concurrent identical ones", async () => {
    const letter = await createLetter();
    const fields = individual({ name: "Same Person", email: "same@example.org" });
    const responses = await Promise.all(Array.from({ length: 50 }, () => postSignature(letter.slug, fields)));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(303));
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 1 });
    expect(await signatureRows(letter.slug)).toHaveLength(1);
  });

  describe("invalid input", () => {
    async function expectRefused(fields: Record<string, string | string[]>, field: string, message: RegExp) {
      const letter = await createLetter();
      const response = await postSignature(letter.slug, fields);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const document = parseHtml(await response.text());
      const error =
        document.querySelector(`#sign-${field.replace("_", "-")}-error`) ??
        document.querySelector(`#sign-kind-organization-error`);
      expect(error?.textContent, `message beside ${field}`).toMatch(message);
      expect(texts(document, ".error-summary li").join(" | ")).toMatch(message);
      expect(await signatureRows(letter.slug)).toHaveLength(0);
      expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
      return document;
    }

    it("re-displays the letter page with the form filled in and a message beside each bad field", async () => {
      const letter = await createLetter({ title: "Refill test" });
      const response = await postSignature(letter.slug, {
        kind: "individual",
        name: "=SUM(A1)",
        organization: "Red Cross",
        city: "Paris",
        country: "ZZ",
        email: "not-an-email",
      });
      expect(response.status).toBe(422);
      const document = parseHtml(await response.text());
      expect(texts(document, "h1")).toEqual(["Refill test"]);
      expect(texts(document, ".error-summary h3")).toEqual(["There are 3 problems with your signature"]);
      expect(document.querySelectorAll(".error-summary a").map((a) => a.getAttribute("href"))).toEqual([
        "#sign-name",
        "#sign-country",
        "#sign-email",
      ]);
      expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("=SUM(A1)");
      expect(document.querySelector("#sign-name")?.getAttribute("aria-invalid")).toBe("true");
      expect(document.querySelector("#sign-name")?.getAttribute("aria-describedby")).toContain("sign-name-error");
      expect(document.querySelector("#sign-organization")?.getAttribute("value")).toBe("Red Cross");
      expect(document.querySelector("#sign-city")?.getAttribute("value")).toBe("Paris");
      expect(document.querySelector("#sign-email")?.getAttribute("value")).toBe("not-an-email");
      expect(document.querySelector("#sign-kind-individual")?.hasAttribute("checked")).toBe(true);
      expect(document.querySelector("#sign-organization")?.getAttribute("aria-invalid")).toBeUndefined();
    });

    it.each([
      [{ name: "Ana", email: "a@example.org" }, "kind", /Choose whether you sign/],
      [{ kind: "robot", name: "Ana", email: "a@example.org" }, "kind", /Choose whether you sign/],
      [{ kind: "individual", email: "a@example.org" }, "name", /Enter your full name/],
      [{ kind: "individual", name: "   ", email: "a@example.org" }, "name", /Enter your full name/],
      [
        { kind: "organization", contact_name: "Ana", authorized: "on", email: "a@example.org" },
        "organization_name",
        /Enter the organization's name/,
      ],
      [
        { kind: "organization", organization_name: "Org", authorized: "on", email: "a@example.org" },
        "contact_name",
        /Enter the name of the person/,
      ],
      [
        { kind: "organization", organization_name: "Org", contact_name: "Ana", email: "a@example.org" },
        "authorized",
        /authorized to sign on behalf/,
      ],
      [{ ...organization(), website: "ftp://example.org" }, "website", /Enter the organization's website/],
      [{ ...organization(), website: "localhost" }, "website", /Enter the organization's website/],
      [{ ...organization(), contact_role: "=cmd" }, "contact_role", /can't begin with/],
      [{ ...organization(), organization_name: "=1+1" }, "organization_name", /can't begin with/],
      [{ ...organization(), organization_name: "@SUM(A1)" }, "organization_name", /can't begin with/],
      [{ ...organization(), title: "Director" }, "title", /this field is for individuals/],
      [{ ...individual(), website: "example.org" }, "website", /this field is for organizations/],
      [{ ...individual(), contact_name: "Ana" }, "contact_name", /this field is for organizations/],
      [{ ...individual(), authorized: "on" }, "authorized", /this field is for organizations/],
      [{ kind: "individual", name: "Ana" }, "email", /Enter your email address/],
      [{ kind: "individual", name: "Ana", email: "ana@localhost" }, "email", /valid email address/],
      [{ kind: "individual", name: "Ana", email: `${"a".repeat(250)}@example.org` }, "email", /at most 254/],
      [
        { kind: "individual", name: '=HYPERLINK("x")', email: "a@example.org" },
        "name",
        /can't begin with = or look like a formula/,
      ],
      [{ kind: "individual", name: "+1 555", email: "a@example.org" }, "name", /can't begin with/],
      [{ kind: "individual", name: "@SUM(A1)", email: "a@example.org" }, "name", /can't begin with/],
      [{ kind: "individual", name: "@ ana", email: "a@example.org" }, "name", /can't begin with/],
      [{ kind: "individual", name: "Ana https://spam.example", email: "a@example.org" }, "name", /web address/],
      [{ kind: "individual", name: "Visit www.spam.example", email: "a@example.org" }, "name", /web address/],
      [{ kind: "individual", name: "spam.example/buy", email: "a@example.org" }, "name", /web address/],
      [{ kind: "individual", name: "Ana ana@example.org", email: "a@example.org" }, "name", /email address/],
      [{ kind: "individual", name: "Ana\r\nBcc: x", email: "a@example.org" }, "name", /one line/],
      [{ kind: "individual", name: "Ana\u0000", email: "a@example.org" }, "name", /one line/],
      [{ kind: "individual", name: "Ana \u202Egnp.exe", email: "a@example.org" }, "name", /invisible formatting/],
      [{ kind: "individual", name: `A${"\u0301".repeat(6)}na`, email: "a@example.org" }, "name", /accent marks/],
      [{ kind: "individual", name: "x".repeat(10_000), email: "a@example.org" }, "name", /at most 200 characters/],
      [{ kind: "individual", name: "x".repeat(201), email: "a@example.org" }, "name", /at most 200 characters/],
      [
        { kind: "individual", name: "Ana", organization: "o".repeat(201), email: "a@example.org" },
        "organization",
        /at most 200/,
      ],
      [{ kind: "individual", name: "Ana", title: "=cmd", email: "a@example.org" }, "title", /can't begin with/],
      [{ kind: "individual", name: "Ana", city: "c".repeat(101), email: "a@example.org" }, "city", /at most 100/],
      [{ kind: "individual", name: "Ana", country: "Honduras", email: "a@example.org" }, "country", /Choose a country/],
      [{ kind: "individual", name: ["Ana", "Bob"], email: "a@example.org" }, "name", /sent more than once/],
      [{ kind: "individual", name: "Ana", email: ["a@example.org", "b@example.org"] }, "email", /sent more than once/],
    ])("refuses case %# with a message beside the field", async (fields, field, message) => {
      await expectRefused(fields, field, message);
    });

    it("escapes what it puts back in the form", async () => {
      const letter = await createLetter();
      const response = await postSignature(letter.slug, {
        kind: "individual",
        name: '"><script>alert(1)</script>',
        email: "x",
      });
      const html = await response.text();
      expect(response.status).toBe(422);
      expect(html).not.toContain("<script>");
      expect(parseHtml(html).querySelector("#sign-name")?.getAttribute("value")).toBe('"><script>alert(1)</script>');
    });

    it("ignores fields it does not know", async () => {
      const letter = await createLetter();
      const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: `${formBody(await stampedForm(letter.slug, individual({ name: "Extra Fields" })))}&utm_source=newsletter&submit=Sign`,
        redirect: "manual",
      });
      expect(response.status).toBe(303);
      expect((await signatureRows(letter.slug)).map((row) => row.name)).toEqual(["Extra Fields"]);
    });
  });

  describe("refusals before the form is read", () => {
    it("answers 404 for an unknown letter", async () => {
      const response = await postSignature(uniqueSlug("missing"), individual());
      expect(response.status).toBe(404);
      expect(texts(parseHtml(await response.text()), "h1")).toEqual(["Letter not found"]);
    });

    it("answers 409 with a page saying signing has closed, and stores nothing", async () => {
      for (const letter of [
        await createLetter({ status: "closed" }),
        await createLetter({ closesAt: "2018-01-31T23:59:59.000Z" }),
      ]) {
        const response = await postSignature(letter.slug, individual());
        expect(response.status).toBe(409);
        const document = parseHtml(await response.text());
        expect(texts(document, "h1")).toEqual(["Signing has closed"]);
        expect(texts(document, "main p")[0]).toContain("no longer takes signatures");
        expect(await signatureRows(letter.slug)).toHaveLength(0);
      }
    });

    it("answers 403 to a post from another site or with no origin at all", async () => {
      const letter = await createLetter();
      const attempts: Record<string, string>[] = [
        { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        { Origin: "null" },
        { Origin: "", "Sec-Fetch-Site": "" },
      ];
      for (const headers of attempts) {
        const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
          body: formBody(individual()),
        });
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(texts(parseHtml(await response.text()), "h1")).toEqual(["This form must be sent from this site"]);
      }
      expect(await signatureRows(letter.slug)).toHaveLength(0);
    });

    it("answers 413 to a body over the limit, declared or chunked", async () => {
      const letter = await createLetter();
      const big = formBody(individual({ city: "x".repeat(20_000) }));
      const declared = await postSignature(letter.slug, individual({ city: "x".repeat(20_000) }));
      expect(declared.status).toBe(413);
      const zalgo = await postSignature(letter.slug, individual({ name: `A${"\u0301".repeat(10_000)}` }));
      expect(zalgo.status).toBe(413);
      const chunks = new TextEncoder().encode(big);
      const stream = new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < chunks.length; offset += 4_096)
            controller.enqueue(chunks.slice(offset, offset + 4_096));
          controller.close();
        },
      });
      const chunked = await fetchWorker(`/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(texts(parseHtml(await chunked.text()), "h1")).toEqual(["That was too much to send"]);
      expect(await signatureRows(letter.slug)).toHaveLength(0);
    });

    it("answers 415 to a JSON body", async () => {
      const letter = await createLetter();
      const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: { Origin: "https://undersigned.test", "Content-Type": "application/json" },
        body: JSON.stringify(individual()),
      });
      expect(response.status).toBe(415);
      expect(await response.text()).toContain("ordinary web form");
      expect(await signatureRows(letter.slug)).toHaveLength(0);
    });

    it("redirects a GET of the form's address to the form, and answers other methods with 405", async () => {
      const letter = await createLetter();
      const get = await fetchWorker(`/letters/${letter.slug}/signatures`, { redirect: "manual" });
      expect(get.status).toBe(303);
      expect(get.headers.get("Location")).toBe(`/letters/${letter.slug}#sign`);
      const put = await fetchWorker(`/letters/${letter.slug}/signatures`, { method: "PUT" });
      expect(put.status).toBe(405);
      expect(put.headers.get("Allow")).toBe("POST, GET, HEAD");
    });
  });
});

describe("GET /letters/{slug}/signed", () => {
  it("refuses a receipt that was changed or made for another letter", async () => {
    const one = await createLetter();
    const two = await createLetter();
    const location = (await postSignature(one.slug, individual({ name: "Real Name" }))).headers.get("Location")!;
    const receipt = new URL(location, "https://x").searchParams.get("receipt")!;
    const [nonce, sealed] = receipt.split(".");
    // One bit of the ciphertext changed: AES-GCM's tag no longer matches.
    const flipped = (sealed![0] === "A" ? "B" : "A") + sealed!.slice(1);
    for (const path of [
      `/letters/${one.slug}/signed?receipt=${nonce}.${flipped}`,
      `/letters/${two.slug}/signed?receipt=${receipt}`,
      `/letters/${one.slug}/signed?receipt=garbage`,
      `/letters/${one.slug}/signed`,
    ]) {
      const { response, document } = await getPage(path);
      expect(response.status, path).toBe(400);
      expect(texts(document, "h1")).toEqual(["This thank-you link is not valid"]);
    }
    expect((await getPage(location)).response.status).toBe(200);
  });

  it("answers 503, not 500, when SECRET_KEY is missing, and stores nothing", async () => {
    const { fetchApp } = await import("../helpers");
    const letter = await createLetter();
    const response = await fetchApp(
      `/letters/${letter.slug}/signatures`,
      { SECRET_KEY: undefined },
      {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody(individual()),
      },
    );
    expect(response.status).toBe(503);
    expect(await signatureRows(letter.slug)).toHaveLength(0);
    expect(env.SECRET_KEY).toBeTruthy();
  });
});

describe("malformed bodies", () => {
  it("answers a broken multipart body with 400, not 500", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
      method: "POST",
      headers: { Origin: "https://undersigned.test", "Content-Type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nAna\r\n--broken',
    });
    expect(response.status).toBe(400);
    expect(texts(parseHtml(await response.text()), "h1")).toEqual(["That request could not be understood"]);
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("answers bytes that are not UTF-8 with a message beside the field", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: "kind=individual&name=Ana%FF%FE&email=a%40example.org",
    });
    expect(response.status).toBe(422);
    expect(parseHtml(await response.text()).querySelector("#sign-name-error")?.textContent).toContain(
      "could not be read",
    );
  });

  it("answers a file sent as a field with a message", async () => {
    const letter = await createLetter();
    const form = new FormData();
    for (const [name, value] of Object.entries(individual())) form.append(name, value as string);
    form.set("name", new File(["Ana"], "name.txt", { type: "text/plain" }));
    const response = await fetchWorker(`/letters/${letter.slug}/signatures`, {
      method: "POST",
      headers: { Origin: "https://undersigned.test" },
      body: form,
    });
    expect(response.status).toBe(422);
    expect(parseHtml(await response.text()).querySelector("#sign-name-error")?.textContent).toContain(
      "must be text, not a file",
    );
  });
});
