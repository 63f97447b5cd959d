import { describe, expect, it } from "vitest";
import demoLetter from "../../content/honduras-new-elections-2017.md?raw";
import { LetterFileError, parseContentFile, parseLetterFile, parseTranslationFile } from "../../src/domain/letter-file";
import { renderMarkdown } from "../../src/domain/markdown";

const DEMO_ORGANIZATIONS = [
  "AFL-CIO",
  "Alianza Americas",
  "CARECEN",
  "Center for Justice and International Law (CEJIL)",
  "Institute on Race, Equality and Human Rights",
  "JASS (Just Associates)",
  "Latin America Working Group (LAWG)",
  "Maryknoll Office for Global Concerns",
  "Mennonite Central Committee U.S. Washington Office",
  "Oxfam America",
  "Trade Union Confederation of the Americas (TUCA)",
  "United Steelworkers",
  "Washington Office on Latin America (WOLA)",
];

function letterFile(front: string, body = "Dear Secretary General:\n\nWe ask.") {
  return `---\nslug: a-letter\ntitle: A letter\ndate: 2017-12-20\nlanguage: en\nstatus: open\naddressee: |\n  The Honorable Someone\n${front}---\n${body}\n`;
}

describe("the demo letter file", () => {
  it("is the 2017 letter to the OAS Secretary General, open, with its 13 organizations in their original order", () => {
    const letter = parseLetterFile(demoLetter);
    expect(letter).toMatchObject({
      slug: "honduras-new-elections-2017",
      date: "2017-12-20",
      language: "en",
      status: "open",
      closesAt: null,
      addressee:
        "The Honorable Luis Almagro\nSecretary General\nOrganization of American States\n200 17th Street NW\nWashington, DC 20006",
    });
    expect(letter.signatories.map((s) => [s.kind, s.name, s.position])).toEqual(
      DEMO_ORGANIZATIONS.map((name, index) => ["organization", name, index + 1]),
    );
    expect(letter.bodyHtml.startsWith("<p>Dear Secretary General Almagro:</p>")).toBe(true);
    expect(letter.bodyHtml).toContain("Juan Orlando Hernández Alvarado");
    expect(letter.bodyHtml.trim().endsWith("<p>Sincerely,</p>")).toBe(true);
    expect(letter.bodyHtml.match(/<p>/g)).toHaveLength(7);
  });
});

