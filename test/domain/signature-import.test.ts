/**
 * Reading an import: files and pastes through csv-parse, headers guessed
 * in four languages, each row read by the sign form's rules.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  decodeImportFile,
  guessMapping,
  ImportRefused,
  importFileName,
  mappingProblems,
  readCountry,
  readImportRow,
  readImportTable,
  readKind,
  readYes,
  type ImportMapping,
} from "../../src/domain/signature-import";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import { EXPORT_COLUMNS, exportHeader, type ExportColumn } from "../../src/domain/signature-export";

const bytes = (text: string) => new TextEncoder().encode(text);
const words = adminMessagesFor("en").imports;

/** What `read` was refused with, as the English organizer area words it (a problem's code is all it throws). */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportRefused) return words.fileProblem(error.problem);
    throw error;
  }
  throw new Error("It was not refused");
}

/** A row's problems in English, or its signature. */
function rowWords(reading: ReturnType<typeof readImportRow>) {
  return "refused" in reading ? { refused: reading.refused.map(words.rowProblem).join(" ") } : reading;
}

describe("decoding a file", () => {
  it("reads UTF-8 and drops its byte order mark", () => {
    expect(decodeImportFile(bytes("\uFEFFNombre\nMaría\n"))).toBe("Nombre\nMaría\n");
  });

  it("refuses Windows-1252 with how to save as UTF-8, and workbooks and binary data as not CSV", () => {
    const ansi = new Uint8Array([0x4d, 0x61, 0x72, 0xed, 0x61]);
    expect(refusal(() => decodeImportFile(ansi))).toMatch(/Windows-1252.*CSV UTF-8/);
    expect(refusal(() => decodeImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04])))).toMatch(/workbook/);
    expect(refusal(() => decodeImportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])))).toMatch(/\.xls/);
    expect(refusal(() => decodeImportFile(new Uint8Array([0x41, 0x00, 0x42])))).toMatch(/not text/);
    try {
      decodeImportFile(new Uint8Array(5 * 1024 * 1024 + 1));
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRefused);
      expect((error as ImportRefused).status).toBe(413);
    }
  });
});

/** Reads `text` as the Worker does over several requests, in steps of `width` code units and `maxRows` rows. */
function readInSteps(text: string, width: number, maxRows: number): string[][] {
  return readImportTable(text, { window: width, maxRows }).rows;
}

describe("reading a file in steps", () => {
  // Cells that cross any window: quoted line breaks, doubled quotes, delimiters, accents, emoji (two code units).
  const rows = Array.from({ length: 60 }, (_, index) => [
    `Persona ${index} 😀 Ñandú`,
    index % 3 === 0 ? `dos\nlíneas, "citadas" ${index}` : `nota ${index}`,
    index % 7 === 0 ? "" : `p${index}@example.org`,
  ]);
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const files = {
    LF: `Nombre,Nota,Correo\n${rows.map((row) => row.map(quote).join(",")).join("\n")}\n`,
    "CRLF with a BOM and blank lines": `\uFEFFNombre,Nota,Correo\r\n\r\n${rows.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n\r\n`,
    "tabs, no final line break": `Nombre\tNota\tCorreo\n${rows.map((row) => row.map(quote).join("\t")).join("\n")}`,
  };

  for (const [name, text] of Object.entries(files)) {
    it(`gives the rows of a whole parse, whatever the windows and step sizes (${name})`, () => {
      const whole: string[][] = parse(text.replace(/^\uFEFF/, ""), {
        delimiter: name.startsWith("tabs") ? "\t" : ",",
        skip_empty_lines: true,
      });
      expect(whole.slice(1)).toEqual(rows);
      for (const width of [5, 17, 64, 1_000]) {
        for (const maxRows of [1, 4, 400]) {
          expect(readInSteps(text, width, maxRows), `width ${width}, ${maxRows} rows a step`).toEqual(rows);
        }
      }
      expect(readImportTable(text).rows).toEqual(rows);
    });
  }

  it("names the file's row of a fault found in a later step", () => {
    const text = `Name,Email\n${Array.from({ length: 30 }, (_, index) => `P${index},p${index}@example.org`).join("\n")}\nBroken\n`;
    expect(refusal(() => readInSteps(text, 40, 5))).toMatch(/Row 32 has a different number of columns/);
    expect(refusal(() => readInSteps('Name\nAna\nBea\n"Cid\n', 4, 1))).toMatch(
      /never closed \(near row 4, counting the header row\)/,
    );
  });

  it("words a stray quote in the organizer's language, never the parser's own text, at the row a spreadsheet shows", () => {
    // Row 6 as a spreadsheet numbers it (the header is row 1): a quote in the middle of an unquoted cell's start.
    const text = `Name,Email\nAna,a@example.org\nBea,b@example.org\nCid,c@example.org\nDee,d@example.org\nEve "x",e@example.org\n"Fay"x,f@example.org\n`;
    const stray = `Name,Email\nAna,a@example.org\nBea,b@example.org\nCid,c@example.org\nDee,d@example.org\nEd,"e"@example.org\n`;
    for (const language of ["en", "es", "fr", "pt"] as const) {
      for (const [file, row] of [
        [text, 6],
        [stray, 6],
      ] as const) {
        let said = "";
        try {
          readImportTable(file);
        } catch (error) {
          said = adminMessagesFor(language).imports.fileProblem((error as ImportRefused).problem);
        }
        expect(said, `${language}: ${file}`).not.toMatch(/Invalid|Opening|Closing|quote is found|CSV_/);
        expect(said).toMatch(new RegExp(` ${row}, `));
      }
    }
  });
});

