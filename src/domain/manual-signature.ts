/**
 * A signature an organizer enters by hand, from one received on paper or by
 * email: an organization (its name, website, and its contact person, private)
 * or a person; the public fields follow the sign form's rules (names may
 * begin with + - @ before a letter or digit: `+Acumen`); the email is
 * optional (a paper form may have none). One signature per organization per
 * letter (by its normalized name), and, when an email is given, one
 * individual signature per mailbox. A zod schema the route validates with.
 * Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, superRefine, transform, type core } from "zod/mini";
import { isCountryCode } from "./countries";
import { field, fieldErrors, formValues, type FormIssues } from "./form-fields";
import { normalizeEmail } from "./mailbox";
import { readWebsite, WEBSITE_MAX_LENGTH, type WebsiteProblem } from "./organization";
import {
  FIELD_LIMITS,
  isEmailAddress,
  signatoryFromForm,
  type OrganizationContact,
  type SignatoryDetails,
  type SignatureKind,
} from "./signature";
import { normalizeText, publicTextIssue } from "./text";
import { issueAs, refuseAs } from "./organizer-words";
import type { IssueTextField } from "./locales/admin/en";

export const MANUAL_FIELDS = [
  "kind",
  "organization_name",
  "website",
  "contact_name",
  "contact_role",
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

/** The fields of each kind's group: one of the other group filled in is refused, never dropped. */
const ORGANIZATION_FIELDS = ["organization_name", "website", "contact_name", "contact_role"] as const;
const INDIVIDUAL_FIELDS = ["name", "organization", "title"] as const;

/** How the signature reached the organizers. */
export const RECEIVED_BY = { paper: "On paper", email: "By email", other: "Another way" } as const;
export type ReceivedBy = keyof typeof RECEIVED_BY;

/**
 * A signature entered by hand. For an organization: its name (in `name`), website, and its contact
 * person (private) when the organizers have one; never an authorization statement (the organizers
 * vouch for it: authorized_at stays NULL). For an individual: name, affiliation, title.
 */
export interface ManualSignature extends SignatoryDetails, OrganizationContact {
  email: string | null;
  isPublic: boolean;
  receivedBy: ReceivedBy;
}

/** A text field under the public rules (domain/text.ts: names may begin with + - @ before a letter or digit): null when empty. */
function textField(name: IssueTextField, max: number) {
  return field((text, ctx): string | null => {
    const problem = publicTextIssue(text, max);
    return problem ? refuseAs(ctx, "text", name, problem, max) : normalizeText(text) || null;
  });
}

function refuseWebsite(ctx: core.ParsePayload, problem: WebsiteProblem): never {
  return problem === "too-long" ? refuseAs(ctx, "websiteTooLong", WEBSITE_MAX_LENGTH) : refuseAs(ctx, "websiteInvalid");
}

/** The form's fields as read, each its value or (refused) not a value of its type. */
interface ReadFields {
  kind: unknown;
  organization_name: unknown;
  website: unknown;
  contact_name: unknown;
  contact_role: unknown;
  name: unknown;
  organization: unknown;
  title: unknown;
}

/**
 * The checks across the form's fields: a filled field of the other kind's group, and the signatory's
 * name missing. Each issue is on its field, coded for the organizer's language (issueAs). Runs on the
 * fields as read even when some were refused: a refused field's value is not text, and counts as filled.
 */
function acrossFields(form: ReadFields, ctx: core.$RefinementCtx<ReadFields>): void {
  if (form.kind !== "organization" && form.kind !== "individual") return;
  const organization = form.kind === "organization";
  const refuseField = (path: ManualField, issue: ReturnType<typeof issueAs>) =>
    ctx.issues.push({ code: "custom", input: form, path: [path], continue: true, ...issue });
  for (const name of organization ? INDIVIDUAL_FIELDS : ORGANIZATION_FIELDS) {
    if (form[name] !== null)
      refuseField(name, organization ? issueAs("fieldForPerson") : issueAs("fieldForOrganization"));
  }
  const name = organization ? form.organization_name : form.name;
  if (name === null || name === "") {
    refuseField(
      organization ? "organization_name" : "name",
      organization ? issueAs("organizationNameMissing") : issueAs("personNameMissing"),
    );
  }
}

/**
 * The form of a signature entered by hand (POST
 * /admin/letters/{slug}/signatures): the signature it describes, each field
 * checked on its own so the form shows a message beside each bad one. The
 * organization's group (organization_name, website, contact_name,
 * contact_role) or the person's (name, organization, title), as `kind`
 * says; a filled field of the other group is refused with a message beside
 * it. The same field names as the sign form's.
 */
export const manualSignatureSchema = pipe(
  object({
    kind: field((text, ctx): SignatureKind =>
      text === "organization" || text === "individual" ? text : refuseAs(ctx, "kindMissing"),
    ),
    organization_name: textField("organizationName", FIELD_LIMITS.name),
    website: field((text, ctx): string | null => {
      const website = readWebsite(text);
      if (typeof website === "string") return refuseWebsite(ctx, website);
      return website?.url ?? null;
    }),
    contact_name: textField("contactName", FIELD_LIMITS.contactName),
    contact_role: textField("contactRole", FIELD_LIMITS.contactRole),
    name: textField("name", FIELD_LIMITS.name),
    organization: textField("affiliation", FIELD_LIMITS.organization),
    title: textField("personTitle", FIELD_LIMITS.title),
    city: textField("city", FIELD_LIMITS.city),
    country: field((text, ctx): string | null => {
      const country = text.trim().toUpperCase() || null;
      return country && !isCountryCode(country) ? refuseAs(ctx, "countryInvalid") : country;
    }),
    email: field((text, ctx): string | null => {
      const email = normalizeEmail(text) || null;
      return email && !isEmailAddress(email) ? refuseAs(ctx, "emailInvalid") : email;
    }),
    public: field((text) => text !== ""),
    received: field((text, ctx): ReceivedBy => {
      const received = text || "paper";
      return Object.hasOwn(RECEIVED_BY, received) ? (received as ReceivedBy) : refuseAs(ctx, "receivedInvalid");
    }),
  }).check(
    // Run even when a field was refused, so that every field's problem is told at once.
    superRefine(acrossFields, { when: () => true }),
  ),
  transform((form): ManualSignature => {
    return {
      ...signatoryFromForm(form),
      email: form.email,
      isPublic: form.public,
      receivedBy: form.received,
    };
  }),
);

/** The form's values to fill it with again. */
export function manualValues(data: unknown): ManualValues {
  return formValues(data, MANUAL_FIELDS);
}

/** The form's values for a signature it describes (to draw it again after a refusal that is not the form's). */
export function manualValuesOf(signature: ManualSignature): ManualValues {
  const organization = signature.kind === "organization";
  return {
    kind: signature.kind,
    organization_name: organization ? signature.name : "",
    website: signature.website ?? "",
    contact_name: signature.contactName ?? "",
    contact_role: signature.contactRole ?? "",
    name: organization ? "" : signature.name,
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
