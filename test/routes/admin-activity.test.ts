/**
 * The owners' activity page (/admin/activity) and its CSV file: only owners; newest first, a page
 * at a time; narrowed by person, action, letter and days; each entry saying who, what, which
 * letter and signature, when and what changed, in words.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createLetter, logIn, organizerFetch, organizerPage, organizerPost, texts } from "../helpers";
import { sessionAs } from "../organizers";
import { letterIdOf, seedSignatures } from "../seed";

describe("the activity page", () => {
  it("is for owners only, linked from their navigation", async () => {
    const moderator = await sessionAs("Mo Derator", "moderator");
    expect((await organizerFetch(moderator, "/admin/activity")).status).toBe(403);
    expect((await organizerFetch(moderator, "/admin/activity.csv")).status).toBe(403);
    const { document: theirs } = await organizerPage(moderator, "/admin");
    expect(theirs.querySelector('nav a[href="/admin/activity"]')).toBeNull();
    const owner = await logIn();
    const { document: ours } = await organizerPage(owner, "/admin");
    expect(ours.querySelector('nav a[href="/admin/activity"]')!.textContent).toBe("Activity");
  });

  it("tells who did what, on which letter and signature, when and what changed, filtered", async () => {
    const letter = await createLetter({ title: "Letter in the log" });
    const letterId = await letterIdOf(letter.slug);
    const [signature] = await seedSignatures(letter.slug, [{ name: "Hidden Signer" }]);
    const ana = await sessionAs("Ana", "moderator");
    const list = `/admin/letters/${letter.slug}/signatures`;
    expect((await organizerPost(ana, `${list}/${signature!.ref}/hide`, {})).status).toBe(303);
    const owner = await logIn();
    await organizerPost(owner, `${list}/${signature!.ref}/restore`, {});

    const { response, document } = await organizerPage(owner, `/admin/activity?letter=${letterId}`);
    expect(response.status).toBe(200);
    const entries = document.querySelectorAll("ol.activity > li");
    expect(entries.map((entry) => entry.querySelector("p")!.textContent.split(" · ")[0])).toEqual([
      "Owner (admin token) restored a signature",
      "Ana hid a signature",
    ]);
    const ana1 = entries[1]!;
    expect(ana1.querySelector("time")!.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ana1.querySelector(`a[href="/admin/letters/${letter.slug}"]`)!.textContent).toBe("Letter in the log");
    expect(ana1.querySelector("a[href*='/signatures?q=']")!.textContent).toBe("Hidden Signer");
    expect(texts(ana1, ".activity-changes li")).toEqual(["Status: counted → hidden"]);

    // By person, by action, by days.
    const byAna = await organizerPage(owner, `/admin/activity?letter=${letterId}&person=${ana.id}`);
    expect(byAna.document.querySelectorAll("ol.activity > li")).toHaveLength(1);
    const restored = await organizerPage(owner, `/admin/activity?letter=${letterId}&action=signature-restored`);
    expect(texts(restored.document, "ol.activity > li strong")).toEqual(["Owner (admin token)"]);
    const future = await organizerPage(owner, `/admin/activity?letter=${letterId}&from=2999-01-01`);
    expect(texts(future.document, "main p")).toContain("Nothing in the log matches.");
    expect((await organizerFetch(owner, "/admin/activity?from=yesterday")).status).toBe(400);

    const csv = await organizerFetch(owner, `/admin/activity.csv?letter=${letterId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('"Time (UTC)","Person","Action","Letter","Signature","What changed","Detail"');
    expect(lines[2]).toContain(
      '"Ana","hid a signature","Letter in the log","Hidden Signer","Status: counted → hidden"',
    );
  });

  it("pages newest first, and the next page starts after the last entry shown", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    const at = "2026-01-01T00:00:00.000Z";
    await env.DB.batch(
      Array.from({ length: 55 }, (_, index) =>
        env.DB.prepare(
          "INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, letter_id, detail) VALUES (?1, 1, 'Owner (admin token)', 'letter-edited', ?2, ?3)",
        ).bind(at, letterId, `edit ${index + 1}`),
      ),
    );
    const owner = await logIn();
    const first = await organizerPage(owner, `/admin/activity?letter=${letterId}`);
    const details = texts(first.document, ".activity-detail");
    expect(details).toHaveLength(50);
    expect(details[0]).toBe("edit 55");
    const older = first.document.querySelector("main a[href*='before=']")!.getAttribute("href")!;
    expect(older).toContain(`letter=${letterId}`);
    const second = await organizerPage(owner, older);
    expect(texts(second.document, ".activity-detail")).toEqual(["edit 5", "edit 4", "edit 3", "edit 2", "edit 1"]);
    expect(second.document.querySelector("main a[href*='before=']")).toBeNull();
  });
});

describe("the activity CSV file", () => {
  it("never lets a cell start a formula, even after an invisible character (failed before: only the first character was checked)", async () => {
    const letter = await createLetter({ title: "\u200b+Letter as a formula" });
    const letterId = await letterIdOf(letter.slug);
    const [signature] = await seedSignatures(letter.slug, [{ name: "Plain Signer" }]);
    const formula = '\u200b=HYPERLINK("https://evil.example","Ana")';
    const mallory = await sessionAs(formula, "moderator");
    const list = `/admin/letters/${letter.slug}/signatures`;
    expect((await organizerPost(mallory, `${list}/${signature!.ref}/hide`, {})).status).toBe(303);
    const owner = await logIn();
    const csv = await organizerFetch(owner, `/admin/activity.csv?letter=${letterId}`);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[1]).toContain(
      `,"'\u200b=HYPERLINK(""https://evil.example"",""Ana"")","hid a signature","'\u200b+Letter as a formula",`,
    );
  });
});
