/**
 * `npm run letters:load` as people run it: through wrangler against a local
 * database (here a fresh one in a temporary folder).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLetters } from "../../scripts/load-letters";

const run = promisify(execFile);

describe("readLetters", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "undersigned-content-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("reads every letter in content/, the demo among them", async () => {
    const letters = await readLetters();
    expect(letters.map((letter) => letter.slug)).toContain("honduras-new-elections-2017");
  });

  it("reports every broken file and every repeated slug at once", async () => {
    const letter = (slug: string) =>
      `---\nslug: ${slug}\ntitle: T\ndate: 2020-01-01\nlanguage: en\nstatus: open\naddressee: A\n---\nText\n`;
    await writeFile(join(folder, "a.md"), letter("same-slug"));
    await writeFile(join(folder, "b.md"), letter("same-slug"));
    await writeFile(join(folder, "c.md"), letter("Bad Slug"));
    await writeFile(join(folder, "notes.txt"), "not a letter");
    const error = await readLetters(folder).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("content/c.md: the front matter has problems");
    expect((error as Error).message).toContain('2 files use the slug "same-slug"');
  });

  it("attaches each translation to its letter, and refuses one whose letter file is missing, misnamed or in the letter's language", async () => {
    const translations = await mkdtemp(join(tmpdir(), "undersigned-translations-"));
    try {
      const letter = `---
slug: a-letter
title: T
date: 2020-01-01
language: en
status: open
addressee: A
---
Text
`;
      const translation = (of: string, language: string) => `---
translation_of: ${of}
language: ${language}
title: Título
addressee: Señor
---
Texto
`;
      await writeFile(join(translations, "a-letter.md"), letter);
      await writeFile(join(translations, "a-letter.es.md"), translation("a-letter", "es"));
      const [loaded] = await readLetters(translations);
      expect(loaded!.translations!.map((t) => [t.translationOf, t.language, t.title])).toEqual([
        ["a-letter", "es", "Título"],
      ]);

      await writeFile(join(translations, "other-letter.fr.md"), translation("other-letter", "fr"));
      await writeFile(join(translations, "a-letter.pt.md"), translation("a-letter", "fr"));
      await writeFile(join(translations, "a-letter.en.md"), translation("a-letter", "en"));
      const message = ((await readLetters(translations).catch((e: Error) => e)) as Error).message;
      expect(message).toContain(
        'content/other-letter.fr.md: it translates "other-letter", but no letter file has that slug (content/other-letter.md is missing).',
      );
      expect(message).toContain(
        'content/a-letter.pt.md: a translation into fr of "a-letter" must be named a-letter.fr.md.',
      );
      expect(message).toContain(
        "content/a-letter.en.md: the letter is already in en; a translation must be into another language.",
      );
    } finally {
      await rm(translations, { recursive: true, force: true });
    }
  });

  it("reads the demo letter's Spanish translation with it", async () => {
    const demo = (await readLetters()).find((letter) => letter.slug === "honduras-new-elections-2017");
    expect(demo?.translations?.map((t) => t.language)).toEqual(["es"]);
  });
});

describe("npm run letters:load", () => {
  let state: string;
  beforeAll(async () => {
    state = await mkdtemp(join(tmpdir(), "undersigned-load-"));
  });
  afterAll(async () => {
    await rm(state, { recursive: true, force: true });
  });

  /** The results of each of `statements`, read in one wrangler run (each run starts wrangler: seconds). */
  async function query(...statements: string[]): Promise<Record<string, unknown>[][]> {
    const { stdout } = await run(
      "npx",
      [
        "wrangler",
        "d1",
        "execute",
        "DB",
        "--local",
        "--persist-to",
        state,
        "--json",
        "--command",
        statements.join(";\n"),
      ],
      {
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      },
    );
    return (JSON.parse(stdout) as { results: Record<string, unknown>[] }[]).map((result) => result.results);
  }

  const LETTERS = "SELECT slug, signature_count, organization_count, updated_at FROM letters ORDER BY slug";
  const DEMO_NAMES =
    "SELECT name FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = 'honduras-new-elections-2017') ORDER BY position";
  const TEXT_ENTRIES = `SELECT e.seq, e.ref, e.digest = v.digest AS same_digest FROM record_entries e
    JOIN letters l ON l.id = e.letter_id JOIN text_versions v ON v.letter_id = l.id AND v.seq = e.seq
    WHERE l.slug = 'honduras-new-elections-2017' AND e.event = 'text' ORDER BY e.seq`;
  const TRANSLATIONS =
    "SELECT t.language, t.title, t.updated_at FROM letter_translations t JOIN letters l ON l.id = t.letter_id WHERE l.slug = 'honduras-new-elections-2017'";

  it("loads the letters into a freshly migrated local database, and loading again changes nothing", async () => {
    const env = { ...process.env, PERSIST_TO: state, CI: "true", WRANGLER_SEND_METRICS: "false" };
    await run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { env });
    const first = await run("npm", ["run", "--silent", "letters:load"], { env });
    expect(first.stdout).toContain(
      "Loaded open letter /letters/honduras-new-elections-2017 with 13 listed signatories, translated into es.",
    );
    const before = await query(LETTERS, DEMO_NAMES, TRANSLATIONS, TEXT_ENTRIES);
    const [letters, names, spanish, texts] = before;
    expect(letters!.find((row) => row.slug === "honduras-new-elections-2017")).toMatchObject({
      signature_count: 13,
      organization_count: 13,
    });
    expect(names!.map((row) => row.name)).toHaveLength(13);
    expect(names![0]).toEqual({ name: "AFL-CIO" });
    expect(names![12]).toEqual({ name: "Washington Office on Latin America (WOLA)" });
    expect(spanish).toMatchObject([
      {
        language: "es",
        title: "Carta al Secretario General de la OEA, Luis Almagro, sobre nuevas elecciones en Honduras",
      },
    ]);
    // The published text and its translation are in the record, before the signatories.
    expect(texts).toEqual([
      { seq: 1, ref: "en@1", same_digest: 1 },
      { seq: 2, ref: "es@1", same_digest: 1 },
    ]);
    await run("npm", ["run", "--silent", "letters:load"], { env });
    expect(await query(LETTERS, DEMO_NAMES, TRANSLATIONS, TEXT_ENTRIES)).toEqual(before);
    // Five wrangler processes, each seconds to start, and far more on a busy 2-core machine.
  }, 240_000);
});
