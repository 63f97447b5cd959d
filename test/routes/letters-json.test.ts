import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchWorker,
  getPage,
  individual,
  postSignature,
  runStatements,
  texts,
  uniqueSlug,
} from "../helpers";

interface LetterJson {
  slug: string;
  title: string;
  summary: string;
  date: string;
  addressee: string;
  language: string;
  status: string;
  closes_at: string | null;
  body_html: string;
  counts: { total: number; organizations: number; individuals: number };
  signatories: Record<string, unknown>[];
  next_cursor: string | null;
  next_url: string | null;
  url: string;
  json_url: string;
  sign_url: string;
  signatories_url: string;
}

describe("GET /", () => {
  it("lists published letters, newest first, with links and counts, and leaves drafts out", async () => {
    const older = await createLetter({
      title: "An older letter",
      date: "1999-01-02",
      organizations: ["AFL-CIO", "WOLA"],
    });
    const newer = await createLetter({ title: "A newer letter", date: "2999-03-04", status: "closed" });
    const draft = await createLetter({ title: "A draft letter", date: "2999-12-31", status: "draft" });
    const { response, document } = await getPage("/");
    expect(response.status).toBe(200);
    const links = document.querySelectorAll(".letter-list h2 a").map((a) => a.getAttribute("href"));
    expect(links.indexOf(`/letters/${newer.slug}`)).toBeLessThan(links.indexOf(`/letters/${older.slug}`));
    expect(links).not.toContain(`/letters/${draft.slug}`);
    expect(document.toString()).not.toContain("A draft letter");
    const olderItem = document
      .querySelectorAll(".letter-list li")
      .find((li) => li.querySelector(`a[href="/letters/${older.slug}"]`));
    expect(olderItem?.textContent.replace(/\s+/g, " ")).toContain("2 signatures (2 organizations, 0 individuals)");
    expect(olderItem?.querySelector("time")?.getAttribute("datetime")).toBe("1999-01-02");
  });
});

describe("GET /letters.json", () => {
  it("lists published letters with their URLs, status and counts", async () => {
    const open = await createLetter({ organizations: ["AFL-CIO"] });
    const closed = await createLetter({ closesAt: "2001-01-01T00:00:00.000Z" });
    const draft = await createLetter({ status: "draft" });
    const response = await fetchWorker("/letters.json");
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { letters } = await response.json<{ letters: Record<string, unknown>[] }>();
    expect(letters.find((letter) => letter.slug === open.slug)).toEqual({
      slug: open.slug,
      title: open.title,
      language: "en",
      languages: [
        {
          code: "en",
          name: "English",
          url: `https://undersigned.test/letters/${open.slug}`,
          json_url: `https://undersigned.test/letters/${open.slug}.json`,
        },
      ],
      url: `https://undersigned.test/letters/${open.slug}`,
      json_url: `https://undersigned.test/letters/${open.slug}.json`,
      status: "open",
      counts: { total: 1, organizations: 1, individuals: 0 },
    });
    expect(letters.find((letter) => letter.slug === closed.slug)?.status).toBe("closed");
    expect(letters.some((letter) => letter.slug === draft.slug)).toBe(false);
  });
});

