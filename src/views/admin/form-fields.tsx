/**
 * Labelled fields for organizer forms: a hint and an error beside each, wired
 * with aria-describedby, and the summary of problems at the top that links
 * to each bad field (the same pattern as the public sign form).
 */
import type { Child } from "hono/jsx";
import { useAdminWords } from "./admin-words";

export interface FieldProps {
  name: string;
  /** The control's id, when fieldId(name) would repeat another form's on the same page. */
  id?: string;
  label: string;
  hint?: Child;
  error?: string;
  children: (attributes: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: "true" }) => Child;
}

export function fieldId(name: string): string {
  return `field-${name.replaceAll("_", "-")}`;
}

/** A field: label, hint, error, then the control drawn by `children` with the attributes that tie them together. */
export function Field({ name, id: givenId, label, hint, error, children }: FieldProps) {
  const t = useAdminWords();
  const id = givenId ?? fieldId(name);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t.forms.errorPrefix}</span>
          {error}
        </span>
      )}
      {children({ id, name, "aria-describedby": described || undefined, "aria-invalid": error ? "true" : undefined })}
    </div>
  );
}

/**
 * A filter of a list (a GET form's select): the label, a first option that
 * filters nothing (value ""), then `options`; the one whose value equals
 * `selected` is chosen. Its id is `filter-${name}`.
 */
export function FilterSelect({
  name,
  label,
  any,
  options,
  selected,
}: {
  name: string;
  label: string;
  /** The words of the first option, which leaves this filter out ("Any", "Anyone"). */
  any: string;
  options: readonly { value: string; label: string }[];
  selected: string | number | undefined;
}) {
  return (
    <Field name={name} id={`filter-${name}`} label={label}>
      {(attributes) => (
        <select {...attributes}>
          <option value="">{any}</option>
          {options.map((option) => (
            <option value={option.value} selected={selected !== undefined && String(selected) === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day a list's filter starts or ends on (YYYY-MM-DD, a GET form's date input), with id `filter-${name}`. */
export function FilterDate({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <Field name={name} id={`filter-${name}`} label={label}>
      {(attributes) => <input type="date" {...attributes} value={value ?? ""} />}
    </Field>
  );
}

/**
 * The summary of a refused form's problems, drawn first in the form's region
 * (or at the top of main): focused when the page loads (autofocus on a
 * tabindex=-1 box: no script needed), announced (role=alert), each problem a
 * link to its field when it has one. One summary per page: the page's first
 * autofocus wins. The page's <title> starts with "Error: " too (AdminLayout's
 * `error`).
 */
export function ProblemSummary({
  title,
  problems,
  id = "error-summary",
}: {
  /** The heading; "There is a problem" / "There are N problems" by default. */
  title?: string;
  problems: readonly { text: Child; href?: string }[];
  /** The box's id (its heading's is `${id}-title`), when a page could draw two. */
  id?: string;
}) {
  const t = useAdminWords();
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" id={id} role="alert" tabindex={-1} autofocus aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title ?? t.forms.problemCount(problems.length)}</h2>
      <ul>
        {problems.map((problem) => (
          <li>{problem.href ? <a href={problem.href}>{problem.text}</a> : problem.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** Whether a form's field errors hold any problem (the page's title then starts with "Error: "). */
export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/**
 * The problems of a submitted form, each linking to its field (see ProblemSummary), in the order of
 * the form's fields: `order` (the fields' names as the form draws them), else the order `labels`
 * names them in; a problem of a field neither names comes last. Never in the order the schema
 * happened to check them: a person reads the summary, then the form, top to bottom.
 */
export function ErrorSummary({
  errors,
  labels,
  order = Object.keys(labels),
  id,
}: {
  errors: Record<string, string | undefined>;
  labels: Record<string, string>;
  order?: readonly string[];
  id?: string;
}) {
  const place = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(errors)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => place(a) - place(b));
  return (
    <ProblemSummary
      id={id}
      problems={entries.map(([name, message]) => ({
        href: `#${fieldId(name)}`,
        text: labels[name] ? `${labels[name]}: ${message}` : message,
      }))}
    />
  );
}

/**
 * A catalog's sentence with `code` spans: text between backticks is drawn
 * as <code> (a command, a file name), so that the sentence stays one string
 * to translate.
 */
export function WithCode({ text }: { text: string }) {
  return <>{text.split("`").map((part, index) => (index % 2 === 1 ? <code>{part}</code> : part))}</>;
}
