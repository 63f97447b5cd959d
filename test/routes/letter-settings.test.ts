/**
 * A letter's settings in words, not codes, through HTTP: its language chosen
 * by name, its address made from the title (numbered when taken, editable
 * until published), its closing time typed in an IANA time zone and shown
 * with that zone in the reader's language (daylight saving, times that
 * don't exist, names that aren't zones), a delivery note per language
 * marked with its language, no delivery in the future, and a letter closed
 * before its deadline saying the day it closed.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import {
  fetchWorker,
  getPage,
  individual,
  letterEditorFields,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  postOrganizerForm,
  postSignature,
  SPANISH_TRANSLATION,
  stopClock,
  texts,
  uniqueSlug,
  type OrganizerSession,
} from "../helpers";
import { sessionAs } from "../organizers";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";

afterEach(() => {
  vi.useRealTimers();
});

/** Creates a draft with the editor's fields and `overrides`; returns the address it was saved at. */
async function createDraft(session: OrganizerSession, overrides: Record<string, string> = {}): Promise<string> {
  const response = await organizerPost(
    session,
    "/admin/letters",
    letterEditorFields(uniqueSlug("settings"), overrides),
  );
  expect(response.status, await response.clone().text()).toBe(303);
  const location = new URL(response.headers.get("Location")!, "https://x.test");
  return location.pathname.split("/").at(-1)!;
}

async function stored(slug: string) {
  return env.DB.prepare(
    "SELECT status, closes_at, closes_time_zone, closed_at, language, delivered_on FROM letters WHERE slug = ?1",
  )
    .bind(slug)
    .first<{
      status: string;
      closes_at: string | null;
      closes_time_zone: string | null;
      closed_at: string | null;
      language: string;
      delivered_on: string | null;
    }>();
}

function changeState(session: OrganizerSession, slug: string, change: string, extra: Record<string, string> = {}) {
  // Closing, going back to draft and deleting ask first: the answer to the question is sent along.
  return organizerPost(session, `/admin/letters/${slug}/state`, { change, confirmed: "yes", ...extra });
}

async function publishedLetter(session: OrganizerSession, overrides: Record<string, string> = {}): Promise<string> {
  const slug = await createDraft(session, overrides);
  expect((await changeState(session, slug, "publish")).status).toBe(303);
  return slug;
}

async function translateIntoSpanish(session: OrganizerSession, slug: string): Promise<void> {
  const response = await organizerPost(session, `/admin/letters/${slug}/translations/es`, SPANISH_TRANSLATION);
  expect(response.status).toBe(303);
}

