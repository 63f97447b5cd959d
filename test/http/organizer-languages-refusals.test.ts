/**
 * Refusals in the organizer area speak the organizer's language (issue 15): a refused field of an
 * organizer form, a refusal of the application, an error page and a 429 with Retry-After. Each
 * failed before: the messages came from English strings in domain/ and app/, and the error pages
 * used the public layout.
 */
import { describe, expect, it } from "vitest";
import { createLetter, fetchWorker, organizerFetch, parseHtml, SAME_ORIGIN_FORM } from "../helpers";
import { sessionAs } from "../organizers";

const SPANISH = { "Accept-Language": "es" };

describe("refusals in the organizer's language", () => {
  it("a refused letter form says what is wrong in Spanish", async () => {
    const editor = await sessionAs("Lucía", "editor");
    const response = await organizerFetch(editor, "/admin/letters", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, ...SPANISH },
      body: new URLSearchParams({ csrf: editor.csrf, title: "", date: "2017-12-20", body: "" }).toString(),
    });
    expect(response.status).toBe(422);
    const text = parseHtml(await response.text()).querySelector("main")?.textContent ?? "";
    expect(text).toContain("Póngale un título a la carta.");
    expect(text).toContain("Escriba el texto de la carta.");
    expect(text).not.toContain("Give the letter a title.");
  });

  it("a refusal of the application is worded in Spanish on an organizer error page", async () => {
    const editor = await sessionAs("Lucía", "editor");
    const { slug } = await createLetter();
    const response = await organizerFetch(editor, `/admin/letters/${slug}/revisions/999999`, { headers: SPANISH });
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const page = parseHtml(await response.text());
    expect(page.querySelector("h1")?.textContent).toBe("Versión no encontrada");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(page.querySelector("body")?.getAttribute("class")).toBe("admin");
  });

  it("a role refused a page is told so in French, with a way back into the area", async () => {
    const viewer = await sessionAs("Amélie", "viewer");
    const response = await organizerFetch(viewer, "/admin/letters/new", { headers: { "Accept-Language": "fr" } });
    expect(response.status).toBe(403);
    const page = parseHtml(await response.text());
    expect(page.querySelector("h1")?.textContent).toBe("Pas pour votre rôle");
    expect(page.querySelector('main a[href="/admin"]')?.textContent).toBe("Retour à l’espace des organisateurs");
  });

  it("too many wrong admin tokens are answered 429 in Portuguese, saying when to try again", async () => {
    let response: Response | null = null;
    for (let attempt = 0; attempt < 30 && response?.status !== 429; attempt++) {
      response = await fetchWorker("/admin/login", {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "Accept-Language": "pt", "CF-Connecting-IP": "198.51.100.77" },
        body: new URLSearchParams({ token: "wrong-token-wrong-token", next: "/admin" }).toString(),
        redirect: "manual",
      });
    }
    expect(response?.status).toBe(429);
    const seconds = Number(response!.headers.get("Retry-After"));
    expect(seconds).toBeGreaterThan(0);
    const page = parseHtml(await response!.text());
    expect(page.querySelector("h1")?.textContent).toBe("Tentativas demais");
    expect(page.querySelector("main")?.textContent).toContain("Tente de novo daqui a");
  });
});
