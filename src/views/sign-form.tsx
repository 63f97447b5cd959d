/**
 * The sign form, in plain HTML that works without JavaScript. After a failed
 * submission it comes back filled in, with a summary of the problems at the
 * top (linking to each field) and a message beside each bad field.
 */
import { FORM_STAMP_FIELD, HONEYPOT_FIELD } from "../domain/bots";
import { TEXT_SEEN_FIELD } from "../domain/text-versions";
import { countryOptions } from "../domain/countries";
import { TURNSTILE_SCRIPT } from "../domain/bots";
import type { Messages } from "../domain/i18n";
import { FIELD_LIMITS, SIGN_FORM_FIELDS, type SignFormErrors, type SignFormField } from "../domain/signature";

/** The hidden field that says which language the form was signed in (the answers and emails come back in it). */
export const LANGUAGE_FIELD = "lang";

export interface SignFormState {
  values: Partial<Record<SignFormField, string>>;
  errors: SignFormErrors;
  /** A problem with the whole submission rather than one field (e.g. the robot check). */
  formError?: string;
  /** A link that follows formError (e.g. to what changed in the letter's text). */
  formErrorLink?: { href: string; label: string };
  /**
   * When the form is shown again after a submission: the stamp it carries
   * forward (see stampToCarry in domain/bots.ts), so the visitor's time runs
   * from when they first got the form. A form drawn afresh gets a new one.
   */
  stamp?: string;
}

/** What the form carries besides the signer's fields. */
export interface SignFormExtras {
  /** The signed time the form was drawn (see domain/bots.ts); null when no SECRET_KEY is set. */
  stamp: string | null;
  /** Turnstile's site key when verification is on. */
  turnstileSiteKey: string | null;
  /**
   * The record seq of the latest text entry of the letter the page shows
   * (Letter.textSeq), posted back so that a text published meanwhile is
   * noticed (domain/text-versions.ts TEXT_SEEN_FIELD); null for none.
   */
  textSeq: number | null;
  /**
   * Whether the form offers "Email me when this letter is delivered": only on a letter that confirms
   * signatures by email (app/signing.ts consentsToDeliveryNotice).
   */
  offersDeliveryNotice: boolean;
}

/** The id of the control a summary link should focus for `field`. */
function controlId(field: SignFormField): string {
  return field === "kind" ? "sign-kind-organization" : `sign-${field.replace("_", "-")}`;
}

function describedBy(field: SignFormField, hasHint: boolean, errors: SignFormErrors): string | undefined {
  const ids = [hasHint ? `${controlId(field)}-hint` : "", errors[field] ? `${controlId(field)}-error` : ""].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}

function FieldError({ field, errors, t }: { field: SignFormField; errors: SignFormErrors; t: Messages }) {
  const message = errors[field];
  return message ? (
    <span class="field-error" id={`${controlId(field)}-error`}>
      <span class="visually-hidden">{t.form.errorPrefix}</span>
      {message}
    </span>
  ) : null;
}

/** The text fields, and the longest value each takes (FIELD_LIMITS). */
const TEXT_LIMITS = {
  organization_name: FIELD_LIMITS.name,
  website: FIELD_LIMITS.website,
  contact_name: FIELD_LIMITS.contactName,
  contact_role: FIELD_LIMITS.contactRole,
  name: FIELD_LIMITS.name,
  organization: FIELD_LIMITS.organization,
  title: FIELD_LIMITS.title,
  city: FIELD_LIMITS.city,
  email: FIELD_LIMITS.email,
} as const;