async function runMaintenance(at: Date): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "0 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("the letter's language", () => {
  it("is chosen from a list of language names whose values are BCP 47 tags", async () => {
    const session = await logIn();
    const { document } = await organizerPage(session, "/admin/letters/new");
    const select = document.querySelector("select#field-language");
    expect(select).not.toBeNull();
    expect(document.querySelector("input#field-language")).toBeNull();
    const options: Record<string, string> = Object.fromEntries(
      [...select!.querySelectorAll("option")].map((option) => [option.getAttribute("value") ?? "", option.textContent]),
    );
    expect(options).toMatchObject({
      en: "English",
      es: "Spanish",
      fr: "French",
      pt: "Portuguese",
      ht: "Haitian Creole",
    });
    expect(select!.querySelector("option[selected]")?.getAttribute("value")).toBe("en");

    const slug = await createDraft(session, { language: "es" });
    expect((await stored(slug))!.language).toBe("es");
    const editor = await organizerPage(session, `/admin/letters/${slug}`);
    expect(editor.document.querySelector("#field-language option[selected]")?.textContent).toBe("Spanish");
  });

  it("starts, for a new letter, in the organizer area's language: an editor whose area is in Spanish writes in Spanish", async () => {
    const selected = async (session: Awaited<ReturnType<typeof logIn>>, headers: Record<string, string> = {}) => {
      const response = await organizerFetch(session, "/admin/letters/new", { headers });
      const document = parseHtml(await response.text());
      return document.querySelector("#field-language option[selected]")?.getAttribute("value");
    };
    // Someone who has written no letter yet (the admin token's account wrote one in Spanish above).
    const newcomer = await sessionAs("Newcomer", "editor");
    expect(await selected(newcomer, { "Accept-Language": "es" })).toBe("es");
    expect(await selected(newcomer, { "Accept-Language": "pt-BR,pt;q=0.9" })).toBe("pt");
    expect(await selected(newcomer)).toBe("en");
    const editor = await sessionAs("Rédactrice", "editor");
    await env.DB.prepare("UPDATE organizers SET language = 'fr' WHERE id = ?1").bind(editor.id).run();
    expect(await selected(editor, { "Accept-Language": "es" })).toBe("fr");
  });

  it("starts a new letter in the language its person last wrote one in: Portuguese, from an area in Spanish", async () => {
    const selected = async (session: OrganizerSession) => {
      const response = await organizerFetch(session, "/admin/letters/new");
      const document = parseHtml(await response.text());
      return document.querySelector("#field-language option[selected]")?.getAttribute("value");
    };
    const editor = await sessionAs("Editora", "editor");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(editor.id).run();
    expect(await selected(editor)).toBe("es");
    const slug = await createDraft(editor, { language: "pt" });
    expect(await selected(editor)).toBe("pt");
    // For this person only: a colleague's area language still decides theirs.
    const colleague = await sessionAs("Colega", "editor");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(colleague.id).run();
    expect(await selected(colleague)).toBe("es");
    // Changing a letter's language is a choice too; saving it in the same language changes nothing.
    const edited = await organizerPost(editor, `/admin/letters/${slug}`, letterEditorFields(slug, { language: "fr" }));
    expect(edited.status, await edited.clone().text()).toBe(303);
    expect(await selected(editor)).toBe("fr");
    await createDraft(colleague, { language: "es" });
    expect(await selected(colleague)).toBe("es");
    await organizerPost(
      editor,
      `/admin/letters/${slug}`,
      letterEditorFields(slug, { language: "fr", title: "Renamed" }),
    );
    expect(await selected(editor)).toBe("fr");
  });

  it("names languages and time zones in the area's language: noruego bokmål, Estados Unidos — Nueva York", async () => {
    const session = await logIn();
    const response = await organizerFetch(session, "/admin/letters/new", { headers: { "Accept-Language": "es" } });
    const document = parseHtml(await response.text());
    const optionText = (select: string, value: string) =>
      document.querySelector(`${select} option[value="${value}"]`)?.textContent;
    expect(optionText("#field-language", "nb")).toBe("noruego bokmål");
    expect(optionText("#field-language", "ht")).toBe("criollo haitiano");
    expect(optionText("#field-closes-time-zone", "America/New_York")).toBe("Estados Unidos — Nueva York");
    expect(optionText("#field-closes-time-zone", "America/Mexico_City")).toBe("México — Ciudad de México");
    expect(optionText("#field-closes-time-zone", "America/Tegucigalpa")).toBe("Honduras — Tegucigalpa");
  });

  it("names a country's only zone by its city in the area's language too: Austria — Viena, Cuba — La Habana", async () => {
    const session = await logIn();
    const expected: Record<string, Record<string, string>> = {
      es: {
        "Europe/Vienna": "Austria — Viena",
        "America/Havana": "Cuba — La Habana",
        "Europe/London": "Reino Unido — Londres",
        "America/Bogota": "Colombia — Bogotá",
        "America/Asuncion": "Paraguay — Asunción",
        "Europe/Berlin": "Alemania — Berlín",
      },
      fr: {
        "Europe/Vienna": "Autriche — Vienne",
        "Europe/London": "Royaume-Uni — Londres",
        "America/Havana": "Cuba — La Havane",
      },
      pt: {
        "Europe/Vienna": "Áustria — Viena",
        "Europe/London": "Reino Unido — Londres",
        "America/Havana": "Cuba — Havana",
      },
    };
    for (const [language, labels] of Object.entries(expected)) {
      const response = await organizerFetch(session, "/admin/letters/new", {
        headers: { "Accept-Language": language },
      });
      const document = parseHtml(await response.text());
      for (const [zone, label] of Object.entries(labels))
        expect(document.querySelector(`#field-closes-time-zone option[value="${zone}"]`)?.textContent, zone).toBe(
          label,
        );
    }
  });

  it("refuses a value that is no language tag (422, beside the field)", async () => {
    const session = await logIn();
    const response = await organizerPost(
      session,
      "/admin/letters",
      letterEditorFields(uniqueSlug("settings"), { language: "Spanish" }),
    );
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(texts(document, "#field-language-error")[0]).toContain("Choose the language the letter is written in");
  });
});

