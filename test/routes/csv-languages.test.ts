/**
 * The organizer area's CSV files in the downloader's language (issue 15): a letter's signatures and
 * the activity log, downloaded in Spanish, French, Portuguese and English, read back with csv-parse
 * with the separator a spreadsheet in that language expects (";" where decimals take a comma, ","
 * in English), their headings and values in the organizer area's words, the signatures' times on
 * the letter's clock with its zone in the heading; and a file exported in one language imported
 * into another letter, giving the same signatories.
 */
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { adminMessagesFor, type Locale } from "../../src/domain/i18n";
import { EXPORT_COLUMNS, spreadsheetDelimiter, type ExportColumn } from "../../src/domain/signature-export";
import {
  createLetter,
  formFieldsOf,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  sessionAs,
  texts,
  type OrganizerSession,
} from "../helpers";
import { englishOnly } from "../english-left";
import { importIdOf, isPressAnswer, post, settle, upload } from "../imports";
import { letterIdOf, seedSignatures } from "../seed";

const ZONE = "America/Tegucigalpa";
const BOM = "\uFEFF";

/** The field each column of the export is imported as (the others: not imported). */
const IMPORTED_AS: Partial<Record<ExportColumn, string>> = {
  kind: "kind",
  name: "signatory",
  organization: "organization",
  title: "title",
  city: "city",
  countryCode: "country",
  website: "website",
  contactName: "contact_name",
  contactRole: "contact_role",
  email: "email",
  // Read to skip what the file itself does not count (hidden, rejected, withdrawn), never stored.
  status: "status",
  public: "public",
};

/** 19:47:09 on November 30 in Honduras (UTC−6), already December 1 in UTC. */
const SIGNED_AT = "2026-12-01T01:47:09.000Z";

let owner: OrganizerSession;
let slug: string;

/** The file a reader of `language` (their browser's only language) downloads from `path`, BOM kept. */
async function download(path: string, language: string, session = owner) {
  const response = await organizerFetch(session, path, { headers: { "Accept-Language": language } });
  expect(response.status, path).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
}

/** `text` read as a spreadsheet in that language would read it: with `delimiter`, its BOM dropped. */
function records(text: string, delimiter: string): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: false });
}

/** Each record of a signatures file as its cells by column. */
function byColumn(rows: string[][]): Record<ExportColumn, string>[] {
  return rows
    .slice(1)
    .map(
      (row) =>
        Object.fromEntries(EXPORT_COLUMNS.map((column, index) => [column, row[index]!])) as Record<
          ExportColumn,
          string
        >,
    );
}

/** The cells of `rows` that are the English catalog's words where `language`'s are others (none in English). */
function englishLeft(rows: string[][], language: Locale): string[] {
  if (language === "en") return [];
  const english = englishOnly(language);
  return rows.flat().filter((cell) => english.has(cell.trim()));
}

beforeAll(async () => {
  owner = await sessionAs("owner", { name: "Dueña de la Hoja" });
  const letter = await createLetter({ organizations: ["Lead Org"], confirmSignatures: false });
  slug = letter.slug;
  await env.DB.prepare("UPDATE letters SET closes_time_zone = ?1 WHERE slug = ?2").bind(ZONE, slug).run();
  await seedSignatures(slug, [
    {
      kind: "organization",
      name: "Fundación Justicia y Paz",
      website: "https://www.fundacionjusticia.org/",
      contactName: "Lucía Ramírez",
      contactRole: "Directora de Programas",
      email: "lucia@fundacionjusticia.org",
      city: "Tegucigalpa",
      country: "HN",
      authorized: true,
      verification: { by: "organizers", at: SIGNED_AT },
    },
    {
      name: "Ana Pérez",
      organization: "Radio Progreso",
      title: "Directora",
      city: "El Progreso",
      country: "HN",
      email: "ana@radio.example",
    },
    { name: "Persona Oculta", country: "BR", isPublic: false },
    { name: "Carta en Papel", channel: "manual", source: "paper", country: "FR" },
    { name: "Visitante Rápido", country: "MX" },
  ]);
  const letterId = await letterIdOf(slug);
  await env.DB.prepare(
    "UPDATE signatures SET created_at = ?1, confirmed_at = ?1 WHERE letter_id = ?2 AND name = 'Ana Pérez'",
  )
    .bind(SIGNED_AT, letterId)
    .run();
  await env.DB.prepare(
    "UPDATE signatures SET flag = 'many-from-one-connection' WHERE letter_id = ?1 AND name = 'Visitante Rápido'",
  )
    .bind(letterId)
    .run();
});

