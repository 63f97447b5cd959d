/**
 * The organizers' signatures pages: search and filters, paging, moderating
 * one signature or many (reviewed before anything changes), signatures
 * entered by hand, and the order of organizations, with the public counts,
 * list and cache following every change.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchWorker,
  getPage,
  letterRow,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  signatureRows,
  texts,
  type OrganizerSession,
} from "../helpers";
import { seedSignatures } from "../seed";

async function reviewedLetter(organizations: string[] = ["Lead Org"]) {
  return createLetter({ organizations, reviewOrganizations: true, confirmSignatures: false });
}

/** Organizations that signed through the form: waiting for review on a reviewed letter, else counted. */
async function signAsOrganizations(slug: string, names: string[], status: "in_review" | "confirmed" = "in_review") {
  await seedSignatures(
    slug,
    names.map((name) => ({ kind: "organization", name, status })),
  );
}

async function refOf(slug: string, name: string): Promise<string> {
  return (await signatureRows(slug)).find((row) => row.name === name)!.token as string;
}

function listPath(slug: string, query = "") {
  return `/admin/letters/${slug}/signatures${query ? `?${query}` : ""}`;
}

async function names(session: OrganizerSession, slug: string, query = ""): Promise<string[]> {
  const { document } = await organizerPage(session, listPath(slug, query));
  return texts(document, "tbody td:nth-child(2) strong");
}

describe("the signatures list", () => {
  it("is for organizers only", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(listPath(letter.slug), { redirect: "manual" });
    expect(response.status).toBe(303);
  });

  it("lists every signature newest first with its email, status and channel, and filters them", async () => {
    const letter = await reviewedLetter();
    await signAsOrganizations(letter.slug, ["Grassroots Union"]);
    await seedSignatures(letter.slug, [{ name: "Ana Pérez", email: "ana@radio.example", country: "HN" }]);
    const session = await logIn();
    const { response, document } = await organizerPage(session, listPath(letter.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(texts(document, "tbody td:nth-child(2) strong")).toEqual(["Ana Pérez", "Grassroots Union", "Lead Org"]);
    expect(texts(document, "tbody tr:first-child td:nth-child(3)")).toEqual(["ana@radio.example"]);
    expect(texts(document, "tbody tr:nth-child(2) td:nth-child(4) .badge")).toEqual(["waiting for review"]);
    expect(texts(document, "tbody tr:nth-child(3) td:nth-child(5)")).toEqual(["letter file"]);
    expect(texts(document, "[role=status]")).toContain("3 signatures match.");
    // Only the actions that apply are offered.
    expect(texts(document, "tbody tr:nth-child(2) td:last-child button")).toEqual([
      "Approve Grassroots Union",
      "Reject Grassroots Union",
      "Mark Grassroots Union verified",
    ]);
    expect(texts(document, "tbody tr:first-child td:last-child button")).toEqual(["Hide Ana Pérez"]);

    expect(await names(session, letter.slug, "q=radio.example")).toEqual(["Ana Pérez"]);
    expect(await names(session, letter.slug, "status=in_review")).toEqual(["Grassroots Union"]);
    expect(await names(session, letter.slug, "kind=organization&channel=initial")).toEqual(["Lead Org"]);
    expect(await names(session, letter.slug, "country=HN")).toEqual(["Ana Pérez"]);
    const bad = await organizerPage(session, listPath(letter.slug, "status=lost&from=someday"));
    expect(bad.response.status).toBe(422);
    expect(texts(bad.document, ".error-summary li")).toHaveLength(2);
  });

  it("pages through many signatures", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    await seedSignatures(
      letter.slug,
      Array.from({ length: 55 }, (_, index) => ({ name: `Paper Signer ${index}`, channel: "manual", source: "paper" })),
    );
    const first = await organizerPage(session, listPath(letter.slug));
    expect(first.document.querySelectorAll("tbody tr")).toHaveLength(50);
    const older = first.document.querySelector(".pagination a")!.getAttribute("href")!;
    const second = await organizerPage(session, older);
    expect(second.document.querySelectorAll("tbody tr")).toHaveLength(5);
    expect(texts(second.document, "tbody td:nth-child(2) strong").at(-1)).toBe("Paper Signer 0");
    expect((await organizerPage(session, listPath(letter.slug, "before=x"))).response.status).toBe(400);
  });
});

