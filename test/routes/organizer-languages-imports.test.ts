/**
 * Imports, the order of organizations, confirming on request and the
 * delivery document's bar in the organizer's language: an import in
 * Spanish end to end through HTTP (upload, mapping, preview, refused rows'
 * CSV, run) with its problems in Spanish, and each page drawn in Spanish
 * with none of the English catalog's words. The delivery document itself
 * stays in the letter's language.
 */
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { messagesFor } from "../../src/domain/i18n";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";
import {
  createLetter,
  fetchApp,
  formFieldsOf,
  individual,
  logIn,
  organization,
  organizerFetch,
  organizerPost,
  parseHtml,
  postSignature,
  texts,
  type OrganizerSession,
} from "../helpers";
import { englishOn, englishOnly } from "../english-left";

const ENGLISH_ONLY = englishOnly();
import { importIdOf, post, settle, upload } from "../imports";

/** Sentences of the English pages, before they were in the catalogs: none may show in Spanish. */
const ENGLISH_SENTENCES = [
  "Import signatures",
  "Which column is which",
  "What each row gives",
  "will be imported",
  "Continue",
  "Order of organizations",
  "for the signer",
  "Print or save as PDF",
  "Back to the organizer area",
  "The email is not a valid email address",
  "is not one we know",
  "as row",
];

function noEnglish(html: string, except: readonly string[] = []) {
  const left = ENGLISH_SENTENCES.filter((sentence) => html.includes(sentence) && !except.includes(sentence));
  expect(left).toEqual([]);
  expect(englishOn(html, ENGLISH_ONLY)).toEqual([]);
}

