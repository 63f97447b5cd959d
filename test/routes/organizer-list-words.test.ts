/**
 * What the organizers' signatures list says of its counts after issue 17 bounded them (a
 * fresh-user trial): a search limited to its window of 10,000 signatures never says "no
 * signature matches" nor gives its count as a total; its link to older signatures says it goes on
 * with the search, and shows only when older signatures exist; the unfiltered list's count
 * agrees with the header's counters.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedLetterStatements } from "../../src/storage/seed";
import {
  createLetter,
  organizerFetch,
  parseHtml,
  runStatements,
  sessionAs,
  texts,
  uniqueSlug,
  type PersonSession,
} from "../helpers";
import { seedSignatures } from "../seed";

let session: PersonSession;
/** 12,000 individuals, "Person 1" (the oldest) to "Person 12000". */
let large = "";
/** Exactly one window's worth: 10,000 individuals. */
let exact = "";

beforeAll(async () => {
  large = uniqueSlug("words-large");
  exact = uniqueSlug("words-exact");
  await runStatements(await seedLetterStatements(large, 0, 12_000));
  await runStatements(await seedLetterStatements(exact, 0, 10_000));
  session = await sessionAs("owner");
});

async function list(slug: string, query: Record<string, string> = {}, language = "en") {
  const params = new URLSearchParams(query);
  const response = await organizerFetch(
    session,
    `/admin/letters/${slug}/signatures${params.size ? `?${params}` : ""}`,
    { headers: { "Accept-Language": language } },
  );
  expect(response.status).toBe(200);
  const document = parseHtml(await response.text());
  const status = texts(document, 'p[role="status"]').join(" ");
  const links = [...document.querySelectorAll("a")].map((a) => ({
    text: a.textContent.trim(),
    href: a.getAttribute("href") ?? "",
  }));
  return { document, status, text: document.textContent, links };
}

describe("a search limited to its window", () => {
  it("says none matched among the signatures it looked through, and offers to search older ones", async () => {
    const page = await list(large, { q: "Person 1500" });
    expect(page.text).not.toContain("No signature matches");
    expect(page.status).toContain("None of the 10,000 newest signatures from the top of this page matches.");
    expect(page.status).toContain("Older signatures are not searched yet.");
    expect(page.text).toContain("None among these 10,000 signatures.");
    const older = page.links.filter((link) => link.href.includes("before="));
    expect(older.map((link) => link.text)).toEqual([
      "Search older signatures",
      "Go on with this search in older signatures",
    ]);
    expect(page.links.map((link) => link.text)).not.toContain("Older signatures");
    // Following it finds the old one, counted from that page's top, and nothing older is offered.
    const next = await list(large, Object.fromEntries(new URL(older[0]!.href, "https://x").searchParams));
    expect(next.text).toContain("Person 1500");
    expect(next.status).toContain("1 signature matches from the top of this page to the letter’s first signature.");
    expect(next.links.filter((link) => link.href.includes("before="))).toEqual([]);
  });

  it("gives a count within the window, never as a total", async () => {
    const page = await list(large, { q: "Person" });
    expect(page.status).not.toContain("10,000 signatures match.");
    expect(page.status).toContain("10,000 signatures match among the 10,000 newest from the top of this page.");
    expect(page.status).toContain("Older signatures are not searched yet.");
  });

  it("offers no older signatures when its window ended on the letter's first", async () => {
    const page = await list(exact, { q: "nobody by that name" });
    expect(page.status).toContain("0 signatures match.");
    expect(page.text).toContain("No signature matches.");
    expect(page.links.filter((link) => link.href.includes("before="))).toEqual([]);
  });

  it("says so in Spanish, French and Portuguese", async () => {
    const expected = {
      es: ["Ninguna de las 10.000 firmas más recientes", "Buscar en las firmas anteriores"],
      fr: ["Aucune des 10\u202f000 signatures les plus récentes", "Chercher dans les signatures plus anciennes"],
      pt: ["Nenhuma das 10.000 assinaturas mais recentes", "Buscar nas assinaturas anteriores"],
    };
    for (const [language, words] of Object.entries(expected)) {
      const page = await list(large, { q: "Person 1500" }, language);
      for (const said of words) expect(page.text, language).toContain(said);
    }
  });
});

describe("the unfiltered list's count", () => {
  it("agrees with the header: counted, waiting and set aside, exactly", async () => {
    const letter = await createLetter();
    await seedSignatures(
      letter.slug,
      (["confirmed", "confirmed", "unconfirmed", "in_review", "hidden", "withdrawn", "rejected"] as const).map(
        (status) => ({ status }),
      ),
    );
    const page = await list(letter.slug);
    expect(page.text).toContain("2 counted");
    expect(page.status).toContain("7 signatures match.");
    expect((await list(large)).status).toContain("12,000 signatures match.");
  });

  it("says more than it counted when over 1,000 are set aside", async () => {
    const slug = uniqueSlug("words-aside");
    await runStatements(await seedLetterStatements(slug, 0, 3_000));
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE signatures SET status = 'hidden' WHERE id IN (
           SELECT id FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY id LIMIT 1001)`,
      ).bind(slug),
      env.DB.prepare("UPDATE letters SET signature_count = 1999, individual_count = 1999 WHERE slug = ?1").bind(slug),
    ]);
    const page = await list(slug);
    expect(page.text).toContain("1,999 counted");
    expect(page.status).toContain("More than 2,999 signatures match.");
  });
});
