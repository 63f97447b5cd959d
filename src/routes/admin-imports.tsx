/**
 * Importing signatures collected elsewhere into a letter (mounted at
 * /admin/imports, behind organizerPages() with room for a 5 MB file): the
 * letter's imports and the upload form, an import's mapping, preview,
 * start, batches ("Continue") and its refused rows as CSV. Its own prefix,
 * because /admin/letters/* takes forms of at most 512 KB. The work is
 * app/imports.ts's.
 */
import { Hono, type Context } from "hono";
import {
  createImport,
  discardImport,
  findLetterImport,
  importPageData,
  letterImports,
  MappingRefused,
  previewImport,
  refusedRowPages,
  requireImport,
  moveImport,
  startImport,
  type ImportSource,
} from "../app/imports";
import { requireLetter } from "../app/letters";
import type { FormIssues } from "../domain/form-fields";
import type { AdminMessages } from "../domain/i18n";
import {
  IMPORT_LIMITS,
  ImportRefused,
  importMappingSchema,
  importPageQuerySchema,
  importStartSchema,
  importUploadSchema,
  type ImportMapping,
} from "../domain/signature-import";
import type { AppEnv } from "../http/app-env";
import { allow, organizerPages } from "../http/authentication";
import { adminHtml, confirmFirst, organizerLetter, type LetterEnv } from "../http/organizer-area";
import type { StoredImport } from "../storage/imports";
import { pagePolicy } from "../http/security";
import { adminWords } from "../http/language";
import { attachment, csvFile } from "../http/csv-file";
import { organizerRefusal, refusal, validation } from "../http/validation";
import { organizerProblem, Problem } from "../app/problem";
import { ImportPage, importName } from "../views/admin/import-page";
import { ImportUploadPage } from "../views/admin/import-upload-page";

/** The largest upload form: the file's limit and room for the multipart framing and the other fields. */
const UPLOAD_FORM_LIMIT = IMPORT_LIMITS.fileBytes + 64 * 1024;

const withLetter = organizerLetter(requireLetter);
const validate = validation<LetterEnv>();

function importPath(slug: string, id?: number): string {
  return `/admin/imports/${slug}${id === undefined ? "" : `/${id}`}`;
}

/** The import the route's :import names, of the route's letter. @throws Problem 404 */
function theImport(c: Context<LetterEnv>) {
  return requireImport(c.var.deps, c.var.letter, Number(c.req.param("import")));
}

/** The import the route's :import names, of the route's letter, or null. */
function findImportOf(c: Context<LetterEnv>) {
  return findLetterImport(c.var.deps, c.var.letter, Number(c.req.param("import")));
}

async function uploadPage(
  c: Context<LetterEnv>,
  { error = null, flash = null }: { error?: string | null; flash?: string | null },
  status: 200 | 403 | 404 | 409 | 413 | 415 | 422 = 200,
) {
  return adminHtml(
    c,
    <ImportUploadPage
      letter={c.var.letter}
      csrf={c.var.organizer!.csrf}
      imports={await letterImports(c.var.deps, c.var.letter)}
      error={error}
      flash={flash}
    />,
    status,
  );
}

/** What an import's page says after `done` (none after a step that only moved it on). */
function importFlash(done: "previewed" | "checking" | "started" | "continued", t: AdminMessages): string | null {
  return done === "previewed" ? t.imports.previewed : done === "started" ? t.imports.started : null;
}

/**
 * The problems of a refused upload or mapping form in the organizer's words: the schema's
 * issues carry what each is about (domain/signature-import.ts importUploadSchema, importMappingSchema).
 */
function formProblems(error: FormIssues, t: AdminMessages): string[] {
  return error.issues.map((issue) => {
    const params = issue.params ?? {};
    switch (params.issue) {
      case "both":
        return t.importUpload.notBoth;
      case "none":
        return t.importUpload.chooseOne;
      case "column":
        return t.imports.chooseColumnField(Number(params.column));
      case "kind":
        return t.imports.chooseKind;
      case "mode":
        return t.imports.chooseMode;
      default:
        return issue.message;
    }
  });
}

export const adminImports = new Hono<AppEnv>();

adminImports.use(
  organizerPages({
    maxSize: UPLOAD_FORM_LIMIT,
    tooLarge: () => organizerProblem(413, "fileTooLarge", [IMPORT_LIMITS.fileBytes / 1024 / 1024]),
  }),
);

