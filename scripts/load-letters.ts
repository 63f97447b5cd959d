/**
 * `npm run letters:load [-- --remote]`: reads every letter file under
 * content/, and every translation file (<slug>.<language>.md, loaded with
 * its letter), and makes the database hold them as written (insert or update;
 * signatures collected through the form are never touched). Local by
 * default, which needs no Cloudflare account; `--remote` loads the deployed
 * database. Running it twice changes nothing the second time.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  LetterFileError,
  parseContentFile,
  type LetterDocument,
  type TranslationDocument,
} from "../src/domain/letter-file";
import { letterDocumentStatements } from "../src/storage/letters-sql";
import { persistArgs, runWrangler } from "./wrangler";

const CONTENT_DIR = resolve(fileURLToPath(new URL("../content", import.meta.url)));

/**
 * Reads and checks every letter file and translation file, each translation
 * attached to its letter; throws with every problem found.
 */
export async function readLetters(directory = CONTENT_DIR): Promise<LetterDocument[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith(".md")).sort();
  const letters: LetterDocument[] = [];
  const translations: { file: string; translation: TranslationDocument }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const parsed = parseContentFile(await readFile(join(directory, file), "utf8"), `content/${file}`);
      if (parsed.kind === "letter") letters.push({ ...parsed.letter, translations: [] });
      else translations.push({ file, translation: parsed.translation });
    } catch (error) {
      if (!(error instanceof LetterFileError)) throw error;
      problems.push(error.message);
    }
  }
  const slugs = new Map<string, number>();
  for (const letter of letters) slugs.set(letter.slug, (slugs.get(letter.slug) ?? 0) + 1);
  for (const [slug, count] of slugs) if (count > 1) problems.push(`${count} files use the slug "${slug}".`);
  for (const { file, translation } of translations) {
    const letter = letters.find((candidate) => candidate.slug === translation.translationOf);
    const expected = `${translation.translationOf}.${translation.language}.md`;
    if (!letter) {
      problems.push(
        `content/${file}: it translates "${translation.translationOf}", but no letter file has that slug (content/${translation.translationOf}.md is missing).`,
      );
    } else if (file !== expected) {
      problems.push(
        `content/${file}: a translation into ${translation.language} of "${translation.translationOf}" must be named ${expected}.`,
      );
    } else if (translation.language === letter.language) {
      problems.push(
        `content/${file}: the letter is already in ${translation.language}; a translation must be into another language.`,
      );
    } else {
      letter.translations!.push(translation);
    }
  }
  if (problems.length) throw new LetterFileError(problems.join("\n"));
  return letters;
}

/** Loads the letters into the local database, or the remote one. */
export async function loadLetters({ remote = false } = {}): Promise<LetterDocument[]> {
  const letters = await readLetters();
  if (letters.length === 0) {
    console.log("No letter files in content/: nothing to load.");
    return letters;
  }
  const sql = (await Promise.all(letters.map(letterDocumentStatements)))
    .flat()
    .map((statement) => `${statement};\n`)
    .join("\n");
  const folder = await mkdtemp(join(tmpdir(), "undersigned-letters-"));
  const file = join(folder, "letters.sql");
  try {
    await writeFile(file, sql, "utf8");
    await runWrangler(
      ["d1", "execute", "DB", remote ? "--remote" : "--local", ...(remote ? [] : persistArgs()), "--file", file],
      { quiet: true },
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  for (const letter of letters) {
    const languages = letter.translations?.length
      ? `, translated into ${letter.translations.map((t) => t.language).join(", ")}`
      : "";
    console.log(
      `Loaded ${letter.status} letter /letters/${letter.slug} with ${letter.signatories.length} listed signatories${languages}.`,
    );
  }
  return letters;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  loadLetters({ remote: process.argv.includes("--remote") }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
