/**
 * The organizer area in the organizer's language: the person's stored
 * preference (the switcher), else the browser's Accept-Language, else
 * English; every page drawn in Spanish shows none of the English catalog's
 * words; counts by the language's plural rules.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";
import {
  createLetter,
  logIn,
  organizerFetch,
  organizerPost,
  parseHtml,
  postSignature,
  individual,
  type OrganizerSession,
} from "../helpers";
import { englishOn, englishOnly } from "../english-left";

function inLanguage(session: OrganizerSession, path: string, acceptLanguage: string) {
  return organizerFetch(session, path, { headers: { "Accept-Language": acceptLanguage } });
}

async function setLanguage(session: OrganizerSession, language: string, back = "/admin") {
  return organizerPost(session, "/admin/language", { language, back });
}

afterEach(async () => {
  // The bootstrap owner is every test's organizer: back to "the browser decides".
  await env.DB.prepare("UPDATE organizers SET language = NULL WHERE id = ?1").bind(BOOTSTRAP_ORGANIZER_ID).run();
});

describe("the organizer area's language", () => {
  it("follows the browser's Accept-Language, else English, with <html lang> to match", async () => {
    const session = await logIn();
    const spanish = parseHtml(await (await inLanguage(session, "/admin", "es-MX,es;q=0.9,en;q=0.5")).text());
    expect(spanish.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(spanish.querySelector("h1")!.textContent).toBe("Cartas");
    const french = parseHtml(await (await inLanguage(session, "/admin", "de, fr;q=0.8")).text());
    expect(french.querySelector("html")!.getAttribute("lang")).toBe("fr");
    const other = parseHtml(await (await inLanguage(session, "/admin", "de, ja")).text());
    expect(other.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(other.querySelector("h1")!.textContent).toBe("Letters");
  });

  it("is chosen with the switcher, kept for the person, and beats Accept-Language", async () => {
    const session = await logIn();
    const page = parseHtml(await (await inLanguage(session, "/admin/letters/new", "en")).text());
    const switcher = page.querySelector('form[action="/admin/language"]')!;
    expect(switcher.querySelector('input[name="back"]')!.getAttribute("value")).toBe("/admin/letters/new");
    expect(switcher.querySelectorAll('button[name="language"]').map((button) => button.getAttribute("value"))).toEqual([
      "es",
      "fr",
      "pt",
    ]);
    expect(switcher.querySelector('button[value="pt"]')!.textContent).toBe("Português");

    const chosen = await setLanguage(session, "pt", "/admin/letters/new");
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get("Location")).toBe("/admin/letters/new");
    const portuguese = parseHtml(await (await inLanguage(session, "/admin/letters/new", "es, en")).text());
    expect(portuguese.querySelector("html")!.getAttribute("lang")).toBe("pt");
    expect(portuguese.querySelector("h1")!.textContent).toBe("Nova carta");
    const row = await env.DB.prepare("SELECT language FROM organizers WHERE id = ?1")
      .bind(BOOTSTRAP_ORGANIZER_ID)
      .first<{ language: string }>();
    expect(row?.language).toBe("pt");
    // A new session of the same person keeps it.
    const again = await logIn();
    const home = parseHtml(await (await inLanguage(again, "/admin", "fr")).text());
    expect(home.querySelector("h1")!.textContent).toBe("Cartas");
  });

  it("refuses a language it doesn't have, a foreign place to come back to, and a post without the session's token", async () => {
    const session = await logIn();
    expect((await setLanguage(session, "de")).status).toBe(400);
    const away = await setLanguage(session, "es", "https://evil.example/");
    expect(away.status).toBe(303);
    expect(away.headers.get("Location")).toBe("/admin");
    const forged = await organizerFetch(session, "/admin/language", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
      body: new URLSearchParams({ language: "fr", back: "/admin" }).toString(),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const row = await env.DB.prepare("SELECT language FROM organizers WHERE id = ?1")
      .bind(BOOTSTRAP_ORGANIZER_ID)
      .first<{ language: string }>();
    expect(row?.language).toBe("es");
  });

  it("shows no English words of its catalog on the organizer pages drawn in Spanish", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    for (let i = 0; i < 2; i++) expect((await postSignature(letter.slug, individual())).status).toBe(303);
    const session = await logIn();
    const english = englishOnly();
    expect(english.size).toBeGreaterThan(200);
    const pages = [
      "/admin",
      "/admin/letters/new",
      `/admin/letters/${letter.slug}`,
      `/admin/letters/${letter.slug}/signatures`,
      `/admin/letters/${letter.slug}/signatures?status=confirmed`,
      `/admin/letters/${letter.slug}/translations/es`,
    ];
    for (const path of pages) {
      const response = await inLanguage(session, path, "es");
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(parseHtml(html).querySelector("html")!.getAttribute("lang"), path).toBe("es");
      expect(englishOn(html, english), path).toEqual([]);
    }
  });

  it("counts in words that agree with the number, and names languages in the area's language", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    expect((await postSignature(letter.slug, individual())).status).toBe(303);
    const session = await logIn();
    const english = parseHtml(
      await (await inLanguage(session, `/admin/letters/${letter.slug}/signatures`, "en")).text(),
    );
    const summary = english.querySelector("main p:nth-of-type(2)")!.textContent;
    expect(summary).toContain("1 individual)");
    expect(summary).not.toContain("individuals");
    const editor = parseHtml(await (await inLanguage(session, `/admin/letters/${letter.slug}`, "en")).text());
    expect(editor.querySelector("#translations-title + p")!.textContent).toContain("written in English.");
    const spanish = parseHtml(await (await inLanguage(session, `/admin/letters/${letter.slug}`, "es")).text());
    expect(spanish.querySelector("#translations-title + p")!.textContent).toContain("escrita en inglés.");
  });
});