adminImports.get("/:slug", allow("moderate"), withLetter, (c) => {
  const done = c.req.query("done");
  const w = adminWords(c).importUpload;
  return uploadPage(c, { flash: done === "discarded" ? w.discarded : done === "gone" ? w.gone : null });
});

adminImports.post(
  "/:slug",
  allow("moderate"),
  withLetter,
  validate("form", importUploadSchema, (result, c) => {
    if (!result.success) return uploadPage(c, { error: formProblems(result.error, adminWords(c)).join(" ") }, 422);
  }),
  async (c) => {
    const upload = c.req.valid("form");
    const source: ImportSource =
      "file" in upload
        ? { file: { name: upload.file.name, bytes: new Uint8Array(await upload.file.arrayBuffer()) } }
        : { text: upload.text };
    let id;
    try {
      id = await createImport(c.var.deps, c.var.letter, source, c.var.organizer!.via);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      return uploadPage(c, { error: adminWords(c).imports.fileProblem(error.problem) }, error.status);
    }
    return c.redirect(importPath(c.var.letter.slug, id), 303);
  },
);

/** An import's page, at its step; `problems` and `mapping` after a refused mapping. */
async function importPage(
  c: Context<LetterEnv>,
  query: {
    show: "all" | "not-valid" | "valid";
    page: number;
    before?: number;
    done?: "previewed" | "checking" | "started" | "continued" | null;
  },
  refused?: { problems: string[]; mapping: ImportMapping },
) {
  const letter = c.var.letter;
  const found = await theImport(c);
  const imported = refused ? { ...found, mapping: refused.mapping } : found;
  const data = await importPageData(c.var.deps, letter, imported, query);
  const older =
    data.importedPage?.nextBefore != null
      ? `${importPath(letter.slug, imported.id)}?before=${data.importedPage.nextBefore}`
      : null;
  return adminHtml(
    c,
    <ImportPage
      letter={letter}
      csrf={c.var.organizer!.csrf}
      imported={imported}
      samples={data.samples}
      confirmProblem={data.confirmProblem}
      problems={refused?.problems}
      preview={data.preview}
      skipped={data.skipped}
      importedPage={data.importedPage && { signatures: data.importedPage.signatures, olderHref: older }}
      flash={query.done ? importFlash(query.done, adminWords(c)) : null}
    />,
    refused ? 422 : 200,
  );
}

adminImports.get(
  "/:slug/:import{[0-9]{1,15}}",
  allow("moderate"),
  // The progress page's script (views/admin/import-script.ts) presses Continue.
  pagePolicy("own-scripts-and-frames"),
  withLetter,
  validate("query", importPageQuerySchema, (result, c) => {
    if (!result.success) throw refusal(400, adminWords(c).moderation.badPageLink, result.error);
  }),
  (c) => importPage(c, c.req.valid("query")),
);

adminImports.post(
  "/:slug/:import{[0-9]{1,15}}/mapping",
  allow("moderate"),
  withLetter,
  validate("form", importMappingSchema, (result, c) => {
    if (result.success) return;
    const t = adminWords(c);
    throw new Problem(422, t.imports.chooseField, formProblems(result.error, t).join(" "));
  }),
  async (c) => {
    const letter = c.var.letter;
    const mapping = c.req.valid("form");
    const imported = await theImport(c);
    let after;
    try {
      after = await previewImport(c.var.deps, letter, imported, mapping);
    } catch (error) {
      if (error instanceof MappingRefused) {
        const problems = error.problems.map((problem) => adminWords(c).imports.mappingProblem(problem));
        return importPage(c, { show: "all", page: 1 }, { problems, mapping });
      }
      throw error;
    }
    const next = after.state === "previewed" ? "?done=previewed#preview-title" : "?done=checking";
    return c.redirect(`${importPath(letter.slug, imported.id)}${next}`, 303);
  },
);

adminImports.post(
  "/:slug/:import{[0-9]{1,15}}/start",
  allow("moderate"),
  withLetter,
  validate("form", importStartSchema, (result) => {
    if (!result.success) throw organizerRefusal(422, "formRefused", result.error);
  }),
  async (c) => {
    const letter = c.var.letter;
    let imported;
    try {
      imported = await startImport(c.var.deps, letter, await theImport(c), c.req.valid("form").preview);
    } catch (error) {
      if (!(error instanceof MappingRefused)) throw error;
      const t = adminWords(c);
      const words = error.problems.map((problem) => t.imports.mappingProblem(problem)).join(" ");
      throw new Problem(409, t.imports.confirmRefusedTitle, words);
    }
    return c.redirect(`${importPath(letter.slug, imported.id)}?done=started`, 303);
  },
);

