/**
 * The sign form, in plain HTML that works without JavaScript. After a failed
 * submission it comes back filled in, with a summary of the problems at the
 * top (linking to each field) and a message beside each bad field.
 */
import { FORM_STAMP_FIELD, HONEYPOT_FIELD } from "../domain/bots";
import { countryOptions } from "../domain/countries";
import { TURNSTILE_SCRIPT } from "../services/turnstile";
import { FIELD_LIMITS, type SignFormErrors, type SignFormField } from "../domain/signature";
import { INTERFACE_LOCALE } from "./format";

export interface SignFormState {
  values: Partial<Record<SignFormField, string>>;
  errors: SignFormErrors;
  /** A problem with the whole submission rather than one field (e.g. the robot check). */
  formError?: string;
}

/** What the form carries besides the signer's fields. */
export interface SignFormExtras {
  /** The signed time the form was drawn (see domain/bots.ts); null when no SECRET_KEY is set. */
  stamp: string | null;
  /** Turnstile's site key when verification is on. */
  turnstileSiteKey: string | null;
}

const FIELD_ORDER: readonly SignFormField[] = ["kind", "name", "organization", "title", "city", "country", "email", "hide_name"];

/** The id of the control a summary link should focus for `field`. */
function controlId(field: SignFormField): string {
  return field === "kind" ? "sign-kind-organization" : `sign-${field.replace("_", "-")}`;
}

function describedBy(field: SignFormField, hasHint: boolean, errors: SignFormErrors): string | undefined {
  const ids = [hasHint ? `${controlId(field)}-hint` : "", errors[field] ? `${controlId(field)}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldError({ field, errors }: { field: SignFormField; errors: SignFormErrors }) {
  const message = errors[field];
  return message ? (
    <span class="field-error" id={`${controlId(field)}-error`}>
      <span class="visually-hidden">Error: </span>
      {message}
    </span>
  ) : null;
}

function TextField(props: {
  field: "name" | "organization" | "title" | "city" | "email";
  label: string;
  hint?: string;
  type?: "text" | "email";
  autocomplete: string;
  required?: boolean;
  state: SignFormState;
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
      <FieldError field={field} errors={state.errors} />
      <input
        type={props.type ?? "text"}
        id={id}
        name={field}
        value={state.values[field] ?? ""}
        maxlength={FIELD_LIMITS[field]}
        autocomplete={props.autocomplete}
        spellcheck={props.type === "email" ? false : undefined}
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
}: {
  action: string;
  state: SignFormState;
  extras: SignFormExtras;
  /** Where the answer opens (the embed posts within its frame). */
  target?: string;
}) {
  const { values, errors } = state;
  const problems = FIELD_ORDER.filter((field) => errors[field]);
  return (
    <form method="post" action={action} target={target} novalidate>
      {state.formError && (
        <div class="error-summary" role="alert" tabindex={-1} autofocus>
          <p>{state.formError}</p>
        </div>
      )}
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
          <h3 id="error-summary-title">
            {problems.length === 1 ? "There is a problem with your signature" : `There are ${problems.length} problems with your signature`}
          </h3>
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
        <legend>I am signing</legend>
        <FieldError field="kind" errors={errors} />
        <div class="choice">
          <input type="radio" id="sign-kind-organization" name="kind" value="organization" checked={values.kind === "organization"} required />
          <label for="sign-kind-organization">for an organization</label>
        </div>
        <div class="choice">
          <input type="radio" id="sign-kind-individual" name="kind" value="individual" checked={values.kind === "individual"} />
          <label for="sign-kind-individual">as an individual</label>
        </div>
      </fieldset>
      <TextField field="name" label="Name" hint="The organization's name, or your full name." autocomplete="off" required state={state} />
      <TextField
        field="organization"
        label="Organization or affiliation (optional)"
        hint="If you sign as an individual: shown after your name."
        autocomplete="organization"
        state={state}
      />
      <TextField field="title" label="Title or role (optional)" autocomplete="organization-title" state={state} />
      <TextField field="city" label="City (optional)" autocomplete="address-level2" state={state} />
      <div class={errors.country ? "field field-invalid" : "field"}>
        <label for="sign-country">Country (optional)</label>
        <FieldError field="country" errors={errors} />
        <select
          id="sign-country"
          name="country"
          autocomplete="country"
          aria-invalid={errors.country ? "true" : undefined}
          aria-describedby={errors.country ? "sign-country-error" : undefined}
        >
          <option value="">Choose a country</option>
          {countryOptions(INTERFACE_LOCALE).map(({ code, name }) => (
            <option value={code} selected={values.country?.toUpperCase() === code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        field="email"
        type="email"
        label="Email address"
        hint="Never shown or shared. One signature per email address."
        autocomplete="email"
        required
        state={state}
      />
      <div class="field">
        <div class="choice">
          <input type="checkbox" id="sign-hide-name" name="hide_name" value="yes" checked={Boolean(values.hide_name)} />
          <label for="sign-hide-name">Count my signature, but don't list my name publicly</label>
        </div>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="sign-website">Leave this field empty</label>
        <input type="text" id="sign-website" name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
      </div>
      {extras.stamp && <input type="hidden" name={FORM_STAMP_FIELD} value={extras.stamp} />}
      {extras.turnstileSiteKey && (
        <div class="field">
          <div class="cf-turnstile" data-sitekey={extras.turnstileSiteKey}></div>
          <script src={TURNSTILE_SCRIPT} async defer></script>
          <noscript>
            <p class="field-error">To protect this letter from robots, signing needs JavaScript turned on.</p>
          </noscript>
        </div>
      )}
      <button type="submit">Sign the letter</button>
      <p class="privacy">
        Your name and the details above appear on the public list unless you choose otherwise. Your email address is
        kept private.
      </p>
    </form>
  );
}