describe("the letter's address", () => {
  it("is made from the title when left empty, accents written plainly, and numbered when taken", async () => {
    const session = await logIn();
    const title = `Elecciones en Honduras ${crypto.randomUUID().slice(0, 6)}`;
    const expected = title.toLowerCase().replaceAll(" ", "-");
    const first = await createDraft(session, { title, slug: "" });
    expect(first).toBe(expected);
    const second = await createDraft(session, { title, slug: "  " });
    expect(second).toBe(`${expected}-2`);

    const accented = await createDraft(session, {
      title: `Ação já: Ñandú, Œuvre & Straße ${first.slice(-6)}`,
      slug: "",
    });
    expect(accented).toBe(`acao-ja-nandu-oeuvre-strasse-${first.slice(-6)}`);
  });

  it("asks for an address when the title has no letters to make one from (422)", async () => {
    const session = await logIn();
    const response = await organizerPost(
      session,
      "/admin/letters",
      letterEditorFields("", { title: "Выборы в Гондурасе" }),
    );
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(texts(document, "#field-slug-error")[0]).toContain("Choose the letter's address");
  });

  it("is editable until the letter is published, then shown read-only with why", async () => {
    const session = await logIn();
    const slug = await createDraft(session);
    let editor = await organizerPage(session, `/admin/letters/${slug}`);
    expect(editor.document.querySelector("#field-slug")?.hasAttribute("readonly")).toBe(false);
    const renamed = `${slug}-renamed`;
    const saved = await organizerPost(session, `/admin/letters/${slug}`, letterEditorFields(renamed));
    expect(saved.headers.get("Location")).toBe(`/admin/letters/${renamed}?done=saved`);

    expect((await changeState(session, renamed, "publish")).status).toBe(303);
    editor = await organizerPage(session, `/admin/letters/${renamed}`);
    expect(editor.document.querySelector("#field-slug")?.hasAttribute("readonly")).toBe(true);
    expect(texts(editor.document, "#field-slug-hint")[0]).toContain("can't change once the letter has been published");
    // Left empty after publishing, it stays what it was.
    const resaved = await organizerPost(
      session,
      `/admin/letters/${renamed}`,
      letterEditorFields("", { title: "Other" }),
    );
    expect(resaved.headers.get("Location")).toBe(`/admin/letters/${renamed}?done=saved`);
  });
});

