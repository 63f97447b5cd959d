/**
 * An account's time zone (issue 15, time zones): chosen on the account page from the letter
 * form's list; the pages about no letter (the activity log, people, sessions, API tokens,
 * passkeys) show every time in it and say which, or say they are in UTC with a way to choose
 * one; a letter's pages keep the letter's zone and say so. Failed before: those pages printed
 * every time in UTC, whatever the reader's zone.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  texts,
  type OrganizerSession,
} from "../helpers";
import { sessionAs } from "../organizers";
import { letterIdOf, seedSignatures } from "../seed";

/** The pages about no letter that show times. */
const ACCOUNT_PAGES = [
  "/admin/account",
  "/admin/people",
  "/admin/activity",
  "/admin/account/tokens",
  "/admin/account/passkeys",
];

/** The note saying which zone a page's times are in, and where its link leads. */
async function noteOf(session: OrganizerSession, path: string, headers: Record<string, string> = {}) {
  const response = await organizerFetch(session, path, { headers });
  expect(response.status, path).toBe(200);
  const document = parseHtml(await response.text());
  const note = document.querySelector("main .time-zone-note");
  return {
    document,
    text: note?.textContent.replace(/\s+/g, " ").trim(),
    link: note?.querySelector("a")?.getAttribute("href"),
    times: document.querySelectorAll("main time").map((time) => time.textContent),
  };
}

/** An owner with a session, an API token and an entry in the log at 14:02 UTC on November 30, 2026. */
async function ownerWithTimes(name: string) {
  const owner = await sessionAs(name, "owner");
  expect((await organizerPost(owner, "/admin/account/tokens", { label: "Spreadsheet" })).status).toBe(200);
  const letter = await createLetter({ title: `Letter of ${name}` });
  const letterId = await letterIdOf(letter.slug);
  await env.DB.prepare(
    "INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, letter_id, detail) VALUES ('2026-11-30T14:02:00.000Z', ?1, ?2, 'letter-edited', ?3, 'at 14:02 UTC')",
  )
    .bind(owner.id, name, letterId)
    .run();
  return { owner, letter, letterId };
}

