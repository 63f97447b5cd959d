/**
 * The organizer area's Spanish read by a new organizer (issue 15, third trial): one number
 * agrees with its words ("La firma que seleccionó", never "De las 1 que seleccionó"); a person's
 * status says nothing of their gender ("invitación enviada", not "invitada"); one word for one
 * thing ("contada", "a petición", "clave de administración"); a hand entry's way in said once,
 * in lower case. French and Portuguese are checked for the same kinds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";
import { SIGNATURE_STATUSES } from "../../src/domain/signature";
import {
  createLetter,
  fetchWorker,
  individual,
  organizerPage,
  parseHtml,
  postSignature,
  sessionAs,
  type PersonSession,
} from "../helpers";
import { post } from "../imports";
import { seedSignatures } from "../seed";

const MAIL = { MAILER: "local" };

let owner: PersonSession;

/** `text` with its runs of white space made one space. */
const squeezed = (text: string) => text.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  owner = await sessionAs("owner", { name: "Lucía Dueña" });
  expect((await post(owner, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
});

describe("the organizer area in Spanish", () => {
  it("makes a count of one agree with its words, on the bulk change's review", async () => {
    const letter = await createLetter();
    const [one] = await seedSignatures(letter.slug, [{ name: "Una Sola" }]);
    const review = await post(owner, `/admin/letters/${letter.slug}/signatures/bulk`, {
      action: "hide",
      scope: "selected",
      ref: one!.ref,
      step: "review",
    });
    expect(review.status).toBe(200);
    const main = squeezed(parseHtml(await review.text()).querySelector("main")!.textContent);
    expect(main).toContain("La firma que seleccionó se puede ocultar.");
    expect(main).not.toMatch(/\b1 (que|de la|se pueden)\b|De las 1\b/);
  });

  it("says an invited person's status without a gender", async () => {
    const email = `carlos-${crypto.randomUUID().slice(0, 8)}@example.org`;
    expect((await post(owner, "/admin/people", { name: "Carlos Ruiz", email, role: "editor" }, MAIL)).status).toBe(303);
    const { document } = await organizerPage(owner, "/admin/people");
    const row = document.querySelectorAll("tbody tr").find((tr) => tr.textContent.includes("Carlos Ruiz"))!;
    expect(squeezed(row.textContent)).toContain("invitación enviada");
    expect(squeezed(row.textContent)).not.toMatch(/invitad[ao]\b/);
  });

  it("says a hand entry's way in once, in lower case; a waiting one is confirmed «a petición»", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const base = `/admin/letters/${letter.slug}`;
    const hand = { kind: "individual", name: "Firma en Papel", received: "paper", public: "1" };
    expect((await post(owner, `${base}/signatures`, hand)).status).toBe(303);
    expect((await postSignature(letter.slug, individual({ name: "Espera Correo" }), { env: MAIL })).status).toBe(303);
    const { document } = await organizerPage(owner, `${base}/signatures`);
    const rows = document.querySelectorAll("tbody tr");
    const paper = rows.find((tr) => tr.textContent.includes("Firma en Papel"))!;
    expect(squeezed(paper.querySelector('td[data-label="Llegó por"]')!.textContent)).toBe("recibida en papel");
    const main = squeezed(document.querySelector("main")!.textContent);
    expect(main).toContain("a petición de quien firmó");
    expect(main).not.toContain("a pedido");
    // The editor's count of one.
    const editor = squeezed((await organizerPage(owner, base)).document.querySelector("main")!.textContent);
    expect(editor).toMatch(/Firmas \(1 contada, 1 en espera\)/);
  });

  it("calls the admin token «clave de administración» everywhere, and nothing to type is said plainly", async () => {
    const login = await fetchWorker("/admin/login", { headers: { "Accept-Language": "es" } });
    const pages = [parseHtml(await login.text()), (await organizerPage(owner, "/admin/account/passkeys")).document];
    for (const document of pages) {
      const main = squeezed(document.querySelector("main")!.textContent);
      expect(main).toContain("clave de administración");
      expect(main).not.toMatch(/token de administración|token que escribir/);
    }
  });
});

describe("one word for one thing, in every language", () => {
  it("words a signature's status alike on the signatures list, an import's page and the activity log", () => {
    for (const locale of LOCALES) {
      const t = adminMessagesFor(locale);
      const imports: Record<string, string> = t.imports.statuses;
      const logged: Record<string, string> = t.activity.values;
      for (const status of SIGNATURE_STATUSES) {
        expect(imports[status], `${locale}: ${status}`).toBe(t.signatures.statuses[status]);
        expect(logged[status], `${locale}: ${status}`).toBe(t.signatures.statuses[status]);
      }
    }
  });

  it("never writes «1» before a plural, in a bulk change's review or a letter's counts", () => {
    for (const locale of LOCALES) {
      const t = adminMessagesFor(locale);
      const sentences = [
        ...(["selected", "page", "matching"] as const).flatMap((scope) => [
          t.bulk.applies(scope, 1, 1, t.moderation.moderated.hide),
          t.bulk.applies(scope, 1, 0, t.moderation.moderated.hide),
          t.bulk.applies(scope, 2, 1, t.moderation.moderated.hide),
        ]),
        t.editor.signaturesLink(1, 1),
        t.roles.signatureCounts(1, 1),
      ];
      for (const sentence of sentences)
        expect(sentence, locale).not.toMatch(/\b1 (\S+s|\S+ent)\b|\b(les|las|os|as|the) 1\b/);
    }
  });

  it("never calls the admin token a token in French, Spanish or Portuguese", () => {
    const words = { es: /token de administración/, fr: /jeton d’administration/, pt: /token de administração/ };
    for (const [locale, wrong] of Object.entries(words)) {
      const json = JSON.stringify(adminMessagesFor(locale), (_key, value: unknown) =>
        typeof value === "function" ? String(value) : value,
      );
      expect(json, locale).not.toMatch(wrong);
    }
  });
});