describe("reading a table", () => {
  it("detects a tab, a comma or a semicolon from the header row, and reads quotes as RFC 4180 has them", () => {
    expect(readImportTable("Name\tCity\nAna, Bea\tTegucigalpa\n")).toEqual({
      delimiter: "\t",
      header: ["Name", "City"],
      rows: [["Ana, Bea", "Tegucigalpa"]],
    });
    expect(readImportTable('Nombre;Ciudad\r\n"Pérez; Ana";"San ""Pedro"""\r\n\r\n').rows).toEqual([
      ["Pérez; Ana", 'San "Pedro"'],
    ]);
    expect(readImportTable('Name,Note\n"Ana","two\nlines"\n').rows).toEqual([["Ana", "two\nlines"]]);
  });

  it("refuses what it can't read, each with a message that says what to do", () => {
    expect(refusal(() => readImportTable(""))).toMatch(/nothing to import/);
    expect(refusal(() => readImportTable("Name,Email\n"))).toMatch(/header row but no signatures/);
    expect(refusal(() => readImportTable("Name,Email\nAna\n"))).toMatch(/different number of columns/);
    expect(refusal(() => readImportTable('Name\n"Ana\n'))).toMatch(/never closed/);
  });
});

describe("guessing the mapping", () => {
  it("reads Google Forms' headers in English, Spanish, French and Portuguese", () => {
    const en = ["Timestamp", "Email Address", "Name", "Organization", "Country", "City", "Title", "Website"];
    const es = [
      "Marca temporal",
      "Dirección de correo electrónico",
      "Nombre",
      "Organización",
      "País",
      "Ciudad",
      "Cargo",
      "Sitio web",
    ];
    const fr = ["Horodateur", "Adresse e-mail", "Nom", "Organisation", "Pays", "Ville", "Fonction", "Site web"];
    const pt = ["Carimbo de data/hora", "Endereço de e-mail", "Nome", "Organização", "País", "Cidade", "Cargo", "Site"];
    const fields = ["ignore", "email", "name", "organization", "country", "city", "title", "website"];
    for (const header of [en, es, fr, pt])
      expect(guessMapping(header)).toEqual({ columns: fields, kind: "individual", mode: "vouch" });
  });

  it("tells an organization's name from an affiliation, and a kind column from the rest", () => {
    expect(guessMapping(["Nombre de la organización", "País"])).toMatchObject({
      columns: ["organization_name", "country"],
      kind: "organization",
    });
    expect(guessMapping(["Firma como", "Nombre", "Organización", "Nombre"])).toMatchObject({
      columns: ["kind", "name", "organization", "ignore"],
      kind: "column",
    });
  });

  it("reads our own export's header in each language, and as it was in English: its Name is the signatory's", () => {
    const fields: Partial<Record<ExportColumn, string>> = {
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
      // Read to skip what the file does not count (hidden, rejected, withdrawn), never stored.
      status: "status",
      public: "public",
    };
    const expected = EXPORT_COLUMNS.map((column) => fields[column] ?? "ignore");
    for (const locale of LOCALES) {
      const header = exportHeader(adminMessagesFor(locale), "America/Tegucigalpa");
      expect(guessMapping(header), locale).toEqual({ columns: expected, kind: "column", mode: "vouch" });
      // A column taken out, or one added, in a spreadsheet: still read as the export.
      const trimmed = header.filter((_, index) => EXPORT_COLUMNS[index] !== "email");
      expect(guessMapping([...trimmed, "Notes"]).columns.slice(0, 3), locale).toEqual([
        "kind",
        "signatory",
        "organization",
      ]);
    }
    const english = exportHeader(adminMessagesFor("en"), "UTC");
    expect(english).toContain("Signed at (UTC)");
    expect(guessMapping(english).columns).toEqual(expected);
    // Another file's "Name" is still a person's (an organization's contact on its row).
    expect(guessMapping(["Kind", "Name", "Organization"]).columns).toEqual(["kind", "name", "organization"]);
  });

  it("finds what a mapping lacks before any row is read", () => {
    const header = ["A", "B"];
    expect(
      words.mappingProblem(
        mappingProblems({ columns: ["name", "name"], kind: "individual", mode: "vouch" }, header)[0]!,
      ),
    ).toContain("is chosen for two columns (“A” and “B”)");
    expect(mappingProblems({ columns: ["email", "ignore"], kind: "column", mode: "confirm" }, header)).toHaveLength(3);
    expect(
      mappingProblems({ columns: ["name", "ignore"], kind: "individual", mode: "confirm" }, header).map(
        words.mappingProblem,
      ),
    ).toEqual(["Confirmation emails need an email column: choose “Email” for one, or let the coalition vouch."]);
  });
});

