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
import { wallClockTime } from "../../domain/time-zones";
import { Can } from "./can";
import type { AdminMessages } from "../../domain/i18n";
import { countryName, countryOptions } from "../../domain/countries";
import type { Letter } from "../../domain/letter";
import { RECEIVED_BY, type ManualErrors, type ManualValues, type ReceivedBy } from "../../domain/manual-signature";
import { filterParams, SIGNATURE_CHANNELS, type SignatureFilter } from "../../domain/signature-filter";
import { MODERATION_ACTIONS, moderate } from "../../domain/signing";
import { SIGNATURE_STATUSES } from "../../domain/signature";
import { flagWords, sourceWords } from "../../domain/signature-export";
import type { SharedMailbox, SharedMailboxEntry } from "../../storage/mailbox-duplicates";
import type { OrganizerSignatureRow } from "../../storage/signatures";
import { Isolated } from "../bidi";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { EmailAddress } from "./email-address";
import { LetterZoneNote, Time } from "./time";
import { ExportLinks } from "./export-links";
import { ErrorSummary, Field, FilterDate, FilterSelect, hasErrors, ProblemSummary } from "./form-fields";
import { RefusedAttempts } from "./refused-attempts";
import type { RefusedAttemptCount } from "../../storage/refused-sign-attempts";

/** The day of the instant `iso` in the IANA `zone` (the letter's), in the reader's words: "November 30, 2026". */
function dayIn(t: AdminMessages, iso: string, zone: string): string {
  return t.date(wallClockTime(iso, zone).slice(0, 10));
}

/**
 * "Verified by the organizers on March 3, 2031", or how its contact's email verified it; the day
 * read in `zone` (the letter's), like the signing times beside it.
 */
export function verificationLine(
  signature: Pick<OrganizerSignatureRow, "verification" | "verifiedAt" | "verifiedDomain">,
  t: AdminMessages,
  zone: string,
) {
  if (!signature.verification || !signature.verifiedAt) return null;
  const on = dayIn(t, signature.verifiedAt, zone);
  return signature.verification === "organizers"
    ? t.signatures.verifiedByOrganizers(on)
    : t.signatures.verifiedByDomain(on, signature.verifiedDomain ?? t.signatures.itsWebsiteDomain);
}

/** Whether the contact stated they may sign for the organization: when (the day in `zone`), or that organizers entered it. */
function authorizationLine(signature: OrganizerSignatureRow, t: AdminMessages, zone: string): string {
  if (signature.authorizedAt) return t.signatures.authorizedOn(dayIn(t, signature.authorizedAt, zone));
  if (signature.channel === "manual" || signature.channel === "import" || signature.channel === "initial")
    return t.signatures.authorizedByOrganizers;
  return t.signatures.authorizedNotStated;
}