describe("GET /letters/{slug}.json", () => {
  it("describes the letter for embeds, with its counts and first page of signatories", async () => {
    const letter = await createLetter({
      title: "Letter for embeds",
      addressee: "The Honorable Luis Almagro\nSecretary General",
      bodyMarkdown: "Dear Secretary General:\n\nWe ask.",
      organizations: ["AFL-CIO"],
      closesAt: "2999-01-01T00:00:00.000Z",
    });
    await postSignature(
      letter.slug,
      individual({ name: "Ana Pérez", organization: "UNAH", title: "Professor", city: "Tegucigalpa", country: "HN" }),
    );
    const response = await fetchWorker(`/letters/${letter.slug}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const json = await response.json<LetterJson>();
    expect(json).toMatchObject({
      slug: letter.slug,
      title: "Letter for embeds",
      date: "2017-12-20",
      addressee: "The Honorable Luis Almagro\nSecretary General",
      language: "en",
      status: "open",
      closes_at: "2999-01-01T00:00:00.000Z",
      body_html: "<p>Dear Secretary General:</p>\n<p>We ask.</p>\n",
      counts: { total: 2, organizations: 1, individuals: 1 },
      next_cursor: null,
      next_url: null,
      url: `https://undersigned.test/letters/${letter.slug}`,
      json_url: `https://undersigned.test/letters/${letter.slug}.json`,
      sign_url: `https://undersigned.test/letters/${letter.slug}/signatures`,
      signatories_url: `https://undersigned.test/letters/${letter.slug}/signatories`,
    });
    expect(json.signatories).toHaveLength(2);
    const first = json.signatories[0]!;
    expect(first).toEqual({
      ref: first.ref,
      kind: "organization",
      name: "AFL-CIO",
      organization: null,
      title: null,
      city: null,
      country: null,
      website: null,
      verified: null,
      signed_at: first.signed_at,
    });
    // The signature's public reference, the same as in its record entries (see test/routes/verify-record.test.ts).
    expect(first.ref).toMatch(/^[0-9a-f]{32}$/);
    expect(first.signed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(json.signatories[1]).toMatchObject({
      kind: "individual",
      name: "Ana Pérez",
      organization: "UNAH",
      title: "Professor",
      city: "Tegucigalpa",
      country: "HN",
    });
  });

  it("never carries an email, an id, a token or a flag about the signer", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ name: "Hidden Email", email: "hidden.email@example.org" }));
    const text = await (await fetchWorker(`/letters/${letter.slug}.json`)).text();
    expect(text).not.toContain("hidden.email");
    expect(text).not.toContain("@example.org");
    const signatory = (JSON.parse(text) as LetterJson).signatories[0]!;
    expect(Object.keys(signatory).sort()).toEqual([
      "city",
      "country",
      "kind",
      "name",
      "organization",
      "ref",
      "signed_at",
      "title",
      "verified",
      "website",
    ]);
    expect(JSON.parse(text)).not.toHaveProperty("id");
  });

  it("answers unknown letters with a JSON 404", async () => {
    for (const slug of [uniqueSlug("missing"), "Not_A_Slug"]) {
      const response = await fetchWorker(`/letters/${slug}.json`);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      const body = await response.json<{ error: { message: string } }>();
      expect(body).toEqual({ error: { status: 404, title: "Letter not found", message: body.error.message } });
      expect(body.error.message).toContain("no published letter");
    }
  });
});

describe("a name with markup in it", () => {
  it("is refused by the form, and shown as text in HTML and escaped in JSON if it ever reaches the database", async () => {
    const letter = await createLetter();
    const name = `<script>alert("x")</script> & <b>Bold</b>`;
    expect((await postSignature(letter.slug, individual({ name }))).status).toBe(422);
    // Defense in depth: the pages escape whatever is stored, whichever way it got there.
    await runStatements([
      `INSERT INTO signatures (letter_id, token, kind, name, channel, position)
       VALUES ((SELECT id FROM letters WHERE slug = '${letter.slug}'), 'markup-${letter.slug}', 'individual', '${name.replaceAll("'", "''")}', 'form', 1000000000)`,
    ]);
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll(".signatory-list b")).toHaveLength(0);
    expect(texts(document, ".signatory-list.individuals li")).toEqual([name]);
    const raw = await (await fetchWorker(`/letters/${letter.slug}.json`)).text();
    expect(raw).not.toMatch(/[<>]/);
    expect(raw).toContain("\\u003cscript\\u003e");
    expect((JSON.parse(raw) as LetterJson).signatories[0]!.name).toBe(name);
  });
});
