/**
 * One import, at each of its steps: mapping its columns to fields (with the
 * rows' kind and how they count), the preview of every row's result, the
 * progress of the batches (a "Continue" button: no JavaScript needed), and
 * what it imported, with its refused rows as a CSV file.
 */
import { Isolated } from "../bidi";
import type { AdminMessages } from "../../domain/i18n";
import type { Letter } from "../../domain/letter";
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  IMPORT_RETENTION_DAYS,
  PASTED_FILE_NAME,
  PREVIEW_PAGE_ROWS,
  PREVIEW_SHOWS,
  previewStamp,
  readFileProblem,
  type ImportMappingProblem,
  type PreviewShow,
} from "../../domain/signature-import";
import type { PreviewRow } from "../../app/imports";
import type { ImportedSignatureRow, StatusSkips, StoredImport } from "../../storage/imports";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { EmailAddress } from "./email-address";
import { ProblemSummary } from "./form-fields";
import { IMPORT_SCRIPT_PATH } from "./import-script";

/** An import's name as the organizer reads it: its file's, or "pasted rows" in their language. */
export function importName(imported: Pick<StoredImport, "fileName">, t: AdminMessages): string {
  return imported.fileName === PASTED_FILE_NAME ? t.imports.pastedRows : imported.fileName;
}

export interface ImportPageProps {
  letter: Letter;
  csrf: string | null;
  imported: StoredImport;
  /** The first rows' cells, to show beside each column of the mapping. */
  samples: readonly (readonly string[])[];
  /** Why "each signer confirms" can't be chosen here, or null. */
  confirmProblem: ImportMappingProblem | null;
  /** The mapping form's problems, after a refused submission (in words). */
  problems?: readonly string[];
  preview?: { show: PreviewShow; page: number; rows: readonly PreviewRow[] };
  importedPage?: { signatures: readonly ImportedSignatureRow[]; olderHref: string | null };
  /** The refused rows the file's Status column kept out, by why: counted apart from the refused ones. */
  skipped?: StatusSkips;
  flash?: string | null;
}

