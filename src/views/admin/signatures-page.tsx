/**
 * A letter's signatures for its organizers: search and filters (organizations
 * verified or not among them), a page of rows newest first with each one's
 * status, flag and channel, and for an organization its contact person and
 * role, website, authorization statement and verification (private: here and
 * in the export only), the actions that apply to each (marking an
 * organization verified, or removing the mark, among them), bulk actions
 * over the selected rows or everything that matches (confirmed on a second
 * page that says how many will change), the sign attempts refused and why,
 * the form for entering a signature received on paper or by email (an
 * organization with its website and contact, or a person), and the
 * signatures found to share a mailbox (signed twice in two spellings before
 * the mailbox rule), by name, for organizers to decide.
 */
import { Can } from "./can";
import { SUSPICION_FLAGS, type SuspicionFlag } from "../../domain/bots";
import { countryName, countryOptions } from "../../domain/countries";
import type { Letter } from "../../domain/letter";
import { RECEIVED_BY, type ManualErrors, type ManualValues } from "../../domain/manual-signature";
import { filterParams, SIGNATURE_CHANNELS, type SignatureFilter } from "../../domain/signature-filter";
import { MODERATION_ACTIONS, moderate, type ModerationAction } from "../../domain/signing";
import { SIGNATURE_STATUSES, type SignatureStatus } from "../../domain/signature";
import type { SharedMailbox, SharedMailboxEntry } from "../../storage/mailbox-duplicates";
import type { OrganizerSignatureRow } from "../../storage/signatures";
import { formatDate, formatDateTime, formatMoment, formatNumber } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { ExportLinks } from "./export-links";
import { ErrorSummary, Field, hasErrors, ProblemSummary } from "./form-fields";
import { RefusedAttempts } from "./refused-attempts";
import type { RefusedAttemptCount } from "../../storage/refused-sign-attempts";

export const ACTION_LABELS: Record<ModerationAction, string> = {
  approve: "Approve",
  reject: "Reject",
  hide: "Hide",
  restore: "Restore",
};
export const STATUS_LABELS: Record<SignatureStatus, string> = {
  unconfirmed: "waiting for email confirmation",
  in_review: "waiting for review",
  confirmed: "counted",
  rejected: "rejected",
  hidden: "hidden",
  withdrawn: "withdrawn",
};
const CHANNEL_LABELS: Record<string, string> = {
  initial: "letter file",
  form: "sign form",
  api: "API",
  manual: "entered by hand",
  import: "imported",
};

/** "Verified by the organizers on March 3, 2031", or how its contact's email verified it. */
export function verificationLine(
  signature: Pick<OrganizerSignatureRow, "verification" | "verifiedAt" | "verifiedDomain">,
) {
  if (!signature.verification || !signature.verifiedAt) return null;
  const on = formatDate(signature.verifiedAt);
  return signature.verification === "organizers"
    ? `Verified by the organizers on ${on}`
    : `Verified by email domain on ${on}: its contact confirmed an address at ${signature.verifiedDomain ?? "its website's domain"}`;
}

/** Whether the contact stated they may sign for the organization: when, or that organizers entered it. */
function authorizationLine(signature: OrganizerSignatureRow): string {
  if (signature.authorizedAt) return `Authorized: stated on ${formatDate(signature.authorizedAt)}`;
  if (signature.channel === "manual" || signature.channel === "import" || signature.channel === "initial")
    return "Authorized: entered by organizers";
  return "Authorized: not stated (signed before the statement was asked)";
}

/** What organizers see of an organization besides its public details: contact, website, authorization, verification. */
function OrganizationFacts({ signature }: { signature: OrganizerSignatureRow }) {
  const contact = [signature.contactName, signature.contactRole].filter(Boolean).join(", ");
  const verified = verificationLine(signature);
  return (
    <>
      <br />
      <span class="meta organization-contact">Contact: {contact || "none given"}</span>
      {signature.website && (
        <>
          <br />
          <span class="meta">
            Website:{" "}
            <a href={signature.website} rel="nofollow noopener noreferrer">
              {signature.website}
            </a>
          </span>
        </>
      )}
      <br />
      <span class="meta">{authorizationLine(signature)}</span>
      <br />
      {verified ? (
        <span class="badge badge-verified">{verified}</span>
      ) : (
        <span class="badge badge-unverified">not verified</span>
      )}
      {signature.verification === "email-domain" && signature.verifiedDomain && (
        <span class="meta"> Removing the mark forgets {signature.verifiedDomain} for it.</span>
      )}
      {signature.channel === "import" && (signature.importName || signature.importId !== null) && (
        <>
          <br />
          <span class="meta">Imported from {signature.importName ?? `import ${signature.importId}`}</span>
        </>
      )}
    </>
  );
}

