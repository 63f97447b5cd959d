/**
 * The closing moment (issue 16): a letter closing at midnight is open until
 * the end of the day before, so no page, in any language, names the day on
 * which nobody can sign: "until November 30 … 11:59 PM (UTC)", never "until
 * December 1"; once closed, "signing closed on November 30". Each is shown
 * with its time and zone (the letter's), on the page, the card, the answer
 * to a signature sent too late and the organizers' activity log.
 */
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchApp,
  individual,
  letterEditorFields,
  logIn,
  organizerPage,
  organizerPost,
  parseHtml,
  postSignature,
  texts,
} from "../helpers";

const FRESH = { CACHE_MAX_AGE: "0" };
const LANGUAGES = ["en", "es", "fr", "pt"] as const;

/** `year`-`month`-`day` as `language` writes a long date, in UTC. */
function longDate(language: string, year: number, month: number, day: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, day),
  );
}

describe("a letter closing at midnight", () => {
  it("is open until the minute before, with its time and zone, in every language, on the page and the card", async () => {
    for (const language of LANGUAGES) {
      const letter = await createLetter({ language, closesAt: "2999-12-01T00:00:00.000Z" });
      for (const path of [`/letters/${letter.slug}`, `/letters/${letter.slug}/embed`]) {
        const [status] = texts(parseHtml(await (await fetchApp(path, FRESH)).text()), ".status");
        expect(status, `${language} ${path}`).toContain(longDate(language, 2999, 11, 30));
        expect(status, `${language} ${path}`).toMatch(/11:59|23:59/);
        expect(status, `${language} ${path}`).toContain("UTC");
        expect(status, `${language} ${path}`).not.toContain(longDate(language, 2999, 12, 1));
      }
    }
  });

  it("once passed, closed on the day before, in every language, and so says the answer to a late signature", async () => {
    for (const language of LANGUAGES) {
      const letter = await createLetter({ language, closesAt: "2020-12-01T00:00:00.000Z" });
      const page = parseHtml(await (await fetchApp(`/letters/${letter.slug}`, FRESH)).text());
      const late = await postSignature(letter.slug, individual());
      const answer = await late.text();
      for (const [where, text] of [
        ["status", texts(page, ".status")[0]!],
        ["sign section", texts(page, "#sign p")[0]!],
        ["late signature", answer],
      ]) {
        expect(text, `${language} ${where}`).toContain(longDate(language, 2020, 11, 30));
        expect(text, `${language} ${where}`).not.toContain(longDate(language, 2020, 12, 1));
      }
    }
  });
});

describe("the organizers' activity log", () => {
  it("writes a closing time set at midnight as the minute before, like every other page", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const fields = letterEditorFields(letter.slug, { closes_at: "2999-12-02T00:00", closes_time_zone: "UTC" });
    expect((await organizerPost(session, `/admin/letters/${letter.slug}`, fields)).status).toBe(303);
    const { document } = await organizerPage(session, "/admin/activity");
    const changes = document
      .querySelectorAll("li.activity-entry")
      .filter((entry) => entry.textContent.includes(letter.title))
      .flatMap((entry) => texts(entry, ".activity-changes li"))
      .filter((change) => change.includes("2999"));
    expect(changes).toEqual([expect.stringContaining("Dec 1, 2999, 11:59 PM")]);
  });
});
