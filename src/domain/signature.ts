/**
 * A signature on a letter: its kinds, the sign form's schema and messages,
 * and the public view of a signatory. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { _default, boolean, enum as zenum, nullable, object, pipe, string, transform } from "zod/mini";
import { refuse, singleText } from "./form-fields";
import { isCountryCode } from "./countries";
import { asciiDomain, normalizeEmail } from "./mailbox";
import { normalizeText, publicTextIssue, publicTextProblem, type TextProblem } from "./text";

export const SIGNATURE_KINDS = ["organization", "individual"] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/**
 * How a signature reached us: listed in the letter's content file, signed
 * through the form or the public API, entered by an organizer from a
 * signature received on paper or by email, or brought in by an organizer's
 * import of sign-ons collected elsewhere (a spreadsheet, a Google Forms export).
 */
export type SignatureChannel = "initial" | "form" | "api" | "manual" | "import";

/**
 * Where a signature stands. Only confirmed signatures are counted (and listed,
 * when public); unconfirmed and in_review ones are "pending".
 * - unconfirmed: waiting for the signer to click the link we emailed;
 * - in_review: an organization waiting for the organizers' approval;
 * - rejected, hidden: set aside by the organizers (hidden after having been counted);
 * - withdrawn: taken back by the signer.
 */
export const SIGNATURE_STATUSES = ["unconfirmed", "in_review", "confirmed", "rejected", "hidden", "withdrawn"] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** Which counter a status belongs to. */
export function statusCounter(status: SignatureStatus): "counted" | "pending" | null {
  if (status === "confirmed") return "counted";
  if (status === "unconfirmed" || status === "in_review") return "pending";
  return null;
}

/**
 * Signatories without an organizer-given position keep this one, so they
 * follow the ranked ones (the letter's own signatories, 1, 2, 3…) in signing order.
 */
export const UNRANKED_POSITION = 1_000_000_000;

/** The longest value each sign-form field accepts, in characters. */
export const FIELD_LIMITS = {
  name: 200,
  organization: 200,
  title: 120,
  city: 100,
  email: 254,
  website: 300,
  contactName: 200,
  contactRole: 120,
} as const;

/** The sign form's fields, in the order they are shown. */
export const SIGN_FORM_FIELDS = [
  "kind",
  "name",
  "organization",
  "title",
  "city",
  "country",
  "email",
  "hide_name",
] as const;
export type SignFormField = (typeof SIGN_FORM_FIELDS)[number];

/** Who signed, as the public list shows them. */
export interface SignatoryDetails {
  kind: SignatureKind;
  /** The organization's name, or the person's. */
  name: string;
  /** An individual's organization or affiliation (null for an organization, but for the letter's own). */
  organization: string | null;
  /** An individual's title. */
  title: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** An organization's website: an absolute http(s) URL (domain/organization.ts readWebsite); null for individuals. */
  website: string | null;
}

/**
 * How an organization was verified: its contact confirmed an email address
 * at the organization's own domain ("email-domain", domain/organization.ts
 * verifiedEmailDomain), or the organizers marked it by hand ("organizers").
 */
export const ORGANIZATION_VERIFICATIONS = ["email-domain", "organizers"] as const;
export type OrganizationVerification = (typeof ORGANIZATION_VERIFICATIONS)[number];

/**
 * An organization's contact person: private (organizers see them, the
 * public never). Individuals have none; nor have organizations entered
 * without one (the letter's own, those signed before contacts existed).
 */
export interface OrganizationContact {
  /** The contact person's full name. */
  contactName: string | null;
  /** Their role in the organization ("Directora de Programas"). */
  contactRole: string | null;
}

/** Just the signatory's details of a row or object that has them (and more). */
export function signatoryDetailsOf(source: SignatoryDetails): SignatoryDetails {
  return {
    kind: source.kind,
    name: source.name,
    organization: source.organization,
    title: source.title,
    city: source.city,
    country: source.country,
    website: source.website,
  };
}

/**
 * A validated signature as the form produced it; email is already normalized (domain/mailbox.ts
 * normalizeEmail). For an organization, `email` is its contact's, and `authorized` says the contact
 * stated they may sign on its behalf (the form and the API require it of organizations).
 */
export interface SignatureInput extends SignatoryDetails, OrganizationContact {
  email: string;
  isPublic: boolean;
  authorized: boolean;
}

/**
 * A validated signature as it is kept and passed on (the queue's messages
 * carry it): the sign form's schema produces it from a form, the API's from
 * JSON. Checks types only: the content was checked by the form's rules.
 */
export const signatureInputSchema = object({
  kind: zenum(SIGNATURE_KINDS),
  name: string(),
  organization: nullable(string()),
  title: nullable(string()),
  city: nullable(string()),
  country: nullable(string()),
  // Absent from queue messages sent before organizations had contacts.
  website: _default(nullable(string()), null),
  contactName: _default(nullable(string()), null),
  contactRole: _default(nullable(string()), null),
  authorized: _default(boolean(), false),
  email: string(),
  isPublic: boolean(),
});

/** What anyone may see of a signatory: never the email, nor an organization's contact. */
export interface PublicSignatory extends SignatoryDetails {
  /** An organization's verification, when it has one. */
  verification: OrganizationVerification | null;
  /** When it was verified (ISO 8601), with `verification`; else null. */
  verifiedAt: string | null;
  /**
   * The registrable domain an "email-domain" verification proved (its website's, so public already,
   * e.g. "example.org"); null otherwise. Never the contact's address.
   */
  verifiedDomain: string | null;
  /** The signature's public reference, as in its record entries (domain/record.ts): joins the list to the record. */
  ref: string;
  signedAt: string;
}