describe("the closing time", () => {
  it("is typed in a chosen IANA zone, stored as the UTC instant, and shown to the public with its zone", async () => {
    const session = await logIn();
    const { document } = await organizerPage(session, "/admin/letters/new");
    const zones = document.querySelector("select#field-closes-time-zone");
    expect(zones?.querySelector("option[selected]")?.getAttribute("value")).toBe("UTC");
    expect(zones?.querySelector('option[value="America/Tegucigalpa"]')?.textContent).toBe("Honduras — Tegucigalpa");

    const slug = await publishedLetter(session, {
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "America/Tegucigalpa",
    });
    expect(await stored(slug)).toMatchObject({
      closes_at: "2030-12-02T05:59:00.000Z",
      closes_time_zone: "America/Tegucigalpa",
    });
    // The editor shows the stored instant in its zone.
    const editor = await organizerPage(session, `/admin/letters/${slug}`);
    expect(editor.document.querySelector("#field-closes-at")?.getAttribute("value")).toBe("2030-12-01T23:59");
    expect(editor.document.querySelector("#field-closes-time-zone option[selected]")?.getAttribute("value")).toBe(
      "America/Tegucigalpa",
    );
    // In the organizer area's one format for times (views/admin/time.tsx Time).
    expect(texts(editor.document, "#stage-title + p + p")[0]).toBe(
      "Signing closes on Dec 1, 2030, 11:59 PM (Honduras time, UTC−6).",
    );

    const page = await getPage(`/letters/${slug}`);
    expect(texts(page.document, ".status")).toEqual([
      "Open for signatures until December 1, 2030 at 11:59 PM (Honduras time, UTC−6)",
    ]);
    const card = await getPage(`/letters/${slug}/embed`);
    expect(texts(card.document, ".status")).toEqual(texts(page.document, ".status"));
    const json = await (await fetchWorker(`/letters/${slug}.json`)).json<Record<string, unknown>>();
    expect(json).toMatchObject({ closes_at: "2030-12-02T05:59:00.000Z", closes_time_zone: "America/Tegucigalpa" });
  });

  it("starts, for a new letter, in the zone the organizer last saved a closing time in, else the request's cf.timezone (a default only), else UTC", async () => {
    stopClock("2026-11-30T03:00:00.000Z");
    const session = await sessionAs("Zone Keeper", "editor");
    const newLetter = async (cf: Record<string, unknown>) => {
      const response = await organizerFetch(session, "/admin/letters/new", { cf });
      const document = parseHtml(await response.text());
      return {
        zone: document.querySelector("#field-closes-time-zone option[selected]")?.getAttribute("value"),
        date: document.querySelector("#field-date")?.getAttribute("value"),
      };
    };
    // With no zone of the person's own, the one Cloudflare places the request in (03:00 UTC is 21:00 in Chicago).
    expect(await newLetter({ timezone: "America/Chicago", country: "US" })).toEqual({
      zone: "America/Chicago",
      date: "2026-11-29",
    });
    expect(await newLetter({})).toEqual({ zone: "UTC", date: "2026-11-30" });
    // A letter saved without a closing time leaves the remembered zone alone.
    await createDraft(session, { closes_time_zone: "Europe/Madrid" });
    expect((await newLetter({})).zone).toBe("UTC");
    // Saving a closing time in a zone remembers it, for this person only; "today" is read there.
    const slug = await createDraft(session, { closes_at: "2030-12-01T23:59", closes_time_zone: "America/Tegucigalpa" });
    expect(await newLetter({ timezone: "America/Chicago" })).toEqual({
      zone: "America/Tegucigalpa",
      date: "2026-11-29",
    });
    const other = await sessionAs("Someone Else", "editor");
    const elsewhere = parseHtml(await (await organizerFetch(other, "/admin/letters/new")).text());
    expect(elsewhere.querySelector("#field-closes-time-zone option[selected]")?.getAttribute("value")).toBe("UTC");
    // Editing a letter's closing time into another zone remembers that one.
    const edited = await organizerPost(
      session,
      `/admin/letters/${slug}`,
      letterEditorFields(slug, { closes_at: "2030-12-01T23:59", closes_time_zone: "Asia/Tokyo" }),
    );
    expect(edited.status, await edited.clone().text()).toBe(303);
    expect((await newLetter({})).zone).toBe("Asia/Tokyo");
  });

  it("is worded in the reader's language: the Spanish page", async () => {
    const session = await logIn();
    const slug = await publishedLetter(session, {
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "America/Tegucigalpa",
    });
    await translateIntoSpanish(session, slug);
    const page = await getPage(`/letters/${slug}?lang=es`);
    expect(texts(page.document, ".status")).toEqual([
      "Abierta a firmas hasta el 1 de diciembre de 2030 a las 23:59 (hora de Honduras, UTC−6)",
    ]);
  });

  it("follows daylight saving: the offset in force on the closing day", async () => {
    const session = await logIn();
    const summer = await publishedLetter(session, { closes_at: "2030-07-15T12:00", closes_time_zone: "Europe/Madrid" });
    const winter = await publishedLetter(session, { closes_at: "2030-12-15T12:00", closes_time_zone: "Europe/Madrid" });
    // Clocks turned back: 02:30 comes twice on 27 October 2030; the first one counts.
    const twice = await publishedLetter(session, { closes_at: "2030-10-27T02:30", closes_time_zone: "Europe/Madrid" });
    expect((await stored(summer))!.closes_at).toBe("2030-07-15T10:00:00.000Z");
    expect((await stored(winter))!.closes_at).toBe("2030-12-15T11:00:00.000Z");
    expect((await stored(twice))!.closes_at).toBe("2030-10-27T00:30:00.000Z");
    expect(texts((await getPage(`/letters/${summer}`)).document, ".status")).toEqual([
      "Open for signatures until July 15, 2030 at 12:00 PM (Madrid time, UTC+2)",
    ]);
    expect(texts((await getPage(`/letters/${winter}`)).document, ".status")).toEqual([
      "Open for signatures until December 15, 2030 at 12:00 PM (Madrid time, UTC+1)",
    ]);
  });

  it("refuses a time the clocks skip, and a zone name that isn't an IANA zone (422, beside each field)", async () => {
    const session = await logIn();
    const skipped = await organizerPost(
      session,
      "/admin/letters",
      letterEditorFields(uniqueSlug("settings"), { closes_at: "2030-03-31T02:30", closes_time_zone: "Europe/Madrid" }),
    );
    expect(skipped.status).toBe(422);
    expect(texts(parseHtml(await skipped.text()), "#field-closes-at-error")[0]).toContain(
      "This time does not exist on March 31, 2030 in Madrid time",
    );

    for (const zone of ["Honduras", "Mars/Olympus_Mons", "GMT-6", "america/tegucigalpa", "<script>"]) {
      const slug = uniqueSlug("settings");
      const response = await organizerPost(
        session,
        "/admin/letters",
        letterEditorFields(slug, { closes_at: "2030-12-01T23:59", closes_time_zone: zone }),
      );
      expect(response.status, zone).toBe(422);
      const document = parseHtml(await response.text());
      expect(texts(document, "#field-closes-time-zone-error")[0], zone).toContain("Choose the time zone from the list");
      expect(await stored(slug)).toBeNull();
    }
  });

  it("never shows a date on which signing is no longer possible: a midnight deadline reads as the minute before", async () => {
    const session = await logIn();
    const slug = await publishedLetter(session, {
      closes_at: "2030-12-02T00:00",
      closes_time_zone: "America/Tegucigalpa",
    });
    expect(texts((await getPage(`/letters/${slug}`)).document, ".status")).toEqual([
      "Open for signatures until December 1, 2030 at 11:59 PM (Honduras time, UTC−6)",
    ]);
  });
});

