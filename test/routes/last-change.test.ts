/**
 * The signatures list says who last changed each signature and when ("Hidden by Ana, …", in the
 * letter's time zone), from the activity log, in the list's own query: no query per row.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  logIn,
  organizerPost,
  parseHtml,
  runStatements,
  type RecordedQuery,
} from "../helpers";
import { sessionAs } from "../organizers";
import { seedSignatures } from "../seed";

async function listQueries(cookie: string, slug: string): Promise<{ html: string; queries: RecordedQuery[] }> {
  const counter = countingDatabase(env.DB);
  const response = await fetchApp(
    `/admin/letters/${slug}/signatures`,
    { DB: counter.database },
    { headers: { Cookie: cookie } },
  );
  expect(response.status).toBe(200);
  return { html: await response.text(), queries: counter.recorded() };
}

describe("the signatures list's last change", () => {
  it("names who changed each row and when, in the same number of queries, every time in one format", async () => {
    const letter = await createLetter();
    await runStatements([`UPDATE letters SET closes_time_zone = 'America/Tegucigalpa' WHERE slug = '${letter.slug}'`]);
    const seeded = await seedSignatures(letter.slug, [{ name: "First" }, { name: "Second" }, { name: "Third" }]);
    const owner = await logIn();
    const before = await listQueries(owner.cookie, letter.slug);

    const ana = await sessionAs("Ana", "moderator");
    const list = `/admin/letters/${letter.slug}/signatures`;
    for (const signature of seeded)
      expect((await organizerPost(ana, `${list}/${signature.ref}/hide`, {})).status).toBe(303);
    await organizerPost(owner, `${list}/${seeded[0]!.ref}/restore`, {});
    const after = await listQueries(owner.cookie, letter.slug);
    expect(after.queries.length).toBe(before.queries.length);

    const rows = parseHtml(after.html).querySelectorAll("tbody tr");
    const said = Object.fromEntries(
      rows.map((row) => [row.querySelector("label strong")!.textContent, row.querySelector(".last-change")]),
    );
    expect(said.Second!.textContent).toMatch(/^Hidden by Ana, .*Honduras/);
    expect(said.First!.textContent).toMatch(/^Restored by Owner \(admin token\), /);
    expect(said.Third!.querySelector("time")!.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Every time of a row (signed, last changed) in one format, on the letter's clock, its zone named.
    for (const row of rows)
      for (const time of row.querySelectorAll("time"))
        expect(time.textContent).toMatch(
          /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M \(Honduras time, UTC−6\)$/,
        );
    const spanish = await fetchApp(list, {}, { headers: { Cookie: owner.cookie, "Accept-Language": "es" } });
    const spanishTimes = parseHtml(await spanish.text()).querySelectorAll("tbody time");
    expect(spanishTimes.length).toBeGreaterThan(0);
    for (const time of spanishTimes)
      expect(time.textContent).toMatch(/^\d{1,2} [a-z]{3}\.? \d{4}, \d{1,2}:\d{2} \(hora de Honduras, UTC−6\)$/);

    // The list's query reads each row's newest entry through its index.
    const search = after.queries.find((query) => query.sql.includes("organizer_activity"))!;
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${search.sql}`)
      .bind(...search.params)
      .all<{ detail: string }>();
    const plan = results.map((row) => row.detail).join("\n");
    expect(plan).toMatch(/organizer_activity_by_signature/);
    expect(plan).not.toMatch(/SCAN a\b/);
  });
});
