/**
 * The letters table's statements that `npm run letters:load` runs to make
 * the database hold a letter file as written: its row, and with it its
 * listed signatories, their record entries, its counters and its
 * translation files. Plain strings, no binding: they run through
 * `wrangler d1 execute --file` locally and remotely (from Node, which has no
 * D1 types: hence a file of their own beside letters.ts), and through a D1
 * batch in the tests.
 */
import type { LetterDocument, TranslationDocument } from "../domain/letter-file";
import { textVersionDigest } from "../domain/text-versions";
import { revisionSql, translationRevisionSql } from "./letter-revisions-sql";
import { textVersionSql } from "./text-versions-sql";
import { organizationKey, personKey } from "../domain/organization";

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

/** A SQL string literal: SQLite has no backslash escapes, so doubling quotes is the whole rule. */
function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
    return String(value);
  }
  if (value.includes("\0")) throw new Error("Text with NUL characters can't be stored.");
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The statements that make the database hold `letter` as its file says,
 * whatever it held before (unless organizers manage it in the browser: see
 * letters.managed_by): the letter row is inserted or updated, its listed
 * signatories are inserted, updated or removed, and its counters are
 * recomputed. Signatures collected through the form are never touched.
 * When the letter is published, its text and each translation's enter the
 * record as new versions, before any signatory the file adds, if they are
 * not their language's last version already (so a reload adds nothing);
 * their digests are computed here, in JS, since SQLite has no SHA-256.
 * The loader runs them with `wrangler d1 execute --file`, which cannot bind
 * parameters, hence literals; each statement is complete and idempotent, so
 * a run cut short is mended by running it again.
 */
export async function letterDocumentStatements(letter: LetterDocument): Promise<string[]> {
  const slug = literal(letter.slug);
  // A letter written (or taken over) in the organizer area is left alone: every statement below then matches nothing.
  const letterId = `(SELECT id FROM letters WHERE slug = ${slug} AND managed_by = 'file')`;
  const statements = [
    `INSERT INTO letters (slug, title, summary, letter_date, addressee, language, status, closes_at, body_markdown, body_html,
  confirm_signatures, review_organizations)
VALUES (${[
      letter.slug,
      letter.title,
      letter.summary,
      letter.date,
      letter.addressee,
      letter.language,
      letter.status,
      letter.closesAt,
      letter.bodyMarkdown,
      letter.bodyHtml,
      flag(letter.confirmSignatures),
      flag(letter.reviewOrganizations),
    ]
      .map(literal)
      .join(", ")})
ON CONFLICT (slug) DO UPDATE SET title = excluded.title, summary = excluded.summary, letter_date = excluded.letter_date,
  addressee = excluded.addressee, language = excluded.language, status = excluded.status, closes_at = excluded.closes_at,
  body_markdown = excluded.body_markdown, body_html = excluded.body_html, confirm_signatures = excluded.confirm_signatures,
  review_organizations = excluded.review_organizations, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE letters.managed_by = 'file' AND (title, summary, letter_date, addressee, language, status, closes_at, body_markdown, body_html, confirm_signatures,
  review_organizations)
  IS NOT (excluded.title, excluded.summary, excluded.letter_date, excluded.addressee, excluded.language, excluded.status,
  excluded.closes_at, excluded.body_markdown, excluded.body_html, excluded.confirm_signatures, excluded.review_organizations)`,
  ];
  const translations = letter.translations ?? [];
  for (const translation of translations) statements.push(translationUpsertSql(translation));
  if (letter.status !== "draft") {
    for (const text of [letter, ...translations]) statements.push(await versionSql(letterId, text));
  }
  const keep = letter.signatories.map((s) => `(${literal(s.kind)}, ${literal(s.name)})`);
  const listed = letter.signatories.map(
    (s) => `(${[s.kind, s.name, s.organization, s.title, s.city, s.country].map(literal).join(", ")})`,
  );
  // Taken off the file; or counted with public details the file now gives otherwise: its record entry shows
  // the details it was counted with, so it leaves the record ("removed") and comes back as a new signatory
  // ("signed"). (One set aside by the organizers just takes the new details: its entries show none.)
  const dropped =
    `letter_id = ${letterId} AND channel = 'initial'` +
    (keep.length
      ? ` AND ((kind, name) NOT IN (VALUES ${keep.join(", ")}) OR (status = 'confirmed' AND NOT EXISTS (
  SELECT 1 FROM (VALUES ${listed.join(", ")}) f WHERE f.column1 = signatures.kind AND f.column2 = signatures.name
    AND f.column3 IS signatures.organization AND f.column4 IS signatures.title AND f.column5 IS signatures.city
    AND f.column6 IS signatures.country)))`
      : "");
  const nextSeq = `coalesce((SELECT max(seq) FROM record_entries WHERE letter_id = ${letterId}), 0)`;
  // Signatories taken off the file leave the record as "removed" (by the organizers), their names erased from it, then the table.
  statements.push(
    `INSERT INTO record_entries (letter_id, seq, event, ref, kind, at)
SELECT letter_id, ${nextSeq} + row_number() OVER (ORDER BY id), 'removed', token, kind, ${NOW}
FROM signatures WHERE ${dropped} AND status = 'confirmed'`,
    `UPDATE record_entries INDEXED BY record_entries_by_ref SET name = NULL, organization = NULL, title = NULL, city = NULL, country = NULL, salt = NULL
WHERE letter_id = ${letterId} AND ref IN (SELECT token FROM signatures WHERE ${dropped})`,
    `DELETE FROM signatures WHERE ${dropped}`,
  );
  for (const s of letter.signatories) {
    // The letter's own organizations are keyed like any (one signature per organization), unless one
    // that signed otherwise already holds the key: the file's entry is then kept unkeyed, rather than
    // failing the whole load (the organizers see both).
    const key = s.kind === "organization" ? organizationKey(s.name) : null;
    const keyed = key
      ? `CASE WHEN NOT EXISTS (SELECT 1 FROM signatures o WHERE o.letter_id = letters.id AND o.organization_key = ${literal(key)}
    AND NOT (o.channel = 'initial' AND o.kind = 'organization' AND o.name = ${literal(s.name)})) THEN ${literal(key)} END`
      : "NULL";
    // The file's individuals have no email: an import finds them by their person key (migrations/0028).
    const person = s.kind === "individual" ? literal(personKey(s)) : "NULL";
    statements.push(
      `INSERT INTO signatures (letter_id, token, kind, name, organization, title, city, country, channel, position, confirmed_at,
  organization_key, person_key)
SELECT id, lower(hex(randomblob(16))), ${[s.kind, s.name, s.organization, s.title, s.city, s.country].map(literal).join(", ")}, 'initial', ${literal(s.position)}, ${NOW},
  ${keyed}, ${person}
FROM letters WHERE slug = ${slug} AND managed_by = 'file'
ON CONFLICT (letter_id, kind, name) WHERE channel = 'initial' DO UPDATE SET organization = excluded.organization,
  title = excluded.title, city = excluded.city, country = excluded.country, position = excluded.position,
  organization_key = excluded.organization_key, person_key = excluded.person_key`,
    );
  }
  statements.push(
    // Signatories new to the file enter the record as "signed", organizations first, in the file's order.
    `INSERT INTO record_entries (letter_id, seq, event, ref, kind, name, organization, title, city, country, salt, at)
SELECT s.letter_id, ${nextSeq} + row_number() OVER (ORDER BY s.kind DESC, s.position), 'signed', s.token, s.kind,
  CASE WHEN s.is_public THEN s.name END, CASE WHEN s.is_public THEN s.organization END, CASE WHEN s.is_public THEN s.title END,
  CASE WHEN s.is_public THEN s.city END, CASE WHEN s.is_public THEN s.country END, lower(hex(randomblob(16))), ${NOW}
FROM signatures s
WHERE s.letter_id = ${letterId} AND s.channel = 'initial' AND s.status = 'confirmed'
  AND NOT EXISTS (SELECT 1 FROM record_entries r WHERE r.letter_id = s.letter_id AND r.ref = s.token)`,
    // Counted from scratch: a reload must leave the counters exact whatever it changed. (The app
    // seals the new record entries the next time the letter's JSON is read, or within five minutes.)
    `UPDATE letters SET
  organization_count = (SELECT count(*) FROM signatures WHERE letter_id = letters.id AND status = 'confirmed' AND kind = 'organization'),
  individual_count = (SELECT count(*) FROM signatures WHERE letter_id = letters.id AND status = 'confirmed' AND kind = 'individual'),
  signature_count = (SELECT count(*) FROM signatures WHERE letter_id = letters.id AND status = 'confirmed'),
  record_length = coalesce((SELECT max(seq) FROM record_entries WHERE letter_id = letters.id), 0)
WHERE slug = ${slug} AND managed_by = 'file'`,
    ...revisionSql(`slug = ${slug} AND managed_by = 'file'`),
  );
  for (const translation of translations) {
    statements.push(translationRevisionSql(letterId, literal(translation.language)));
  }
  return statements;
}