/** What organizers see of an organization besides its public details: contact, website, authorization, verification. */
function OrganizationFacts({ signature, timeZone }: { signature: OrganizerSignatureRow; timeZone: string }) {
  const t = useAdminWords();
  const w = t.signatures;
  const contact = [signature.contactName, signature.contactRole].filter(Boolean).join(", ");
  const verified = verificationLine(signature, t, timeZone);
  return (
    <>
      <br />
      <span class="meta organization-contact">{w.contact(contact || w.noContact)}</span>
      {signature.website && (
        <>
          <br />
          <span class="meta">
            {w.website}{" "}
            <a href={signature.website} rel="nofollow noopener noreferrer">
              {signature.website}
            </a>
          </span>
        </>
      )}
      <br />
      <span class="meta">{authorizationLine(signature, t, timeZone)}</span>
      <br />
      {verified ? (
        <span class="badge badge-verified">{verified}</span>
      ) : (
        <span class="badge badge-unverified">{w.notVerified}</span>
      )}
      {signature.verification === "email-domain" && signature.verifiedDomain && (
        <span class="meta">{w.removingForgets(signature.verifiedDomain)}</span>
      )}
      {signature.channel === "import" && (signature.importName || signature.importId !== null) && (
        <>
          <br />
          <span class="meta">{w.importedFrom(signature.importName ?? w.importNumber(signature.importId!))}</span>
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
  /**
   * How many signatures match: exactly, or more than `count` (app/signature-lists.ts COUNTED_MATCHES);
   * `of` which ones (app/signature-lists.ts MatchCount): all of the letter's by default.
   */
  matching: { count: number; more: boolean; of?: "all" | "window" | "from-page" };
  /** The signatures a search by text looked through, when it stopped before the letter's first one (else null). */
  searched?: number | null;
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
  /** What can be done now for a signature waiting for its email (app/moderation.ts waitingActions); both unless said. */
  waiting?: { resend: boolean; confirm: boolean };
}

function SharedMailboxCell({ entry, base, timeZone }: { entry: SharedMailboxEntry; base: string; timeZone: string }) {
  const t = useAdminWords();
  const w = t.signatures;
  return (
    <td>
      <a href={`${base}?${new URLSearchParams({ q: entry.name })}`}>
        <strong>
          <Isolated text={entry.name} />
        </strong>
      </a>
      <br />
      <span class="meta">
        {entry.kind === "organization" ? w.organization : w.individual}
        {entry.organization && (
          <>
            {" · "}
            <Isolated text={entry.organization} />
          </>
        )}{" "}
        · {w.signedAt} <Time iso={entry.signedAt} zone={timeZone} />
      </span>
      <br />
      <span class={`badge badge-${entry.status}`}>{w.statuses[entry.status]}</span>
    </td>
  );
}

/** Signatures made before the mailbox rule that reach one inbox: both kept, shown by name, never by email. */
function SharedMailboxes({
  shared,
  base,
  timeZone,
}: {
  shared: SignaturesPageProps["sharedMailboxes"];
  base: string;
  timeZone: string;
}) {
  const w = useAdminWords().signatures;
  if (shared.pairs.length === 0) return null;
  return (
    <section aria-labelledby="shared-mailboxes" class="shared-mailboxes">
      <h2 id="shared-mailboxes">{w.sharedTitle}</h2>
      <p>{w.sharedText}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{w.sharedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.signature}</th>
              <th scope="col">{w.sameMailboxAs}</th>
            </tr>
          </thead>
          <tbody>
            {shared.pairs.map((pair) => (
              <tr>
                <SharedMailboxCell entry={pair.later} base={base} timeZone={timeZone} />
                <SharedMailboxCell entry={pair.holder} base={base} timeZone={timeZone} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shared.more && <p class="meta">{w.onlyFirstPairs(shared.pairs.length)}</p>}
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
        {w.lastChange.by(
          what,
          change.by === null ? w.system : t.people.nameOf({ id: change.byId, name: change.by }),
          "",
        )}
        <Time iso={change.at} zone={timeZone} />
      </span>
    </>
  );
}

/**
 * How a signature came, said once: its channel, with its partner's attribution ("form (partner-x)"),
 * or, for one entered by hand, how it was received ("received on paper").
 */
function cameThrough(signature: Pick<OrganizerSignatureRow, "channel" | "source">, t: AdminMessages): string {
  const received: Record<string, string> = t.signatures.manual.receivedAs;
  if (signature.channel === "manual" && signature.source && Object.hasOwn(received, signature.source))
    return received[signature.source]!;
  const channels: Record<string, string> = t.signatures.channels;
  const channel = channels[signature.channel] ?? signature.channel;
  return signature.source ? `${channel} (${sourceWords(signature, t)})` : channel;
}
function Row({
  signature,
  slug,
  filter,
  timeZone,
  waiting,
}: {
  signature: OrganizerSignatureRow;
  slug: string;
  filter: SignatureFilter;
  timeZone: string;
  waiting: { resend: boolean; confirm: boolean };
}) {
  const t = useAdminWords();
  const w = t.signatures;
  const base = `/admin/letters/${slug}/signatures`;
  const query = filterParams(filter).toString();
  const details = [
    signature.kind === "individual" ? signature.organization : null,
    signature.title,
    signature.city,
    signature.country ? countryName(signature.country, t.locale) : null,
  ].filter((part): part is string => Boolean(part));
  return (
    <tr>
      <td class="row-select">
        <input
          type="checkbox"
          name="ref"
          value={signature.ref}
          id={`select-${signature.ref}`}
          aria-label={w.select(signature.name)}
        />
      </td>
      <td>
        <label for={`select-${signature.ref}`}>
          <strong>
            <Isolated text={signature.name} />
          </strong>
        </label>
        <br />
        <span class="meta">
          {signature.kind === "organization" ? w.organization : w.individual}
          {details.map((part, index) => (
            <>
              {index === 0 ? " · " : ", "}
              <Isolated text={part} />
            </>
          ))}
          {signature.isPublic ? "" : w.notListed}
        </span>
        {signature.kind === "organization" && <OrganizationFacts signature={signature} timeZone={timeZone} />}
      </td>
      <td data-label={w.email}>
        {signature.email ? <EmailAddress email={signature.email} /> : <span class="meta">{w.none}</span>}
      </td>
      <td data-label={w.status}>
        <span class={`badge badge-${signature.status}`}>{w.statuses[signature.status]}</span>
        {signature.lastChange && <LastChange change={signature.lastChange} timeZone={timeZone} />}
        {signature.flag && (
          <>
            <br />
            <span class="badge badge-flag" title={flagWords(signature.flag, t)}>
              {w.flagged(flagWords(signature.flag, t))}
            </span>
          </>
        )}
      </td>
      <td data-label={w.cameThrough}>{cameThrough(signature, t)}</td>
      <td data-label={w.signed}>
        <Time iso={signature.createdAt} zone={timeZone} />
      </td>
      <td data-label={w.actionsColumn} class="row-actions">
        {MODERATION_ACTIONS.filter((action) => moderate(action, signature.status) !== null).map((action) => (
          <button
            type="submit"
            class="button-secondary"
            formaction={`/admin/letters/${slug}/signatures/${signature.ref}/${action}`}
          >
            {w.actions[action]}
            <span class="visually-hidden"> {signature.name}</span>
          </button>
        ))}
        {signature.status === "unconfirmed" && signature.email && waiting.resend && (
          <button type="submit" class="button-secondary" formaction={`${base}/${signature.ref}/resend`}>
            {w.resend}
            <span class="visually-hidden">{w.resendTo(signature.name)}</span>
          </button>
        )}
        {signature.status === "unconfirmed" && waiting.confirm && (
          <a class="button-link" href={`${base}/${signature.ref}/confirm${query ? `?${query}` : ""}`}>
            {w.confirmFor}
            <span class="visually-hidden"> {signature.name}</span>
            {w.confirmForSigner}
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
                {w.removeMark}
                <span class="visually-hidden">{w.removeMarkFrom(signature.name)}</span>
              </>
            ) : (
              <>
                {w.mark}
                <span class="visually-hidden"> {signature.name}</span>
                {w.markVerified}
              </>
            )}
          </button>
        )}
      </td>
    </tr>
  );
}

function FilterForm({ filter, action }: { filter: SignatureFilter; action: string }) {
  const t = useAdminWords();
  const w = t.signatures;
  return (
    <form method="get" action={action} class="filters" role="search" aria-label={w.filterLabel}>
      <Field name="q" id="filter-q" label={w.search}>
        {(attributes) => (
          <input type="search" {...attributes} value={filter.q ?? ""} placeholder={w.searchPlaceholder} />
        )}
      </Field>
      <FilterSelect
        name="status"
        label={w.status}
        any={w.any}
        selected={filter.status}
        options={SIGNATURE_STATUSES.map((status) => ({ value: status, label: w.statuses[status] }))}
      />
      <FilterSelect
        name="kind"
        label={w.kind}
        any={w.any}
        selected={filter.kind}
        options={[
          { value: "organization", label: w.organizations },
          { value: "individual", label: w.individuals },
        ]}
      />
      <FilterSelect
        name="country"
        label={w.country}
        any={w.any}
        selected={filter.country}
        options={countryOptions(t.locale).map(({ code, name }) => ({ value: code, label: name }))}
      />
      <FilterSelect
        name="channel"
        label={w.cameThrough}
        any={w.any}
        selected={filter.channel}
        options={SIGNATURE_CHANNELS.map((channel) => ({ value: channel, label: w.channels[channel] ?? channel }))}
      />
      <FilterDate name="from" label={w.from} value={filter.from} />
      <FilterDate name="to" label={w.to} value={filter.to} />
      <FilterSelect
        name="verified"
        label={w.verified}
        any={w.any}
        selected={filter.verified}
        options={[
          { value: "yes", label: w.verifiedOrganizations },
          { value: "no", label: w.unverifiedOrganizations },
        ]}
      />
      <div class="choice">
        <input type="checkbox" id="filter-flagged" name="flagged" value="1" checked={filter.flagged === true} />
        <label for="filter-flagged">{w.flaggedOnly}</label>
      </div>
      <button type="submit">{w.filter}</button>
      <a href={action}>{w.clear}</a>
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
  const t = useAdminWords();
  const w = t.signatures.manual;
  const labels = w.labels;
  const fieldsOf = {
    organization: ["organization_name", "website", "contact_name", "contact_role"],
    individual: ["name", "organization", "title"],
  } as const;
  const group = (kind: keyof typeof fieldsOf) =>
    `kind-fields kind-fields-${kind}${fieldsOf[kind].some((name) => errors[name] !== undefined) ? " kind-fields-invalid" : ""}`;
  const text = (name: keyof ManualValues, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      {(attributes) => <input type="text" {...attributes} value={values[name] ?? ""} />}
    </Field>
  );
  return (
    <section aria-labelledby="manual-title">
      <h2 id="manual-title">{w.title}</h2>
      <p class="hint">{w.hint}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/admin/letters/${slug}/signatures`} novalidate class="manual-entry">
        <CsrfField token={csrf} />
        <fieldset aria-describedby="who-signed-hint">
          <legend>{w.whoSigned}</legend>
          <p class="hint" id="who-signed-hint">
            {w.whoSignedHint}
          </p>
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
                {kind === "organization" ? w.anOrganization : w.aPerson}
              </label>
            </div>
          ))}
          {errors.kind && <span class="field-error">{errors.kind}</span>}
        </fieldset>
        {/* Without script both groups show; where CSS has :has(), the one not chosen is hidden (admin-styles.ts),
            unless it holds a problem to fix. */}
        <fieldset class={group("organization")}>
          <legend>{w.organizationLegend}</legend>
          {text("organization_name", w.organizationName, w.organizationNameHint)}
          <Field name="website" label={w.website} hint={w.websiteHint} error={errors.website}>
            {(attributes) => <input type="url" {...attributes} value={values.website ?? ""} />}
          </Field>
          {text("contact_name", w.contactName)}
          {text("contact_role", w.contactRole)}
        </fieldset>
        <fieldset class={group("individual")}>
          <legend>{w.personLegend}</legend>
          {text("name", w.name)}
          {text("organization", w.affiliation)}
          {text("title", w.personTitle)}
        </fieldset>
        {text("city", w.city)}
        <Field name="country" label={w.country} error={errors.country}>
          {(attributes) => (
            <select {...attributes}>
              <option value="">—</option>
              {countryOptions(t.locale).map(({ code, name }) => (
                <option value={code} selected={values.country === code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="email" label={w.email} hint={w.emailHint} error={errors.email}>
          {(attributes) => <input type="email" {...attributes} value={values.email ?? ""} />}
        </Field>
        <Field name="received" label={w.received} error={errors.received}>
          {(attributes) => (
            <select {...attributes}>
              {(Object.keys(RECEIVED_BY) as ReceivedBy[]).map((value) => (
                <option value={value} selected={(values.received ?? "paper") === value}>
                  {w.receivedBy[value]}
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
          <label for="field-public">{w.listPublicly}</label>
        </div>
        <button type="submit">{w.add}</button>
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
  searched = null,
  signatures,
  olderHref,
  flash,
  manual,
  sharedMailboxes,
  refused,
  bulkProblem = null,
  waiting = { resend: true, confirm: true },
}: SignaturesPageProps) {
  const base = `/admin/letters/${letter.slug}/signatures`;
  const t = useAdminWords();
  const w = t.signatures;
  // A search's count covers what it looked through; a search's later page, from its top: said so, never as a total.
  const of = matching.of ?? "all";
  const searching = Boolean(filter.q);
  const counted =
    of === "window" && searched !== null
      ? w.matchingWithin(matching.count, searched)
      : of === "from-page"
        ? w.matchingFromPage(matching.count)
        : matching.more
          ? w.matchingMore(matching.count)
          : w.matching(matching.count);

  return (
    <AdminLayout
      title={w.title(letter.title)}
      csrf={csrf}
      error={filterProblems.length > 0 || hasErrors(manual.errors) || bulkProblem !== null}
    >
      <p>
        <a href={`/admin/letters/${letter.slug}`}>← {letter.title}</a>
      </p>
      <h1>{w.heading}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>
        {w.summary(letter.counts.total, letter.counts.organizations, letter.counts.individuals, letter.pendingCount)}{" "}
        <Can permission="edit-letters">
          <a href={`/admin/letters/${letter.slug}/order`}>{w.setOrder}</a> ·{" "}
        </Can>
        <a href={`/admin/imports/${letter.slug}`}>{w.importSignatures}</a>
      </p>
      <SharedMailboxes shared={sharedMailboxes} base={base} timeZone={letter.closesTimeZone} />
      <LetterZoneNote zone={letter.closesTimeZone} />
      <FilterForm filter={filter} action={base} />
      <ProblemSummary
        id="filter-problems"
        title={w.filterProblems}
        problems={filterProblems.map((problem) => ({ text: problem }))}
      />
      <ProblemSummary id="bulk-problems" problems={bulkProblem ? [{ text: bulkProblem, href: "#bulk-action" }] : []} />
      <p role="status">
        {counted}
        {searched !== null && <> {w.olderNotSearched}</>}
      </p>
      <form method="post" action={`${base}/bulk`}>
        <CsrfField token={csrf} />
        <FilterFields filter={filter} />
        {signatures.map((signature) => (
          <input type="hidden" name="page_ref" value={signature.ref} />
        ))}
        <fieldset class="filters">
          <legend>{w.bulkLegend}</legend>
          <Field name="action" id="bulk-action" label={w.action}>
            {(attributes) => (
              <select {...attributes}>
                {MODERATION_ACTIONS.map((action) => (
                  <option value={action}>{w.actions[action]}</option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <div class="choice">
              <input type="radio" id="scope-selected" name="scope" value="selected" checked />
              <label for="scope-selected">{w.scopeSelected}</label>
            </div>
            {signatures.length > 0 && (
              <div class="choice">
                <input type="radio" id="scope-page" name="scope" value="page" />
                <label for="scope-page">{w.scopePage(signatures.length)}</label>
              </div>
            )}
            <div class="choice">
              <input type="radio" id="scope-matching" name="scope" value="matching" />
              <label for="scope-matching">
                {of !== "all"
                  ? w.scopeMatchingAll
                  : matching.more
                    ? w.scopeMatchingMore(matching.count)
                    : w.scopeMatching(matching.count)}
              </label>
            </div>
          </div>
          <button type="submit" name="step" value="review">
            {w.review}
          </button>
        </fieldset>
        {signatures.length === 0 ? (
          <p>
            {searched !== null ? w.noneAmong(searched) : of === "from-page" ? w.noneFromPage : w.noneMatch}
            {searched !== null && olderHref !== null && (
              <>
                {" "}
                <a href={olderHref}>{w.searchOlder}</a>
              </>
            )}
          </p>
        ) : (
          <div class="table-wrap">
            <table class="stacked-table">
              <caption class="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{w.select("").trim()}</span>
                  </th>
                  <th scope="col">{w.signatory}</th>
                  <th scope="col">{w.email}</th>
                  <th scope="col">{w.status}</th>
                  <th scope="col">{w.cameThrough}</th>
                  <th scope="col">{w.signed}</th>
                  <th scope="col">{w.actionsColumn}</th>
                </tr>
              </thead>
              <tbody>
                {signatures.map((signature) => (
                  <Row
                    signature={signature}
                    slug={letter.slug}
                    filter={filter}
                    timeZone={letter.closesTimeZone}
                    waiting={waiting}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </form>
      {olderHref && (
        <p class="pagination">
          <a href={olderHref}>{searching ? w.searchOn : w.older}</a>
        </p>
      )}
      <ExportLinks slug={letter.slug} filter={filter} />
      <RefusedAttempts counts={refused.counts} recentDays={refused.recentDays} />
      <ManualEntry slug={letter.slug} csrf={csrf} values={manual.values} errors={manual.errors} />
    </AdminLayout>
  );
}
