/**
 * The account pages and the organizers' emails in the organizer's language
 * (issue 15): People, Your account, API tokens, passkeys, the login page and
 * the pages of emailed links show none of the English catalog's words in
 * Spanish; their refusals (from app/organizer-accounts.ts, app/api-tokens.ts,
 * app/passkeys.ts) and form errors come in the organizer's words; an
 * invitation is written in the language the owner picks, which becomes the
 * new account's, so its link's page and then its area open in it; a sign-in
 * link's email is in the account's language, else in the request's.
 */
import { env } from "cloudflare:workers";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { adminMessagesFor } from "../../src/domain/i18n";
import { fetchApp, linkIn, mailTo, type OrganizerSession, parseHtml, postOrganizerForm, sessionAs } from "../helpers";
import { englishOn, englishOnly } from "../english-left";

const MAIL = { MAILER: "local" };

/** Sentences the pages said in English before they had a catalog: none may show on a Spanish page. */
const OLD_ENGLISH = [
  "Everyone who can sign in to this organizer area",
  "Invite a colleague",
  "Send the invitation",
  "What each role may do",
  "Where you are signed in",
  "Log out everywhere",
  "Save the name",
  "Check your email",
  "If that address belongs to an organizer",
  "Accept and sign in",
  "This link does not work",
  "Your passkeys",
  "Your API tokens",
];

function newEmail(who = "colleague"): string {
  return `${who}-${crypto.randomUUID().slice(0, 8)}@coalition.example`;
}

/** A GET with the session's cookie (if any) and Accept-Language, with a mailer configured. */
function get(path: string, session: OrganizerSession | null, language = "en") {
  return fetchApp(path, MAIL, {
    headers: { "Accept-Language": language, ...(session ? { Cookie: session.cookie } : {}) },
    redirect: "manual",
  });
}

async function html(response: Response): Promise<{ status: number; text: string; document: HTMLElement }> {
  const text = await response.text();
  return { status: response.status, text, document: parseHtml(text) };
}

/** An owner of their own (not the admin token's), whose area language the browser decides. */
function owner() {
  return sessionAs("owner");
}

async function languageOf(email: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT language FROM organizers WHERE email = ?1")
    .bind(email)
    .first<{ language: string | null }>();
  return row?.language ?? null;
}

/** Opens the emailed link (its page, in the language it speaks), then presses its button: the new session. */
async function acceptLink(path: string, language: string) {
  const page = await html(await get(path, null, language));
  expect(page.status).toBe(200);
  const form = page.document.querySelector('form[action="/admin/link"]')!;
  const fields = Object.fromEntries(
    form
      .querySelectorAll("input[type=hidden]")
      .map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
  );
  const pressed = await postOrganizerForm("/admin/link", fields, { env: MAIL, language });
  expect(pressed.status).toBe(303);
  return { page, cookie: pressed.headers.get("Set-Cookie")!.split(";")[0]! };
}