export interface SignaturesPageProps {
  letter: Letter;
  csrf: string | null;
  filter: SignatureFilter;
  filterProblems: readonly string[];
  matching: number;
  signatures: readonly OrganizerSignatureRow[];
  /** The next (older) page, when there is one. */
  olderHref: string | null;
  flash: string | null;
  manual: { values: ManualValues; errors: ManualErrors };
  /** Pairs of the letter's signatures that share a mailbox (migrations/0010), and whether more were left out. */
  sharedMailboxes: { pairs: readonly SharedMailbox[]; more: boolean };
  /** Sign attempts refused after validation, per reason (see app/sign-attempts.ts), and the days "recent" covers. */
  refused: { counts: readonly RefusedAttemptCount[]; recentDays: number };
  /** Why a bulk change was not reviewed (nothing was selected), shown above the list. */
  bulkProblem?: string | null;
}

function SharedMailboxCell({ entry, base }: { entry: SharedMailboxEntry; base: string }) {
  return (
    <td>
      <a href={`${base}?${new URLSearchParams({ q: entry.name })}`}>
        <strong>{entry.name}</strong>
      </a>
      <br />
      <span class="meta">
        {entry.kind === "organization" ? "Organization" : "Individual"}
        {entry.organization ? ` · ${entry.organization}` : ""} · signed{" "}
        <time datetime={entry.signedAt}>{formatDateTime(entry.signedAt)}</time>
      </span>
      <br />
      <span class={`badge badge-${entry.status}`}>{STATUS_LABELS[entry.status]}</span>
    </td>
  );
}

