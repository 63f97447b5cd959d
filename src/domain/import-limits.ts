/**
 * A module of its own, importing nothing, so that the catalogs that word
 * import problems (domain/locales/admin) can read it without a cycle.
 *
 * The limits of one import, each refused with a 4xx that says which:
 * - fileBytes: the file or pasted text, in bytes (a 10,000-row Google Forms export is about 1.5 MB);
 * - rows: signatures, the header row not counted;
 * - columns: a sign-on form has a dozen;
 * - cellCharacters: one cell, in characters (the longest field the form takes is 300).
 */
export const IMPORT_LIMITS = { fileBytes: 5 * 1024 * 1024, rows: 10_000, columns: 60, cellCharacters: 2_000 } as const;

/** The name an import pasted rather than uploaded is kept under; each catalog words it (imports.pastedRows). */
export const PASTED_FILE_NAME = "pasted rows";
