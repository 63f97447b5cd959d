/**
 * `npm run seed -- <slug> <organizations> <individuals> [--record] [--remote]`:
 * makes a letter with that many signatures, quickly (generated inside
 * SQLite), in the local database (or the remote one); with --record, each
 * with its record entry, so the letter verifies. For trying large letters:
 * see src/storage/seed.ts. Replaces the letter's signatures if it exists.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seedLetterStatements } from "../src/storage/seed";
import { persistArgs, runWrangler } from "./wrangler";

export async function seedLetter(
  slug: string,
  organizations: number,
  individuals: number,
  { remote = false, record = false } = {},
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "undersigned-seed-"));
  const file = join(folder, "seed.sql");
  try {
    await writeFile(
      file,
      (await seedLetterStatements(slug, organizations, individuals, { record }))
        .map((statement) => `${statement};\n`)
        .join("\n"),
    );
    await runWrangler(
      ["d1", "execute", "DB", remote ? "--remote" : "--local", ...(remote ? [] : persistArgs()), "--file", file],
      { quiet: true },
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [slug, organizations, individuals] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!slug || organizations === undefined || individuals === undefined) {
    console.error("Usage: npm run seed -- <slug> <organizations> <individuals> [--record] [--remote]");
    process.exit(1);
  }
  const started = Date.now();
  seedLetter(slug, Number(organizations), Number(individuals), {
    remote: process.argv.includes("--remote"),
    record: process.argv.includes("--record"),
  }).then(
    () =>
      console.log(
        `Seeded /letters/${slug} with ${Number(organizations) + Number(individuals)} signatures in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      ),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
