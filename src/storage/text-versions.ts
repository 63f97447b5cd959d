/**
 * The text_versions table: the published versions of each letter's text and
 * translations, as they were published, each with its record entry (written
 * by the table's trigger: migrations/0014). Read for versions.json and the
 * versions page; written, in the transaction of the change that publishes a
 * text, through textVersionStatement. (The statement's SQL, which the loader
 * of content/ runs too, is in text-versions-sql.ts.)
 */
import { textVersionDigest } from "../domain/text-versions";
import { letterTextsJsonSql, textVersionSql } from "./text-versions-sql";

/** A letter's text in one language, as a version records it. */
export interface LetterText {
  language: string;
  title: string;
  summary: string;
  addressee: string;
  bodyMarkdown: string;
}

/** A text with its textVersionDigest, ready to be published as a version. */
export interface DigestedText extends LetterText {
  digest: string;
}

/** One published version, as stored. */
export interface StoredTextVersion extends LetterText {
  number: number;
  digest: string;
  /** Its record entry's seq. */
  seq: number;
  /** ISO 8601. */
  publishedAt: string;
}

interface VersionRow {
  language: string;
  number: number;
  title: string;
  summary: string;
  addressee: string;
  body_markdown: string;
  digest: string;
  seq: number;
  published_at: string;
}

function toVersion(row: VersionRow): StoredTextVersion {
  return {
    language: row.language,
    number: row.number,
    title: row.title,
    summary: row.summary,
    addressee: row.addressee,
    bodyMarkdown: row.body_markdown,
    digest: row.digest,
    seq: row.seq,
    publishedAt: row.published_at,
  };
}

/** The letter's published versions, every language, in the order they were published (their record order). */
export async function listTextVersions(db: D1Database, letterId: number): Promise<StoredTextVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT language, number, title, summary, addressee, body_markdown, digest, seq, published_at
       FROM text_versions WHERE letter_id = ?1 ORDER BY seq`,
    )
    .bind(letterId)
    .all<VersionRow>();
  return results.map(toVersion);
}

/**
 * The seq of the letter's latest text entry (any language), 0 when it has
 * none: one seek in the table's (letter_id, seq) index.
 */
export async function latestTextSeq(db: D1Database, letterId: number): Promise<number> {
  const row = await db
    .prepare("SELECT max(seq) AS seq FROM text_versions WHERE letter_id = ?1")
    .bind(letterId)
    .first<{ seq: number | null }>();
  return row?.seq ?? 0;
}

/** The text of `source` (a letter's input, a translation…) with its textVersionDigest. */
export async function digested(source: LetterText): Promise<DigestedText> {
  const { language, title, summary, addressee, bodyMarkdown } = source;
  const digest = await textVersionDigest({ language, title, summary, addressee, body_markdown: bodyMarkdown });
  return { language, title, summary, addressee, bodyMarkdown, digest };
}

/**
 * The statement that publishes `text` as the letter's next version in its
 * language (and adds it to the record) if the letter is public, holds this
 * text now, and its last version in that language is another text: see
 * textVersionSql. Run it in the batch of the change, after the statement
 * that writes the text.
 */
export function textVersionStatement(db: D1Database, letterId: number, text: DigestedText): D1PreparedStatement {
  return db
    .prepare(
      textVersionSql({
        letter: "?1",
        language: "?2",
        title: "?3",
        summary: "?4",
        addressee: "?5",
        bodyMarkdown: "?6",
        digest: "?7",
      }),
    )
    .bind(letterId, text.language, text.title, text.summary, text.addressee, text.bodyMarkdown, text.digest);
}

/**
 * The letter's texts (its own and its translations', by language) and, as
 * SQL wrote it, the JSON of them all that letterTextsJsonSql computes: a
 * change decided on these texts can require, in its own statement, that
 * none changed meanwhile.
 */
export async function readLetterTexts(
  db: D1Database,
  letterId: number,
): Promise<{ texts: LetterText[]; fingerprint: string }> {
  const row = await db
    .prepare(`SELECT ${letterTextsJsonSql("?1")} AS texts`)
    .bind(letterId)
    .first<{ texts: string }>();
  const fingerprint = row?.texts ?? "[]";
  const texts = (JSON.parse(fingerprint) as string[][]).map(([language, title, summary, addressee, bodyMarkdown]) => ({
    language: language!,
    title: title!,
    summary: summary!,
    addressee: addressee!,
    bodyMarkdown: bodyMarkdown!,
  }));
  return { texts, fingerprint };
}

/**
 * The current texts of published letters that have no version yet (letters
 * published before versions were kept, or a change whose version was not
 * written): the maintenance job publishes them. One query, over the
 * published letters and their translations.
 */
export async function unversionedTexts(
  db: D1Database,
): Promise<Array<LetterText & { letterId: number; slug: string }>> {
  const { results } = await db
    .prepare(
      `WITH current (letter_id, slug, language, title, summary, addressee, body_markdown) AS (
         SELECT id, slug, language, title, summary, addressee, body_markdown FROM letters WHERE status <> 'draft'
         UNION ALL
         SELECT l.id, l.slug, t.language, t.title, t.summary, t.addressee, t.body_markdown
         FROM letter_translations t JOIN letters l ON l.id = t.letter_id WHERE l.status <> 'draft')
       SELECT * FROM current c WHERE NOT EXISTS (
         SELECT 1 FROM text_versions v WHERE v.letter_id = c.letter_id AND v.language = c.language
           AND v.number = (SELECT max(number) FROM text_versions WHERE letter_id = c.letter_id AND language = c.language)
           AND (v.title, v.summary, v.addressee, v.body_markdown) = (c.title, c.summary, c.addressee, c.body_markdown))
       ORDER BY c.letter_id, c.language`,
    )
    .all<{
      letter_id: number;
      slug: string;
      language: string;
      title: string;
      summary: string;
      addressee: string;
      body_markdown: string;
    }>();
  return results.map((row) => ({
    letterId: row.letter_id,
    slug: row.slug,
    language: row.language,
    title: row.title,
    summary: row.summary,
    addressee: row.addressee,
    bodyMarkdown: row.body_markdown,
  }));
}

/**
 * Publishes each text as a version of its letter (see textVersionStatement),
 * one transaction per letter. Returns the slugs of the letters that got one.
 */
export async function publishTextVersions(
  db: D1Database,
  texts: ReadonlyArray<LetterText & { letterId: number; slug: string }>,
): Promise<string[]> {
  const byLetter = new Map<number, { slug: string; statements: D1PreparedStatement[] }>();
  for (const text of texts) {
    const letter = byLetter.get(text.letterId) ?? { slug: text.slug, statements: [] };
    letter.statements.push(textVersionStatement(db, text.letterId, await digested(text)));
    byLetter.set(text.letterId, letter);
  }
  const changed: string[] = [];
  for (const { slug, statements } of byLetter.values()) {
    const results = await db.batch(statements);
    if (results.some((result) => result.meta.changes > 0)) changed.push(slug);
  }
  return changed;
}