describe("reading values", () => {
  it("kinds, yes/no and countries in four languages", () => {
    expect(["Organización", "Organization", "Organisation", "Organização", "ONG"].map(readKind)).toEqual(
      Array(5).fill("organization"),
    );
    expect(["Individual", "Persona", "Personne", "Pessoa", "À titre individuel"].map(readKind)).toEqual(
      Array(5).fill("individual"),
    );
    expect(readKind("Maybe")).toBeNull();
    expect(["Sí", "oui", "Sim", "x", "List my name"].map(readYes)).toEqual(Array(5).fill(true));
    expect(["No", "non", "Não", "", "0"].map(readYes)).toEqual(Array(5).fill(false));
    expect(
      ["HN", "hn", "Honduras", "México", "Mexique", "Brasil", "États-Unis", "EEUU", "Reino Unido"].map(readCountry),
    ).toEqual(["HN", "HN", "HN", "MX", "MX", "BR", "US", "US", "GB"]);
    expect(readCountry("")).toBeNull();
    expect(readCountry("Atlantis")).toBe(false);
  });
});

describe("reading a row", () => {
  const mapping: ImportMapping = {
    columns: ["kind", "name", "organization", "title", "email", "country", "website"],
    kind: "column",
    mode: "vouch",
  };

  it("an organization's row: its name from Organization, its contact from Name and Title, private", () => {
    expect(
      readImportRow(
        [
          "Organización",
          "Lucía Ramírez",
          "Fundación Justicia y Paz",
          "Directora de Programas",
          "Lucia@FJP.org",
          "HN",
          "fjp.org",
        ],
        mapping,
      ),
    ).toEqual({
      signature: {
        kind: "organization",
        name: "Fundación Justicia y Paz",
        organization: null,
        title: null,
        city: null,
        country: "HN",
        website: "https://fjp.org/",
        contactName: "Lucía Ramírez",
        contactRole: "Directora de Programas",
        email: "lucia@fjp.org",
        isPublic: true,
      },
    });
  });

  it("an individual's row, and what never fits one: a website, no email when each signer confirms", () => {
    expect(readImportRow(["Persona", "+Acumen Fan", "Red", "", "", "", ""], mapping)).toMatchObject({
      signature: { kind: "individual", name: "+Acumen Fan", organization: "Red", email: null },
    });
    expect(rowWords(readImportRow(["Persona", "Ana", "", "", "", "", "ana.org"], mapping))).toEqual({
      refused: "A website is for an organization, and this row is an individual's.",
    });
    expect(rowWords(readImportRow(["Persona", "Ana", "", "", "", "", ""], { ...mapping, mode: "confirm" }))).toEqual({
      refused: "The email is empty: a confirmation email needs an address.",
    });
    expect(rowWords(readImportRow(["Persona", "=1+1", "", "", "", "", ""], mapping))).toMatchObject({
      refused: expect.stringContaining("formula") as string,
    });
  });
});

describe("reading a row with a signatory column (our own export's Name)", () => {
  const mapping: ImportMapping = {
    columns: ["kind", "signatory", "organization", "contact_name", "name"],
    kind: "column",
    mode: "vouch",
  };

  it("takes an organization's own name, or a person's, from it", () => {
    expect(readImportRow(["organización", "Fundación Paz", "", "Lucía Ramírez", ""], mapping)).toMatchObject({
      signature: { kind: "organization", name: "Fundación Paz", organization: null, contactName: "Lucía Ramírez" },
    });
    expect(readImportRow(["persona", "Ana Pérez", "Radio Progreso", "", ""], mapping)).toMatchObject({
      signature: { kind: "individual", name: "Ana Pérez", organization: "Radio Progreso" },
    });
    expect(mappingProblems({ columns: ["signatory"], kind: "column", mode: "vouch" }, ["Nombre"])).toEqual([
      { code: "kind-column-missing" },
    ]);
  });

  it("refuses two different names of one signatory, and an empty one", () => {
    expect(rowWords(readImportRow(["persona", "Ana Pérez", "", "", "Ana P."], mapping))).toEqual({
      refused: "Two columns give the signatory's name, and they differ: keep one.",
    });
    expect(rowWords(readImportRow(["persona", "=1+1", "", "", ""], mapping))).toMatchObject({
      refused: expect.stringMatching(/^The name .*formula/) as string,
    });
    expect(rowWords(readImportRow(["organización", "", "", "", ""], mapping))).toEqual({
      refused: words.rowProblem({ code: "organization-name-empty" }),
    });
  });
});

it("keeps an upload's file name without its path", () => {
  expect(importFileName("C:\\Users\\ana\\Firmas.csv")).toBe("Firmas.csv");
  expect(importFileName("")).toBe("pasted rows");
});