/** The statement that publishes `text` as a version of the letter `letterId` (SQL) names: see textVersionSql. */
async function versionSql(
  letterId: string,
  text: Pick<LetterDocument, "language" | "title" | "summary" | "addressee" | "bodyMarkdown">,
): Promise<string> {
  const digest = await textVersionDigest({
    language: text.language,
    title: text.title,
    summary: text.summary,
    addressee: text.addressee,
    body_markdown: text.bodyMarkdown,
  });
  return textVersionSql({
    letter: letterId,
    language: literal(text.language),
    title: literal(text.title),
    summary: literal(text.summary),
    addressee: literal(text.addressee),
    bodyMarkdown: literal(text.bodyMarkdown),
    digest: literal(digest),
  });
}

/**
 * The statement that makes the database hold a translation file as written
 * (inserted, or its text replaced; updated_at moves only when the text
 * changed). It names its letter by slug, so it must run after the letter's.
 * Translations no longer in content/ are left alone: organizers may have
 * written some in the database. Like the letter itself, a letter the
 * organizer area has taken over is left alone.
 */
function translationUpsertSql(translation: TranslationDocument): string {
  const values = [
    translation.language,
    translation.title,
    translation.summary,
    translation.addressee,
    translation.bodyMarkdown,
    translation.bodyHtml,
  ]
    .map(literal)
    .join(", ");
  return `INSERT INTO letter_translations (letter_id, language, title, summary, addressee, body_markdown, body_html)
SELECT id, ${values} FROM letters WHERE slug = ${literal(translation.translationOf)} AND managed_by = 'file'
ON CONFLICT (letter_id, language) DO UPDATE SET title = excluded.title, summary = excluded.summary, addressee = excluded.addressee,
  body_markdown = excluded.body_markdown, body_html = excluded.body_html, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE (title, summary, addressee, body_markdown, body_html)
  IS NOT (excluded.title, excluded.summary, excluded.addressee, excluded.body_markdown, excluded.body_html)`;
}