describe("moderating", () => {
  it("approves, rejects, hides and restores one signature, and the public page follows", async () => {
    const letter = await reviewedLetter();
    await signAsOrganizations(letter.slug, ["Approved Org", "Rejected Org"]);
    const session = await logIn();
    await getPage(`/letters/${letter.slug}`); // cached before the change
    const approve = await organizerPost(
      session,
      `${listPath(letter.slug)}/${await refOf(letter.slug, "Approved Org")}/approve`,
      { status: "in_review" },
    );
    expect(approve.status).toBe(303);
    expect(approve.headers.get("Location")).toBe(`${listPath(letter.slug)}?status=in_review&done=approve&n=1`);
    expect(texts((await getPage(`/letters/${letter.slug}`)).document, ".signatory-name")).toContain("Approved Org");
    await organizerPost(session, `${listPath(letter.slug)}/${await refOf(letter.slug, "Rejected Org")}/reject`, {});
    expect((await letterRow(letter.slug))!.organization_count).toBe(2);
    await organizerPost(session, `${listPath(letter.slug)}/${await refOf(letter.slug, "Approved Org")}/hide`, {});
    expect(texts((await getPage(`/letters/${letter.slug}`)).document, ".signatory-name")).not.toContain("Approved Org");
    await organizerPost(session, `${listPath(letter.slug)}/${await refOf(letter.slug, "Approved Org")}/restore`, {});
    expect((await letterRow(letter.slug))!.organization_count).toBe(2);
    const again = await organizerPost(
      session,
      `${listPath(letter.slug)}/${await refOf(letter.slug, "Approved Org")}/approve`,
      {},
    );
    expect(again.status).toBe(409);
    const { document } = await organizerPage(session, `${listPath(letter.slug)}?done=approve&n=1`);
    expect(texts(document, ".flash")).toEqual(["Approved 1 signature."]);
  });

  it("reviews a bulk change with its count before making it", async () => {
    const letter = await reviewedLetter();
    await signAsOrganizations(letter.slug, ["First Org", "Second Org", "Third Org"]);
    const session = await logIn();
    const refs = [
      await refOf(letter.slug, "First Org"),
      await refOf(letter.slug, "Second Org"),
      await refOf(letter.slug, "Lead Org"),
    ];
    const review = await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
      action: "approve",
      scope: "selected",
      ref: refs,
      step: "review",
    });
    expect(review.status).toBe(200);
    const page = parseHtml(await review.text());
    expect(texts(page, "h1")).toEqual(["Approve 2 signatures?"]);
    expect(texts(page, "main p")[0]).toBe(
      "Of the 3 signatures you selected, 2 can be approved; the other one is not affected: its status does not allow it.",
    );
    // The one not affected is named, with its status.
    expect(texts(page, "#review-unaffected + ul li")).toEqual(["Lead Org (counted)"]);
    expect((await letterRow(letter.slug))!.organization_count).toBe(1);
    const hidden = Object.fromEntries(
      page
        .querySelectorAll("form[action$='/bulk'] input[type=hidden]")
        .map((input) => [input.getAttribute("name") ?? "", input.getAttribute("value")]),
    );
    expect(hidden.action).toBe("approve");
    const apply = await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
      action: "approve",
      scope: "selected",
      ref: refs,
      step: "apply",
    });
    expect(apply.headers.get("Location")).toBe(`${listPath(letter.slug)}?done=approve&n=2`);
    expect((await letterRow(letter.slug))!.organization_count).toBe(3);
    expect(await names(session, letter.slug, "status=in_review")).toEqual(["Third Org"]);
  });

  it("refuses more than 1,000 selected signatures with a 413, to review as to apply", async () => {
    const letter = await reviewedLetter();
    const session = await logIn();
    const ref = Array.from({ length: 1_001 }, () => crypto.randomUUID().replaceAll("-", ""));
    for (const step of ["review", "apply"]) {
      const response = await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
        action: "hide",
        scope: "selected",
        ref,
        step,
      });
      expect(response.status, step).toBe(413);
      expect(texts(parseHtml(await response.text()), "h1"), step).toEqual(["Too many signatures selected"]);
    }
  });

  it("applies a bulk change to everything that matches the filter", async () => {
    const letter = await reviewedLetter();
    await signAsOrganizations(letter.slug, ["Alpha Org", "Beta Org"]);
    await seedSignatures(letter.slug, [{ name: "Counted Person" }]);
    const session = await logIn();
    const review = await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
      action: "reject",
      scope: "matching",
      kind: "organization",
      step: "review",
    });
    expect(texts(parseHtml(await review.text()), "main p")[0]).toBe(
      "Of the 3 signatures that match the filter, 2 can be rejected; the other one is not affected: its status does not allow it.",
    );
    await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
      action: "reject",
      scope: "matching",
      kind: "organization",
      step: "apply",
    });
    expect(await names(session, letter.slug, "status=rejected")).toEqual(["Beta Org", "Alpha Org"]);
    expect((await letterRow(letter.slug))!.signature_count).toBe(2);
    const nothing = await organizerPost(session, `${listPath(letter.slug)}/bulk`, {
      action: "approve",
      scope: "selected",
      step: "review",
    });
    // Nothing ticked: the list again with its problem above it (test/routes/bulk-nothing-selected.test.ts).
    expect(nothing.status).toBe(422);
  });
});