describe("parseLetterFile", () => {
  it("derives a summary from the first substantial paragraph when none is given", () => {
    const letter = parseLetterFile(
      letterFile("", `Dear Sir:\n\n${"We ask for a fair and transparent process now. ".repeat(3)}`),
    );
    expect(letter.summary).toMatch(/^We ask for a fair and transparent process now\./);
  });

  it("reads the signing options, defaulting to the mailer's choice and no review", () => {
    expect(parseLetterFile(letterFile(""))).toMatchObject({ confirmSignatures: null, reviewOrganizations: false });
    expect(parseLetterFile(letterFile("confirm_signatures: false\nreview_organizations: true\n"))).toMatchObject({
      confirmSignatures: false,
      reviewOrganizations: true,
    });
    expect(() => parseLetterFile(letterFile("review_organizations: maybe\n"))).toThrow(/review_organizations/);
  });

  it("reads signatories given as names or with details, and a closing date", () => {
    const letter = parseLetterFile(
      letterFile(
        "closes_at: 2018-01-31\nsignatories:\n  organizations:\n    - WOLA\n    - { name: Alianza Americas, city: Chicago, country: us }\n  individuals:\n    - { name: Ana Pérez, organization: UNAH, title: Professor }\n",
      ),
    );
    expect(letter.closesAt).toBe("2018-01-31T23:59:59.000Z");
    // Past year 9999 in UTC the time would be written "+010000-…", which sorts before every time as text.
    expect(() => parseLetterFile(letterFile("closes_at: 9999-12-31T23:59:00-06:00\n"))).toThrow(
      /before the year 10000/,
    );
    expect(parseLetterFile(letterFile("closes_at: 9999-12-31\n")).closesAt).toBe("9999-12-31T23:59:59.000Z");
    expect(letter.signatories).toEqual([
      {
        kind: "organization",
        name: "WOLA",
        organization: null,
        title: null,
        city: null,
        country: null,
        website: null,
        position: 1,
      },
      {
        kind: "organization",
        name: "Alianza Americas",
        organization: null,
        title: null,
        city: "Chicago",
        country: "US",
        website: null,
        position: 2,
      },
      {
        kind: "individual",
        name: "Ana Pérez",
        organization: "UNAH",
        title: "Professor",
        city: null,
        country: null,
        website: null,
        position: 1,
      },
    ]);
  });

  it.each([
    ["no front matter", "Just text", /front matter block/],
    ["invalid YAML", "---\nslug: [\n---\nBody", /not valid YAML/],
    ["a bad slug", letterFile("").replace("slug: a-letter", "slug: Not A Slug"), /slug: must be lower-case/],
    ["an unknown status", letterFile("").replace("status: open", "status: published"), /status/],
    ["an impossible date", letterFile("").replace("date: 2017-12-20", "date: 2017-02-30"), /date: is not a real date/],
    ["an unknown field", letterFile("colour: red\n"), /Unrecognized key/],
    ["a formula as a signatory", letterFile("signatories:\n  organizations:\n    - '=HYPERLINK(1)'\n"), /formula/],
    ["a duplicate signatory", letterFile("signatories:\n  organizations: [WOLA, WOLA]\n"), /listed twice/],
    [
      "one organization spelled two ways",
      letterFile("signatories:\n  organizations: [AFL-CIO, afl cio]\n"),
      /listed twice/,
    ],
    ["a bad country", letterFile("signatories:\n  organizations:\n    - { name: WOLA, country: USA }\n"), /country/],
    ["no body", letterFile("", ""), /no text/],
  ])("refuses a file with %s, saying what is wrong", (_, source, message) => {
    expect(() => parseLetterFile(source, "content/x.md")).toThrow(LetterFileError);
    expect(() => parseLetterFile(source, "content/x.md")).toThrow(message);
  });
});

describe("renderMarkdown", () => {
  it("shows raw HTML as text", () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script> <img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps http, https, mailto and relative links and drops javascript:, data: and vbscript: ones", () => {
    const html = renderMarkdown(
      "[a](https://www.oas.org/) [b](mailto:info@example.org) [c](/letters/x) [d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) [f](data:text/html;base64,PHNjcmlwdD4=) [g](vbscript:x) [h](  javascript:alert(1))",
    );
    expect(html).toContain('href="https://www.oas.org/"');
    expect(html).toContain('href="mailto:info@example.org"');
    expect(html).toContain('href="/letters/x"');
    expect(html).not.toMatch(/href="(?:javascript|data|vbscript)/i);
    expect(html.match(/<a /g)).toHaveLength(3);
  });

  it("starts headings at h2, below the page's title", () => {
    expect(renderMarkdown("# Demands\n\n## Details")).toBe("<h2>Demands</h2>\n<h3>Details</h3>\n");
  });
});

