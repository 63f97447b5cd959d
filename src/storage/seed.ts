/**
 * SQL that makes a letter with many signatures quickly, for the benchmarks
 * (`npm run bench`) and for trying large letters by hand (`npm run seed`).
 * Rows are generated inside SQLite by a recursive CTE, a chunk per statement.
 * Seeded signatures are confirmed, public and counted, but have no record
 * entries (and the letter no text versions, which the maintenance job may
 * publish again): a seeded letter is load, not a letter to verify. Unless
 * `record` is asked for: then the letter keeps its text version (its text
 * entry first) and each signature gets its `signed` entry, as signing
 * writes it (public fields and a random salt, unsealed: the app seals them
 * the next time the letter's JSON is read), so that the letter verifies
 * (`npm run verify`, bench/verify.ts).
 */
import { parseLetterFile } from "../domain/letter-file";
import { UNRANKED_POSITION } from "../domain/signature";
import { letterDocumentStatements } from "./letters-sql";

const CHUNK = 100_000;

/** Statements that (re)create the letter `slug` with the given numbers of signatures (and their record, with `record`). */
export async function seedLetterStatements(
  slug: string,
  organizations: number,
  individuals: number,
  { record = false }: { record?: boolean } = {},
): Promise<string[]> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new Error(`Not a slug: ${slug}`);
  for (const count of [organizations, individuals]) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`Not a number of signatures: ${count}`);
  }
  const source = `---\nslug: ${slug}\ntitle: Letter with ${organizations + individuals} signatures\ndate: 2020-01-01\nlanguage: en\nstatus: open\nconfirm_signatures: false\naddressee: To whom it may concern\n---\nWe, the undersigned, ask for a fair process.\n`;
  const letterId = `(SELECT id FROM letters WHERE slug = '${slug}')`;
  const cleared = [
    `DELETE FROM text_versions WHERE letter_id = ${letterId}`,
    `DELETE FROM record_entries WHERE letter_id = ${letterId}`,
    `DELETE FROM record_nodes WHERE letter_id = ${letterId}`,
    `DELETE FROM record_checkpoints WHERE letter_id = ${letterId}`,
    `DELETE FROM signatures WHERE letter_id = ${letterId}`,
  ];
  const letter = await letterDocumentStatements(parseLetterFile(source));
  // With its record, the letter is cleared first, so that its text is published again as entry 1.
  const statements = record ? [...cleared, ...letter] : [...letter, ...cleared];
  for (const [kind, total] of [
    ["organization", organizations],
    ["individual", individuals],
  ] as const) {
    for (let offset = 0; offset < total; offset += CHUNK) {
      const first = offset + 1;
      const last = Math.min(offset + CHUNK, total);
      statements.push(
        `WITH RECURSIVE n(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM n WHERE i < ${last})
INSERT INTO signatures (letter_id, token, kind, name, city, country, email_hash, status, is_public, channel, position, confirmed_at)
SELECT ${letterId}, lower(hex(randomblob(16))), '${kind}', '${kind === "organization" ? "Organization" : "Person"} ' || i,
  'City ' || (i % 500), 'HN', lower(hex(randomblob(32))), 'confirmed', 1, 'form', ${UNRANKED_POSITION},
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM n`,
      );
    }
  }
  if (record) {
    // Organizations first, then individuals, as the signatures were made: seq follows the id, after the text.
    statements.push(
      `INSERT INTO record_entries (letter_id, seq, event, ref, kind, name, organization, title, city, country, salt, at)
SELECT letter_id, coalesce((SELECT max(seq) FROM record_entries WHERE letter_id = ${letterId}), 0) + row_number() OVER (ORDER BY id),
  'signed', token, kind, name, organization, title, city, country, lower(hex(randomblob(16))), confirmed_at
FROM signatures WHERE letter_id = ${letterId}`,
    );
  }
  statements.push(
    `UPDATE letters SET organization_count = ${organizations}, individual_count = ${individuals},
  signature_count = ${organizations + individuals}, pending_count = 0,
  record_length = coalesce((SELECT max(seq) FROM record_entries WHERE letter_id = letters.id), 0), record_sealed = 0, record_root = NULL
WHERE slug = '${slug}'`,
  );
  return statements;
}