/** The session's person prefers Spanish (the switcher): every answer is in it, whatever the browser says. */
async function inSpanish(): Promise<OrganizerSession> {
  const session = await logIn();
  expect((await organizerPost(session, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
  return session;
}

async function page(session: OrganizerSession, path: string, envOverrides?: Partial<Cloudflare.Env>) {
  const answer = envOverrides
    ? await fetchApp(path, envOverrides, { headers: { Cookie: session.cookie } })
    : await organizerFetch(session, path);
  expect(answer.status).toBe(200);
  const html = await answer.text();
  return { html, document: parseHtml(html) };
}

afterEach(async () => {
  await env.DB.prepare("UPDATE organizers SET language = NULL WHERE id = ?1").bind(BOOTSTRAP_ORGANIZER_ID).run();
});

describe("an import in Spanish", () => {
  it("goes from upload to done through HTTP, its pages, problems and refused rows in Spanish", async () => {
    const letter = await createLetter();
    const session = await inSpanish();
    const list = await page(session, `/admin/imports/${letter.slug}`);
    expect(list.document.querySelector("h1")!.textContent).toBe("Importar firmas");
    expect(list.document.querySelector("label[for=import-file]")!.textContent).toBe("Un archivo CSV");
    noEnglish(list.html);

    const csv = [
      "Nombre,Correo,País",
      "Ana Pérez,ana@example.org,Honduras",
      "Beto Ruiz,beto@,México",
      "Carla Díaz,carla@example.org,Brasil",
      "Ana P.,ana@example.org,HN",
      "Dora Luna,dora@example.org,Brasil",
    ].join("\n");
    const uploaded = await upload(session, letter.slug, { file: new File([csv], "firmas.csv") });
    expect(uploaded.status).toBe(303);
    const id = importIdOf(uploaded);
    const base = `/admin/imports/${letter.slug}/${id}`;

    const mapping = await page(session, base);
    expect(mapping.document.querySelector("h1")!.textContent).toBe("Importación: firmas.csv");
    expect(mapping.document.querySelector("#mapping-title")!.textContent).toBe("1. Qué es cada columna");
    expect(texts(mapping.document, "#column-1 option[selected]")).toEqual(["Correo electrónico"]);
    expect(mapping.document.querySelector("label[for=mode-vouch]")!.textContent).toMatch(/^La coalición las avala/);
    noEnglish(mapping.html);

    // A field chosen twice is refused in Spanish, naming both columns.
    const { fields } = formFieldsOf(mapping.document, {}, `form[action="${base}/mapping"]`);
    const twice = await post(session, `${base}/mapping`, { ...fields, "column-2": "email" });
    expect(twice.status).toBe(422);
    const twiceHtml = await twice.text();
    expect(texts(parseHtml(twiceHtml), ".error-summary li").join(" ")).toContain(
      "«Correo electrónico» está elegido para dos columnas («Correo» y «País»). Elíjalo solo para una.",
    );
    noEnglish(twiceHtml);

    const checked = await post(session, `${base}/mapping`, fields);
    expect(checked.status).toBe(303);
    await settle(session, letter.slug, id);
    const preview = await page(session, `${base}?done=previewed`);
    expect(preview.document.querySelector(".flash")!.textContent).toBe(
      "Se revisaron todas las filas: vea abajo qué da cada una.",
    );
    expect(preview.document.querySelector("#preview-title")!.textContent).toBe("2. Qué da cada fila");
    // Counted words agree with their number; the upload's time in the area's one format, its zone named.
    expect(texts(preview.document, ".import-counts li")).toEqual(["3 se importarán", "1 rechazada", "1 repetida"]);
    expect(texts(preview.document, "h1 + p")[0]).toMatch(
      /^\d+ filas leídas del archivo subido el \d{1,2} [a-z]{3} \d{4}, \d{1,2}:\d{2} \(UTC\)\.$/,
    );
    const reasons = texts(preview.document, ".preview-rows tbody td:last-child").filter(Boolean);
    expect(reasons).toEqual([
      "El correo no es una dirección válida, como nombre@ejemplo.org.",
      "El mismo correo (el mismo buzón) que la fila 2.",
    ]);
    expect(texts(preview.document, ".preview-rows .badge")).toEqual([
      "por importar",
      "rechazada",
      "por importar",
      "repetida",
      "por importar",
    ]);
    noEnglish(preview.html);

    const refused = await organizerFetch(session, `${base}/refused.csv`);
    expect(refused.status).toBe(200);
    // Named after the file imported, in the reader's words.
    expect(refused.headers.get("Content-Disposition")).toBe('attachment; filename="firmas-filas-rechazadas.csv"');
    // Separated by semicolons, as a spreadsheet in Spanish reads them (a comma is its decimal mark).
    const records: string[][] = parse(await refused.text(), { bom: true, delimiter: ";" });
    expect(records[0]).toEqual(["Nombre", "Correo", "País", "motivo"]);
    expect(records.slice(1).map((record) => record.at(-1))).toEqual([
      "Fila 3: El correo no es una dirección válida, como nombre@ejemplo.org.",
      "Fila 5: El mismo correo (el mismo buzón) que la fila 2.",
    ]);

    const stamp = preview.document.querySelector("input[name=preview]")!.getAttribute("value")!;
    expect(preview.document.querySelector(`form[action="${base}/start"] button`)!.textContent).toBe(
      "Importar 3 firmas",
    );
    const started = await post(session, `${base}/start`, { preview: stamp });
    expect(started.status).toBe(303);
    await settle(session, letter.slug, id);
    for (let press = 0; press < 20; press++) {
      const row = await env.DB.prepare("SELECT state FROM imports WHERE id = ?1").bind(id).first<{ state: string }>();
      if (row!.state === "done") break;
      await post(session, `${base}/continue`, {});
    }
    const done = await page(session, base);
    expect(done.document.querySelector("#done-title")!.textContent).toBe("Terminada");
    expect(texts(done.document, ".imported-signatures tbody td:nth-child(3)")).toEqual([
      "contada",
      "contada",
      "contada",
    ]);
    expect(texts(done.document, ".imported-signatures tbody td:nth-child(2)")).toEqual([
      "persona",
      "persona",
      "persona",
    ]);
    noEnglish(done.html);
  });

  it("words a country it does not know, and a file it can't read, in Spanish", async () => {
    const letter = await createLetter();
    const session = await inSpanish();
    const id = importIdOf(
      await upload(session, letter.slug, { paste: "Nombre\tPaís\nCarla Díaz\tNarnia\nDora Luna\tBrasil\n" }),
    );
    const base = `/admin/imports/${letter.slug}/${id}`;
    const { fields } = formFieldsOf((await page(session, base)).document, {}, `form[action="${base}/mapping"]`);
    expect((await post(session, `${base}/mapping`, fields)).status).toBe(303);
    await settle(session, letter.slug, id);
    const preview = await page(session, base);
    expect(texts(preview.document, ".preview-rows tbody td:last-child").filter(Boolean)).toEqual([
      "No conocemos el país «Narnia»: escriba su nombre (en español, inglés, francés o portugués) o su código ISO de dos letras.",
    ]);
    noEnglish(preview.html);

    // A workbook and an empty form are refused on the upload page itself, in Spanish, with their statuses.
    const workbook = await upload(session, letter.slug, {
      file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])], "firmas.xlsx"),
    });
    expect(workbook.status).toBe(415);
    const workbookHtml = await workbook.text();
    expect(parseHtml(workbookHtml).querySelector(".error-summary h2")!.textContent).toBe("Esto no se puede importar");
    expect(workbookHtml).toContain("Esto es un libro de hoja de cálculo (.xlsx u .ods), no un archivo CSV.");
    noEnglish(workbookHtml);
    const empty = await upload(session, letter.slug, {});
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Elija un archivo CSV, o pegue filas copiadas de una hoja de cálculo.");

    // A row broken far down ends the import unreadable: its page says why in Spanish.
    const good = Array.from({ length: 900 }, (_, index) => `P${index},p${index}@example.org`);
    const broken = importIdOf(
      await upload(session, letter.slug, { paste: `Name,Email\n${good.join("\n")}\nBroken\n` }),
    );
    await settle(session, letter.slug, broken);
    const unreadable = await page(session, `/admin/imports/${letter.slug}/${broken}`);
    expect(unreadable.document.querySelector("#unreadable-title")!.textContent).toBe(
      "Este archivo no se puede importar",
    );
    expect(unreadable.document.querySelector(".error-summary")!.textContent).toContain(
      "La fila 902 no tiene el mismo número de columnas que la de títulos (1 celda; la de títulos, 2).",
    );
    noEnglish(unreadable.html);

    const imports = await page(session, `/admin/imports/${letter.slug}`);
    expect(texts(imports.document, "tbody td:nth-child(3)")).toEqual(["no se puede importar", "revisada"]);
    expect(texts(imports.document, "tbody td:first-child")).toContain("filas pegadas");
    noEnglish(imports.html);
  });
});