export function ImportPage(props: ImportPageProps) {
  const { letter, csrf, imported, flash } = props;
  const t = useAdminWords();
  const w = t.imports;
  const base = `/admin/imports/${letter.slug}/${imported.id}`;
  const name = importName(imported, t);
  return (
    <AdminLayout
      title={w.title(name, letter.title)}
      csrf={csrf}
      scripts={MOVING.has(imported.state) ? [IMPORT_SCRIPT_PATH] : []}
      error={(props.problems ?? []).length > 0}
    >
      <p>
        <a href={`/admin/imports/${letter.slug}`}>{w.back(letter.title)}</a>
      </p>
      <h1>{w.heading(name)}</h1>
      {imported.state !== "unreadable" && (
        <p>
          {(imported.state === "reading" ? w.rowsReadSoFar : w.rowsRead)(
            imported.rowCount,
            t.time(imported.createdAt, letter.closesTimeZone),
          )}
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
          title={w.readingTitle}
          max={imported.sourceChars ?? 1}
          value={imported.readAt ?? 0}
          label={w.readingProgress(
            imported.rowCount,
            w.percent(fraction(imported.readAt ?? 0, imported.sourceChars ?? 1)),
          )}
          discard
        />
      )}
      {imported.state === "unreadable" && <Unreadable imported={imported} csrf={csrf} base={base} />}
      {imported.state === "checking" && (
        <Progress
          csrf={csrf}
          base={base}
          title={w.checkingTitle}
          max={imported.rowCount}
          value={checkedCount(imported)}
          label={w.checkingProgress(checkedCount(imported), imported.rowCount)}
          discard
        />
      )}
      {imported.state === "running" && (
        <Progress
          csrf={csrf}
          base={base}
          title={w.runningTitle}
          max={imported.validCount}
          value={imported.validCount - imported.pendingCount}
          label={w.runningProgress(
            imported.validCount - imported.pendingCount,
            imported.validCount,
            imported.importedCount,
          )}
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
  const w = useAdminWords().imports;
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">{w.mappingTitle}</h2>
      <ProblemSummary problems={problems.map((problem) => ({ text: problem }))} />
      <p>{w.mappingIntro}</p>
      <form method="post" action={`${base}/mapping`}>
        <CsrfField token={csrf} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{w.mappingCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.column}</th>
                <th scope="col">{w.firstValues}</th>
                <th scope="col">{w.importedAs}</th>
              </tr>
            </thead>
            <tbody>
              {imported.header.map((name, index) => (
                <tr>
                  <th scope="row">
                    <label for={`column-${index}`}>{name || w.columnNumber(index + 1)}</label>
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
                      {IMPORT_FIELDS.map((field) => (
                        <option value={field} selected={mapping.columns[index] === field}>
                          {w.fields[field]}
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
          <legend>{w.whoSigned}</legend>
          {IMPORT_KINDS.map((kind) => (
            <div class="choice">
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={mapping.kind === kind} />
              <label for={`kind-${kind}`}>{w.kinds[kind]}</label>
            </div>
          ))}
          <p class="hint">{w.kindHint}</p>
        </fieldset>
        <fieldset>
          <legend>{w.howTheyCount}</legend>
          <div class="choice">
            <input type="radio" id="mode-vouch" name="mode" value="vouch" checked={mapping.mode === "vouch"} />
            <label for="mode-vouch">{w.modes.vouch}</label>
            <p class="hint">{w.vouchHint}</p>
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
            <label for="mode-confirm">{w.modes.confirm}</label>
            <p class="hint" id="mode-confirm-hint">
              {confirmProblem ? w.mappingProblem(confirmProblem) : w.confirmHint}
            </p>
          </div>
        </fieldset>
        <button type="submit">{w.check}</button>
      </form>
    </section>
  );
}

/** Discards an import that has not started, with its rows. */
function DiscardForm({ csrf, base }: { csrf: string | null; base: string }) {
  const w = useAdminWords().imports;
  return (
    <form method="post" action={`${base}/discard`}>
      <CsrfField token={csrf} />
      <button type="submit" class="button-secondary">
        {w.discard}
      </button>
    </form>
  );
}

/**
 * The counts of a checked (or done) import's rows not imported: refused by the rules, duplicates, and
 * those the file's Status column kept out (each line only when there are any).
 */
function NotImportedCounts({ imported, skipped }: { imported: StoredImport; skipped?: StatusSkips }) {
  const t = useAdminWords();
  const w = t.imports;
  const { notCounted = 0, unconfirmed = 0 } = skipped ?? {};
  const refused = imported.refusedCount - notCounted - unconfirmed;
  return (
    <>
      <li>
        <strong>{t.number(refused)}</strong> {w.refused(refused)}
      </li>
      <li>
        <strong>{t.number(imported.duplicateCount)}</strong> {w.duplicates(imported.duplicateCount)}
      </li>
      {notCounted > 0 && (
        <li>
          <strong>{t.number(notCounted)}</strong> {w.skippedNotCounted(notCounted)}
        </li>
      )}
      {unconfirmed > 0 && (
        <li>
          <strong>{t.number(unconfirmed)}</strong> {w.skippedUnconfirmed(unconfirmed)}
        </li>
      )}
    </>
  );
}

function Preview({ imported, csrf, preview, skipped, base }: ImportPageProps & { base: string }) {
  const { show, page, rows } = preview!;
  const t = useAdminWords();
  const w = t.imports;
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
      <h2 id="preview-title">{w.previewTitle}</h2>
      <div role="status">
        <ul class="import-counts">
          <li>
            <strong>{t.number(imported.validCount)}</strong> {w.willImport(imported.validCount)}
          </li>
          <NotImportedCounts imported={imported} skipped={skipped} />
        </ul>
      </div>
      {imported.refusedCount + imported.duplicateCount > 0 && (
        <p>
          <a href={`${base}/refused.csv`} download>
            {w.downloadNotImported(imported.refusedCount + imported.duplicateCount)}
          </a>
        </p>
      )}
      <p>
        {w.rules} {imported.mapping.mode === "vouch" ? w.rulesVouch : w.rulesConfirm}
      </p>
      <p>
        {w.show}{" "}
        {PREVIEW_SHOWS.map((key, index) => (
          <>
            {index > 0 && " · "}
            {key === show ? (
              <strong aria-current="true">{w.shows[key]}</strong>
            ) : (
              <a href={href({ show: key })}>{w.shows[key]}</a>
            )}
          </>
        ))}
      </p>
      <div class="table-wrap">
        <table class="preview-rows">
          <caption class="visually-hidden">
            {w.rowsCaption((page - 1) * PREVIEW_PAGE_ROWS + 1, (page - 1) * PREVIEW_PAGE_ROWS + rows.length, matching)}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="number">
                {w.row}
              </th>
              <th scope="col">{w.result}</th>
              <th scope="col">{w.signatory}</th>
              <th scope="col">{w.email}</th>
              <th scope="col">{w.country}</th>
              <th scope="col">{w.why}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td class="number">{row.line}</td>
                <td>
                  <span class={`badge badge-${row.outcome ?? "none"}`}>
                    {row.outcome ? w.outcomes[row.outcome] : ""}
                  </span>
                </td>
                <td>
                  {row.signature ? (
                    <>
                      <strong>
                        <Isolated text={row.signature.name} />
                      </strong>{" "}
                      ({w.kindNames[row.signature.kind]})
                      {row.signature.organization && (
                        <>
                          {" · "}
                          <Isolated text={row.signature.organization} />
                        </>
                      )}
                      {row.signature.title && (
                        <>
                          {" · "}
                          <Isolated text={row.signature.title} />
                        </>
                      )}
                      {row.signature.contactName && <> · {w.contact(row.signature.contactName)}</>}
                      {!row.signature.isPublic && <> · {w.notListed}</>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{row.signature?.email ? <EmailAddress email={row.signature.email} /> : ""}</td>
                <td>{row.signature?.country ?? ""}</td>
                <td>{row.reasons.map((reason) => w.rowProblem(reason)).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={w.pagesOfRows} class="actions">
          {page > 1 && <a href={href({ page: page - 1 })}>{w.previousRows}</a>}
          <span>{w.pageOf(page, pages)}</span>
          {page < pages && <a href={href({ page: page + 1 })}>{w.nextRows}</a>}
        </nav>
      )}
      <h2>{w.runTitle}</h2>
      <p>
        {imported.mapping.mode === "vouch" ? w.runVouch(imported.validCount) : w.runConfirm(imported.validCount)}{" "}
        {w.inBatches}
      </p>
      <div class="actions">
        <form method="post" action={`${base}/start`}>
          <CsrfField token={csrf} />
          {/* What this button was shown for: another tab's mapping, or another file, is refused (409). */}
          <input type="hidden" name="preview" value={previewStamp(imported)} />
          <button type="submit" disabled={imported.validCount === 0}>
            {w.run(imported.validCount)}
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

/** How far `value` is of `max`, from 0 to 1, rounded down to a whole percent. */
function fraction(value: number, max: number): number {
  return Math.floor((100 * value) / Math.max(max, 1)) / 100;
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
  const w = useAdminWords().imports;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{title}</h2>
      <p role="status">
        <label for="import-progress">{label}</label>{" "}
        <progress id="import-progress" max={max} value={value}>
          {label}
        </progress>
      </p>
      <p>{w.steps}</p>
      <p id="import-auto" hidden>
        {w.autoContinue}
      </p>
      <div class="actions">
        <form method="post" action={`${base}/continue`} id="import-continue">
          <CsrfField token={csrf} />
          <button type="submit">{w.continue}</button>
        </form>
        {discard && <DiscardForm csrf={csrf} base={base} />}
      </div>
    </section>
  );
}

/** A file found unreadable past its first rows: why, and what to do. */
function Unreadable({ imported, csrf, base }: { imported: StoredImport; csrf: string | null; base: string }) {
  const w = useAdminWords().imports;
  return (
    <section aria-labelledby="unreadable-title">
      <h2 id="unreadable-title">{w.unreadableTitle}</h2>
      <div class="error-summary" role="alert">
        <p>{imported.problem ? w.fileProblem(readFileProblem(imported.problem)) : ""}</p>
      </div>
      <p>{w.unreadableText}</p>
      <DiscardForm csrf={csrf} base={base} />
    </section>
  );
}

function Done({ letter, imported, importedPage, skipped, base, csrf }: ImportPageProps & { base: string }) {
  const t = useAdminWords();
  const w = t.imports;
  const later = t.importFollowUp;
  const notImported = imported.refusedCount + imported.duplicateCount;
  return (
    <section aria-labelledby="done-title">
      <h2 id="done-title">{w.doneTitle}</h2>
      <div role="status">
        <ul class="import-counts">
          <li>
            <strong>{t.number(imported.importedCount)}</strong> {w.importedCount(imported.importedCount)}
          </li>
          <NotImportedCounts imported={imported} skipped={skipped} />
          {imported.unsentCount > 0 && (
            <li>
              <strong>{t.number(imported.unsentCount)}</strong> {w.unsent(imported.unsentCount)}
            </li>
          )}
          {imported.emailsWaiting > 0 && (
            <li>
              <strong>{t.number(imported.emailsWaiting)}</strong> {later.emailsWaiting(imported.emailsWaiting)}
            </li>
          )}
          {imported.emailsGivenUp > 0 && (
            <li>
              <strong>{t.number(imported.emailsGivenUp)}</strong> {later.emailsGivenUp(imported.emailsGivenUp)}
            </li>
          )}
        </ul>
      </div>
      {imported.emailsWaiting > 0 && (
        // The cron sends them within minutes; this sends those due now (app/imports.ts moveImport).
        <form method="post" action={`${base}/continue`}>
          <CsrfField token={csrf} />
          <button type="submit">{later.sendNow}</button>
        </form>
      )}
      {notImported > 0 &&
        (imported.erasedAt ? (
          <p>{w.erased(IMPORT_RETENTION_DAYS)}</p>
        ) : (
          <p>
            <a href={`${base}/refused.csv`} download>
              {w.downloadRefused(notImported)}
            </a>
            {w.fixThem(IMPORT_RETENTION_DAYS)}
          </p>
        ))}
      <p>
        <a href={`/admin/letters/${letter.slug}/signatures?channel=import`}>{w.seeImported}</a>
      </p>
      {importedPage && importedPage.signatures.length > 0 && (
        <>
          <h3>{w.storedTitle}</h3>
          <div class="table-wrap">
            <table class="imported-signatures">
              <thead>
                <tr>
                  <th scope="col">{w.signatory}</th>
                  <th scope="col">{w.kind}</th>
                  <th scope="col">{w.status}</th>
                </tr>
              </thead>
              <tbody>
                {importedPage.signatures.map((signature) => (
                  <tr>
                    <td>{signature.name}</td>
                    <td>{w.kindNames[signature.kind]}</td>
                    <td>
                      {w.statuses[signature.status] ?? signature.status}
                      {signature.confirmationMail && (
                        <>
                          {" "}
                          <span class="badge">
                            {signature.confirmationMail === "waiting" ? later.markerWaiting : later.markerGivenUp}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {importedPage.olderHref && (
            <p>
              <a href={importedPage.olderHref}>{w.more}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