/**
 * Steps one press of Continue takes at most: after each step, while the import still moves, the
 * answer is a 307 to this same address, which a browser follows by sending the form again (RFC 9110
 * §15.4.8), so that each step is a request of its own, within the Free plan's CPU time, and a press
 * takes many without JavaScript. Browsers follow at most 20 redirects (Fetch, "HTTP-redirect fetch").
 */
export const STEPS_PER_PRESS = 15;

adminImports.post("/:slug/:import{[0-9]{1,15}}/continue", allow("moderate"), withLetter, async (c) => {
  const letter = c.var.letter;
  const hop = Number(/^[0-9]{1,2}$/.exec(c.req.query("hop") ?? "")?.[0] ?? 0);
  const found = await findImportOf(c);
  // Discarded meanwhile (in another tab, or while its page pressed Continue): back to the letter's imports.
  if (!found) return c.redirect(`${importPath(letter.slug)}?done=gone`, 303);
  const moving = ["reading", "checking", "running"].includes(found.state);
  // A done import whose confirmation emails wait to be sent again: its page's "Send them now".
  const after = moving || found.emailsWaiting > 0 ? await moveImport(c.var.deps, letter, found.id) : found;
  if (["reading", "checking", "running"].includes(after.state) && hop + 1 < STEPS_PER_PRESS) {
    return c.redirect(`${importPath(letter.slug, found.id)}/continue?hop=${hop + 1}`, 307);
  }
  // The check just ended: the page opens at the preview, as after a mapping checked at once.
  const checked = after.state === "previewed" && (found.state === "checking" || hop > 0);
  return c.redirect(
    `${importPath(letter.slug, found.id)}${checked ? "?done=previewed#preview-title" : "?done=continued"}`,
    303,
  );
});

/** The states an import can be discarded in: before it started (storage/imports.ts deleteImport). */
const DISCARDABLE = new Set<StoredImport["state"]>(["reading", "unreadable", "mapping", "checking", "previewed"]);

/** Discarding an import, asked about first. */
const confirmDiscard = confirmFirst<LetterEnv>(async (c) => {
  const imported = await theImport(c);
  // One that has started can't be discarded: the route says so (409) without asking.
  if (!DISCARDABLE.has(imported.state)) return null;
  const t = adminWords(c);
  return {
    question: t.imports.discardQuestion(importName(imported, t)),
    consequences: t.imports.discardConsequences,
    confirm: t.imports.discardConfirm,
    back: importPath(c.var.letter.slug, imported.id),
    danger: true,
  };
});

adminImports.post("/:slug/:import{[0-9]{1,15}}/discard", allow("moderate"), withLetter, confirmDiscard, async (c) => {
  await discardImport(c.var.deps, await theImport(c));
  return c.redirect(`${importPath(c.var.letter.slug)}?done=discarded`, 303);
});

adminImports.get("/:slug/:import{[0-9]{1,15}}/refused.csv", allow("moderate"), withLetter, async (c) => {
  // Once previewed, the refused rows can be fixed while the rest imports.
  const imported = await theImport(c);
  const pages = await refusedRowPages(c.var.deps, imported);
  const t = adminWords(c);
  const w = t.imports;
  async function* records() {
    for await (const page of pages) {
      yield page.map((row) => [
        ...row.cells,
        w.reasonCell(row.line, row.reasons.map((reason) => w.rowProblem(reason)).join(" ")),
      ]);
    }
  }
  // The imported file's name, in the reader's words ("miembros-filas-rechazadas.csv"); the letter's
  // address for browsers that read only an ASCII name.
  const name = imported.fileName.replace(/\.[a-z]{2,4}$/i, "").replace(/[^\p{L}\p{N}._-]+/gu, "-");
  const refused = t.csv.fileNames.refused;
  return csvFile(
    c,
    [...imported.header, w.reasonColumn],
    records(),
    attachment(`${name}-${refused}.csv`, `${c.var.letter.slug}-${refused}.csv`),
  );
});
