/**
 * The activity log read by a new owner (issue 15, third trial): each entry says what happened in
 * words, once. Time zones by their place ("Honduras — Tegucigalpa"), never their IANA code; an
 * import's start and end as two different things; a discarded import without a meaningless
 * "step → none"; an invitation in one sentence; a delivery with its public notes; the email
 * confirmation setting in words rather than "yes"/"no". Failed before: the Spanish log read
 * "Zona horaria: UTC → America/Tegucigalpa", "importó firmas" twice, "Paso de la importación:
 * revisada → ninguno", "Nombre…, Correo…, Rol…" then "Ana Souza <…> como lector", no notes, and
 * "lo predeterminado del sitio (…) → sí".
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { unworded } from "../activity-words";
import {
  createLetter,
  formFieldsOf,
  letterEditorFields,
  organizerFetch,
  organizerPage,
  SPANISH_TRANSLATION,
  sessionAs,
  type PersonSession,
} from "../helpers";
import { importIdOf, importState, post, settle, upload } from "../imports";

const MAIL = { MAILER: "local" };

let owner: PersonSession;
let firstId: number;

/** The log's entries on the page (newest first), each as its sentence, its changes and its detail. */
async function entries(query = ""): Promise<{ sentence: string; changes: string[]; detail: string | null }[]> {
  const { document } = await organizerPage(owner, `/admin/activity${query}`);
  return document.querySelectorAll("li.activity-entry").map((entry) => ({
    sentence: entry
      .querySelector("p")!
      .textContent.replace(/\s+/g, " ")
      .replace(/ · .*$/, "")
      .trim(),
    changes: entry.querySelectorAll(".activity-changes li").map((li) => li.textContent),
    detail: entry.querySelector(".activity-detail")?.textContent ?? null,
  }));
}

