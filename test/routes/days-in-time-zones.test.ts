/**
 * A day typed in a filter is that day where the page's times are read (issue 15, time zones):
 * on a letter's pages (its signatures list, the CSV export, a bulk change of what matches) the
 * letter's time zone, on the activity log the reader's own. Failed before: every "from" and
 * "until" was a UTC day, so in Honduras (UTC−6) "until November 30" left out the evening of the
 * 30th and took in the first hours of the 29th's night.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  stopClock,
  texts,
  type OrganizerSession,
} from "../helpers";
import { sessionAs } from "../organizers";
import { letterIdOf, seedSignatures } from "../seed";

/** A letter in Honduras time (UTC−6, no daylight saving) with four signatures either side of midnight there. */
async function hondurasLetter() {
  const letter = await createLetter({ confirmSignatures: false });
  await env.DB.prepare("UPDATE letters SET closes_time_zone = 'America/Tegucigalpa' WHERE slug = ?1")
    .bind(letter.slug)
    .run();
  await seedSignatures(letter.slug, [
    // 29 November, 23:59 in Honduras.
    { name: "Before Midnight", createdAt: "2026-11-30T05:59:00.000Z" },
    // 30 November, 00:00.
    { name: "At Midnight", createdAt: "2026-11-30T06:00:00.000Z" },
    // 30 November, 21:00 (already 1 December in UTC).
    { name: "Late Evening", createdAt: "2026-12-01T03:00:00.000Z" },
    // 1 December, 00:00.
    { name: "Next Day", createdAt: "2026-12-01T06:00:00.000Z" },
  ]);
  return letter;
}

describe("a letter's days are read in its time zone", () => {
  it("in its signatures list, its CSV export and a bulk change of every signature that matches", async () => {
    const letter = await hondurasLetter();
    const session = await logIn();
    const list = `/admin/letters/${letter.slug}/signatures`;
    const names = async (query: string) =>
      texts((await organizerPage(session, `${list}?${query}`)).document, "tbody td:nth-child(2) strong");

    expect(await names("to=2026-11-30")).toEqual(["Late Evening", "At Midnight", "Before Midnight"]);
    expect(await names("from=2026-11-30&to=2026-11-30")).toEqual(["Late Evening", "At Midnight"]);
    expect(await names("from=2026-12-01")).toEqual(["Next Day"]);
    expect(await names("to=2026-11-29")).toEqual(["Before Midnight"]);

    const csv = await organizerFetch(session, `${list}.csv?from=2026-11-30&to=2026-11-30`);
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.join("\n")).toContain("Late Evening");
    expect(rows.join("\n")).not.toContain("Before Midnight");

    const review = await organizerPost(session, `${list}/bulk`, {
      action: "hide",
      scope: "matching",
      from: "2026-11-30",
      to: "2026-11-30",
      step: "review",
    });
    expect(review.status).toBe(200);
    const reviewed = await review.text();
    expect(reviewed).toContain("Late Evening");
    expect(reviewed).toContain("At Midnight");
    expect(reviewed).not.toContain("Before Midnight");
    expect(reviewed).not.toContain("Next Day");
  });

  it("follows daylight saving: a day in Madrid begins at 23:00 UTC in winter and 22:00 UTC in summer", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    await env.DB.prepare("UPDATE letters SET closes_time_zone = 'Europe/Madrid' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await seedSignatures(letter.slug, [
      { name: "Winter Night", createdAt: "2026-01-14T23:30:00.000Z" },
      { name: "Summer Night", createdAt: "2026-07-14T22:30:00.000Z" },
    ]);
    const session = await logIn();
    const list = `/admin/letters/${letter.slug}/signatures`;
    const names = async (query: string) =>
      texts((await organizerPage(session, `${list}?${query}`)).document, "tbody td:nth-child(2) strong");
    expect(await names("from=2026-01-15&to=2026-01-15")).toEqual(["Winter Night"]);
    expect(await names("from=2026-07-15&to=2026-07-15")).toEqual(["Summer Night"]);
  });
});

describe("the activity log's days are read in the reader's time zone", () => {
  it("in Honduras time for an owner who chose it, in UTC for one who chose none", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    const entry = (at: string, detail: string) =>
      env.DB.prepare(
        "INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, letter_id, detail) VALUES (?1, 1, 'Owner (admin token)', 'letter-edited', ?2, ?3)",
      ).bind(at, letterId, detail);
    await env.DB.batch([
      entry("2026-11-30T05:59:00.000Z", "before midnight"),
      entry("2026-12-01T03:00:00.000Z", "late evening"),
      entry("2026-12-01T06:00:00.000Z", "next day"),
    ]);
    const honduran = await sessionAs("Owner in Honduras", "owner");
    await env.DB.prepare("UPDATE organizers SET time_zone = 'America/Tegucigalpa' WHERE id = ?1")
      .bind(honduran.id)
      .run();
    const details = async (session: Awaited<ReturnType<typeof logIn>>, days: string) =>
      texts((await organizerPage(session, `/admin/activity?letter=${letterId}&${days}`)).document, ".activity-detail");
    expect(await details(honduran, "from=2026-11-30&to=2026-11-30")).toEqual(["late evening"]);
    expect(await details(honduran, "to=2026-11-29")).toEqual(["before midnight"]);
    const csv = await organizerFetch(honduran, `/admin/activity.csv?letter=${letterId}&from=2026-11-30&to=2026-11-30`);
    const [header, ...lines] = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("late evening");
    // Its times are in the zone its days are read in, named in the heading (as the signatures' file's).
    expect(header!.replace("\uFEFF", "").split(",")[0]).toBe('"Time (America/Tegucigalpa)"');
    expect(lines[0]!.split(",")[0]).toBe('"2026-11-30 21:00:00"');

    const utc = await sessionAs("Owner in UTC", "owner");
    expect(await details(utc, "from=2026-11-30&to=2026-11-30")).toEqual(["before midnight"]);
    expect(await details(utc, "from=2026-12-01&to=2026-12-01")).toEqual(["next day", "late evening"]);
  });
});

describe("a downloaded file's name", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is dated on its times' clock: the letter's for its signatures, the reader's for the activity log", async () => {
    // 21:00 on 30 November in Honduras, already 1 December in UTC.
    stopClock("2026-12-01T03:00:00.000Z");
    const letter = await hondurasLetter();
    const honduran = await sessionAs("Owner dating files", "owner");
    await env.DB.prepare("UPDATE organizers SET time_zone = 'America/Tegucigalpa' WHERE id = ?1")
      .bind(honduran.id)
      .run();
    const utc = await sessionAs("Owner dating files in UTC", "owner");
    const named = async (session: OrganizerSession, path: string) => {
      const answer = await organizerFetch(session, path);
      await answer.arrayBuffer();
      return /filename="([^"]+)"/.exec(answer.headers.get("Content-Disposition") ?? "")?.[1];
    };
    const signatures = `/admin/letters/${letter.slug}/signatures.csv`;
    expect(await named(honduran, signatures)).toBe(`${letter.slug}-confirmed-signatures-2026-11-30.csv`);
    expect(await named(utc, signatures)).toBe(`${letter.slug}-confirmed-signatures-2026-11-30.csv`);
    expect(await named(honduran, "/admin/activity.csv")).toBe("activity-2026-11-30.csv");
    expect(await named(utc, "/admin/activity.csv")).toBe("activity-2026-12-01.csv");
  });
});
