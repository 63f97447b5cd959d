/**
 * A letter's imports: the ones made so far, and the form that starts one
 * from a CSV file or rows pasted from a spreadsheet (multipart, so that a
 * file and a paste go the same way; works without JavaScript).
 */
import type { Letter } from "../../domain/letter";
import { IMPORT_LIMITS } from "../../domain/signature-import";
import type { StoredImport } from "../../storage/imports";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Time } from "./time";
import { ProblemSummary } from "./form-fields";
import { importName } from "./import-page";

export function ImportUploadPage({
  letter,
  csrf,
  imports,
  error,
  flash,
}: {
  letter: Letter;
  csrf: string | null;
  imports: readonly StoredImport[];
  error?: string | null;
  flash?: string | null;
}) {
  const t = useAdminWords();
  const w = t.importUpload;
  return (
    <AdminLayout title={w.title(letter.title)} csrf={csrf} error={Boolean(error)}>
      <p>
        <a href={`/admin/letters/${letter.slug}/signatures`}>{w.back(letter.title)}</a>
      </p>
      <h1>{w.heading}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>{w.intro}</p>
      <ProblemSummary title={w.refusedTitle} problems={error ? [{ text: error, href: "#import-file" }] : []} />
      <form method="post" action={`/admin/imports/${letter.slug}`} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <div class="field">
          <label for="import-file">{w.fileLabel}</label>
          <span class="hint" id="import-file-hint">
            {w.fileHint(IMPORT_LIMITS.fileBytes / 1024 / 1024, IMPORT_LIMITS.rows)}
          </span>
          <input
            type="file"
            id="import-file"
            name="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-describedby="import-file-hint"
          />
        </div>
        <div class="field">
          <label for="import-paste">{w.pasteLabel}</label>
          <span class="hint" id="import-paste-hint">
            {w.pasteHint}
          </span>
          <textarea id="import-paste" name="paste" rows={8} aria-describedby="import-paste-hint"></textarea>
        </div>
        <button type="submit">{w.submit}</button>
      </form>
      <h2>{w.listTitle}</h2>
      {imports.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w.file}</th>
                <th scope="col">{w.made}</th>
                <th scope="col">{w.state}</th>
                <th scope="col" class="number">
                  {w.rows}
                </th>
                <th scope="col" class="number">
                  {w.imported}
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((imported) => (
                <tr>
                  <td>
                    <a href={`/admin/imports/${letter.slug}/${imported.id}`}>{importName(imported, t)}</a>
                  </td>
                  <td>
                    <Time iso={imported.createdAt} zone={letter.closesTimeZone} />
                  </td>
                  <td>{w.states[imported.state]}</td>
                  <td class="number">{t.number(imported.rowCount)}</td>
                  <td class="number">{t.number(imported.importedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