describe("saving a closing time that has already passed", () => {
  /** The hidden fields of the confirmation page's forms, by the answer each sends (yes / revise). */
  function confirmForms(document: ReturnType<typeof parseHtml>): Record<string, Record<string, string>> {
    const forms: Record<string, Record<string, string>> = {};
    for (const form of document.querySelectorAll("form.actions")) {
      const fields = Object.fromEntries(
        form
          .querySelectorAll("input[type=hidden]")
          .map((input) => [input.getAttribute("name")!, input.getAttribute("value") ?? ""]),
      );
      forms[fields.confirmed!] = fields;
    }
    return forms;
  }

  it("asks first, saying signing closes at once; nothing changes unless confirmed; declining keeps what was typed", async () => {
    stopClock("2026-11-30T12:00:00.000Z");
    const session = await logIn();
    const slug = await publishedLetter(session);
    const typed = letterEditorFields(slug, {
      title: "A retitled letter",
      closes_at: "2026-11-29T18:00",
      closes_time_zone: "America/Tegucigalpa",
    });
    const asked = await organizerPost(session, `/admin/letters/${slug}`, typed);
    expect(asked.status).toBe(200);
    const page = parseHtml(await asked.text());
    expect(texts(page, "h1")[0]).toBe(
      "Save a closing time that has passed, and close signing of “Letter on a fair process” now?",
    );
    expect(texts(page, ".consequences li")[0]).toBe(
      "The closing time you entered, Nov 29, 2026, 6:00 PM (Honduras time, UTC−6), has already passed: saving it closes signing at once.",
    );
    // Nothing saved yet: the letter is open, untitled anew, with no closing time.
    expect(await stored(slug)).toMatchObject({ status: "open", closes_at: null });
    expect(texts((await getPage(`/letters/${slug}`)).document, "h1")[0]).toBe("Letter on a fair process");

    const { yes, revise } = confirmForms(page) as { yes: Record<string, string>; revise: Record<string, string> };
    expect(revise).toMatchObject({ title: "A retitled letter", closes_at: "2026-11-29T18:00" });
    // "No, change the closing time": the editor again, as typed; still nothing saved.
    const declined = await organizerPost(session, `/admin/letters/${slug}`, revise);
    expect(declined.status).toBe(200);
    const editor = parseHtml(await declined.text());
    expect(editor.querySelector("#field-title")?.getAttribute("value")).toBe("A retitled letter");
    expect(editor.querySelector("#field-closes-at")?.getAttribute("value")).toBe("2026-11-29T18:00");
    expect(editor.querySelector("#field-closes-time-zone option[selected]")?.getAttribute("value")).toBe(
      "America/Tegucigalpa",
    );
    expect(await stored(slug)).toMatchObject({ status: "open", closes_at: null });

    // Confirmed: saved, and signing closed.
    const confirmed = await organizerPost(session, `/admin/letters/${slug}`, yes);
    expect(confirmed.status).toBe(303);
    expect(await stored(slug)).toMatchObject({ closes_at: "2026-11-30T00:00:00.000Z" });
    const letterPage = (await getPage(`/letters/${slug}`)).document;
    expect(texts(letterPage, "h1")[0]).toBe("A retitled letter");
    expect(texts(letterPage, ".status")[0]).not.toContain("Open for signatures");
  });

  it("asks nothing of a closing time still to come, nor of a draft (a draft closes nothing)", async () => {
    stopClock("2026-11-30T12:00:00.000Z");
    const session = await logIn();
    const open = await publishedLetter(session);
    const later = await organizerPost(
      session,
      `/admin/letters/${open}`,
      letterEditorFields(open, { closes_at: "2026-11-30T12:30" }),
    );
    expect(later.status).toBe(303);
    const draft = await createDraft(session);
    const past = await organizerPost(
      session,
      `/admin/letters/${draft}`,
      letterEditorFields(draft, { closes_at: "2026-11-29T12:00" }),
    );
    expect(past.status).toBe(303);
    expect(await stored(draft)).toMatchObject({ status: "draft", closes_at: "2026-11-29T12:00:00.000Z" });
  });
});