function TextField(props: {
  field: keyof typeof TEXT_LIMITS;
  label: string;
  hint?: string;
  type?: "text" | "email" | "url";
  autocomplete: string;
  required?: boolean;
  state: SignFormState;
  t: Messages;
}) {
  const { field, state } = props;
  const id = controlId(field);
  return (
    <div class={state.errors[field] ? "field field-invalid" : "field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <FieldError field={field} errors={state.errors} t={props.t} />
      <input
        type={props.type ?? "text"}
        id={id}
        name={field}
        value={state.values[field] ?? ""}
        maxlength={TEXT_LIMITS[field]}
        autocomplete={props.autocomplete}
        spellcheck={props.type === "email" || props.type === "url" ? false : undefined}
        required={props.required}
        aria-invalid={state.errors[field] ? "true" : undefined}
        aria-describedby={describedBy(field, Boolean(props.hint), state.errors)}
      />
    </div>
  );
}

export function SignForm({
  action,
  state,
  extras,
  target,
  t,
  language,
}: {
  action: string;
  state: SignFormState;
  extras: SignFormExtras;
  /** Where the answer opens (the embed posts within its frame). */
  target?: string;
  t: Messages;
  /** The language of the letter's text the signer read, posted with the form. */
  language: string;
}) {
  const { values, errors } = state;
  const problems = SIGN_FORM_FIELDS.filter((field) => errors[field]);
  return (
    <form method="post" action={action} target={target} novalidate>
      {state.formError && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>
            {state.formError}
            {state.formErrorLink && (
              <>
                {" "}
                <a href={state.formErrorLink.href}>{state.formErrorLink.label}</a>
              </>
            )}
          </p>
        </div>
      )}
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
          <h3 id="error-summary-title">{t.form.problems(problems.length)}</h3>
          <ul>
            {problems.map((field) => (
              <li>
                <a href={`#${controlId(field)}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset
        class={errors.kind ? "field field-invalid" : "field"}
        aria-describedby={errors.kind ? `${controlId("kind")}-error` : undefined}
      >
        <legend>{t.form.signingAs}</legend>
        <FieldError field="kind" errors={errors} t={t} />
        <div class="choice">
          <input
            type="radio"
            id="sign-kind-organization"
            name="kind"
            value="organization"
            checked={values.kind === "organization"}
            required
          />
          <label for="sign-kind-organization">{t.form.forOrganization}</label>
        </div>
        <div class="choice">
          <input
            type="radio"
            id="sign-kind-individual"
            name="kind"
            value="individual"
            checked={values.kind === "individual"}
          />
          <label for="sign-kind-individual">{t.form.asIndividual}</label>
        </div>
      </fieldset>
      <fieldset class="field-group" aria-describedby="sign-organization-group-hint">
        <legend>{t.form.organizationGroup}</legend>
        <p class="hint" id="sign-organization-group-hint">
          {t.form.organizationGroupHint}
        </p>
        <TextField
          field="organization_name"
          label={t.form.organizationName}
          autocomplete="organization"
          state={state}
          t={t}
        />
        <TextField
          field="website"
          type="url"
          label={t.form.website}
          hint={t.form.websiteHint}
          autocomplete="url"
          state={state}
          t={t}
        />
        <TextField
          field="contact_name"
          label={t.form.contactName}
          hint={t.form.contactHint}
          autocomplete="name"
          state={state}
          t={t}
        />
        <TextField
          field="contact_role"
          label={t.form.contactRole}
          hint={t.form.contactHint}
          autocomplete="organization-title"
          state={state}
          t={t}
        />
        <div class={errors.authorized ? "field field-invalid" : "field"}>
          <FieldError field="authorized" errors={errors} t={t} />
          <div class="choice">
            <input
              type="checkbox"
              id="sign-authorized"
              name="authorized"
              value="on"
              checked={Boolean(values.authorized)}
              aria-invalid={errors.authorized ? "true" : undefined}
              aria-describedby={errors.authorized ? "sign-authorized-error" : undefined}
            />
            <label for="sign-authorized">{t.form.authorized}</label>
          </div>
        </div>
      </fieldset>
      <fieldset class="field-group" aria-describedby="sign-individual-group-hint">
        <legend>{t.form.individualGroup}</legend>
        <p class="hint" id="sign-individual-group-hint">
          {t.form.individualGroupHint}
        </p>
        <TextField field="name" label={t.form.name} hint={t.form.nameHint} autocomplete="name" state={state} t={t} />
        <TextField
          field="organization"
          label={t.form.organization}
          hint={t.form.organizationHint}
          autocomplete="organization"
          state={state}
          t={t}
        />
        <TextField field="title" label={t.form.title} autocomplete="organization-title" state={state} t={t} />
      </fieldset>
      <fieldset class="field-group">
        <legend>{t.form.bothGroups}</legend>
        <TextField field="city" label={t.form.city} autocomplete="address-level2" state={state} t={t} />
        <div class={errors.country ? "field field-invalid" : "field"}>
          <label for="sign-country">{t.form.country}</label>
          <FieldError field="country" errors={errors} t={t} />
          <select
            id="sign-country"
            name="country"
            autocomplete="country"
            aria-invalid={errors.country ? "true" : undefined}
            aria-describedby={errors.country ? "sign-country-error" : undefined}
          >
            <option value="">{t.form.chooseCountry}</option>
            {countryOptions(t.locale).map(({ code, name }) => (
              <option value={code} selected={values.country?.toUpperCase() === code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          field="email"
          type="email"
          label={t.form.email}
          hint={t.form.emailHint}
          autocomplete="email"
          required
          state={state}
          t={t}
        />
        <div class="field">
          <div class="choice">
            <input
              type="checkbox"
              id="sign-hide-name"
              name="hide_name"
              value="yes"
              checked={Boolean(values.hide_name)}
            />
            <label for="sign-hide-name">{t.form.hideName}</label>
          </div>
        </div>
        {/* Unticked unless the signer ticks it: consent is asked, never assumed (domain/delivery-notices.ts). */}
        {extras.offersDeliveryNotice && (
          <div class="field">
            <div class="choice">
              <input
                type="checkbox"
                id="sign-notify-delivery"
                name="notify_delivery"
                value="yes"
                checked={Boolean(values.notify_delivery)}
                aria-describedby="sign-notify-delivery-hint"
              />
              <label for="sign-notify-delivery">{t.form.notifyDelivery}</label>
            </div>
            <span class="hint" id="sign-notify-delivery-hint">
              {t.form.notifyDeliveryHint}
            </span>
          </div>
        )}
      </fieldset>
      <div class="hp" aria-hidden="true">
        <label for="sign-trap">{t.form.honeypot}</label>
        <input type="text" id="sign-trap" name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
      </div>
      {extras.stamp && <input type="hidden" name={FORM_STAMP_FIELD} value={extras.stamp} />}
      <input type="hidden" name={LANGUAGE_FIELD} value={language} />
      {extras.textSeq !== null && <input type="hidden" name={TEXT_SEEN_FIELD} value={String(extras.textSeq)} />}
      {extras.turnstileSiteKey && (
        <div class="field">
          <div class="cf-turnstile" data-sitekey={extras.turnstileSiteKey}></div>
          <script src={TURNSTILE_SCRIPT} async defer></script>
          <noscript>
            <p class="field-error">{t.form.needsJavaScript}</p>
          </noscript>
        </div>
      )}
      <button type="submit">{t.form.submit}</button>
      <p class="privacy">{t.form.privacy}</p>
    </form>
  );
}
