/**
 * A signature an organizer enters by hand, from one received on paper or by
 * email: the public fields follow the sign form's rules; the email is
 * optional (a paper form may have none) and, when given, still keeps one
 * signature per address. Pure: no I/O.
 */
import { isCountryCode } from "./countries";
import { FIELD_LIMITS, isEmailAddress, normalizeEmail, type SignatoryDetails, type SignatureKind } from "./signature";
import { normalizeText, publicTextProblem } from "./text";

export const MANUAL_FIELDS = [
  "kind",
  "name",
  "organization",
  "title",
  "city",
  "country",
  "email",
  "public",
  "received",
] as const;
export type ManualField = (typeof MANUAL_FIELDS)[number];
export type ManualValues = Partial<Record<ManualField, string>>;
export type ManualErrors = Partial<Record<ManualField, string>>;

/** How the signature reached the organizers. */
export const RECEIVED_BY = { paper: "On paper", email: "By email", other: "Another way" } as const;
export type ReceivedBy = keyof typeof RECEIVED_BY;

export interface ManualSignature extends SignatoryDetails {
  email: string | null;
  isPublic: boolean;
  receivedBy: ReceivedBy;
}

export function manualValues(form: FormData): ManualValues {
  const values: ManualValues = {};
  for (const field of MANUAL_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** The signature the form describes, or the problem with each bad field. */
export function readManualSignature(values: ManualValues): { signature: ManualSignature } | { errors: ManualErrors } {
  const errors: ManualErrors = {};
  const kind = values.kind;
  if (kind !== "organization" && kind !== "individual")
    errors.kind = "Choose whether an organization or a person signed.";
  const text = (field: "name" | "organization" | "title" | "city", label: string, max: number): string | null => {
    const raw = values[field] ?? "";
    const problem = publicTextProblem(raw, label, max);
    if (problem) {
      errors[field] = problem;
      return null;
    }
    return normalizeText(raw) || null;
  };
  const name = text("name", "The name", FIELD_LIMITS.name);
  if (!name && !errors.name) errors.name = "Enter the organization's name or the person's full name.";
  const organization = text("organization", "The organization", FIELD_LIMITS.organization);
  const title = text("title", "The title", FIELD_LIMITS.title);
  const city = text("city", "The city", FIELD_LIMITS.city);
  const country = (values.country ?? "").trim().toUpperCase() || null;
  if (country && !isCountryCode(country)) errors.country = "Choose a country from the list.";
  const email = normalizeEmail(values.email ?? "") || null;
  if (email && !isEmailAddress(email)) errors.email = "Enter a valid email address, or leave it empty.";
  const received = values.received ?? "paper";
  if (!Object.hasOwn(RECEIVED_BY, received)) errors.received = "Choose how the signature reached you.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    signature: {
      kind: kind as SignatureKind,
      name: name!,
      organization: kind === "individual" ? organization : null,
      title,
      city,
      country,
      email,
      isPublic: values.public !== undefined && values.public !== "",
      receivedBy: received as ReceivedBy,
    },
  };
}
