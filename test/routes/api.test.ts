/**
 * The public API (/api/v1): every JSON answer in this file is checked, by
 * Ajv and by Hyperjump (test/openapi.ts), against the schema the API itself
 * publishes in /api/v1/openapi.json, so the document and the code can't
 * drift apart.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { LetterDocument } from "../../src/domain/letter-file";
import { PROBLEM_TYPES, PROBLEM_TYPES_PATH, type ProblemKind } from "../../src/domain/problem-types";
import { createLetter, fetchWorker, getPage, ORIGIN } from "../helpers";
import { openApiCheck, type OpenApiCheck } from "../openapi";
import { seedSignatures } from "../seed";

type Json = Record<string, unknown>;

let check: OpenApiCheck;

/** Fetches an API address, checks its answer against the published schema `schema`, and returns it. */
async function apiGet(
  path: string,
  schema: string,
  status = 200,
  init: RequestInit = {},
): Promise<{ response: Response; body: Json }> {
  const response = await fetchWorker(path, init);
  expect(response.status, path).toBe(status);
  expect(response.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
  // The letter service's .json addresses too, when their answer went through CORS (a 200).
  if (path.startsWith("/api/") || status === 200)
    expect(response.headers.get("Access-Control-Expose-Headers"), path).toBe("ETag,Retry-After,Location");
  const body = await response.json<Json>();
  expect(await check.problems(schema, body), `${path} against ${schema}`).toBeNull();
  return { response, body };
}

let open: LetterDocument;
let closed: LetterDocument;
let byCountry: LetterDocument;

beforeAll(async () => {
  check = await openApiCheck();
  expect(check.document.openapi).toBe("3.1.0");
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
      "/letters/{slug}/versions",
      "/problems/{kind}",
    ]);
    // Each operation: an id for code generators, public (no key), and its answers' headers.
    const operations = Object.values(document.paths as Record<string, Record<string, Json>>).flatMap((path) =>
      Object.values(path),
    );
    expect(operations).toHaveLength(8);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.security).toEqual([]);
    }
    // Only what a signer sends has an email; no answer does.
    const { components } = document as unknown as { components: { schemas: Record<string, unknown> } };
    for (const [name, schema] of Object.entries(components.schemas)) {
      if (name !== "SignatureRequest") expect(JSON.stringify(schema), name).not.toContain('"email"');
    }
    const { response, document: page } = await getPage("/api/v1");
    expect(response.status).toBe(200);
    expect(page.querySelector("h1")?.textContent).toBe("Public API");
    expect(page.querySelector(`a[href="${ORIGIN}/api/v1/openapi.json"]`)).not.toBeNull();
    // Signing is documented beside the reads, and the problem types are one link away.
    const terms = page.querySelectorAll("dt code").map((code) => code.textContent);
    expect(terms).toContain("POST /api/v1/letters/{slug}/signatures");
    expect(page.querySelector(`a[href="${ORIGIN}${PROBLEM_TYPES_PATH}"]`)).not.toBeNull();
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
    const versions = (await apiGet(`/letters/${open.slug}/versions.json`, "VersionsPage")).body;
    expect((await apiGet(`/api/v1/letters/${open.slug}/versions`, "VersionsPage")).body).toEqual(versions);
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
    const cases: [string, ProblemKind][] = [
      ["/api/v1/letters/no-such-letter-here", "letter-not-found"],
      ["/api/v1/letters/no-such-letter-here/counts", "letter-not-found"],
      ["/api/v1/letters/no-such-letter-here/record", "letter-not-found"],
      ["/api/v1/letters/Not_A_Slug/signatories", "letter-not-found"],
      [`/api/v1/letters/${open.slug}?lang=fr`, "translation-not-found"],
      [`/api/v1/letters/${open.slug}?lang=xx`, "translation-not-found"],
      ["/api/v1/letters?status=maybe", "invalid-parameter"],
      ["/api/v1/letters?cursor=not-ours", "invalid-cursor"],
      [`/api/v1/letters/${open.slug}/signatories?kind=robot`, "invalid-parameter"],
      [`/api/v1/letters/${open.slug}/signatories?cursor=%%%`, "invalid-cursor"],
      [`/api/v1/letters/${open.slug}/signatories?country=Honduras`, "invalid-parameter"],
      [`/api/v1/letters/${open.slug}/signatories?country=XX`, "invalid-parameter"],
      [`/api/v1/letters/${open.slug}/record?after=-1`, "invalid-parameter"],
      ["/api/v1/nothing-here", "not-found"],
      ["/api/v1/problems/no-such-kind", "not-found"],
    ];
    for (const [path, kind] of cases) {
      // In English whatever the client's language: programs compare these words (domain/problem-types.ts).
      const { response, body } = await apiGet(path, "Problem", PROBLEM_TYPES[kind].status, {
        headers: { "Accept-Language": "es" },
      });
      expect(response.headers.get("Content-Type"), path).toBe("application/problem+json; charset=utf-8");
      expect(body, path).toMatchObject({
        type: `${ORIGIN}${PROBLEM_TYPES_PATH}/${kind}`,
        title: PROBLEM_TYPES[kind].title,
        status: PROBLEM_TYPES[kind].status,
      });
      expect(String(body.detail), path).not.toMatch(/[áéíóúñ¿]|carta|página/i);
    }
    // A letter not found and an address not found: one status, two kinds.
    const letter = (await apiGet("/api/v1/letters/no-such-letter-here", "Problem", 404)).body;
    const address = (await apiGet("/api/v1/nothing-here", "Problem", 404)).body;
    expect(letter.type).not.toBe(address.type);

    const post = await fetchWorker("/api/v1/letters", { method: "POST", headers: { Origin: "https://partner.test" } });
    expect(post.status).toBe(405);
    expect(post.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
    expect(post.headers.get("Allow")).toBe("GET, HEAD");
    // A page on another site reads the refusal like any answer of the API.
    expect(post.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(post.headers.get("Access-Control-Expose-Headers")).toBe("ETag,Retry-After,Location");
    const body = await post.json<Json>();
    expect(await check.problems("Problem", body)).toBeNull();
    expect(body.type).toBe(`${ORIGIN}${PROBLEM_TYPES_PATH}/method-not-allowed`);
    expect(body.detail).toBe("This address only accepts GET or HEAD requests.");
  });

  it("exposes ETag to other origins and answers 304 with the same headers, without Vary on JSON it does not negotiate", async () => {
    const path = `/api/v1/letters/${open.slug}`;
    const first = await fetchWorker(path, { headers: { "Accept-Language": "es", Origin: "https://partner.test" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("Vary") ?? "").not.toMatch(/accept-language/i);
    expect(first.headers.get("Access-Control-Expose-Headers")).toBe("ETag,Retry-After,Location");
    const etag = first.headers.get("ETag")!;
    const again = await fetchWorker(path, { headers: { "If-None-Match": etag, Origin: "https://partner.test" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(again.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+$/);
    for (const address of [`/letters/${open.slug}.json`, `/api/v1/letters/${open.slug}?lang=en`]) {
      const response = await fetchWorker(address, { headers: { "Accept-Language": "fr" } });
      expect(response.headers.get("Vary") ?? "", address).not.toMatch(/accept-language/i);
    }
  });
});