beforeAll(async () => {
  const last = await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM organizer_activity").first<{
    id: number;
  }>();
  firstId = last!.id;
  owner = await sessionAs("owner", { name: "Lucía Dueña" });
  expect((await post(owner, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
});

describe("the activity log, in words", () => {
  it("names time zones by their place, never their code", async () => {
    expect((await post(owner, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" })).status).toBe(303);
    const letter = await createLetter({ title: "Carta con cierre" });
    const fields = letterEditorFields(letter.slug, {
      closes_at: "2030-01-31T23:59",
      closes_time_zone: "America/New_York",
    });
    expect((await post(owner, `/admin/letters/${letter.slug}`, fields)).status).toBe(303);
    const log = await entries();
    const changes = log.flatMap((entry) => entry.changes);
    expect(changes).toContain("Zona horaria: UTC → Honduras — Tegucigalpa");
    expect(changes).toContain("Zona horaria del cierre: UTC → Estados Unidos — Nueva York");
    expect(changes.filter((change) => /America\/|Huso/.test(change))).toEqual([]);
  });

  it("says where a time zone is chosen in Spanish as «zona horaria», everywhere", async () => {
    const { document } = await organizerPage(owner, "/admin/account");
    const page = document.querySelector("main")!.textContent;
    expect(page).toContain("Su zona horaria");
    expect(page).not.toMatch(/[Hh]uso/);
  });

  it("tells an import's start from its end, and its discarding without a step", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const id = importIdOf(
      await upload(owner, letter.slug, {
        paste: "name,email\nAda Lovelace,ada@example.org\nGrace,grace@example.org\n",
      }),
    );
    await settle(owner, letter.slug, id);
    const mapping = (await organizerPage(owner, `/admin/imports/${letter.slug}/${id}`)).document;
    const mapped = formFieldsOf(mapping, {}, 'form[action$="/mapping"]');
    expect((await post(owner, mapped.action, mapped.fields)).status).toBe(303);
    await settle(owner, letter.slug, id);
    const preview = (await organizerPage(owner, `/admin/imports/${letter.slug}/${id}`)).document;
    const start = formFieldsOf(preview, {}, 'form[action$="/start"]');
    expect((await post(owner, start.action, start.fields)).status).toBe(303);
    for (let presses = 0; (await importState(id)) !== "done" && presses < 100; presses++)
      await post(owner, `/admin/imports/${letter.slug}/${id}/continue`, {});

    const other = importIdOf(await upload(owner, letter.slug, { paste: "name\nAna\n" }));
    await settle(owner, letter.slug, other);
    expect((await post(owner, `/admin/imports/${letter.slug}/${other}/discard`, { confirmed: "yes" })).status).toBe(
      303,
    );

    const log = await entries();
    const sentences = log.map((entry) => entry.sentence);
    expect(sentences).toContain("Lucía Dueña preparó una importación");
    expect(sentences).toContain("Lucía Dueña empezó una importación");
    expect(sentences).toContain("Lucía Dueña importó 2 firmas");
    expect(sentences).not.toContain("Lucía Dueña importó firmas");
    const discarded = log.find((entry) => entry.sentence === "Lucía Dueña descartó una importación")!;
    expect(discarded.changes).toEqual([]);
    expect(discarded.detail).toBe(`«filas pegadas» (importación ${other}).`);
  });

  it("says an invitation in one sentence", async () => {
    const email = `ana-${crypto.randomUUID().slice(0, 8)}@example.org`;
    expect((await post(owner, "/admin/people", { name: "Ana Souza", email, role: "viewer" }, MAIL)).status).toBe(303);
    const [invited] = await entries("?action=invitation-sent");
    expect(invited).toEqual({
      sentence: `Lucía Dueña invitó a Ana Souza (${email}) con el rol de lector`,
      changes: [],
      detail: null,
    });
  });

  it("keeps a delivery's public notes, each in its language", async () => {
    const letter = await createLetter({ title: "Carta entregada", translations: [] });
    expect((await post(owner, `/admin/letters/${letter.slug}/translations/es`, SPANISH_TRANSLATION)).status).toBe(303);
    const note = `Delivered to the OAS on December 20. ${"More words. ".repeat(22)}`;
    const delivered = await post(owner, `/admin/letters/${letter.slug}/state`, {
      change: "deliver",
      delivered_on: "2020-12-20",
      delivery_note: note,
      delivery_note_es: "Entregada a la OEA el 20 de diciembre.",
    });
    expect(delivered.status).toBe(303);
    const [entry] = await entries("?action=letter-delivered");
    expect(entry!.sentence).toBe("Lucía Dueña registró la entrega de una carta");
    expect(entry!.changes).toContain("Entregada el: 20 de diciembre de 2020");
    expect(entry!.changes).toContain("Nota pública en español: Entregada a la OEA el 20 de diciembre.");
    const english = entry!.changes.find((change) => change.startsWith("Nota pública en inglés: Delivered to the OAS"));
    expect(english).toBeDefined();
    expect(english!.length).toBeLessThan(260);
    expect(english!.endsWith("…")).toBe(true);
  });

  it("words the email confirmation setting's values, the site's default included", async () => {
    const letter = await createLetter({ title: "Carta por defecto" });
    const fields = letterEditorFields(letter.slug, { confirm_signatures: "yes" });
    expect((await post(owner, `/admin/letters/${letter.slug}`, fields)).status).toBe(303);
    const again = letterEditorFields(letter.slug, { confirm_signatures: "no" });
    expect((await post(owner, `/admin/letters/${letter.slug}`, again)).status).toBe(303);
    const changes = (await entries("?action=letter-edited")).flatMap((entry) => entry.changes);
    expect(changes).toContain(
      "Confirmación por correo: lo predeterminado del sitio (se cuentan de inmediato) → cada firmante confirma por correo",
    );
    expect(changes).toContain("Confirmación por correo: cada firmante confirma por correo → se cuentan de inmediato");
    expect(changes.filter((change) => /→ (sí|no)$/.test(change) && change.startsWith("Confirmación"))).toEqual([]);
  });

  it("words every field, value and detail it kept, in each language", async () => {
    expect(await unworded(firstId)).toEqual([]);
  });

  it("gives the CSV file the same sentences", async () => {
    const csv = await (await organizerFetch(owner, "/admin/activity.csv?action=invitation-sent")).text();
    expect(csv).toContain("invitó a Ana Souza (");
  });
});
