/**
 * The organizers' exports, as an organizer's browser gets them: the CSV of
 * signatures (BOM, quoted cells, header, one record per signature in the
 * public list's order, formulas neutralized, filters, UTF-8, a large letter)
 * read back with csv-parse, and the delivery document (the letter, then its
 * confirmed signatories, the unlisted ones counted, no email anywhere).
 */
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { adminMessagesFor, messagesFor } from "../../src/domain/i18n";
import { EXPORT_COLUMNS, exportHeader, neutralizeCell, type ExportColumn } from "../../src/domain/signature-export";
import { seedLetterStatements } from "../../src/storage/seed";
import { DELIVERY_STYLESHEET_PATH } from "../../src/views/admin/delivery-styles";
import { ExportLinks, exportPaths } from "../../src/views/admin/export-links";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  fetchWorker,
  logIn,
  organizerFetch,
  organizerPage,
  parseHtml,
  texts,
  translation,
  uniqueSlug,
} from "../helpers";
import { seedSignatures } from "../seed";

const BOM = "\uFEFF";

async function exportOf(session: Awaited<ReturnType<typeof logIn>>, slug: string, query = "") {
  const response = await organizerFetch(session, `/admin/letters/${slug}/signatures.csv${query}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Response.text() would drop the BOM: decode keeping it, as the test is about it.
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  return {
    response,
    bytes,
    text,
    records: response.status === 200 ? parse(text, { bom: true, relax_column_count: false }) : [],
  };
}

/** The English header of a letter whose times are in UTC (the default zone). */
const ENGLISH_HEADER = exportHeader(adminMessagesFor("en"), "UTC");

function column(records: string[][], name: ExportColumn): string[] {
  const index = EXPORT_COLUMNS.indexOf(name);
  expect(records[0]![index], name).toBe(ENGLISH_HEADER[index]);
  return records.slice(1).map((record) => record[index]!);
}

/** Flags a signature as the maintenance job does for a burst. */
async function flag(slug: string, name: string) {
  await env.DB.prepare(
    "UPDATE signatures SET flag = 'many-from-one-connection' WHERE name = ?2 AND letter_id = (SELECT id FROM letters WHERE slug = ?1)",
  )
    .bind(slug, name)
    .run();
}

/**
 * A letter with its own two organizations, then two organizations and four
 * individuals through the form, one of whom (Bob Smith) has withdrawn.
 */
async function signedLetter() {
  const letter = await createLetter({ organizations: ["Lead Org", "Second Org"], confirmSignatures: false });
  await seedSignatures(letter.slug, [
    {
      name: "Ana Pérez",
      organization: "Radio Progreso",
      title: "Director",
      city: "El Progreso",
      country: "HN",
      email: "ana@radio.example",
    },
    { kind: "organization", name: "Grassroots Union", email: "union@example.org", city: "Tegucigalpa", country: "HN" },
    { name: "Bob Smith", country: "US", status: "withdrawn" },
    { name: "Zoë Ōtsuka 東京", city: "São Paulo", country: "BR" },
    { kind: "organization", name: "Quiet Coalition", email: "quiet@example.org", isPublic: false },
    { name: "Hidden Person", isPublic: false },
  ]);
  return letter;
}

describe("the exports without a session", () => {
  it("send the browser to the login form, and are never cached", async () => {
    const letter = await createLetter();
    for (const path of [
      `/admin/letters/${letter.slug}/signatures.csv?kind=individual`,
      `/admin/letters/${letter.slug}/delivery`,
    ]) {
      const response = await fetchWorker(path, { redirect: "manual" });
      expect(response.status, path).toBe(303);
      expect(response.headers.get("Location")).toBe(`/admin/login?${new URLSearchParams({ next: path })}`);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});

describe("the links to the exports", () => {
  it("are on the organizers' list of letters", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const { document } = await organizerPage(session, "/admin");
    const links = document.querySelectorAll("a").map((a) => a.getAttribute("href"));
    expect(links).toContain(`/admin/letters/${letter.slug}/signatures.csv`);
    expect(links).toContain(`/admin/letters/${letter.slug}/delivery`);
  });

  it("keep a list's filter, so its CSV holds what the list shows", () => {
    expect(exportPaths.csv("x")).toBe("/admin/letters/x/signatures.csv");
    expect(exportPaths.csv("x", {})).toBe("/admin/letters/x/signatures.csv?status=all");
    expect(exportPaths.csv("x", { kind: "organization", flagged: true })).toBe(
      "/admin/letters/x/signatures.csv?kind=organization&flagged=1&status=all",
    );
    expect(exportPaths.csv("x", { status: "in_review", q: "a b" })).toBe(
      "/admin/letters/x/signatures.csv?q=a+b&status=in_review",
    );
  });

  it("come as one component for any organizer page", async () => {
    const section = parseHtml(String(await ExportLinks({ slug: "x", filter: { country: "HN" } })));
    expect(texts(section, "h2")).toEqual(["Export"]);
    expect(section.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "/admin/letters/x/signatures.csv?country=HN&status=all",
      "/admin/letters/x/signatures.csv?status=all",
      "/admin/letters/x/delivery",
    ]);
  });
});

describe("GET /admin/letters/{slug}/signatures.csv", () => {
  it("is a UTF-8 CSV with a BOM, every cell quoted, an English header and one record per confirmed signature in the public order", async () => {
    const session = await logIn();
    const letter = await signedLetter();
    const { response, bytes, text, records } = await exportOf(session, letter.slug);
    expect(response.status).toBe(200);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^attachment; filename="${letter.slug}-confirmed-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(text.startsWith(`${BOM}"Kind","Name",`)).toBe(true);
    // Every cell is quoted, and records end with CRLF (RFC 4180).
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    expect(records[0]).toEqual(ENGLISH_HEADER);
    expect(ENGLISH_HEADER.slice(0, 3)).toEqual(["Kind", "Name", "Organization or affiliation"]);
    expect(ENGLISH_HEADER).toContain("Signed at (UTC)");
    expect(column(records, "name")).toEqual([
      "Lead Org",
      "Second Org",
      "Grassroots Union",
      "Quiet Coalition",
      "Ana Pérez",
      "Zoë Ōtsuka 東京",
      "Hidden Person",
    ]);
    expect(column(records, "kind")).toEqual([
      "organization",
      "organization",
      "organization",
      "organization",
      "individual",
      "individual",
      "individual",
    ]);
    expect(column(records, "status").every((status) => status === "counted")).toBe(true);
    expect(column(records, "public")).toEqual(["yes", "yes", "yes", "no", "yes", "yes", "no"]);
    expect(column(records, "channel")).toEqual([
      "letter file",
      "letter file",
      "sign form",
      "sign form",
      "sign form",
      "sign form",
      "sign form",
    ]);
    expect(column(records, "position")).toEqual(["1", "2", "", "", "", "", ""]);
    const ana = records.find((record) => record[1] === "Ana Pérez")!;
    const cell = (name: ExportColumn) => ana[EXPORT_COLUMNS.indexOf(name)];
    expect([
      cell("organization"),
      cell("title"),
      cell("city"),
      cell("countryCode"),
      cell("country"),
      cell("email"),
    ]).toEqual(["Radio Progreso", "Director", "El Progreso", "HN", "Honduras", "ana@radio.example"]);
    expect(cell("signedAt")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(cell("confirmedAt")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Non-ASCII names survive the trip as UTF-8.
    expect(text).toContain('"Zoë Ōtsuka 東京"');
    expect(records.find((record) => record[1] === "Zoë Ōtsuka 東京")?.[EXPORT_COLUMNS.indexOf("city")]).toBe(
      "São Paulo",
    );
  });

  it("holds every status with status=all (or the list's empty status), and applies each filter", async () => {
    const session = await logIn();
    const letter = await signedLetter();
    await flag(letter.slug, "Grassroots Union");
    const names = async (query: string) => column((await exportOf(session, letter.slug, query)).records, "name");
    expect(await names("?status=all")).toContain("Bob Smith");
    expect(await names("?status=")).toHaveLength(8);
    expect(await names("?status=withdrawn")).toEqual(["Bob Smith"]);
    expect(await names("?kind=individual")).toEqual(["Ana Pérez", "Zoë Ōtsuka 東京", "Hidden Person"]);
    expect(await names("?q=radio")).toEqual(["Ana Pérez"]);
    expect(await names("?country=hn")).toEqual(["Grassroots Union", "Ana Pérez"]);
    expect(await names("?channel=initial")).toEqual(["Lead Org", "Second Org"]);
    expect(await names("?flagged=1")).toEqual(["Grassroots Union"]);
    expect(await names("?from=2000-01-01&to=2000-12-31")).toEqual([]);
    const empty = await exportOf(session, letter.slug, "?from=2000-01-01&to=2000-12-31");
    expect(empty.records).toEqual([ENGLISH_HEADER]);
  });

  it("answers a filter it can't read with 400 and says what is wrong", async () => {
    const session = await logIn();
    const letter = await createLetter();
    for (const [query, message] of [
      ["?status=gone", "Choose a status from the list."],
      ["?kind=robot", "Choose organizations or individuals from the list."],
      ["?country=ZZ", "Choose a country from the list."],
      ["?from=2017-02-30", "must be a date such as 2017-12-20"],
      ["?from=2018-01-01&to=2017-01-01", "comes after"],
    ] as const) {
      const { response, text } = await exportOf(session, letter.slug, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("Content-Type")).toContain("text/html");
      expect(texts(parseHtml(text), "main p").join(" "), query).toContain(message);
    }
    const missing = await organizerFetch(session, "/admin/letters/no-such-letter/signatures.csv");
    expect(missing.status).toBe(404);
    const post = await organizerFetch(session, `/admin/letters/${letter.slug}/signatures.csv`, { method: "PUT" });
    expect(post.status).not.toBe(200);
  });

  it("neutralizes every cell a spreadsheet would run as a formula", async () => {
    const session = await logIn();
    // The sign form refuses these names; a letter's own file and the organizers' entry store what they are given.
    const dangerous = [
      '=HYPERLINK("http://x")',
      "+1",
      "-2",
      "@SUM(A1)",
      "\tTabbed",
      "\rReturned",
      " =1+1",
      "\u00a0@cmd",
      "＝fullwidth",
    ];
    const letter = await createLetter({ organizations: dangerous, individuals: ["Safe - Name", "O'Brien"] });
    const { records, text } = await exportOf(session, letter.slug);
    expect(column(records, "name")).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTabbed",
      "'\rReturned",
      "' =1+1",
      "'\u00a0@cmd",
      "'＝fullwidth",
      "Safe - Name",
      "O'Brien",
    ]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("exports every row of a large letter, a page at a time", async () => {
    const session = await logIn();
    const slug = uniqueSlug("large");
    await env.DB.batch((await seedLetterStatements(slug, 1_000, 4_000)).map((statement) => env.DB.prepare(statement)));
    const { response, records } = await exportOf(session, slug);
    expect(response.status).toBe(200);
    expect(records).toHaveLength(5_001);
    const names = column(records, "name");
    expect(names.slice(0, 2)).toEqual(["Organization 1", "Organization 2"]);
    expect(names[999]).toBe("Organization 1000");
    expect(names[1_000]).toBe("Person 1");
    expect(names.at(-1)).toBe("Person 4000");
    expect(new Set(names).size).toBe(5_000);
  });

  it("reads each page of a large letter with an index seek, never a sort of the whole letter", async () => {
    const session = await logIn();
    const slug = uniqueSlug("plans");
    await env.DB.batch((await seedLetterStatements(slug, 1_500, 2_500)).map((statement) => env.DB.prepare(statement)));
    const counter = countingDatabase(env.DB);
    const response = await fetchApp(
      `/admin/letters/${slug}/signatures.csv?status=all`,
      { DB: counter.database },
      { headers: { Cookie: session.cookie } },
    );
    expect(parse(await response.text(), { bom: true })).toHaveLength(4_001);
    const reads = counter.recorded().filter((query) => query.sql.includes("FROM signatures"));
    // Per kind: the ranked signatures once (sorted: there are few), then pages of the unranked ones in id order.
    expect(reads.filter((query) => query.sql.includes("INDEXED BY signatures_ranked"))).toHaveLength(2);
    const pages = reads.filter((query) => query.sql.includes("position >= 1000000000"));
    expect(pages.length).toBeLessThanOrEqual(6);
    for (const query of pages) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const plan = results.map((row) => row.detail).join("; ");
      // The organizations from their own index (migrations/0039), not a walk through every individual.
      expect(plan).toMatch(
        /SEARCH signatures USING INDEX signatures_(?:by_letter|unranked_organizations) \(letter_id=\? AND id>\?\)/,
      );
      expect(plan).not.toContain("TEMP B-TREE");
    }
  });
});

describe("GET /admin/letters/{slug}/delivery", () => {
  it("is the letter, then its confirmed signatories in order, the unlisted ones counted but not named, and no email", async () => {
    const session = await logIn();
    const letter = await signedLetter();
    const { response, document } = await organizerPage(session, `/admin/letters/${letter.slug}/delivery`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    expect(document.querySelector(`link[href="${DELIVERY_STYLESHEET_PATH}"]`)).not.toBeNull();

    expect(texts(document, "h1")).toEqual([letter.title]);
    expect(texts(document, "article .meta time")).toEqual(["December 20, 2017"]);
    expect(document.querySelector(".addressee")?.innerHTML).toBe("The Honorable Someone<br>Secretary General");
    expect(document.querySelector(".letter-body")?.innerHTML.trim()).toBe(letter.bodyHtml.trim());
    expect(texts(document, "h2")).toEqual(["Signatories"]);
    expect(texts(document, ".delivery-signatories h3")).toEqual(["Organizations", "Individuals"]);
    expect(texts(document, ".signatory-list.organizations li")).toEqual([
      "Lead Org",
      "Second Org",
      "Grassroots Union, Tegucigalpa, Honduras",
    ]);
    expect(texts(document, ".signatory-list.individuals li")).toEqual([
      "Ana Pérez, Director, Radio Progreso — El Progreso, Honduras",
      "Zoë Ōtsuka 東京, São Paulo, Brazil",
    ]);
    expect(texts(document, ".delivery-totals p")).toEqual([
      "2 signatories asked not to be listed by name.",
      "7 signatures: 4 organizations and 3 individuals.",
    ]);
    const html = document.toString();
    for (const unseen of ["Quiet Coalition", "Hidden Person", "Bob Smith", "@"])
      expect(html, unseen).not.toContain(unseen);
    // No navigation, form or button: only the screen bar's one link back.
    expect(document.querySelectorAll("form, button, nav, script")).toHaveLength(0);
    expect(document.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual(["/admin"]);
  });

  it("speaks the letter's language, or a translation's with ?lang=, and says which languages there are otherwise", async () => {
    const session = await logIn();
    const letter = await createLetter({
      organizations: ["AFL-CIO"],
      translations: [
        translation(
          "es",
          "Carta por un proceso justo",
          "Estimado Secretario General:\n\nPedimos un proceso justo.",
          "Excmo. Sr. Alguien",
        ),
      ],
    });
    await seedSignatures(letter.slug, [{ name: "Ana Pérez", country: "DE" }]);
    const english = (await organizerPage(session, `/admin/letters/${letter.slug}/delivery`)).document;
    expect(texts(english, "h1")).toEqual([letter.title]);
    const { response, document } = await organizerPage(session, `/admin/letters/${letter.slug}/delivery?lang=es`);
    expect(response.status).toBe(200);
    expect(document.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(texts(document, "h1")).toEqual(["Carta por un proceso justo"]);
    expect(texts(document, ".addressee")).toEqual(["Excmo. Sr. Alguien"]);
    expect(texts(document, ".letter-body p")).toEqual(["Estimado Secretario General:", "Pedimos un proceso justo."]);
    expect(texts(document, "h2")).toEqual(["Firmantes"]);
    expect(texts(document, ".delivery-signatories h3")).toEqual(["Organizaciones", "A título individual"]);
    expect(texts(document, ".signatory-list.individuals li")).toEqual(["Ana Pérez, Alemania"]);
    // The organizers' bar stays in English.
    expect(document.querySelector(".delivery-bar")?.getAttribute("lang")).toBe("en");
    const unknown = await organizerFetch(session, `/admin/letters/${letter.slug}/delivery?lang=fr`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("This letter is in English and Spanish: choose one of those.");
  });

  it("says so when no one has signed, and serves its print stylesheet", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/delivery`);
    expect(document.querySelectorAll(".signatory-list")).toHaveLength(0);
    expect(texts(document, ".delivery-totals p")).toEqual([
      "No one has signed yet.",
      "0 signatures: 0 organizations and 0 individuals.",
    ]);
    const css = await fetchWorker(DELIVERY_STYLESHEET_PATH);
    expect(css.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    const text = await css.text();
    expect(text).toContain("@bottom-center");
    expect(text).toContain("break-inside: avoid");
  });

  it("streams a large letter's signatories whole", async () => {
    const session = await logIn();
    const slug = uniqueSlug("large");
    await env.DB.batch((await seedLetterStatements(slug, 200, 4_800)).map((statement) => env.DB.prepare(statement)));
    const { document } = await organizerPage(session, `/admin/letters/${slug}/delivery`);
    expect(document.querySelectorAll(".signatory-list.organizations li")).toHaveLength(200);
    expect(document.querySelectorAll(".signatory-list.individuals li")).toHaveLength(4_800);
    expect(texts(document, ".delivery-totals p")).toEqual([
      "5,000 signatures: 200 organizations and 4,800 individuals.",
    ]);
  });
});

