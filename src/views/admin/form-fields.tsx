/**
 * Labelled fields for organizer forms: a hint and an error beside each, wired
 * with aria-describedby, and the summary of problems at the top that links
 * to each bad field (the same pattern as the public sign form).
 */
import type { Child } from "hono/jsx";

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
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      {children({ id, name, "aria-describedby": described || undefined, "aria-invalid": error ? "true" : undefined })}
    </div>
  );
}

/** The problems of a submitted form, each linking to its field. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string | undefined>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        {entries.length === 1 ? "There is a problem" : `There are ${entries.length} problems`}
      </h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name)}`}>{labels[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