/** Signatures made before the mailbox rule that reach one inbox: both kept, shown by name, never by email. */
function SharedMailboxes({ shared, base }: { shared: SignaturesPageProps["sharedMailboxes"]; base: string }) {
  if (shared.pairs.length === 0) return null;
  return (
    <section aria-labelledby="shared-mailboxes" class="shared-mailboxes">
      <h2 id="shared-mailboxes">Signed twice from one mailbox?</h2>
      <p>
        These signatures were made before signatures were compared by mailbox. Each pair came from one inbox in two
        spellings of its address (with and without dots in a Gmail address, a +tag, googlemail.com for gmail.com, or
        capitals). Both are still as they were: nothing was removed or uncounted. If one person signed twice, hide one
        of the two.
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Pairs of signatures from one mailbox</caption>
          <thead>
            <tr>
              <th scope="col">Signature</th>
              <th scope="col">Same mailbox as</th>
            </tr>
          </thead>
          <tbody>
            {shared.pairs.map((pair) => (
              <tr>
                <SharedMailboxCell entry={pair.later} base={base} />
                <SharedMailboxCell entry={pair.holder} base={base} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shared.more && <p class="meta">Only the first {formatNumber(shared.pairs.length)} pairs are shown.</p>}
    </section>
  );
}

/** Who last changed a signature, and when (in the letter's time zone, named): "Hidden by Ana, …". */
function LastChange({
  change,
  timeZone,
}: {
  change: NonNullable<OrganizerSignatureRow["lastChange"]>;
  timeZone: string;
}) {
  const t = useAdminWords();
  const w = t.activity;
  const what = Object.hasOwn(w.lastChange.what, change.action)
    ? w.lastChange.what[change.action]!
    : w.lastChange.changed;
  return (
    <>
      <br />
      <span class="meta last-change">
        {w.lastChange.by(what, change.by ?? w.system, "")}
        <time datetime={change.at}>{formatMoment(change.at, timeZone, t.locale)}</time>
      </span>
    </>
  );
}

function Row({
  signature,
  slug,
  filter,
  timeZone,
}: {
  signature: OrganizerSignatureRow;
  slug: string;
  filter: SignatureFilter;
  timeZone: string;
}) {
  const base = `/admin/letters/${slug}/signatures`;
  const query = filterParams(filter).toString();
  const details = [
    signature.kind === "individual" ? signature.organization : null,
    signature.title,
    signature.city,
    signature.country ? countryName(signature.country, "en") : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <tr>
      <td class="row-select">
        <input
          type="checkbox"
          name="ref"
          value={signature.ref}
          id={`select-${signature.ref}`}
          aria-label={`Select ${signature.name}`}
        />
      </td>
      <td>
        <label for={`select-${signature.ref}`}>
          <strong>{signature.name}</strong>
        </label>
        <br />
        <span class="meta">
          {signature.kind === "organization" ? "Organization" : "Individual"}
          {details ? ` · ${details}` : ""}
          {signature.isPublic ? "" : " · not listed publicly"}
        </span>
        {signature.kind === "organization" && <OrganizationFacts signature={signature} />}
      </td>
      <td data-label="Email">{signature.email ?? <span class="meta">none</span>}</td>
      <td data-label="Status">
        <span class={`badge badge-${signature.status}`}>{STATUS_LABELS[signature.status]}</span>
        {signature.lastChange && <LastChange change={signature.lastChange} timeZone={timeZone} />}
        {signature.flag && (
          <>
            <br />
            <span class="badge badge-flag" title={SUSPICION_FLAGS[signature.flag as SuspicionFlag] ?? signature.flag}>
              flagged: {SUSPICION_FLAGS[signature.flag as SuspicionFlag] ?? signature.flag}
            </span>
          </>
        )}
      </td>
      <td data-label="Came through">
        {CHANNEL_LABELS[signature.channel] ?? signature.channel}
        {signature.source ? ` (${signature.source})` : ""}
      </td>
      <td data-label="Signed">
        <time datetime={signature.createdAt}>{formatDateTime(signature.createdAt)}</time>
      </td>
      <td data-label="Actions" class="row-actions">
        {MODERATION_ACTIONS.filter((action) => moderate(action, signature.status) !== null).map((action) => (
          <button
            type="submit"
            class="button-secondary"
            formaction={`/admin/letters/${slug}/signatures/${signature.ref}/${action}`}
          >
            {ACTION_LABELS[action]}
            <span class="visually-hidden"> {signature.name}</span>
          </button>
        ))}
        {signature.status === "unconfirmed" && signature.email && (
          <button type="submit" class="button-secondary" formaction={`${base}/${signature.ref}/resend`}>
            Send the confirmation email again<span class="visually-hidden"> to {signature.name}</span>
          </button>
        )}
        {signature.status === "unconfirmed" && (
          <a class="button-link" href={`${base}/${signature.ref}/confirm${query ? `?${query}` : ""}`}>
            Confirm<span class="visually-hidden"> {signature.name}</span> for the signer…
          </a>
        )}
        {signature.kind === "organization" && (
          <button
            type="submit"
            class="button-secondary"
            formaction={`/admin/letters/${slug}/signatures/${signature.ref}/${signature.verification ? "unverify" : "verify"}`}
          >
            {signature.verification ? (
              <>
                Remove the verified mark<span class="visually-hidden"> from {signature.name}</span>
              </>
            ) : (
              <>
                Mark<span class="visually-hidden"> {signature.name}</span> verified
              </>
            )}
          </button>
        )}
      </td>
    </tr>
  );
}

function FilterForm({ filter, action }: { filter: SignatureFilter; action: string }) {
  return (
    <form method="get" action={action} class="filters" role="search" aria-label="Filter the signatures">
      <Field name="q" id="filter-q" label="Search">
        {(attributes) => (
          <input
            type="search"
            {...attributes}
            value={filter.q ?? ""}
            placeholder="Name, organization, contact or email"
          />
        )}
      </Field>
      <Field name="status" id="filter-status" label="Status">
        {(attributes) => (
          <select {...attributes}>
            <option value="">Any</option>
            {SIGNATURE_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="kind" id="filter-kind" label="Kind">
        {(attributes) => (
          <select {...attributes}>
            <option value="">Any</option>
            <option value="organization" selected={filter.kind === "organization"}>
              Organizations
            </option>
            <option value="individual" selected={filter.kind === "individual"}>
              Individuals
            </option>
          </select>
        )}
      </Field>
      <Field name="country" id="filter-country" label="Country">
        {(attributes) => (
          <select {...attributes}>
            <option value="">Any</option>
            {countryOptions("en").map(({ code, name }) => (
              <option value={code} selected={filter.country === code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="channel" id="filter-channel" label="Came through">
        {(attributes) => (
          <select {...attributes}>
            <option value="">Any</option>
            {SIGNATURE_CHANNELS.map((channel) => (
              <option value={channel} selected={filter.channel === channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="from" id="filter-from" label="Signed from">
        {(attributes) => <input type="date" {...attributes} value={filter.from ?? ""} />}
      </Field>
      <Field name="to" id="filter-to" label="Signed until">
        {(attributes) => <input type="date" {...attributes} value={filter.to ?? ""} />}
      </Field>
      <Field name="verified" id="filter-verified" label="Verified">
        {(attributes) => (
          <select {...attributes}>
            <option value="">Any</option>
            <option value="yes" selected={filter.verified === "yes"}>
              Verified organizations
            </option>
            <option value="no" selected={filter.verified === "no"}>
              Organizations not verified
            </option>
          </select>
        )}
      </Field>
      <div class="choice">
        <input type="checkbox" id="filter-flagged" name="flagged" value="1" checked={filter.flagged === true} />
        <label for="filter-flagged">Flagged only</label>
      </div>
      <button type="submit">Filter</button>
      <a href={action}>Clear</a>
    </form>
  );
}

/** The hidden fields that carry the filter through a post. */
export function FilterFields({ filter }: { filter: SignatureFilter }) {
  return (
    <>
      {[...filterParams(filter)].map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function ManualEntry({
  slug,
  csrf,
  values,
  errors,
}: {
  slug: string;
  csrf: string | null;
  values: ManualValues;
  errors: ManualErrors;
}) {
  const labels: Record<string, string> = {
    kind: "Kind",
    organization_name: "Organization's name",
    website: "Website",
    contact_name: "Contact's name",
    contact_role: "Contact's role",
    name: "Person's name",
    organization: "Affiliation",
    title: "Title",
    city: "City",
    country: "Country",
    email: "Email",
    received: "Received",
  };
  const text = (name: keyof ManualValues, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      {(attributes) => <input type="text" {...attributes} value={values[name] ?? ""} />}
    </Field>
  );
  return (
    <section aria-labelledby="manual-title">
      <h2 id="manual-title">Add a signature received on paper or by email</h2>
      <p class="hint">
        It counts at once, marked as entered by hand. One signature per organization: an organization that has already
        signed (its name compared without accents, capitals or punctuation) can't be added again. With an email address,
        a person can't sign again with it; an organization's contact may also sign as a person.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/admin/letters/${slug}/signatures`} novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>Who signed</legend>
          {(["organization", "individual"] as const).map((kind) => (
            <div class="choice">
              <input
                type="radio"
                name="kind"
                id={kind === "organization" ? "field-kind" : "field-kind-individual"}
                value={kind}
                checked={(values.kind ?? "organization") === kind}
              />
              <label for={kind === "organization" ? "field-kind" : "field-kind-individual"}>
                {kind === "organization" ? "An organization" : "A person"}
              </label>
            </div>
          ))}
          {errors.kind && <span class="field-error">{errors.kind}</span>}
        </fieldset>
        <fieldset>
          <legend>An organization: fill these in (leave the person's empty)</legend>
          {text("organization_name", "Organization's name (public)", "Names may begin with + - or @, like +Acumen.")}
          <Field
            name="website"
            label="Organization's website (optional, public)"
            hint="Like example.org or https://example.org/"
            error={errors.website}
          >
            {(attributes) => <input type="url" {...attributes} value={values.website ?? ""} />}
          </Field>
          {text("contact_name", "Contact person's name (optional, never shown publicly)")}
          {text("contact_role", "Contact person's role in it (optional, never shown publicly)")}
        </fieldset>
        <fieldset>
          <legend>A person: fill these in (leave the organization's empty)</legend>
          {text("name", "Person's full name (public)")}
          {text("organization", "Affiliation (optional, public)")}
          {text("title", "Title (optional, public)")}
        </fieldset>
        {text("city", "City (optional)")}
        <Field name="country" label="Country (optional)" error={errors.country}>
          {(attributes) => (
            <select {...attributes}>
              <option value="">—</option>
              {countryOptions("en").map(({ code, name }) => (
                <option value={code} selected={values.country === code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="email"
          label="Email (optional, never shown)"
          hint="For an organization, its contact person's."
          error={errors.email}
        >
          {(attributes) => <input type="email" {...attributes} value={values.email ?? ""} />}
        </Field>
        <Field name="received" label="Received" error={errors.received}>
          {(attributes) => (
            <select {...attributes}>
              {Object.entries(RECEIVED_BY).map(([value, label]) => (
                <option value={value} selected={(values.received ?? "paper") === value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="choice">
          <input
            type="checkbox"
            id="field-public"
            name="public"
            value="1"
            checked={values.public === undefined || values.public !== ""}
          />
          <label for="field-public">List the name publicly</label>
        </div>
        <button type="submit">Add the signature</button>
      </form>
    </section>
  );
}

export function SignaturesPage({
  letter,
  csrf,
  filter,
  filterProblems,
  matching,
  signatures,
  olderHref,
  flash,
  manual,
  sharedMailboxes,
  refused,
  bulkProblem = null,
}: SignaturesPageProps) {
  const base = `/admin/letters/${letter.slug}/signatures`;
  return (
    <AdminLayout
      title={`Signatures: ${letter.title}`}
      csrf={csrf}
      error={filterProblems.length > 0 || hasErrors(manual.errors) || bulkProblem !== null}
    >
      <p>
        <a href={`/admin/letters/${letter.slug}`}>← {letter.title}</a>
      </p>
      <h1>Signatures</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>
        {formatNumber(letter.counts.total)} counted ({formatNumber(letter.counts.organizations)} organizations,{" "}
        {formatNumber(letter.counts.individuals)} individuals); {formatNumber(letter.pendingCount)} waiting.{" "}
        <Can permission="edit-letters">
          <a href={`/admin/letters/${letter.slug}/order`}>Set the order of organizations</a> ·{" "}
        </Can>
        <a href={`/admin/imports/${letter.slug}`}>Import signatures</a>
      </p>
      <SharedMailboxes shared={sharedMailboxes} base={base} />
      <FilterForm filter={filter} action={base} />
      <ProblemSummary
        id="filter-problems"
        title="The filter has problems"
        problems={filterProblems.map((problem) => ({ text: problem }))}
      />
      <ProblemSummary id="bulk-problems" problems={bulkProblem ? [{ text: bulkProblem, href: "#bulk-action" }] : []} />
      <p role="status">{matching === 1 ? "1 signature matches." : `${formatNumber(matching)} signatures match.`}</p>
      <form method="post" action={`${base}/bulk`}>
        <CsrfField token={csrf} />
        <FilterFields filter={filter} />
        {signatures.map((signature) => (
          <input type="hidden" name="page_ref" value={signature.ref} />
        ))}
        <fieldset class="filters">
          <legend>Change several at once</legend>
          <Field name="action" id="bulk-action" label="Action">
            {(attributes) => (
              <select {...attributes}>
                {MODERATION_ACTIONS.map((action) => (
                  <option value={action}>{ACTION_LABELS[action]}</option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <div class="choice">
              <input type="radio" id="scope-selected" name="scope" value="selected" checked />
              <label for="scope-selected">The rows I selected</label>
            </div>
            {signatures.length > 0 && (
              <div class="choice">
                <input type="radio" id="scope-page" name="scope" value="page" />
                <label for="scope-page">
                  {signatures.length === 1
                    ? "The 1 row on this page"
                    : `All ${formatNumber(signatures.length)} rows on this page`}
                </label>
              </div>
            )}
            <div class="choice">
              <input type="radio" id="scope-matching" name="scope" value="matching" />
              <label for="scope-matching">All {formatNumber(matching)} that match</label>
            </div>
          </div>
          <button type="submit" name="step" value="review">
            Review the change
          </button>
        </fieldset>
        {signatures.length === 0 ? (
          <p>No signature matches.</p>
        ) : (
          <div class="table-wrap">
            <table class="stacked-table">
              <caption class="visually-hidden">Signatures, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Signatory</th>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  <th scope="col">Came through</th>
                  <th scope="col">Signed</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {signatures.map((signature) => (
                  <Row signature={signature} slug={letter.slug} filter={filter} timeZone={letter.closesTimeZone} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </form>
      {olderHref && (
        <p class="pagination">
          <a href={olderHref}>Older signatures</a>
        </p>
      )}
      <ExportLinks slug={letter.slug} filter={filter} />
      <RefusedAttempts counts={refused.counts} recentDays={refused.recentDays} />
      <ManualEntry slug={letter.slug} csrf={csrf} values={manual.values} errors={manual.errors} />
    </AdminLayout>
  );
}