// What `<input type=email>` sends (its domain in ASCII form), plus a dot in the domain: an address we could mail.
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * What is wrong with one field of the form, as a code: the English message
 * goes with it (the API answers it), and pages word it in their language.
 */
export type SignFormIssue =
  | { code: "repeated" | "not-text" | "kind" | "name-missing" | "country" | "email-missing" | "email-invalid" }
  | { code: "email-too-long"; max: number }
  | { code: "text"; problem: TextProblem; max: number };

/**
 * True for an email address we could mail, as normalizeEmail (domain/mailbox.ts) gives it: within
 * the length limit, of the usual shape, its domain in ASCII form (a domain that could not be
 * converted is refused).
 */
export function isEmailAddress(email: string): boolean {
  if (email.length > FIELD_LIMITS.email || !EMAIL_PATTERN.test(email)) return false;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return asciiDomain(domain) === domain;
}

/** The params of a sign-form refusal (see refuse): its issue, which pages word in their language (see signFormErrors). */
function coded(issue: SignFormIssue): { issue: SignFormIssue } {
  return { issue };
}

/** A public text field; `missing` makes it required and is the message when it is empty. */
function publicText(label: string, maxLength: number, missing?: string) {
  return singleText(label, (value, ctx): string | null => {
    const problem = publicTextIssue(value, maxLength);
    if (problem)
      return refuse(ctx, publicTextProblem(value, label, maxLength)!, coded({ code: "text", problem, max: maxLength }));
    const text = normalizeText(value);
    if (!text && missing) return refuse(ctx, missing, coded({ code: "name-missing" }));
    return text || null;
  });
}

const KIND_MESSAGE = "Choose whether you sign for an organization or as an individual.";
const EMAIL_MESSAGE = "Enter your email address, like name@example.org.";

/** Every field present, absent ones as "", so each field's own rule decides whether it may be empty. */
function withEveryField(raw: unknown): Record<SignFormField, unknown> {
  const form = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(
    SIGN_FORM_FIELDS.map((field) => [field, Object.hasOwn(form, field) ? form[field] : ""]),
  ) as Record<SignFormField, unknown>;
}

/**
 * The sign form (POST /letters/{slug}/signatures). Every field is checked
 * independently so the page can show a message beside each bad one.
 */
export const signFormSchema = pipe(
  transform(withEveryField),
  pipe(
    object({
      kind: singleText("The kind of signature", (value, ctx): SignatureKind =>
        value === "organization" || value === "individual" ? value : refuse(ctx, KIND_MESSAGE, coded({ code: "kind" })),
      ),
      name: publicText("The name", FIELD_LIMITS.name, "Enter the organization's name, or your full name."),
      organization: publicText("The organization", FIELD_LIMITS.organization),
      title: publicText("The title or role", FIELD_LIMITS.title),
      city: publicText("The city", FIELD_LIMITS.city),
      country: singleText("The country", (value, ctx): string | null => {
        const code = value.trim().toUpperCase();
        if (!code) return null;
        return isCountryCode(code) ? code : refuse(ctx, "Choose a country from the list.", coded({ code: "country" }));
      }),
      email: singleText("The email address", (value, ctx): string => {
        const email = normalizeEmail(value);
        if (!email) return refuse(ctx, EMAIL_MESSAGE, coded({ code: "email-missing" }));
        if (email.length > FIELD_LIMITS.email) {
          return refuse(
            ctx,
            `The email address must be at most ${FIELD_LIMITS.email} characters long.`,
            coded({
              code: "email-too-long",
              max: FIELD_LIMITS.email,
            }),
          );
        }
        if (!isEmailAddress(email))
          return refuse(ctx, "Enter a valid email address, like name@example.org.", coded({ code: "email-invalid" }));
        return email;
      }),
      hide_name: singleText("The choice to hide your name", (value) => value !== ""),
    }),
    transform(({ kind, name, organization, title, city, country, email, hide_name }): SignatureInput => ({
      kind,
      name: name ?? "",
      // An organization signs in its own name: an affiliation only describes individuals.
      organization: kind === "individual" ? organization : null,
      title,
      city,
      country,
      website: null,
      contactName: null,
      contactRole: null,
      authorized: false,
      email,
      isPublic: !hide_name,
    })),
  ),
);

export type SignFormErrors = Partial<Record<SignFormField, string>>;

/**
 * Maps zod's issues to one message per field, the first one found: the
 * English message, or `words` for the issue when given (a page in another language).
 */
export function signFormErrors(
  error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string; params?: Record<string, unknown> }> },
  words?: (field: SignFormField, issue: SignFormIssue) => string,
): SignFormErrors {
  const errors: SignFormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (SIGN_FORM_FIELDS as readonly string[]).includes(field)) {
      const coded = issue.params?.issue as SignFormIssue | undefined;
      errors[field as SignFormField] ??= words && coded ? words(field as SignFormField, coded) : issue.message;
    }
  }
  return errors;
}

/** The submitted values to put back in the form, as plain strings (repeated fields and files dropped). */
export function signFormValues(data: unknown): Partial<Record<SignFormField, string>> {
  const values: Partial<Record<SignFormField, string>> = {};
  if (typeof data !== "object" || data === null) return values;
  for (const field of SIGN_FORM_FIELDS) {
    const value = Object.hasOwn(data, field) ? (data as Record<string, unknown>)[field] : undefined;
    if (typeof value === "string") values[field] = value.slice(0, 1_000);
  }
  return values;
}
