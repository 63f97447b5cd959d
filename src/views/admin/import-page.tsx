/**
 * One import, at each of its steps: mapping its columns to fields (with the
 * rows' kind and how they count), the preview of every row's result, the
 * progress of the batches (a "Continue" button: no JavaScript needed), and
 * what it imported, with its refused rows as a CSV file.
 */
import type { Letter } from "../../domain/letter";
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  IMPORT_MODES,
  IMPORT_RETENTION_DAYS,
  PREVIEW_PAGE_ROWS,
  PREVIEW_SHOWS,
  previewStamp,
  type PreviewShow,
} from "../../domain/signature-import";
import type { PreviewRow } from "../../app/imports";
import type { ImportedSignatureRow, StoredImport } from "../../storage/imports";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ProblemSummary } from "./form-fields";
import { IMPORT_SCRIPT_PATH } from "./import-script";

/** A count as organizers read it: 10,000. */
export function formatCount(count: number): string {
  return count.toLocaleString("en");
}

const OUTCOMES = { valid: "to import", refused: "refused", duplicate: "duplicate" } as const;
const STATUSES: Record<string, string> = {
  confirmed: "counted",
  unconfirmed: "waiting for the email link",
  in_review: "waiting for review",
  withdrawn: "withdrawn",
  hidden: "hidden",
  rejected: "rejected",
};

export interface ImportPageProps {
  letter: Letter;
  csrf: string | null;
  imported: StoredImport;
  /** The first rows' cells, to show beside each column of the mapping. */
  samples: readonly (readonly string[])[];
  /** Why "each signer confirms" can't be chosen here, or null. */
  confirmProblem: string | null;
  /** The mapping form's problems, after a refused submission. */
  problems?: readonly string[];
  preview?: { show: PreviewShow; page: number; rows: readonly PreviewRow[] };
  importedPage?: { signatures: readonly ImportedSignatureRow[]; olderHref: string | null };
  flash?: string | null;
}

export function ImportPage(props: ImportPageProps) {
  const { letter, csrf, imported, flash } = props;
  const base = `/admin/imports/${letter.slug}/${imported.id}`;
  return (
    <AdminLayout
      title={`Import ${imported.fileName}: ${letter.title}`}
      csrf={csrf}
      scripts={MOVING.has(imported.state) ? [IMPORT_SCRIPT_PATH] : []}
      error={(props.problems ?? []).length > 0}
    >
      <p>
        <a href={`/admin/imports/${letter.slug}`}>← Imports of “{letter.title}”</a>
      </p>
      <h1>Import: {imported.fileName}</h1>
      {imported.state !== "unreadable" && (
        <p>
          {formatCount(imported.rowCount)} {imported.rowCount === 1 ? "row" : "rows"} read
          {imported.state === "reading" ? " so far, from the file uploaded" : ""} on{" "}
          {imported.createdAt.slice(0, 16).replace("T", " ")} UTC.
        </p>
      )}
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      {(imported.state === "mapping" || imported.state === "previewed") && (
        <>
          <MappingForm {...props} base={base} />
          {/* After a refused mapping, the preview of the mapping before it would mislead (and its Import button refuses). */}
          {imported.state === "previewed" && props.preview && !props.problems?.length && (
            <Preview {...props} base={base} />
          )}
          {imported.state === "mapping" && <DiscardForm csrf={csrf} base={base} />}
        </>
      )}
      {imported.state === "reading" && (
        <Progress
          csrf={csrf}
          base={base}
          title="Reading the file"
          max={imported.sourceChars ?? 1}
          value={imported.readAt ?? 0}
          label={`${formatCount(imported.rowCount)} rows read so far (${percent(imported.readAt ?? 0, imported.sourceChars ?? 1)} of the file).`}
          discard
        />
      )}
      {imported.state === "unreadable" && <Unreadable imported={imported} csrf={csrf} base={base} />}
      {imported.state === "checking" && (
        <Progress
          csrf={csrf}
          base={base}
          title="Checking every row"
          max={imported.rowCount}
          value={checkedCount(imported)}
          label={`${formatCount(checkedCount(imported))} of ${formatCount(imported.rowCount)} rows checked.`}
          discard
        />
      )}
      {imported.state === "running" && (
        <Progress
          csrf={csrf}
          base={base}
          title="Importing"
          max={imported.validCount}
          value={imported.validCount - imported.pendingCount}
          label={`${formatCount(imported.validCount - imported.pendingCount)} of ${formatCount(imported.validCount)} rows done (${formatCount(imported.importedCount)} imported).`}
        />
      )}
      {imported.state === "done" && <Done {...props} base={base} />}
    </AdminLayout>
  );
}

