/**
 * The loader's SQL (what `npm run letters:load` runs): it makes the database
 * hold each letter file as written, any number of times, without touching
 * signatures collected through the form, and leaves the counters exact.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import demoSource from "../../content/honduras-new-elections-2017.md?raw";
import { parseLetterFile, type LetterDocument } from "../../src/domain/letter-file";
import { letterDocumentStatements } from "../../src/storage/letters-sql";
import {
  individual,
  letterRow,
  organization,
  postSignature,
  runStatements,
  signatureRows,
  uniqueSlug,
} from "../helpers";
import { seedSignatures } from "../seed";

async function load(letter: LetterDocument) {
  await runStatements(await letterDocumentStatements(letter));
}

async function exactCounts(slug: string) {
  const stored = await letterRow(slug);
  const actual = await env.DB.prepare(
    `SELECT count(*) AS total, coalesce(sum(kind = 'organization'), 0) AS organizations, coalesce(sum(kind = 'individual'), 0) AS individuals
     FROM signatures WHERE letter_id = ? AND status = 'confirmed'`,
  )
    .bind(stored!.id)
    .first<{ total: number; organizations: number; individuals: number }>();
  expect([stored!.signature_count, stored!.organization_count, stored!.individual_count]).toEqual([
    actual!.total,
    actual!.organizations,
    actual!.individuals,
  ]);
  return actual!;
}

function listed(slug: string) {
  return env.DB.prepare(
    `SELECT s.kind, s.name, s.position, s.channel FROM signatures s JOIN letters l ON l.id = s.letter_id
     WHERE l.slug = ? ORDER BY s.kind DESC, s.position, s.id`,
  )
    .bind(slug)
    .all<{ kind: string; name: string; position: number; channel: string }>()
    .then(({ results }) => results);
}

describe("loading a letter file", () => {
  it("stores the demo letter with its 13 organizations in order, and a second load changes nothing", async () => {
    const demo = parseLetterFile(demoSource);
    await load(demo);
    const first = await env.DB.prepare("SELECT * FROM letters WHERE slug = ?").bind(demo.slug).first();
    const firstList = await listed(demo.slug);
    expect(firstList.map((row) => row.name)).toEqual(demo.signatories.map((s) => s.name));
    expect(firstList.map((row) => row.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(await exactCounts(demo.slug)).toEqual({ total: 13, organizations: 13, individuals: 0 });

    await load(demo);
    expect(await env.DB.prepare("SELECT * FROM letters WHERE slug = ?").bind(demo.slug).first()).toEqual(first);
    expect(await listed(demo.slug)).toEqual(firstList);
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM letters WHERE slug = ?").bind(demo.slug).first<{ n: number }>())!
        .n,
    ).toBe(1);
  });

  it("follows the file when its signatories are reordered, added or removed, and keeps form signatures", async () => {
    const slug = uniqueSlug("reload");
    const source = (organizations: string[], individuals: string[] = []) =>
      `---\nslug: ${slug}\ntitle: Reload test\ndate: 2020-01-01\nlanguage: en\nstatus: open\naddressee: To whom it may concern\nsignatories:\n  organizations: ${JSON.stringify(organizations)}\n  individuals: ${JSON.stringify(individuals)}\n---\nText.\n`;
    await load(parseLetterFile(source(["AFL-CIO", "WOLA", "O'Brien Foundation"])));
    await seedSignatures(slug, [{ name: "Form Signer" }, { kind: "organization", name: "Form Org" }]);
    expect(await exactCounts(slug)).toEqual({ total: 5, organizations: 4, individuals: 1 });

    await load(parseLetterFile(source(["O'Brien Foundation", "AFL-CIO", "Oxfam America"], ["Ana Pérez"])));
    const rows = await listed(slug);
    expect(rows.filter((row) => row.channel === "initial").map((row) => [row.name, row.position])).toEqual([
      ["O'Brien Foundation", 1],
      ["AFL-CIO", 2],
      ["Oxfam America", 3],
      ["Ana Pérez", 1],
    ]);
    expect(
      rows
        .filter((row) => row.channel === "form")
        .map((row) => row.name)
        .sort(),
    ).toEqual(["Form Org", "Form Signer"]);
    expect(await exactCounts(slug)).toEqual({ total: 6, organizations: 4, individuals: 2 });
    expect((await signatureRows(slug)).some((row) => row.name === "WOLA")).toBe(false);
  });

  it("updates the letter's own fields, and closes it when the file says so", async () => {
    const slug = uniqueSlug("edit");
    const source = (title: string, status: string) =>
      `---\nslug: ${slug}\ntitle: ${title}\ndate: 2020-01-01\nlanguage: es\nstatus: ${status}\naddressee: Al Secretario General\n---\nEstimado Secretario General:\n`;
    await load(parseLetterFile(source("Primera versión", "open")));
    await load(parseLetterFile(source("Segunda versión", "closed")));
    const row = await env.DB.prepare("SELECT title, status, language, body_html FROM letters WHERE slug = ?")
      .bind(slug)
      .first();
    expect(row).toEqual({
      title: "Segunda versión",
      status: "closed",
      language: "es",
      body_html: "<p>Estimado Secretario General:</p>\n",
    });
    expect((await postSignature(slug, individual())).status).toBe(409);
  });
});

describe("the letter's own organizations (issue 14)", () => {
  it("are keyed as organizations, so the form can't sign for one of them again", async () => {
    const letter = parseLetterFile(demoSource);
    const slug = uniqueSlug("own-orgs");
    await load({ ...letter, slug });
    const keys = await env.DB.prepare(
      `SELECT name, organization_key FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)
       AND kind = 'organization' ORDER BY position`,
    )
      .bind(slug)
      .all<{ name: string; organization_key: string | null }>();
    expect(keys.results[0]).toEqual({ name: "AFL-CIO", organization_key: "afl cio" });
    expect(keys.results.every((row) => row.organization_key !== null)).toBe(true);
    // Loading again keeps them keyed, and changes nothing.
    await load({ ...letter, slug });
    expect((await signatureRows(slug)).length).toBe(
      keys.results.length + letter.signatories.filter((s) => s.kind === "individual").length,
    );
    const response = await postSignature(slug, organization({ organization_name: "AFL CIO" }));
    expect(response.status).toBe(409);
  });
});