describe("signatures entered by hand", () => {
  it("counts them at once, marked as entered by hand, one per email among individuals and one per organization", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const added = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "Comité de Familiares",
      website: "cofadeh.example.org",
      contact_name: "Bertha Oliva",
      contact_role: "Coordinadora",
      city: "Tegucigalpa",
      country: "HN",
      email: "cofadeh@example.org",
      received: "paper",
      public: "1",
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe(`${listPath(letter.slug)}?done=added`);
    const [row] = await signatureRows(letter.slug);
    expect(row).toMatchObject({
      channel: "manual",
      source: "paper",
      status: "confirmed",
      kind: "organization",
      name: "Comité de Familiares",
      organization: null,
      website: "https://cofadeh.example.org/",
      contact_name: "Bertha Oliva",
      contact_role: "Coordinadora",
      // The organizers vouch for it: no contact stated anything.
      authorized_at: null,
      organization_key: "comite de familiares",
      country: "HN",
      is_public: 1,
    });
    const page = await getPage(`/letters/${letter.slug}`);
    expect(texts(page.document, ".signatory-name")).toEqual(["Comité de Familiares"]);
    const json = await (await fetchWorker(`/letters/${letter.slug}.json`)).text();
    for (const secret of ["cofadeh@example.org", "Bertha Oliva", "Coordinadora"]) expect(json).not.toContain(secret);
    // The contact's address may sign as a person too: one signature per email among individuals only.
    const person = await organizerPost(session, listPath(letter.slug), {
      kind: "individual",
      name: "Bertha Oliva",
      email: "cofadeh@example.org",
      received: "email",
    });
    expect(person.status).toBe(303);
    const twice = await organizerPost(session, listPath(letter.slug), {
      kind: "individual",
      name: "Another name",
      email: "COFADEH@example.org ",
      received: "email",
    });
    expect(twice.status).toBe(409);
    expect(texts(parseHtml(await twice.text()), ".error-summary li")).toEqual([
      "Email: This email address has already signed the letter.",
    ]);
    // The same organization in another spelling, with another contact: refused, with a clear message.
    const again = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "COMITE DE FAMILIARES.",
      email: "someone-else@example.org",
      received: "email",
    });
    expect(again.status).toBe(409);
    const refused = parseHtml(await again.text());
    expect(texts(refused, ".error-summary li")).toEqual([
      "Organization's name: This organization has already signed the letter as “Comité de Familiares”: one signature per organization. Find it in the list below; if it is not the organization's own, hide it first.",
    ]);
    expect(refused.querySelector("#field-organization-name")?.getAttribute("value")).toBe("COMITE DE FAMILIARES.");
    // No email: fine, and not listed publicly when asked.
    await organizerPost(session, listPath(letter.slug), {
      kind: "individual",
      name: "Private Person",
      received: "email",
      public: "",
    });
    expect((await letterRow(letter.slug))!.signature_count).toBe(3);
    expect(texts((await getPage(`/letters/${letter.slug}`)).document, ".signatory-name")).not.toContain(
      "Private Person",
    );
  });

  it("takes names that begin with + - or @, like +Acumen, and exports them neutralized", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    for (const [kind, name] of [
      ["organization", "+Acumen"],
      ["organization", "@Home Foundation"],
      ["individual", "-Lab Person"],
    ] as const) {
      const response = await organizerPost(session, listPath(letter.slug), {
        kind,
        [kind === "organization" ? "organization_name" : "name"]: name,
        received: "paper",
        public: "1",
      });
      expect(response.status, name).toBe(303);
    }
    expect(texts((await getPage(`/letters/${letter.slug}`)).document, ".signatory-name")).toEqual([
      "+Acumen",
      "@Home Foundation",
      "-Lab Person",
    ]);
    const csv = await (await organizerFetch(session, `/admin/letters/${letter.slug}/signatures.csv`)).text();
    expect(csv).toContain(`"'+Acumen"`);
    expect(csv).toContain(`"'@Home Foundation"`);
    expect(csv).toContain(`"'-Lab Person"`);
    // Still refused: what a spreadsheet would run.
    const formula = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "=HYPERLINK(1)",
      received: "paper",
    });
    expect(formula.status).toBe(422);
  });

  it("refuses a field of the other kind's group with a message beside it, never dropping it", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const organization = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "Fundación Justicia y Paz",
      name: "Lucía Ramírez",
      title: "Directora",
      received: "paper",
    });
    expect(organization.status).toBe(422);
    const document = parseHtml(await organization.text());
    expect(texts(document, "#field-name-error")).toEqual([
      "Error: This field is for a person: empty it, or choose “A person” above.",
    ]);
    expect(texts(document, "#field-title-error")).toHaveLength(1);
    const person = await organizerPost(session, listPath(letter.slug), {
      kind: "individual",
      name: "Lucía Ramírez",
      website: "example.org",
      received: "paper",
    });
    expect(person.status).toBe(422);
    expect(texts(parseHtml(await person.text()), "#field-website-error")).toEqual([
      "Error: This field is for an organization: empty it, or choose “An organization” above.",
    ]);
    const website = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "Fundación",
      website: "localhost",
      received: "paper",
    });
    expect(texts(parseHtml(await website.text()), "#field-website-error")[0]).toContain("website");
    const nameless = await organizerPost(session, listPath(letter.slug), { kind: "organization", received: "paper" });
    expect(texts(parseHtml(await nameless.text()), "#field-organization-name-error")).toEqual([
      "Error: Enter the organization's name.",
    ]);
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });

  it("refuses a bad entry with a message beside each field, storing nothing", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const response = await organizerPost(session, listPath(letter.slug), {
      kind: "robot",
      name: "=cmd|' /C calc'!A0",
      email: "not-an-email",
      country: "ZZ",
      received: "pigeon",
    });
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(texts(document, "#manual-title ~ .error-summary li, section .error-summary li")).toHaveLength(5);
    expect(await signatureRows(letter.slug)).toHaveLength(0);
  });
});

