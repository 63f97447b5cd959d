/**
 * A signature an organizer enters by hand, from one received on paper or by
 * email: the public fields follow the sign form's rules; the email is
 * optional (a paper form may have none) and, when given, still keeps one
 * signature per address. A zod schema the route validates with. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, transform } from "zod/mini";
import { isCountryCode } from "./countries";
import { field, fieldErrors, formValues, refuse, type FormIssues } from "./form-fields";
import { normalizeEmail } from "./mailbox";
import { FIELD_LIMITS, isEmailAddress, type SignatoryDetails, type SignatureKind } from "./signature";
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

/** A public text field, as the sign form has it: null when empty. */
function publicField(label: string, max: number) {
  return field((text, ctx): string | null => {
    const problem = publicTextProblem(text, label, max);
    return problem ? refuse(ctx, problem) : normalizeText(text) || null;
  });
}

/**
 * The form of a signature entered by hand (POST
 * /admin/letters/{slug}/signatures): the signature it describes, each field
 * checked on its own so the form shows a message beside each bad one.
 */
export const manualSignatureSchema = pipe(
  object({
    kind: field((text, ctx): SignatureKind =>
      text === "organization" || text === "individual"
        ? text
        : refuse(ctx, "Choose whether an organization or a person signed."),
    ),
    name: field((text, ctx): string => {
      const problem = publicTextProblem(text, "The name", FIELD_LIMITS.name);
      if (problem) return refuse(ctx, problem);
      return normalizeText(text) || refuse(ctx, "Enter the organization's name or the person's full name.");
    }),
    organization: publicField("The organization", FIELD_LIMITS.organization),
    title: publicField("The title", FIELD_LIMITS.title),
    city: publicField("The city", FIELD_LIMITS.city),
    country: field((text, ctx): string | null => {
      const country = text.trim().toUpperCase() || null;
      return country && !isCountryCode(country) ? refuse(ctx, "Choose a country from the list.") : country;
    }),
    email: field((text, ctx): string | null => {
      const email = normalizeEmail(text) || null;
      return email && !isEmailAddress(email) ? refuse(ctx, "Enter a valid email address, or leave it empty.") : email;
    }),
    public: field((text) => text !== ""),
    received: field((text, ctx): ReceivedBy => {
      const received = text || "paper";
      return Object.hasOwn(RECEIVED_BY, received)
        ? (received as ReceivedBy)
        : refuse(ctx, "Choose how the signature reached you.");
    }),
  }),
  transform((form): ManualSignature => ({
    kind: form.kind,
    name: form.name,
    organization: form.kind === "individual" ? form.organization : null,
    title: form.title,
    city: form.city,
    country: form.country,
    website: null,
    email: form.email,
    isPublic: form.public,
    receivedBy: form.received,
  })),
);

/** The form's values to fill it with again. */
export function manualValues(data: unknown): ManualValues {
  return formValues(data, MANUAL_FIELDS);
}

/** The form's values for a signature it describes (to draw it again after a refusal that is not the form's). */
export function manualValuesOf(signature: ManualSignature): ManualValues {
  return {
    kind: signature.kind,
    name: signature.name,
    organization: signature.organization ?? "",
    title: signature.title ?? "",
    city: signature.city ?? "",
    country: signature.country ?? "",
    email: signature.email ?? "",
    public: signature.isPublic ? "1" : "",
    received: signature.receivedBy,
  };
}

/** The form's problems, one beside each field. */
export function manualErrors(error: FormIssues): ManualErrors {
  return fieldErrors(error, MANUAL_FIELDS);
}
