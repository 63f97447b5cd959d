/**
 * The text_versions table's statement that publishes a version of a letter's
 * text (its reads, and the bound forms the app runs, are in text-versions.ts).
 * Plain strings, like letter-revisions-sql.ts: the loader of content/ runs it
 * in Node with literals, the app with parameters. The table's trigger writes
 * the version's record entry in the same statement (migrations/0014).
 */

/** The SQL expressions (parameters such as "?2", or literals) a version statement is made of. */
export interface TextVersionValues {
  /** The letter's id, e.g. "?1" or "(SELECT id FROM letters WHERE slug = 'x')". */
  letter: string;
  language: string;
  title: string;
  summary: string;
  addressee: string;
  bodyMarkdown: string;
  /** textVersionDigest of the text above (hex), computed by the caller: SQLite has no SHA-256. */
  digest: string;
}

/**
 * SQL that publishes the given text as the next version of its language
 * (numbered from 1 per language), and so adds it to the record, when, and
 * only when:
 * - the letter is published (not a draft: a draft's text was never public);
 * - the letter's text in that language (its own, or its translation's) is
 *   this text right now, so a digest computed before a concurrent edit never
 *   names another text;
 * - the language's last version is another text (saving the same text again,
 *   or loading the same file again, adds nothing).
 * Its record entry's seq is the letter's record_length + 1, as every writer
 * of the record does (see signatures.ts).
 */
export function textVersionSql(values: TextVersionValues): string {
  const { letter, language, title, summary, addressee, bodyMarkdown, digest } = values;
  return `WITH new (language, title, summary, addressee, body_markdown, digest) AS (
  VALUES (${language}, ${title}, ${summary}, ${addressee}, ${bodyMarkdown}, ${digest}))
INSERT INTO text_versions (letter_id, language, number, title, summary, addressee, body_markdown, digest, seq)
SELECT l.id, new.language,
  coalesce((SELECT max(v.number) FROM text_versions v WHERE v.letter_id = l.id AND v.language = new.language), 0) + 1,
  new.title, new.summary, new.addressee, new.body_markdown, new.digest, l.record_length + 1
FROM letters l, new
WHERE l.id = ${letter} AND l.status <> 'draft'
  AND (EXISTS (SELECT 1 FROM letters o WHERE o.id = l.id
        AND (o.language, o.title, o.summary, o.addressee, o.body_markdown)
          = (new.language, new.title, new.summary, new.addressee, new.body_markdown))
    OR EXISTS (SELECT 1 FROM letter_translations t WHERE t.letter_id = l.id
        AND (t.language, t.title, t.summary, t.addressee, t.body_markdown)
          = (new.language, new.title, new.summary, new.addressee, new.body_markdown)))
  AND NOT EXISTS (SELECT 1 FROM text_versions v WHERE v.letter_id = l.id AND v.language = new.language
    AND v.number = (SELECT max(number) FROM text_versions WHERE letter_id = l.id AND language = new.language)
    AND (v.title, v.summary, v.addressee, v.body_markdown) = (new.title, new.summary, new.addressee, new.body_markdown))`;
}

/**
 * A SQL expression: the letter's texts (its own and its translations', by
 * language) as one JSON array, for guarding a change on the texts it was
 * decided from (see letters.ts changeLetterState). `letter` is SQL, e.g. "?1".
 */
export function letterTextsJsonSql(letter: string): string {
  return `(SELECT json_group_array(json_array(language, title, summary, addressee, body_markdown)) FROM (
  SELECT language, title, summary, addressee, body_markdown FROM letters WHERE id = ${letter}
  UNION ALL SELECT language, title, summary, addressee, body_markdown FROM letter_translations WHERE letter_id = ${letter}
  ORDER BY language))`;
}