describe("the order of organizations", () => {
  it("puts the lead organizations first, in the organizers' order, then the rest in signing order", async () => {
    const letter = await createLetter({ organizations: ["File First", "File Second"], confirmSignatures: false });
    await signAsOrganizations(letter.slug, ["Late Lead", "Late Other"], "confirmed");
    const session = await logIn();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/order`);
    expect(texts(document, "tbody label")).toEqual(["File First", "File Second", "Late Lead", "Late Other"]);
    const fields = Object.fromEntries(
      document
        .querySelectorAll("tbody input")
        .map((input) => [input.getAttribute("name")!, input.getAttribute("value") ?? ""]),
    );
    const lateLead = `position-${await refOf(letter.slug, "Late Lead")}`;
    const fileFirst = `position-${await refOf(letter.slug, "File First")}`;
    expect(fields[fileFirst]).toBe("1");
    expect(fields[lateLead]).toBe("");
    const saved = await organizerPost(session, `/admin/letters/${letter.slug}/order`, {
      ...fields,
      [lateLead]: "1",
      [fileFirst]: "",
    });
    expect(saved.headers.get("Location")).toBe(`/admin/letters/${letter.slug}/order?done=saved`);
    const page = await getPage(`/letters/${letter.slug}`);
    expect(texts(page.document, ".signatory-list.organizations .signatory-name")).toEqual([
      "Late Lead",
      "File Second",
      "File First",
      "Late Other",
    ]);
    const bad = await organizerPost(session, `/admin/letters/${letter.slug}/order`, { [lateLead]: "first" });
    expect(bad.status).toBe(422);
    expect(
      (await env.DB.prepare("SELECT managed_by FROM letters WHERE slug = ?").bind(letter.slug).first())!.managed_by,
    ).toBe("admin");
  });
});

describe("signatures entered by hand, refused in the organizer's language", () => {
  it("reports every field's problem at once, in Spanish (an invalid email and no name)", async () => {
    const letter = await createLetter();
    const session = await logIn();
    expect((await organizerPost(session, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
    try {
      const person = await organizerPost(session, listPath(letter.slug), {
        kind: "individual",
        name: "",
        email: "not-an-email",
        website: "example.org",
        received: "paper",
      });
      expect(person.status).toBe(422);
      const document = parseHtml(await person.text());
      expect(texts(document, "#field-email-error")).toHaveLength(1);
      const [name] = texts(document, "#field-name-error");
      expect(name).toBeDefined();
      expect(name).not.toContain("Enter");
      const [website] = texts(document, "#field-website-error");
      expect(website).not.toContain("This field");
      const organization = await organizerPost(session, listPath(letter.slug), {
        kind: "organization",
        organization_name: "",
        country: "ZZ",
        received: "paper",
      });
      const refused = parseHtml(await organization.text());
      expect(texts(refused, "#field-country-error")).toHaveLength(1);
      const [missing] = texts(refused, "#field-organization-name-error");
      expect(missing).toBeDefined();
      expect(missing).not.toContain("Enter");
    } finally {
      await organizerPost(session, "/admin/language", { language: "en", back: "/admin" });
    }
  });
});

describe("days on the signatures page", () => {
  it("reads an organization's authorization and verification day in the letter's zone, like its signing time", async () => {
    const letter = await reviewedLetter();
    await env.DB.prepare("UPDATE letters SET closes_time_zone = 'America/Tegucigalpa' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await seedSignatures(letter.slug, [
      { kind: "organization", name: "Evening Org", authorized: true, verification: { by: "organizers" } },
    ]);
    // 19:47 on November 30 in Honduras is already December 1 in UTC.
    await env.DB.prepare(
      `UPDATE signatures SET created_at = ?1, authorized_at = ?1, verified_at = ?1
       WHERE name = 'Evening Org' AND letter_id = (SELECT id FROM letters WHERE slug = ?2)`,
    )
      .bind("2026-12-01T01:47:00.000Z", letter.slug)
      .run();
    const { document } = await organizerPage(await logIn(), `/admin/letters/${letter.slug}/signatures`);
    const text = document.textContent ?? "";
    expect(text).toContain("Authorized: stated on November 30, 2026");
    expect(text).toContain("on November 30, 2026");
    expect(text).not.toContain("December 1, 2026");
  });
});