describe("a letter closed before its deadline", () => {
  it("says the day it closed, in its zone, never the deadline that hadn't come", async () => {
    // 03:00 UTC on 30 November 2026 is still 29 November in Honduras.
    stopClock("2026-11-30T03:00:00.000Z");
    const session = await logIn();
    const slug = await publishedLetter(session, {
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "America/Tegucigalpa",
    });
    await translateIntoSpanish(session, slug);
    expect((await changeState(session, slug, "close")).status).toBe(303);
    expect((await stored(slug))!.closed_at).toBe("2026-11-30T03:00:00.000Z");

    const page = await getPage(`/letters/${slug}`);
    expect(texts(page.document, ".status")).toEqual(["Signing closed on November 29, 2026"]);
    const notice = texts(page.document, "#sign p")[0]!;
    expect(notice).toBe("This letter no longer takes signatures: signing closed on November 29, 2026.");
    expect(page.document.textContent).not.toContain("2030");

    const spanish = await getPage(`/letters/${slug}?lang=es`);
    expect(texts(spanish.document, ".status")).toEqual(["La recogida de firmas se cerró el 29 de noviembre de 2026"]);
    expect(texts(spanish.document, "#sign p")[0]).toBe(
      "Esta carta ya no recibe firmas: la recogida de firmas se cerró el 29 de noviembre de 2026.",
    );

    const refused = await postSignature(slug, individual());
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    expect(refusal).toContain("signing closed on November 29, 2026");
    expect(refusal).not.toContain("2030");

    // Reopened, it has no closing moment any more.
    expect((await changeState(session, slug, "reopen")).status).toBe(303);
    expect((await stored(slug))!.closed_at).toBeNull();
  });

  it("closed by the closing job, records its closing time as the moment it closed", async () => {
    const session = await logIn();
    const slug = await publishedLetter(session, {
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "America/Tegucigalpa",
    });
    stopClock("2030-12-02T06:00:30.000Z");
    await runMaintenance(new Date("2030-12-02T06:00:30.000Z"));
    expect(await stored(slug)).toMatchObject({ status: "closed" });
    expect((await stored(slug))!.closed_at).toBe("2030-12-02T05:59:00.000Z");
    expect(texts((await getPage(`/letters/${slug}`)).document, ".status")).toEqual([
      "Signing closed on December 1, 2030",
    ]);
  });
});