describe("the other pages of this lane in Spanish", () => {
  it("the order of organizations", async () => {
    const letter = await createLetter();
    expect((await postSignature(letter.slug, organization())).status).toBe(303);
    const session = await inSpanish();
    const { html, document } = await page(session, `/admin/letters/${letter.slug}/order`);
    expect(document.querySelector("h1")!.textContent).toBe("Orden de las organizaciones");
    expect(texts(document, "thead th")).toEqual(["Puesto", "Organización"]);
    expect(document.querySelector("main form button")!.textContent).toBe("Guardar el orden");
    noEnglish(html);
  });

  it("confirming a signature on its signer's request", async () => {
    const MAIL = { MAILER: "local" };
    const letter = await createLetter({ confirmSignatures: true });
    const fields = individual();
    expect((await postSignature(letter.slug, fields, { env: MAIL })).status).toBe(303);
    const waiting = await env.DB.prepare(
      "SELECT s.token FROM signatures s JOIN letters l ON l.id = s.letter_id WHERE l.slug = ? AND s.email = ?",
    )
      .bind(letter.slug, fields.email)
      .first<{ token: string }>();
    const session = await inSpanish();
    const { html, document } = await page(
      session,
      `/admin/letters/${letter.slug}/signatures/${waiting!.token}/confirm`,
      MAIL,
    );
    expect(document.querySelector("h1")!.textContent).toBe(
      `¿Confirmar «${String(fields.name)}» a petición de quien firmó?`,
    );
    expect(document.querySelector("main p:nth-of-type(2)")!.textContent).toMatch(
      new RegExp(`^Una persona; firmó el .+, con ${String(fields.email)}\\. Espera la confirmación por correo\\.$`),
    );
    expect(document.querySelector("label[for=field-reason]")!.textContent).toContain("Motivo");
    expect(document.querySelector("main form button[type=submit]")!.textContent).toBe("Confirmar la firma");
    noEnglish(html);
  });

  it("the delivery document: the bar in Spanish, the letter in its own language", async () => {
    const letter = await createLetter();
    expect((await postSignature(letter.slug, individual())).status).toBe(303);
    const session = await inSpanish();
    const { html, document } = await page(session, `/admin/letters/${letter.slug}/delivery`);
    const bar = document.querySelector(".delivery-bar")!;
    expect(bar.getAttribute("lang")).toBe("es");
    expect(bar.querySelector("strong")!.textContent).toBe("Imprimir o guardar como PDF:");
    expect(bar.querySelector("a")!.textContent).toBe("Volver al área de organizadores");
    // The document goes to the addressee in the letter's language (English here).
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(document.querySelector("#signatories-title")!.textContent).toBe(messagesFor("en").letter.signatories);
    expect(html).not.toContain("Print or save as PDF");
  });
});