describe("translation files", () => {
  function translationFile(front: string, body = "Estimado Secretario General:\n\nPedimos.") {
    return `---\ntranslation_of: a-letter\n${front}---\n${body}\n`;
  }

  it("reads the demo letter's Spanish translation: its title, addressee and body, as many paragraphs as the original", async () => {
    const { default: spanish } = await import("../../content/honduras-new-elections-2017.es.md?raw");
    const parsed = parseContentFile(spanish, "content/honduras-new-elections-2017.es.md");
    expect(parsed.kind).toBe("translation");
    const translation = parseTranslationFile(spanish);
    expect(translation).toMatchObject({
      translationOf: "honduras-new-elections-2017",
      language: "es",
      title: "Carta al Secretario General de la OEA, Luis Almagro, sobre nuevas elecciones en Honduras",
      addressee:
        "Excmo. Sr. Luis Almagro\nSecretario General\nOrganización de los Estados Americanos\n200 17th Street NW\nWashington, DC 20006",
    });
    expect(translation.summary).toMatch(/^Organizaciones de la sociedad civil agradecen/);
    expect(translation.bodyHtml.startsWith("<p>Estimado Secretario General Almagro:</p>")).toBe(true);
    expect(translation.bodyHtml).toContain("Juan Orlando Hernández Alvarado");
    expect(translation.bodyHtml.match(/<p>/g)).toHaveLength(parseLetterFile(demoLetter).bodyHtml.match(/<p>/g)!.length);
  });

  it("tells letters from translations, and refuses a translation where a letter is expected", () => {
    expect(parseContentFile(letterFile("")).kind).toBe("letter");
    const source = translationFile("language: fr\ntitle: Une lettre\naddressee: Monsieur\n");
    expect(parseContentFile(source).kind).toBe("translation");
    expect(() => parseLetterFile(source, "content/a-letter.fr.md")).toThrow(/this is a translation/);
  });

  it("derives the summary from the body and renders the body safely", () => {
    const translation = parseTranslationFile(
      translationFile(
        "language: pt\ntitle: Uma carta\naddressee: Senhor\n",
        `Prezado senhor:\n\n${"Pedimos um processo justo e transparente já. ".repeat(3)}<script>alert(1)</script>`,
      ),
    );
    expect(translation.summary).toMatch(/^Pedimos um processo justo/);
    expect(translation.bodyHtml).not.toContain("<script>");
  });

  it("refuses a language the interface doesn't have, a missing title or addressee, unknown keys and an empty body", () => {
    const cases: [string, RegExp][] = [
      [
        translationFile("language: de\ntitle: Ein Brief\naddressee: Herr\n"),
        /language: must be one of the interface's languages: en, es, fr, pt/,
      ],
      [translationFile("language: es\naddressee: Señor\n"), /title/],
      [translationFile("language: es\ntitle: Una carta\n"), /addressee/],
      [translationFile("language: es\ntitle: Una carta\naddressee: Señor\nstatus: open\n"), /status|Unrecognized/i],
      [translationFile("language: es\ntitle: Una carta\naddressee: Señor\n", ""), /no text after its front matter/],
      ["---\ntranslation_of: Not A Slug\nlanguage: es\ntitle: T\naddressee: A\n---\nTexto\n", /translation_of/],
    ];
    for (const [source, message] of cases) {
      expect(() => parseTranslationFile(source, "content/x.md"), String(message)).toThrow(LetterFileError);
      expect(() => parseTranslationFile(source, "content/x.md"), String(message)).toThrow(message);
    }
  });
});

describe("a text longer than the editor accepts", () => {
  it("is refused by the loader, letter or translation, naming its length and the limit", () => {
    const long = `Dear Sir:\n\n${"We ask. ".repeat(12_500)}`;
    expect(() => parseLetterFile(letterFile("", long), "content/long.md")).toThrow(
      /content\/long\.md: the text after the front matter is 100,010 characters long; a letter's text can be at most 100,000\./,
    );
    const translation = `---\ntranslation_of: a-letter\nlanguage: es\ntitle: Una carta\naddressee: Alguien\n---\n${long}\n`;
    expect(() => parseTranslationFile(translation, "content/long.es.md")).toThrow(LetterFileError);
    expect(parseLetterFile(letterFile("", long.slice(0, 100_000))).bodyMarkdown).toHaveLength(100_000);
  });
});

describe("regression (attack 16): noncharacters in a letter file", () => {
  it("are refused in the body, the summary, the addressee and the title, as the editor refuses them", () => {
    expect(() => parseLetterFile(letterFile("", "Dear Sir:\n\nWe ask\uFFFF."), "content/x.md")).toThrow(
      /content\/x\.md: the text after the front matter contains characters that could not be read/,
    );
    expect(() => parseLetterFile(letterFile("summary: A summary\uFDD0\n"), "content/x.md")).toThrow(LetterFileError);
    expect(() => parseLetterFile(letterFile("", "Dear Sir:\n\nWe ask \u{10FFFE}."), "content/x.md")).toThrow(
      LetterFileError,
    );
    const badTitle = letterFile("").replace("title: A letter", "title: A letter\uFFFE");
    expect(() => parseLetterFile(badTitle, "content/x.md")).toThrow(LetterFileError);
    expect(parseLetterFile(letterFile("summary: A summary\n")).summary).toBe("A summary");
  });
});