describe("the delivery", () => {
  it("has a note per language, each shown on its language's page with its lang attribute", async () => {
    const session = await logIn();
    const slug = await publishedLetter(session);
    await translateIntoSpanish(session, slug);
    const editor = await organizerPage(session, `/admin/letters/${slug}`);
    expect(editor.document.querySelector("#field-delivery-note")?.getAttribute("lang")).toBe("en");
    expect(editor.document.querySelector("#field-delivery-note-es")?.getAttribute("lang")).toBe("es");

    const delivered = await changeState(session, slug, "deliver", {
      delivered_on: "2017-12-20",
      delivery_note: "Delivered to the OAS on 20 December 2017.",
      delivery_note_es: "Entregada a la OEA el 20 de diciembre de 2017.",
      // A language the letter has no translation in changes nothing.
      delivery_note_fr: "Remise à l'OEA.",
    });
    expect(delivered.status).toBe(303);

    const english = await getPage(`/letters/${slug}`);
    const note = english.document.querySelector(".delivery-note");
    expect(note?.getAttribute("lang")).toBe("en");
    expect(note?.textContent?.trim()).toBe("Delivered to the OAS on 20 December 2017.");
    const spanish = await getPage(`/letters/${slug}?lang=es`);
    const nota = spanish.document.querySelector(".delivery-note");
    expect(nota?.getAttribute("lang")).toBe("es");
    expect(nota?.textContent?.trim()).toBe("Entregada a la OEA el 20 de diciembre de 2017.");

    const json = await (await fetchWorker(`/letters/${slug}.json?lang=es`)).json<Record<string, unknown>>();
    expect(json).toMatchObject({
      delivery_note: "Entregada a la OEA el 20 de diciembre de 2017.",
      delivery_note_language: "es",
    });
    const notes = await env.DB.prepare(
      "SELECT language, delivery_note FROM letter_translations WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(slug)
      .all();
    expect(notes.results).toEqual([
      { language: "es", delivery_note: "Entregada a la OEA el 20 de diciembre de 2017." },
    ]);

    // Corrected without a Spanish note, the Spanish page shows the English one, marked as English.
    await changeState(session, slug, "deliver", {
      delivered_on: "2017-12-20",
      delivery_note: "Delivered to the OAS.",
      delivery_note_es: "",
    });
    const fallback = (await getPage(`/letters/${slug}?lang=es`)).document.querySelector(".delivery-note");
    expect(fallback?.getAttribute("lang")).toBe("en");
    expect(fallback?.textContent?.trim()).toBe("Delivered to the OAS.");
  });

  it("can't be dated in the future: 422 with the message beside the date, nothing stored", async () => {
    stopClock("2026-11-30T03:00:00.000Z");
    const session = await logIn();
    const slug = await publishedLetter(session, { closes_time_zone: "America/Tegucigalpa" });
    // 30 November has begun in UTC, not yet in Honduras.
    for (const day of ["2026-11-30", "2027-01-01"]) {
      const response = await changeState(session, slug, "deliver", {
        delivered_on: day,
        delivery_note: "Delivered early.",
      });
      expect(response.status, day).toBe(422);
      const document = parseHtml(await response.text());
      // Today in words and the zone by its place, never "2026-11-29 in America/Tegucigalpa".
      expect(texts(document, "#field-delivered-on-error")[0]).toBe(
        "Error: " +
          "The delivery date can't be in the future: enter the day the letter was delivered, today (November 29, 2026, Honduras time) or earlier.",
      );
      expect(texts(document, "#field-delivered-on-hint")[0]).toBe(
        "Today (November 29, 2026, Honduras time) or earlier.",
      );
      expect(document.querySelector("#field-delivered-on")?.getAttribute("value")).toBe(day);
      expect(document.querySelector("#field-delivery-note")?.getAttribute("value")).toBe("Delivered early.");
      expect(texts(document, ".error-summary a")[0]).toContain("Delivered on");
      expect(await stored(slug)).toMatchObject({ status: "open", delivered_on: null });
    }
    const missing = await changeState(session, slug, "deliver", { delivered_on: "", delivery_note: "" });
    expect(missing.status).toBe(422);
    expect(texts(parseHtml(await missing.text()), "#field-delivered-on-error")[0]).toContain(
      "Enter the day the letter was delivered",
    );
    expect((await changeState(session, slug, "deliver", { delivered_on: "2026-11-29" })).status).toBe(303);
  });
});

describe("a letter's settings left to their default, in the activity log", () => {
  it("say what the default is (the site's, with what it was then; no closing time), never “none”", async () => {
    const session = await logIn();
    const slug = await createDraft(session, { confirm_signatures: "default", closes_at: "" });
    const path = `/admin/letters/${slug}`;
    const save = (overrides: Record<string, string>, bindings: Partial<Cloudflare.Env> = {}) =>
      postOrganizerForm(path, letterEditorFields(slug, overrides), { session, env: bindings });
    // On a site with a mailer, the default is to confirm by email; without one, to count at once.
    const withMail = { MAILER: "local" };
    const firstEdit = { confirm_signatures: "yes", closes_at: "2031-06-01T12:00" };
    expect((await save(firstEdit, withMail)).status).toBe(303);
    expect((await save({ confirm_signatures: "default", closes_at: "" })).status).toBe(303);

    const changes = async (language: string) => {
      // The reader's zone is UTC (an earlier test of this file saved a letter in Honduras's, which an
      // account without a zone of its own takes).
      await env.DB.prepare("UPDATE organizers SET language = ?2, time_zone = 'UTC' WHERE id = ?1")
        .bind(BOOTSTRAP_ORGANIZER_ID, language)
        .run();
      const page = parseHtml(await (await organizerFetch(session, `/admin/activity?action=letter-edited`)).text());
      return page
        .querySelectorAll("ol.activity > li")
        .filter((entry) => entry.querySelector(`a[href="${path}"]`) !== null)
        .map((entry) => texts(entry, ".activity-changes li"));
    };
    const [second, first] = await changes("en");
    expect(first).toEqual([
      "Email confirmation: the site's default (each signer confirms by email) → each signer confirms by email",
      "Closing time: no closing time → Jun 1, 2031, 12:00 PM (UTC)",
    ]);
    expect(second).toEqual([
      "Email confirmation: each signer confirms by email → the site's default (counted at once)",
      "Closing time: Jun 1, 2031, 12:00 PM (UTC) → no closing time",
    ]);
    const [spanish] = await changes("es");
    expect(spanish).toContain(
      "Confirmación por correo: cada firmante confirma por correo → lo predeterminado del sitio (se cuentan de inmediato)",
    );
    expect(spanish).toContain("Cierre: 1 jun 2031, 12:00 (UTC) → sin hora de cierre");
    for (const language of ["fr", "pt"])
      expect(JSON.stringify(await changes(language)), language).not.toMatch(/aucun|nenhum|none/);
    // An entry written before defaults were told apart (null) says the site's default, not "none".
    await env.DB.prepare(
      `INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, letter_id, before_json, after_json)
       VALUES ('2030-01-01T00:00:00.000Z', 1, 'Owner (admin token)', 'letter-edited', (SELECT id FROM letters WHERE slug = ?1),
         '{"confirmSignatures":null}', '{"confirmSignatures":false}')`,
    )
      .bind(slug)
      .run();
    // The log is in the order entries were written (ids), newest first.
    const [older] = await changes("en");
    expect(older).toEqual(["Email confirmation: the site's default → counted at once"]);
    await env.DB.prepare("UPDATE organizers SET language = NULL WHERE id = ?1").bind(BOOTSTRAP_ORGANIZER_ID).run();
  });
});