describe("the signatures' CSV file", () => {
  const expected: Record<
    Locale,
    {
      delimiter: string;
      start: string;
      signedAt: string;
      ana: Partial<Record<ExportColumn, string>>;
      fundacion: Partial<Record<ExportColumn, string>>;
      others: Record<string, Partial<Record<ExportColumn, string>>>;
    }
  > = {
    es: {
      delimiter: ";",
      start: `${BOM}"Tipo";"Nombre";"Organización o afiliación";`,
      signedAt: `Firmada el (${ZONE})`,
      ana: {
        kind: "persona",
        country: "Honduras",
        status: "contada",
        public: "sí",
        channel: "formulario para firmar",
        signedAt: "2026-11-30 19:47:09",
        confirmedAt: "2026-11-30 19:47:09",
      },
      fundacion: { kind: "organización", verification: "por los organizadores", verifiedAt: "2026-11-30 19:47:09" },
      others: {
        "Persona Oculta": { public: "no", country: "Brasil" },
        "Carta en Papel": { channel: "añadida a mano", source: "En papel", country: "Francia" },
        "Visitante Rápido": { flag: "5 firmas o más desde una misma conexión en 10 minutos", country: "México" },
        "Lead Org": { channel: "archivo de la carta", position: "1" },
      },
    },
    fr: {
      delimiter: ";",
      start: `${BOM}"Type";"Nom";"Organisation ou affiliation";`,
      signedAt: `Signée le (${ZONE})`,
      ana: { kind: "personne", status: "comptée", public: "oui", signedAt: "2026-11-30 19:47:09" },
      fundacion: { kind: "organisation", verification: "par les organisateurs" },
      others: {
        "Persona Oculta": { public: "non", country: "Brésil" },
        "Carta en Papel": { source: "Sur papier" },
      },
    },
    pt: {
      delimiter: ";",
      start: `${BOM}"Tipo";"Nome";"Organização ou afiliação";`,
      signedAt: `Assinada em (${ZONE})`,
      ana: { kind: "pessoa", status: "contada", public: "sim", signedAt: "2026-11-30 19:47:09" },
      fundacion: { kind: "organização", verification: "pelos organizadores" },
      others: { "Persona Oculta": { public: "não" } },
    },
    en: {
      delimiter: ",",
      start: `${BOM}"Kind","Name","Organization or affiliation",`,
      signedAt: `Signed at (${ZONE})`,
      ana: {
        kind: "individual",
        country: "Honduras",
        status: "counted",
        public: "yes",
        channel: "sign form",
        signedAt: "2026-11-30 19:47:09",
      },
      fundacion: { kind: "organization", verification: "by the organizers" },
      others: {
        "Persona Oculta": { public: "no", country: "Brazil" },
        "Carta en Papel": { channel: "entered by hand", source: "On paper" },
        "Visitante Rápido": { flag: "5 or more signatures from one connection within 10 minutes" },
      },
    },
  };

  for (const [language, want] of Object.entries(expected) as [Locale, (typeof expected)[Locale]][]) {
    it(`speaks ${language}: its separator, headings, values, and times on the letter's clock`, async () => {
      const { text, response } = await download(`/admin/letters/${slug}/signatures.csv`, language);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      // Named in the downloader's words too ("…-firmas-confirmadas-2026-11-30.csv"), ASCII.
      const named = adminMessagesFor(language).csv.fileNames.signatures.confirmed;
      expect(response.headers.get("Content-Disposition")).toMatch(
        new RegExp(`^attachment; filename="${slug}-${named}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
      );
      expect(text.startsWith(want.start)).toBe(true);
      const rows = records(text, want.delimiter);
      const headings = adminMessagesFor(language).csv.signatures;
      expect(rows[0]).toHaveLength(EXPORT_COLUMNS.length);
      expect(rows[0]![0]).toBe(headings.kind);
      expect(rows[0]).toContain(want.signedAt);
      expect(rows[0]).toContain(`${headings.authorizedAt} (${ZONE})`);
      const cells = byColumn(rows);
      const row = (name: string) => cells.find((cell) => cell.name === name)!;
      expect(row("Ana Pérez")).toMatchObject({ ...want.ana, organization: "Radio Progreso", title: "Directora" });
      expect(row("Fundación Justicia y Paz")).toMatchObject({
        ...want.fundacion,
        contactName: "Lucía Ramírez",
        countryCode: "HN",
        email: "lucia@fundacionjusticia.org",
      });
      for (const [name, values] of Object.entries(want.others)) expect(row(name), name).toMatchObject(values);
      // Every time is on the letter's clock, written so that it sorts as text: no UTC "T…Z" is left.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(spreadsheetDelimiter(language)).toBe(want.delimiter);
      expect(englishLeft(rows, language)).toEqual([]);
    });
  }

  it("follows the organizer's chosen language over the browser's", async () => {
    const chooser = await sessionAs("moderator");
    expect((await organizerPost(chooser, "/admin/language", { language: "fr", back: "/admin" })).status).toBe(303);
    const { text } = await download(`/admin/letters/${slug}/signatures.csv`, "en", chooser);
    expect(records(text, ";")[0]!.slice(0, 2)).toEqual(["Type", "Nom"]);
  });

  it("heads a letter's times with UTC when it has no zone of its own", async () => {
    const letter = await createLetter();
    await seedSignatures(letter.slug, [{ name: "Sin Zona" }]);
    const rows = records((await download(`/admin/letters/${letter.slug}/signatures.csv`, "es")).text, ";");
    expect(rows[0]).toContain("Firmada el (UTC)");
    expect(byColumn(rows)[0]!.signedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});

describe("the activity log's CSV file", () => {
  it("heads its columns in the reader's language, with its separator, its times in the reader's zone (UTC: none chosen)", async () => {
    const letter = await createLetter({ title: "Carta del registro en CSV" });
    const letterId = await letterIdOf(letter.slug);
    const [signature] = await seedSignatures(letter.slug, [{ name: "Firma Escondida" }]);
    const list = `/admin/letters/${letter.slug}/signatures`;
    expect((await organizerPost(owner, `${list}/${signature!.ref}/hide`, {})).status).toBe(303);
    const path = `/admin/activity.csv?letter=${letterId}&action=signature-hidden`;
    for (const [language, delimiter, header, hid] of [
      ["es", ";", ["Fecha (UTC)", "Persona", "Acción", "Carta", "Firma", "Qué cambió", "Detalle"], "ocultó una firma"],
      [
        "fr",
        ";",
        ["Date (UTC)", "Personne", "Action", "Lettre", "Signature", "Ce qui a changé", "Détail"],
        "a masqué une signature",
      ],
      [
        "pt",
        ";",
        ["Data (UTC)", "Pessoa", "Ação", "Carta", "Assinatura", "O que mudou", "Detalhe"],
        "ocultou uma assinatura",
      ],
      [
        "en",
        ",",
        ["Time (UTC)", "Person", "Action", "Letter", "Signature", "What changed", "Detail"],
        "hid a signature",
      ],
    ] as const) {
      const { text, response } = await download(path, language);
      const named = adminMessagesFor(language).csv.fileNames.activity;
      expect(response.headers.get("Content-Disposition")).toMatch(
        new RegExp(`^attachment; filename="${named}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
      );
      const rows = records(text, delimiter);
      expect(rows[0], language).toEqual(header);
      expect(rows[1]!.slice(1, 5), language).toEqual([
        "Dueña de la Hoja",
        hid,
        "Carta del registro en CSV",
        "Firma Escondida",
      ]);
      // Written as the signatures' file writes its times: a spreadsheet reads it as a date and time.
      expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(englishLeft(rows, language)).toEqual([]);
    }
  });
});

describe("a signatures file brought back in", () => {
  /** What a letter's confirmed signatories are, as the sign form's fields. */
  async function signatories(letterSlug: string) {
    const { results } = await env.DB.prepare(
      `SELECT kind, name, organization, title, city, country, website, contact_name, contact_role, email, is_public
       FROM signatures WHERE letter_id = ?1 AND status = 'confirmed' ORDER BY kind, name`,
    )
      .bind(await letterIdOf(letterSlug))
      .all();
    return results;
  }

  /** Uploads `file` into a new letter, keeps the guessed mapping, and imports it to the end. */
  async function importInto(file: File) {
    const target = await createLetter({ confirmSignatures: false });
    const uploaded = await upload(owner, target.slug, { file });
    expect(uploaded.status).toBe(303);
    const id = importIdOf(uploaded);
    const base = `/admin/imports/${target.slug}/${id}`;
    await settle(owner, target.slug, id);
    const { document } = await organizerPage(owner, base);
    const mapping = formFieldsOf(document, {}, `form[action="${base}/mapping"]`);
    expect((await post(owner, mapping.action, mapping.fields)).status).toBe(303);
    await settle(owner, target.slug, id);
    const preview = await organizerPage(owner, base);
    const start = formFieldsOf(preview.document, {}, `form[action="${base}/start"]`);
    expect((await post(owner, start.action, start.fields)).status).toBe(303);
    for (let presses = 0; ; presses++) {
      const row = await env.DB.prepare("SELECT state FROM imports WHERE id = ?1").bind(id).first<{ state: string }>();
      if (row!.state === "done") break;
      if (presses > 100) throw new Error("The import never finished");
      expect(isPressAnswer((await post(owner, `${base}/continue`, {})).status)).toBe(true);
    }
    return { target, mapping: mapping.fields, document };
  }

  for (const language of ["es", "fr", "pt", "en"] as const) {
    it(`gives the same signatories, exported in ${language} and imported into another letter`, async () => {
      const { text } = await download(`/admin/letters/${slug}/signatures.csv`, language);
      const { target, mapping, document } = await importInto(new File([text], `firmas-${language}.csv`));
      // The Name column is the signatory's (a person's name, an organization's own), the Kind column says
      // which, the Status column whether a row counts; what the sign form does not take (times, channel…)
      // is not imported.
      const headings = adminMessagesFor(language).csv.signatures;
      expect(texts(document, "tbody th[scope=row] label")[15]).toBe(headings.status);
      expect(EXPORT_COLUMNS.map((_, index) => mapping[`column-${index}`])).toEqual(
        EXPORT_COLUMNS.map((column) => IMPORTED_AS[column] ?? "ignore"),
      );
      expect(mapping.kind).toBe("column");
      expect(await signatories(target.slug)).toEqual(await signatories(slug));
    });
  }

  it("reads a file of the export's former English headings, its times in UTC", async () => {
    const header = [
      "Kind",
      "Name",
      "Organization or affiliation",
      "Title",
      "City",
      "Country code",
      "Country",
      "Website",
      "Contact name",
      "Contact role",
      "Email",
      "Authorized at (UTC)",
      "Verification",
      "Verified at (UTC)",
      "Verified domain",
      "Status",
      "Public",
      "Channel",
      "Import",
      "Source",
      "Flag",
      "Signed at (UTC)",
      "Confirmed at (UTC)",
      "Position",
    ];
    const rows = [
      header,
      // Kind … Email, then the times the import does not read and an empty status (read as any row), then Public.
      [
        "organization",
        "Old Export Union",
        "",
        "",
        "Quito",
        "EC",
        "Ecuador",
        "",
        "Rosa Vera",
        "Chair",
        "rosa@union.example",
      ],
      ["individual", "Old Export Person", "Old Radio", "Host", "", "", "", "", "", "", "person@old.example"],
    ].map((row, index) => {
      const cells = [...row, ...Array<string>(header.length - row.length).fill("")];
      if (index > 0) cells[header.indexOf("Public")] = index === 1 ? "yes" : "no";
      return cells.map((cell) => `"${cell}"`).join(",");
    });
    const { target, mapping } = await importInto(new File([`${BOM}${rows.join("\r\n")}\r\n`], "old.csv"));
    expect(mapping["column-1"]).toBe("signatory");
    expect(await signatories(target.slug)).toEqual([
      {
        kind: "individual",
        name: "Old Export Person",
        organization: "Old Radio",
        title: "Host",
        city: null,
        country: null,
        website: null,
        contact_name: null,
        contact_role: null,
        email: "person@old.example",
        is_public: 0,
      },
      {
        kind: "organization",
        name: "Old Export Union",
        organization: null,
        title: null,
        city: "Quito",
        country: "EC",
        website: null,
        contact_name: "Rosa Vera",
        contact_role: "Chair",
        email: "rosa@union.example",
        is_public: 1,
      },
    ]);
  });
});

describe("the signatures page", () => {
  it("says how a signature entered by hand came in the reader's words, as the CSV file does (it said “paper”)", async () => {
    const response = await organizerFetch(owner, `/admin/letters/${slug}/signatures?q=Carta`, {
      headers: { "Accept-Language": "es" },
    });
    const cells = texts(parseHtml(await response.text()), 'td[data-label="Llegó por"]');
    expect(cells).toEqual(["recibida en papel"]);
  });
});
