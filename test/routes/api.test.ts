/**
 * The public API (/api/v1): every JSON answer in this file is checked with
 * Ajv against the schema the API itself publishes in /api/v1/openapi.json,
 * so the document and the code can't drift apart.
 */
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import type { LetterDocument } from "../../src/domain/letter-file";
import { createLetter, fetchWorker, getPage, ORIGIN } from "../helpers";
import { seedSignatures } from "../seed";

type Json = Record<string, unknown>;

let validators: Record<string, (value: unknown) => boolean> = {};
let ajvErrors: () => string = () => "";

/** Fetches an API address, checks its answer against the published schema `schema`, and returns it. */
async function apiGet(path: string, schema: string, status = 200): Promise<{ response: Response; body: Json }> {
  const response = await fetchWorker(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
  const body = await response.json<Json>();
  const validate = validators[schema];
  if (!validate) throw new Error(`no published schema ${schema}`);
  expect(validate(body), `${path} against ${schema}: ${ajvErrors()}`).toBe(true);
  return { response, body };
}

let open: LetterDocument;
let closed: LetterDocument;
let byCountry: LetterDocument;

beforeAll(async () => {
  const document = await (
    await fetchWorker("/api/v1/openapi.json")
  ).json<{
    openapi: string;
    components: { schemas: Record<string, object> };
  }>();
  expect(document.openapi).toBe("3.1.0");
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  validators = Object.fromEntries(
    Object.entries(document.components.schemas).map(([name, schema]) => [name, ajv.compile(schema)]),
  );
  ajvErrors = () => ajv.errorsText();
  open = await createLetter({ organizations: ["Alpha Org", "Beta Org"], individuals: ["Ana", "Ben", "Cy"] });
  closed = await createLetter({ status: "closed" });
  byCountry = await createLetter();
  await seedSignatures(byCountry.slug, [
    { name: "Honduran One", country: "HN" },
    { name: "Honduran Two", country: "HN" },
    { name: "American One", country: "US" },
  ]);
  // More than a page of letters (pages are cached once fetched, so every letter is made first).
  for (let index = 0; index < 51; index++) await createLetter();
});

describe("/api/v1", () => {
  it("publishes an OpenAPI 3.1 document describing each address, and a page for people", async () => {
    const document = await (
      await fetchWorker("/api/v1/openapi.json")
    ).json<{
      servers: { url: string }[];
      paths: Record<string, unknown>;
    }>();
    expect(document.servers[0]?.url).toBe(`${ORIGIN}/api/v1`);
    expect(Object.keys(document.paths).sort()).toEqual([
      "/letters",
      "/letters/{slug}",
      "/letters/{slug}/counts",
      "/letters/{slug}/record",
      "/letters/{slug}/signatories",
      "/letters/{slug}/signatures",
    ]);
    // Only what a signer sends has an email; no answer does.
    const { components } = document as unknown as { components: { schemas: Record<string, unknown> } };
    for (const [name, schema] of Object.entries(components.schemas)) {
      if (name !== "SignatureRequest") expect(JSON.stringify(schema), name).not.toContain('"email"');
    }
    const { response, document: page } = await getPage("/api/v1");
    expect(response.status).toBe(200);
    expect(page.querySelector("h1")?.textContent).toBe("Public API");
    expect(page.querySelector(`a[href="${ORIGIN}/api/v1/openapi.json"]`)).not.toBeNull();
  });

  it("lists letters, filtered by status", async () => {
    const all = (await apiGet("/api/v1/letters", "LettersPage")).body as {
      letters: { slug: string; status: string; json_url: string }[];
    };
    expect(all.letters).toHaveLength(50);
    expect(all.letters[0]?.json_url).toBe(`${ORIGIN}/api/v1/letters/${all.letters[0]?.slug}`);
    const onlyOpen = (await apiGet("/api/v1/letters?status=open", "LettersPage")).body as {
      letters: { slug: string; status: string }[];
    };
    expect(onlyOpen.letters.every((letter) => letter.status === "open")).toBe(true);
    expect(onlyOpen.letters.map((letter) => letter.slug)).not.toContain(closed.slug);
    const onlyClosed = (await apiGet("/api/v1/letters?status=closed", "LettersPage")).body as {
      letters: { slug: string }[];
    };
    expect(onlyClosed.letters.map((letter) => letter.slug)).toEqual([closed.slug]);
  });

  it("pages through letters with next_cursor, each letter once", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/v1/letters";
    while (path) {
      const body = (await apiGet(path, "LettersPage")).body as { letters: { slug: string }[]; next_url: string | null };
      seen.push(...body.letters.map((letter) => letter.slug));
      path = body.next_url ? new URL(body.next_url).pathname + new URL(body.next_url).search : null;
    }
    expect(seen.length).toBe(54);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("gives one letter, its signatories (by kind too) and its counts", async () => {
    const letter = (await apiGet(`/api/v1/letters/${open.slug}`, "Letter")).body as { counts: { total: number } };
    expect(letter.counts.total).toBe(5);
    const everyone = (await apiGet(`/api/v1/letters/${open.slug}/signatories`, "SignatoriesPage")).body as {
      signatories: { name: string }[];
    };
    expect(everyone.signatories.map((signatory) => signatory.name)).toEqual([
      "Alpha Org",
      "Beta Org",
      "Ana",
      "Ben",
      "Cy",
    ]);
    const people = (await apiGet(`/api/v1/letters/${open.slug}/signatories?kind=individual`, "SignatoriesPage"))
      .body as { signatories: { kind: string }[] };
    expect(people.signatories.map((signatory) => signatory.kind)).toEqual(["individual", "individual", "individual"]);
    const counts = (await apiGet(`/api/v1/letters/${open.slug}/counts`, "LetterCounts")).body;
    expect(counts).toMatchObject({
      slug: open.slug,
      status: "open",
      counts: { total: 5, organizations: 2, individuals: 3 },
    });
    expect(counts).not.toHaveProperty("pending");
    const cached = await fetchWorker(`/api/v1/letters/${open.slug}/counts`);
    expect(cached.headers.get("X-Cache")).toBe("HIT");
    expect(cached.headers.get("ETag")).toMatch(/^"/);
    expect(
      (
        await fetchWorker(`/api/v1/letters/${open.slug}/counts`, {
          headers: { "If-None-Match": cached.headers.get("ETag")! },
        })
      ).status,
    ).toBe(304);
  });

  it("answers the letter service's .json addresses with the same, published shapes", async () => {
    await apiGet(`/letters/${open.slug}.json`, "Letter");
    await apiGet(`/letters/${open.slug}/signatories.json`, "SignatoriesPage");
    await apiGet("/letters.json", "LettersPage");
    const record = (await apiGet(`/letters/${open.slug}/record.json`, "RecordPage")).body as { entries: unknown[] };
    // Its text (a text entry, kind null) and its five signatures.
    expect(record.entries).toHaveLength(6);
    await apiGet(`/letters/${open.slug}/versions.json`, "VersionsPage");
    expect((await apiGet(`/api/v1/letters/${open.slug}/record`, "RecordPage")).body).toEqual(record);
  });

  it("filters signatories by country, through an index, page after page", async () => {
    const hn = (await apiGet(`/api/v1/letters/${byCountry.slug}/signatories?country=hn`, "SignatoriesPage")).body as {
      signatories: { name: string; country: string }[];
    };
    expect(hn.signatories.map((signatory) => signatory.name)).toEqual(["Honduran One", "Honduran Two"]);
    const us = (
      await apiGet(`/api/v1/letters/${byCountry.slug}/signatories?country=US&kind=individual`, "SignatoriesPage")
    ).body as { signatories: { name: string }[] };
    expect(us.signatories.map((signatory) => signatory.name)).toEqual(["American One"]);
    const none = (await apiGet(`/api/v1/letters/${byCountry.slug}/signatories?country=FR`, "SignatoriesPage")).body as {
      signatories: unknown[];
    };
    expect(none.signatories).toEqual([]);
  });

  it("answers errors as RFC 9457 problem details", async () => {
    const cases: [string, number][] = [
      ["/api/v1/letters/no-such-letter-here", 404],
      ["/api/v1/letters/no-such-letter-here/counts", 404],
      ["/api/v1/letters?status=maybe", 400],
      ["/api/v1/letters?cursor=not-ours", 400],
      [`/api/v1/letters/${open.slug}/signatories?kind=robot`, 400],
      [`/api/v1/letters/${open.slug}/signatories?cursor=%%%`, 400],
      [`/api/v1/letters/${open.slug}/signatories?country=Honduras`, 400],
      [`/api/v1/letters/${open.slug}/signatories?country=XX`, 400],
      ["/api/v1/nothing-here", 404],
    ];
    for (const [path, status] of cases) {
      const { response, body } = await apiGet(path, "Problem", status);
      expect(response.headers.get("Content-Type"), path).toBe("application/problem+json; charset=utf-8");
      expect(body.status, path).toBe(status);
      expect(body.type, path).toBe(`${ORIGIN}/api/v1#problem-${status}`);
    }
    const post = await fetchWorker("/api/v1/letters", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
  });
});