describe("the account pages in Spanish", () => {
  it("show none of the English catalog's words, nor the sentences they had in English", async () => {
    const session = await owner();
    const english = englishOnly();
    const pages = ["/admin/people", "/admin/account", "/admin/account/tokens", "/admin/account/passkeys"];
    for (const path of pages) {
      const page = await html(await get(path, session, "es"));
      expect(page.status, path).toBe(200);
      expect(page.document.querySelector("html")!.getAttribute("lang"), path).toBe("es");
      expect(englishOn(page.text, english), path).toEqual([]);
      for (const sentence of OLD_ENGLISH) expect(page.text, `${path}: ${sentence}`).not.toContain(sentence);
    }
    const people = await html(await get("/admin/people", session, "es"));
    expect(people.document.querySelector("h1")!.text).toBe("Personas");
    expect(people.document.querySelector("#invite")!.text).toBe("Invitar a un colega");
    expect(people.text).toContain("Enviar la invitación");
    expect(people.document.querySelectorAll("#field-role option").map((option) => option.text)).toEqual([
      "Propietario",
      "Editor",
      "Moderador",
      "Lector",
    ]);
    // The invitation's language starts as the owner's area language.
    expect(people.document.querySelector("#field-language option[selected]")!.getAttribute("value")).toBe("es");
    const account = await html(await get("/admin/account", session, "es"));
    expect(account.document.querySelector("h1")!.text).toBe("Su cuenta");
    expect(account.text).toContain("Cerrar sesión en todas partes");
    expect(account.text).toContain("un enlace por correo");
  });

  it("answer the login page's 'email me a link' with its pages in Spanish, and its problem too", async () => {
    const english = englishOnly();
    const login = await html(await get("/admin/login", null, "es"));
    expect(login.status).toBe(200);
    expect(englishOn(login.text, english)).toEqual([]);
    // The passkey script's words travel in the page, in Spanish (never inline script: CSP).
    const words = JSON.parse(login.document.querySelector("form[data-passkey]")!.getAttribute("data-words")!) as {
      cancelled: string;
    };
    expect(words.cancelled).toBe(adminMessagesFor("es").passkeys.script.cancelled);
    const sent = await html(
      await postOrganizerForm(
        "/admin/login/link",
        { email: newEmail(), next: "/admin" },
        { env: MAIL, language: "es" },
      ),
    );
    expect(sent.status).toBe(200);
    expect(sent.document.querySelector("h1")!.text).toBe("Revise su correo");
    expect(englishOn(sent.text, english)).toEqual([]);
    const wrong = await html(
      await postOrganizerForm(
        "/admin/login/link",
        { email: "not an address", next: "/admin" },
        { env: MAIL, language: "es" },
      ),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain("Escriba una dirección de correo como nombre@ejemplo.org.");
    expect(wrong.text).not.toContain("Enter an email address");
    const gone = await html(await get(`/admin/link?token=${"A".repeat(43)}`, null, "es"));
    expect(gone.status).toBe(404);
    expect(gone.document.querySelector("h1")!.text).toBe("Este enlace no funciona");
    expect(englishOn(gone.text, english)).toEqual([]);
  });

  it("word People's refusals and form errors in Spanish", async () => {
    const session = await owner();
    const refused = await html(
      await postOrganizerForm(
        "/admin/people",
        { name: "", email: "nope", role: "owner" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Escriba el nombre de la persona.");
    expect(refused.text).toContain("Escriba una dirección de correo como nombre@ejemplo.org.");
    expect(refused.text).not.toContain("Enter the person's name.");
    const badLanguage = await html(
      await postOrganizerForm(
        "/admin/people",
        { name: "Ana", email: newEmail(), role: "editor", language: "de" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(badLanguage.status).toBe(422);
    expect(badLanguage.text).toContain("Elija un idioma.");

    const email = newEmail("taken");
    expect(
      (
        await postOrganizerForm(
          "/admin/people",
          { name: "Berta", email, role: "viewer" },
          { session, env: MAIL, language: "es" },
        )
      ).status,
    ).toBe(303);
    const again = await html(
      await postOrganizerForm(
        "/admin/people",
        { name: "Berta", email, role: "viewer" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(again.status).toBe(409);
    expect(again.text).toContain(`${email} ya tiene una cuenta (Berta).`);

    const unknown = await html(
      await postOrganizerForm("/admin/people/999999/enable", {}, { session, env: MAIL, language: "es" }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.document.querySelector("h1")!.text).toBe("Esta persona no existe");
    const adminToken = await html(
      await postOrganizerForm("/admin/people/1/role", { role: "editor" }, { session, env: MAIL, language: "es" }),
    );
    expect(adminToken.status).toBe(409);
    expect(adminToken.text).toContain("La cuenta de la clave de administración es siempre propietaria.");
    expect(adminToken.text).not.toContain("The admin token's account is always an owner.");

    const question = await html(
      await postOrganizerForm("/admin/people/1/disable", {}, { session, env: MAIL, language: "es" }),
    );
    expect(question.status).toBe(200);
    expect(question.text).toContain("Su sesión se cierra al instante en todas partes");
    const done = await postOrganizerForm(
      "/admin/people/999999/disable",
      { confirmed: "yes" },
      { session, env: MAIL, language: "es" },
    );
    expect(done.status).toBe(404);
  });

  it("word People's refusals through the catalogs' one set of issues and problems (one 'no email' message)", async () => {
    const session = await owner();
    const spanish = adminMessagesFor("es");
    const formula = await html(
      await postOrganizerForm(
        "/admin/people",
        { name: "=SUM(A1)", email: newEmail(), role: "viewer" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(formula.status).toBe(422);
    expect(formula.text).toContain(spanish.issues.text("name", "formula", 100));
    const noRole = await html(
      await postOrganizerForm(
        "/admin/people",
        { name: "Ana", email: newEmail(), role: "chief" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(noRole.text).toContain(spanish.issues.roleMissing);

    // Without a mailer, inviting and resending say what resending a signer's email says: problems.noMailer.
    const mailless = await postOrganizerForm(
      "/admin/people",
      { name: "Sin Correo", email: newEmail(), role: "viewer" },
      { session, env: { MAILER: "" }, language: "es" },
    );
    const page = await html(mailless);
    expect(page.status).toBe(409);
    expect(page.document.querySelector("h1")!.text).toBe(spanish.problems.noMailer.title);
    expect(page.text).toContain(spanish.problems.noMailer.message);
  });

  it("word the API tokens' and passkeys' refusals in Spanish", async () => {
    const session = await owner();
    const token = await html(
      await postOrganizerForm(
        "/admin/account/tokens/999999/revoke",
        { confirmed: "yes" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(token.status).toBe(404);
    expect(token.document.querySelector("h1")!.text).toBe("Token no encontrado");
    const passkey = await html(
      await postOrganizerForm(
        "/admin/account/passkeys/nothing-here/rename",
        { name: "Móvil" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(passkey.status).toBe(404);
    expect(passkey.document.querySelector("h1")!.text).toBe("Llave de acceso no encontrada");
    const removed = await html(
      await postOrganizerForm(
        "/admin/account/passkeys/nothing-here/remove",
        { confirmed: "yes" },
        { session, env: MAIL, language: "es" },
      ),
    );
    expect(removed.status).toBe(404);
    expect(removed.text).toContain("No tiene ninguna llave de acceso con esta dirección.");
  });
});

describe("an invitation in the language the owner picks", () => {
  it("reaches a Spanish invitee in Spanish, whose link's page and then area open in Spanish", async () => {
    const session = await owner();
    const email = newEmail("lucia");
    // The owner reads the area in English, and picks Spanish for her.
    const invited = await postOrganizerForm(
      "/admin/people",
      { name: "Lucía", email, role: "moderator", language: "es" },
      { session, env: MAIL },
    );
    expect(invited.status).toBe(303);
    expect(await languageOf(email)).toBe("es");

    const [mail] = await mailTo(email);
    expect(mail!.subject).toMatch(/ le invita al área de organizadores de /);
    expect(mail!.body).toContain("Hola, Lucía:");
    expect(mail!.body).toContain("con el rol de moderador (las firmas —");
    expect(mail!.body).toContain("durante 7 días");
    expect(mail!.body).not.toContain("invites you");
    expect(mail!.body).not.toContain("Open this link");

    // Her browser asks for English: the invitation's page speaks the language chosen for her.
    const { page, cookie } = await acceptLink(linkIn(mail!.body, "/admin/link"), "en");
    expect(page.document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(page.document.querySelector("h1")!.text).toBe("Le damos la bienvenida, Lucía");
    expect(page.document.querySelector("button[type=submit]")!.text).toBe("Aceptar y entrar");
    expect(page.text).toContain("con el rol de moderador");

    const area = await html(await get("/admin/account", { cookie, csrf: "" }, "en"));
    expect(area.status).toBe(200);
    expect(area.document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(area.document.querySelector("h1")!.text).toBe("Su cuenta");
  });

  it("is in the owner's area language when the form leaves the language out, and a resent one too", async () => {
    const session = await owner();
    const email = newEmail("amelie");
    expect(
      (
        await postOrganizerForm(
          "/admin/people",
          { name: "Amélie", email, role: "editor" },
          { session, env: MAIL, language: "fr" },
        )
      ).status,
    ).toBe(303);
    expect(await languageOf(email)).toBe("fr");
    const [first] = await mailTo(email);
    expect(first!.subject).toContain("vous invite dans l’espace des organisateurs");
    expect(first!.body).toContain("comme rédacteur (les lettres —");

    const id = (await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1").bind(email).first<{ id: number }>())!
      .id;
    // Resent by an owner whose area is in Portuguese: still in the language saved for her.
    expect(
      (await postOrganizerForm(`/admin/people/${id}/invitation`, {}, { session, env: MAIL, language: "pt" })).status,
    ).toBe(303);
    const mails = await mailTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toContain("Bonjour Amélie,");
  });
});

describe("a sign-in link's email", () => {
  it("is in the account's language, whatever the language of the page it was asked from", async () => {
    const person = await sessionAs("editor");
    await env.DB.prepare("UPDATE organizers SET language = 'pt' WHERE id = ?1").bind(person.organizerId).run();
    expect(
      (
        await postOrganizerForm(
          "/admin/login/link",
          { email: person.email, next: "/admin" },
          { env: MAIL, language: "en" },
        )
      ).status,
    ).toBe(200);
    const [mail] = await mailTo(person.email);
    expect(mail!.subject).toMatch(/^Seu link para entrar em /);
    expect(mail!.body).toContain("Ele funciona uma só vez, durante 15 minutos:");
    expect(mail!.body).not.toContain("Open this link");
  });

  it("is in the language of the page it was asked from when the account has none", async () => {
    const person = await sessionAs("viewer");
    expect(
      (
        await postOrganizerForm(
          "/admin/login/link",
          { email: person.email, next: "/admin" },
          { env: MAIL, language: "es-MX,es" },
        )
      ).status,
    ).toBe(200);
    const [mail] = await mailTo(person.email);
    expect(mail!.subject).toMatch(/^Su enlace para entrar en /);
    expect(mail!.body).toContain("Si usted no lo pidió, ignore este correo");
    const { page } = await acceptLink(linkIn(mail!.body, "/admin/link"), "es");
    expect(page.document.querySelector("h1")!.text).toBe(`Entrar como ${person.name}`);
  });
});
