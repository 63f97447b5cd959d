/**
 * A letter's imports: the ones made so far, and the form that starts one
 * from a CSV file or rows pasted from a spreadsheet (multipart, so that a
 * file and a paste go the same way; works without JavaScript).
 */
import type { Letter } from "../../domain/letter";
import { IMPORT_LIMITS } from "../../domain/signature-import";
import type { StoredImport } from "../../storage/imports";
import { formatCount } from "./import-page";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ProblemSummary } from "./form-fields";

const STATES: Record<StoredImport["state"], string> = {
  reading: "reading the file",
  unreadable: "can't be imported",
  mapping: "columns to map",
  checking: "checking the rows",
  previewed: "previewed",
  running: "importing",
  done: "done",
};

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
  return (
    <AdminLayout title={`Import signatures: ${letter.title}`} csrf={csrf} error={Boolean(error)}>
      <p>
        <a href={`/admin/letters/${letter.slug}/signatures`}>← Signatures of “{letter.title}”</a>
      </p>
      <h1>Import signatures</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>
        Bring in sign-ons collected elsewhere: a spreadsheet, or the responses of a Google Form. You will choose which
        column is which field, see what every row gives (and which rows are refused or already signed) before anything
        is stored, and choose whether the signatures count at once or each signer confirms by email.
      </p>
      <ProblemSummary title="This can't be imported" problems={error ? [{ text: error, href: "#import-file" }] : []} />
      <form method="post" action={`/admin/imports/${letter.slug}`} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <div class="field">
          <label for="import-file">A CSV file</label>
          <span class="hint" id="import-file-hint">
            With a header row naming the columns; comma, semicolon or tab separated; in UTF-8 (Google Forms and Google
            Sheets export it; in Excel choose “CSV UTF-8”). At most {IMPORT_LIMITS.fileBytes / 1024 / 1024} MB and{" "}
            {formatCount(IMPORT_LIMITS.rows)} rows.
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
          <label for="import-paste">Or rows pasted from a spreadsheet</label>
          <span class="hint" id="import-paste-hint">
            Select the rows in your spreadsheet, the header row first, copy them and paste them here.
          </span>
          <textarea id="import-paste" name="paste" rows={8} aria-describedby="import-paste-hint"></textarea>
        </div>
        <button type="submit">Read the rows</button>
      </form>
      <h2>Imports of this letter</h2>
      {imports.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Made</th>
                <th scope="col">State</th>
                <th scope="col" class="number">
                  Rows
                </th>
                <th scope="col" class="number">
                  Imported
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((imported) => (
                <tr>
                  <td>
                    <a href={`/admin/imports/${letter.slug}/${imported.id}`}>{imported.fileName}</a>
                  </td>
                  <td>{imported.createdAt.slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{STATES[imported.state]}</td>
                  <td class="number">{formatCount(imported.rowCount)}</td>
                  <td class="number">{formatCount(imported.importedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