function MappingForm({
  imported,
  csrf,
  samples,
  confirmProblem,
  problems = [],
  base,
}: ImportPageProps & { base: string }) {
  const { mapping } = imported;
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">1. Which column is which</h2>
      <ProblemSummary problems={problems.map((problem) => ({ text: problem }))} />
      <p>
        The fields are guessed from the header row; check them. For a row signed by an organization, its name comes from
        “Organization's name”, else from “Organization”; its contact person from “Contact person”, else from “Name”; the
        contact's role from “Contact's role”, else from “Title”. The contact and the email stay private: organizers see
        them, the public never.
      </p>
      <form method="post" action={`${base}/mapping`}>
        <CsrfField token={csrf} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">The file's columns and the field each is imported as</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">First values</th>
                <th scope="col">Imported as</th>
              </tr>
            </thead>
            <tbody>
              {imported.header.map((name, index) => (
                <tr>
                  <th scope="row">
                    <label for={`column-${index}`}>{name || `Column ${index + 1}`}</label>
                  </th>
                  <td>
                    {samples
                      .map((row) => row[index] ?? "")
                      .filter((value) => value.trim() !== "")
                      .map((value) => (
                        <span class="sample">{value.length > 60 ? `${value.slice(0, 60)}…` : value}</span>
                      ))}
                  </td>
                  <td>
                    <select id={`column-${index}`} name={`column-${index}`}>
                      {Object.entries(IMPORT_FIELDS).map(([field, label]) => (
                        <option value={field} selected={mapping.columns[index] === field}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset>
          <legend>Who signed</legend>
          {Object.entries(IMPORT_KINDS).map(([kind, label]) => (
            <div class="choice">
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={mapping.kind === kind} />
              <label for={`kind-${kind}`}>{label}</label>
            </div>
          ))}
          <p class="hint">
            A column's values are read in English, Spanish, French and Portuguese: “Organization”, “Organización”,
            “Organisation”, “Organização” for an organization; “Individual”, “Persona”, “Personne”, “Pessoa” for a
            person.
          </p>
        </fieldset>
        <fieldset>
          <legend>How the signatures count</legend>
          <div class="choice">
            <input type="radio" id="mode-vouch" name="mode" value="vouch" checked={mapping.mode === "vouch"} />
            <label for="mode-vouch">{IMPORT_MODES.vouch}</label>
            <p class="hint">
              Like signatures entered by hand: counted and in the public record at once. Individuals without an email
              are imported too, as on paper.
            </p>
          </div>
          <div class="choice">
            <input
              type="radio"
              id="mode-confirm"
              name="mode"
              value="confirm"
              checked={mapping.mode === "confirm"}
              disabled={confirmProblem !== null}
              aria-describedby="mode-confirm-hint"
            />
            <label for="mode-confirm">{IMPORT_MODES.confirm}</label>
            <p class="hint" id="mode-confirm-hint">
              {confirmProblem ??
                "Each row needs an email. Everyone gets the letter's usual confirmation email, in its language, and counts once they click; nobody gets more than the usual number of emails."}
            </p>
          </div>
        </fieldset>
        <button type="submit">Check the rows</button>
      </form>
    </section>
  );
}

/** Discards an import that has not started, with its rows. */
function DiscardForm({ csrf, base }: { csrf: string | null; base: string }) {
  return (
    <form method="post" action={`${base}/discard`}>
      <CsrfField token={csrf} />
      <button type="submit" class="button-secondary">
        Discard this import
      </button>
    </form>
  );
}

function Preview({ imported, csrf, preview, base }: ImportPageProps & { base: string }) {
  const { show, page, rows } = preview!;
  const matching =
    show === "all"
      ? imported.rowCount
      : show === "valid"
        ? imported.validCount
        : imported.refusedCount + imported.duplicateCount;
  const pages = Math.max(1, Math.ceil(matching / PREVIEW_PAGE_ROWS));
  const href = (to: { show?: PreviewShow; page?: number }) => {
    const params = new URLSearchParams();
    const chosen = to.show ?? show;
    if (chosen !== "all") params.set("show", chosen);
    if ((to.page ?? 1) > 1) params.set("page", String(to.page));
    return `${base}${params.size ? `?${params}` : ""}#preview-title`;
  };
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">2. What each row gives</h2>
      <div role="status">
        <ul class="import-counts">
          <li>
            <strong>{formatCount(imported.validCount)}</strong> will be imported
          </li>
          <li>
            <strong>{formatCount(imported.refusedCount)}</strong> refused
          </li>
          <li>
            <strong>{formatCount(imported.duplicateCount)}</strong> duplicates
          </li>
        </ul>
      </div>
      {imported.refusedCount + imported.duplicateCount > 0 && (
        <p>
          <a href={`${base}/refused.csv`} download>
            Download the {formatCount(imported.refusedCount + imported.duplicateCount)} rows that won't be imported
            (CSV, with the reason in a column)
          </a>
        </p>
      )}
      <p>
        Rows are checked with the sign form's rules. A duplicate is a second row for the same email address (mailbox) or
        the same organization, in this file or among the letter's signatures: the first one is kept.{" "}
        {imported.mapping.mode === "vouch"
          ? "Individuals without an email are imported, because the coalition vouches for them (nothing keeps them from signing again themselves)."
          : "Rows without an email are refused: a confirmation needs an address."}
      </p>
      <p>
        Show:{" "}
        {Object.entries(PREVIEW_SHOWS).map(([key, label], index) => (
          <>
            {index > 0 && " · "}
            {key === show ? (
              <strong aria-current="true">{label}</strong>
            ) : (
              <a href={href({ show: key as PreviewShow })}>{label}</a>
            )}
          </>
        ))}
      </p>
      <div class="table-wrap">
        <table class="preview-rows">
          <caption class="visually-hidden">
            Rows {formatCount((page - 1) * PREVIEW_PAGE_ROWS + 1)} to{" "}
            {formatCount((page - 1) * PREVIEW_PAGE_ROWS + rows.length)} of {formatCount(matching)}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="number">
                Row
              </th>
              <th scope="col">Result</th>
              <th scope="col">Signatory</th>
              <th scope="col">Email</th>
              <th scope="col">Country</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td class="number">{row.line}</td>
                <td>
                  <span class={`badge badge-${row.outcome ?? "none"}`}>{row.outcome ? OUTCOMES[row.outcome] : ""}</span>
                </td>
                <td>
                  {row.signature ? (
                    <>
                      <strong>{row.signature.name}</strong> ({row.signature.kind})
                      {row.signature.organization && <> · {row.signature.organization}</>}
                      {row.signature.title && <> · {row.signature.title}</>}
                      {row.signature.contactName && <> · contact: {row.signature.contactName}</>}
                      {!row.signature.isPublic && <> · not listed</>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{row.signature?.email ?? ""}</td>
                <td>{row.signature?.country ?? ""}</td>
                <td>{row.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Pages of rows" class="actions">
          {page > 1 && <a href={href({ page: page - 1 })}>← Previous rows</a>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <a href={href({ page: page + 1 })}>Next rows →</a>}
        </nav>
      )}
      <h2>3. Import</h2>
      <p>
        {imported.mapping.mode === "vouch"
          ? `${formatCount(imported.validCount)} signatures will count at once and enter the public record.`
          : `${formatCount(imported.validCount)} signers will each get a confirmation email, and count once they click its link.`}{" "}
        The import runs in batches; if it stops, it goes on where it stopped.
      </p>
      <div class="actions">
        <form method="post" action={`${base}/start`}>
          <CsrfField token={csrf} />
          {/* What this button was shown for: another tab's mapping, or another file, is refused (409). */}
          <input type="hidden" name="preview" value={previewStamp(imported)} />
          <button type="submit" disabled={imported.validCount === 0}>
            Import {formatCount(imported.validCount)} {imported.validCount === 1 ? "signature" : "signatures"}
          </button>
        </form>
        <DiscardForm csrf={csrf} base={base} />
      </div>
    </section>
  );
}

/** The states an import moves on in by steps: its page presses Continue while it is open. */
const MOVING = new Set<StoredImport["state"]>(["reading", "checking", "running"]);

function checkedCount(imported: StoredImport): number {
  return imported.validCount + imported.refusedCount + imported.duplicateCount;
}

function percent(value: number, max: number): string {
  return `${Math.floor((100 * value) / Math.max(max, 1))}%`;
}

/** A step-by-step part of an import (reading, checking, importing): where it is, and Continue. */
function Progress({
  csrf,
  base,
  title,
  max,
  value,
  label,
  discard = false,
}: {
  csrf: string | null;
  base: string;
  title: string;
  max: number;
  value: number;
  label: string;
  discard?: boolean;
}) {
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{title}</h2>
      <p role="status">
        <label for="import-progress">{label}</label>{" "}
        <progress id="import-progress" max={max} value={value}>
          {label}
        </progress>
      </p>
      <p>
        Each press of Continue takes the next step (a few dozen rows: each step fits the time a request may take). If
        you leave this page, it goes on by itself, a step a minute.
      </p>
      <p id="import-auto" hidden>
        While this page is open, it presses Continue for you.
      </p>
      <div class="actions">
        <form method="post" action={`${base}/continue`} id="import-continue">
          <CsrfField token={csrf} />
          <button type="submit">Continue</button>
        </form>
        {discard && <DiscardForm csrf={csrf} base={base} />}
      </div>
    </section>
  );
}

/** A file found unreadable past its first rows: why, and what to do. */
function Unreadable({ imported, csrf, base }: { imported: StoredImport; csrf: string | null; base: string }) {
  return (
    <section aria-labelledby="unreadable-title">
      <h2 id="unreadable-title">This file can't be imported</h2>
      <div class="error-summary" role="alert">
        <p>{imported.problem}</p>
      </div>
      <p>Nothing of it was imported, and the rows read were deleted. Fix the file and upload it again.</p>
      <DiscardForm csrf={csrf} base={base} />
    </section>
  );
}

function Done({ letter, imported, importedPage, base }: ImportPageProps & { base: string }) {
  const notImported = imported.refusedCount + imported.duplicateCount;
  return (
    <section aria-labelledby="done-title">
      <h2 id="done-title">Done</h2>
      <div role="status">
        <ul class="import-counts">
          <li>
            <strong>{formatCount(imported.importedCount)}</strong> imported
          </li>
          <li>
            <strong>{formatCount(imported.refusedCount)}</strong> refused
          </li>
          <li>
            <strong>{formatCount(imported.duplicateCount)}</strong> duplicates
          </li>
          {imported.unsentCount > 0 && (
            <li>
              <strong>{formatCount(imported.unsentCount)}</strong> confirmation emails could not be sent
            </li>
          )}
        </ul>
      </div>
      {notImported > 0 &&
        (imported.erasedAt ? (
          <p>The rows of this import were erased {IMPORT_RETENTION_DAYS} days after it was done.</p>
        ) : (
          <p>
            <a href={`${base}/refused.csv`} download>
              Download the {formatCount(notImported)} rows not imported (CSV, with the reason in a column)
            </a>
            . Fix them and import that file. The rows are kept {IMPORT_RETENTION_DAYS} days, then erased.
          </p>
        ))}
      <p>
        <a href={`/admin/letters/${letter.slug}/signatures?channel=import`}>
          See every imported signature of the letter
        </a>
      </p>
      {importedPage && importedPage.signatures.length > 0 && (
        <>
          <h3>Signatures this import stored</h3>
          <div class="table-wrap">
            <table class="imported-signatures">
              <thead>
                <tr>
                  <th scope="col">Signatory</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {importedPage.signatures.map((signature) => (
                  <tr>
                    <td>{signature.name}</td>
                    <td>{signature.kind}</td>
                    <td>{STATUSES[signature.status] ?? signature.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {importedPage.olderHref && (
            <p>
              <a href={importedPage.olderHref}>More →</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
