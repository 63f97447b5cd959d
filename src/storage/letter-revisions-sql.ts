/**
 * The letter_revisions table's statements that keep a letter's text history
 * (its reads are in letter-revisions.ts).
 * Whoever changes a letter (the organizer area, or the loader of content/,
 * which runs in Node through wrangler) runs them after its change, so the
 * history and the public "updated on" date follow the text whichever way it
 * was edited. Plain strings: no binding types, usable from the scripts.
 */

/**
 * SQL that adds the letter's current text to its history when it differs
 * from the last version kept, then sets the letter's text_updated_at to the
 * last version of its original text saved while it was public and signed
 * (translations keep their history too, but the original is the letter
 * people signed: see translationRevisionSql). `letterWhere` selects
 * the letter in `letters` (e.g. "id = ?1", or a slug literal for the loader).
 */
export function revisionSql(letterWhere: string): [string, string] {
  return [
    `INSERT INTO letter_revisions (letter_id, language, title, summary, addressee, body_markdown, signature_count, published)
SELECT letters.id, letters.language, letters.title, letters.summary, letters.addressee, letters.body_markdown,
  letters.signature_count, letters.status <> 'draft'
FROM letters WHERE ${letterWhere} AND NOT EXISTS (
  SELECT 1 FROM letter_revisions r
  WHERE r.id = (SELECT max(id) FROM letter_revisions WHERE letter_id = letters.id AND language = letters.language)
    AND r.title = letters.title AND r.summary = letters.summary AND r.addressee = letters.addressee
    AND r.body_markdown = letters.body_markdown AND r.language = letters.language)`,
    `UPDATE letters SET text_updated_at = (
  SELECT max(r.created_at) FROM letter_revisions r
  WHERE r.letter_id = letters.id AND r.language = letters.language AND r.published = 1 AND r.signature_count > 0
    AND r.id > (SELECT min(id) FROM letter_revisions WHERE letter_id = letters.id AND language = letters.language))
WHERE ${letterWhere}`,
  ];
}

/**
 * SQL that adds a translation's current text to the letter's history when it
 * differs from that language's last version kept. `letterId` and `language`
 * are SQL: parameters ("?1", "?2") or, for the loader, literals.
 */
export function translationRevisionSql(letterId: string, language: string): string {
  return `INSERT INTO letter_revisions (letter_id, language, title, summary, addressee, body_markdown, signature_count, published)
SELECT l.id, t.language, t.title, t.summary, t.addressee, t.body_markdown, l.signature_count, l.status <> 'draft'
FROM letter_translations t JOIN letters l ON l.id = t.letter_id
WHERE t.letter_id = ${letterId} AND t.language = ${language} AND NOT EXISTS (
  SELECT 1 FROM letter_revisions r
  WHERE r.id = (SELECT max(id) FROM letter_revisions WHERE letter_id = ${letterId} AND language = ${language})
    AND r.title = t.title AND r.summary = t.summary AND r.addressee = t.addressee AND r.body_markdown = t.body_markdown)`;
}