describe("organizations in the exports (issue 14)", () => {
  /** A letter with an organization verified by its email domain, one by the organizers, and one named +Acumen. */
  async function organizationsLetter() {
    const letter = await createLetter();
    await seedSignatures(letter.slug, [
      {
        kind: "organization",
        name: "Fundación Justicia y Paz",
        website: "https://www.fundacionjusticia.org/",
        contactName: "Lucía Ramírez",
        contactRole: "Directora de Programas",
        email: "lucia@fundacionjusticia.org",
        authorized: true,
        verification: { by: "email-domain", at: "2031-01-02T03:04:05.000Z", domain: "fundacionjusticia.org" },
      },
      {
        kind: "organization",
        name: "+Acumen",
        website: "https://acumen.org/",
        // The contact's name and role are cells like any other: a formula there is neutralized too.
        contactName: "@Contact Person",
        contactRole: "-Director",
        email: "someone@acumen.org",
        verification: { by: "organizers", at: "2031-02-03T04:05:06.000Z" },
      },
      { kind: "organization", name: "-Minus Collective", channel: "manual" },
      { kind: "organization", name: "@Home Foundation" },
      { name: "Ana Pérez" },
    ]);
    return letter;
  }

  it("carry an organization's website, contact, authorization and verification in the CSV", async () => {
    const session = await logIn();
    const letter = await organizationsLetter();
    const { records } = await exportOf(session, letter.slug);
    const row = (name: string) => {
      const record = records.find((cells) => cells[1] === name)!;
      return Object.fromEntries(EXPORT_COLUMNS.map((column, index) => [column, record[index]]));
    };
    expect(row("Fundación Justicia y Paz")).toMatchObject({
      website: "https://www.fundacionjusticia.org/",
      contactName: "Lucía Ramírez",
      contactRole: "Directora de Programas",
      email: "lucia@fundacionjusticia.org",
      verification: "by its email domain",
      verifiedAt: "2031-01-02 03:04:05",
      verifiedDomain: "fundacionjusticia.org",
      import: "",
    });
    expect(row("Fundación Justicia y Paz").authorizedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(row("'+Acumen")).toMatchObject({
      verification: "by the organizers",
      verifiedAt: "2031-02-03 04:05:06",
      verifiedDomain: "",
      authorizedAt: "",
    });
    expect(row("Ana Pérez")).toMatchObject({
      website: "",
      contactName: "",
      contactRole: "",
      authorizedAt: "",
      verification: "",
      verifiedAt: "",
      verifiedDomain: "",
    });
  });

  it("neutralize a name beginning with + - or @, and every other cell, so that it reads back as text", async () => {
    const session = await logIn();
    const letter = await organizationsLetter();
    const { records, text } = await exportOf(session, letter.slug);
    const names = column(records, "name");
    expect(names).toEqual([
      "Fundación Justicia y Paz",
      "'+Acumen",
      "'-Minus Collective",
      "'@Home Foundation",
      "Ana Pérez",
    ]);
    // A spreadsheet shows the text after the ' (its "this is text" mark), never a formula.
    expect(names.slice(1, 4).map((name) => name.slice(1))).toEqual([
      "+Acumen",
      "-Minus Collective",
      "@Home Foundation",
    ]);
    expect(text).toContain(`"'+Acumen"`);
    const acumen = records.find((cells) => cells[1] === "'+Acumen")!;
    expect(acumen[EXPORT_COLUMNS.indexOf("contactName")]).toBe("'@Contact Person");
    expect(acumen[EXPORT_COLUMNS.indexOf("contactRole")]).toBe("'-Director");
    // No cell of any record starts with what a spreadsheet would run.
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^\s*[=+\-@\t\r＝＋－＠]/);
  });

  it("neutralizes formulas itself in every cell, whatever writes the file", () => {
    for (const [cell, shown] of [
      ["+Acumen", "'+Acumen"],
      ["-Minus", "'-Minus"],
      ["@Home", "'@Home"],
      ["=1+1", "'=1+1"],
      [" =1+1", "' =1+1"],
      ["\tTab", "'\tTab"],
      ["＋fullwidth", "'＋fullwidth"],
      ["Acumen", "Acumen"],
      ["Safe - Name", "Safe - Name"],
      ["", ""],
    ] as const) {
      expect(neutralizeCell(cell), JSON.stringify(cell)).toBe(shown);
    }
  });

  it("shows in the delivery document an organization's verified mark, its website and what the mark means, and no contact", async () => {
    const session = await logIn();
    const letter = await organizationsLetter();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}/delivery`);
    const entries = document.querySelectorAll(".signatory-list.organizations li");
    const fundacion = entries.find(
      (li) => li.querySelector(".signatory-name")?.textContent === "Fundación Justicia y Paz",
    )!;
    expect(fundacion.querySelector(".verified")?.getAttribute("title")).toBe(
      "Verified: its contact confirmed an address at fundacionjusticia.org",
    );
    expect(fundacion.querySelector("a.signatory-website")?.getAttribute("href")).toBe(
      "https://www.fundacionjusticia.org/",
    );
    expect(fundacion.querySelector("a.signatory-website")?.textContent).toBe("fundacionjusticia.org");
    const acumen = entries.find((li) => li.querySelector(".signatory-name")?.textContent === "+Acumen")!;
    expect(acumen.querySelector(".verified")?.getAttribute("title")).toBe("Verified by the organizers");
    expect(texts(document, ".delivery-totals p.meta")).toEqual([messagesFor("en").list.verifiedExplained]);
    const html = document.toString();
    for (const unseen of [
      "Lucía Ramírez",
      "Directora de Programas",
      "Contact Person",
      "@fundacionjusticia",
      "authorized",
    ])
      expect(html, unseen).not.toContain(unseen);
  });
});