describe("an account's time zone", () => {
  it("is UTC until chosen: every page about no letter says so, with a link to choose one", async () => {
    const { owner, letterId } = await ownerWithTimes("Owner Without Zone");
    for (const path of ACCOUNT_PAGES) {
      const { text, link, times } = await noteOf(owner, path);
      expect(text, path).toBe(
        "Times on this page are in UTC: you have not chosen your time zone. Choose your time zone",
      );
      expect(link, path).toBe("/admin/account#time-zone");
      for (const time of times) expect(time, path).toMatch(/\(UTC\)$/);
    }
    const { times } = await noteOf(owner, `/admin/activity?letter=${letterId}`);
    expect(times).toContain("Nov 30, 2026, 2:02 PM (UTC)");
    // The account page has the letter form's list of zones, UTC chosen.
    const account = (await noteOf(owner, "/admin/account")).document;
    const select = account.querySelector("#time-zone-section select#field-time-zone")!;
    expect(select.getAttribute("name")).toBe("time_zone");
    expect(select.querySelector("option[selected]")?.getAttribute("value")).toBe("UTC");
    const letterForm = parseHtml(await (await organizerFetch(owner, "/admin/letters/new")).text());
    expect(select.querySelectorAll("option").map((option) => option.getAttribute("value"))).toEqual(
      letterForm.querySelectorAll("#field-closes-time-zone option").map((option) => option.getAttribute("value")),
    );
  });

  it("once chosen on the account page, shows every time of those pages in it, and says which", async () => {
    const { owner, letterId } = await ownerWithTimes("Owner in Honduras");
    const saved = await organizerPost(owner, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/admin/account?done=zone");
    const { document: account } = await organizerPage(owner, "/admin/account?done=zone");
    expect(texts(account, ".flash")).toEqual(["Your time zone is saved."]);
    expect(account.querySelector("#field-time-zone option[selected]")?.getAttribute("value")).toBe(
      "America/Tegucigalpa",
    );
    // The change is in the activity log, before → after; sending the same zone again logs nothing.
    await organizerPost(owner, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" });
    const { document: log } = await organizerPage(owner, `/admin/activity?person=${owner.id}&action=time-zone-changed`);
    expect(texts(log, "ol.activity > li .activity-changes li")).toEqual(["Time zone: UTC → Honduras — Tegucigalpa"]);

    for (const path of ACCOUNT_PAGES) {
      const { text, link, times } = await noteOf(owner, path);
      expect(text, path).toBe("Times on this page are in your time zone: Honduras time (UTC−6). Change it");
      expect(link, path).toBe("/admin/account#time-zone");
      for (const time of times) expect(time, path).toMatch(/\(Honduras time, UTC−6\)$/);
    }
    const { times } = await noteOf(owner, `/admin/activity?letter=${letterId}`);
    expect(times).toContain("Nov 30, 2026, 8:02 AM (Honduras time, UTC−6)");
    // The session list's buttons name the session by its time too.
    const whichSession = texts(account, "td.row-actions button .visually-hidden");
    expect(whichSession.length).toBeGreaterThan(0);
    for (const words of whichSession) expect(words).toContain("(Honduras time, UTC−6)");
  });

  it("leaves a letter's pages in the letter's time zone, which they name", async () => {
    const owner = await sessionAs("Owner Abroad", "owner");
    await organizerPost(owner, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" });
    const letter = await createLetter({ confirmSignatures: false });
    await env.DB.prepare("UPDATE letters SET closes_time_zone = 'Europe/Madrid' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await seedSignatures(letter.slug, [{ name: "Signer in Madrid", createdAt: "2026-11-30T14:02:00.000Z" }]);
    const { text, times } = await noteOf(owner, `/admin/letters/${letter.slug}/signatures`);
    expect(text).toBe("Times and days on this page are in the letter's time zone: Madrid time (UTC+1).");
    expect(times).toContain("Nov 30, 2026, 3:02 PM (Madrid time, UTC+1)");
    // A letter that chose no zone says it is in UTC.
    const plain = await createLetter();
    expect((await noteOf(owner, `/admin/letters/${plain.slug}/signatures`)).text).toBe(
      "Times and days on this page are in the letter's time zone: UTC.",
    );
  });

  it("is worded in the reader's language", async () => {
    const owner = await sessionAs("Dueña", "owner");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(owner.id).run();
    expect((await noteOf(owner, "/admin/people")).text).toBe(
      "Las horas de esta página están en UTC: aún no ha elegido su zona horaria. Elegir su zona horaria",
    );
    await organizerPost(owner, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" });
    expect((await noteOf(owner, "/admin/people")).text).toBe(
      "Las horas de esta página están en su zona horaria: hora de Honduras (UTC−6). Cambiarla",
    );
    const { document } = await organizerPage(owner, "/admin/account?done=zone");
    expect(texts(document, ".flash")).toEqual(["Su zona horaria quedó guardada."]);
    expect(document.querySelector("#field-time-zone option[value='Europe/Vienna']")?.textContent).toBe(
      "Austria — Viena",
    );
  });

  it("refuses a zone that is not in the list, beside the field (422), keeping the one chosen before", async () => {
    const owner = await sessionAs("Owner Typing", "owner");
    await organizerPost(owner, "/admin/account/time-zone", { time_zone: "Europe/Madrid" });
    const refused = await organizerPost(owner, "/admin/account/time-zone", { time_zone: "Mars/Olympus" });
    expect(refused.status).toBe(422);
    const document = parseHtml(await refused.text());
    expect(texts(document, "#field-time-zone-error")[0]).toContain("Choose the time zone from the list");
    expect(texts(document, ".error-summary li")).toHaveLength(1);
    const stored = await env.DB.prepare("SELECT time_zone FROM organizers WHERE id = ?1")
      .bind(owner.id)
      .first<{ time_zone: string }>();
    expect(stored!.time_zone).toBe("Europe/Madrid");
  });

  it("starts a new letter's closing time in it until one is saved in a letter, which never changes a zone chosen", async () => {
    const editor = await sessionAs("Editor With Zone", "editor");
    const newLetterZone = async () =>
      parseHtml(await (await organizerFetch(editor, "/admin/letters/new")).text())
        .querySelector("#field-closes-time-zone option[selected]")
        ?.getAttribute("value");
    await organizerPost(editor, "/admin/account/time-zone", { time_zone: "America/Tegucigalpa" });
    expect(await newLetterZone()).toBe("America/Tegucigalpa");
    const created = await organizerPost(editor, "/admin/letters", {
      title: "Letter closing in Madrid",
      slug: "",
      date: "2026-11-30",
      language: "en",
      addressee: "Someone",
      body: "Text.",
      confirm_signatures: "no",
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "Europe/Madrid",
    });
    expect(created.status, await created.clone().text()).toBe(303);
    // The next letter starts in Madrid; the account's pages stay in Honduras time.
    expect(await newLetterZone()).toBe("Europe/Madrid");
    expect((await noteOf(editor, "/admin/account")).text).toContain("Honduras time");

    // Someone who chose no zone gets their first letter's.
    const newcomer = await sessionAs("Editor Without Zone", "editor");
    await organizerPost(newcomer, "/admin/letters", {
      title: "Letter closing in Tokyo",
      slug: "",
      date: "2026-11-30",
      language: "en",
      addressee: "Someone",
      body: "Text.",
      confirm_signatures: "no",
      closes_at: "2030-12-01T23:59",
      closes_time_zone: "Asia/Tokyo",
    });
    expect((await noteOf(newcomer, "/admin/account")).text).toBe(
      "Times on this page are in your time zone: Japan time (UTC+9). Change it",
    );
  });
});
