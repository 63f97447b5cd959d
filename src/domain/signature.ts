/**
 * A signature on a letter: its kinds, the sign form's schema and messages,
 * and the public view of a signatory. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import {
  _default,
  boolean,
  enum as zenum,
  nullable,
  object,
  pipe,
  string,
  transform,
  unknown,
  type core,
} from "zod/mini";
import { refuse, singleText, textOf } from "./form-fields";
import { readWebsite } from "./organization";
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

/**
 * Every flag the app writes on a signature for its organizers to review (signatures.flag, whose
 * CHECK in migrations/0015 allows these only): many signatures from one connection or one email
 * domain in a short while (storage/maintenance.ts flagBursts, thresholds in domain/bots.ts), and an
 * organization whose contact proved an email domain another organization of the letter had proved
 * (app/signature-links.ts). Each is worded in the catalogs (signatures.flags) by
 * domain/signature-export.ts flagWords, whose table must name every one: a flag added here without
 * words does not compile.
 */
export const SIGNATURE_FLAGS = [
  "many-from-one-connection",
  "many-from-one-email-domain",
  "organization-domain-taken",
] as const;
export type SignatureFlag = (typeof SIGNATURE_FLAGS)[number];

/** Whether `text` (a stored signatures.flag) is a SignatureFlag. */
export function isSignatureFlag(text: unknown): text is SignatureFlag {
  return (SIGNATURE_FLAGS as readonly unknown[]).includes(text);
}

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

/**
 * The sign form's fields, in the order they are shown (the API's SignatureRequest has the same):
 * the kind; the organization's group (its name, website, its contact person and their statement that
 * they may sign for it); the individual's group (name, affiliation, title); then the shared ones.
 */
export const SIGN_FORM_FIELDS = [
  "kind",
  "organization_name",
  "website",
  "contact_name",
  "contact_role",
  "authorized",
  "name",
  "organization",
  "title",
  "city",
  "country",
  "email",
  "hide_name",
  "notify_delivery",
] as const;
export type SignFormField = (typeof SIGN_FORM_FIELDS)[number];

/** The fields only an organization fills in, and those only an individual does: a field of the other group is refused. */
export const ORGANIZATION_FIELDS = [
  "organization_name",
  "website",
  "contact_name",
  "contact_role",
  "authorized",
] as const;
export const INDIVIDUAL_FIELDS = ["name", "organization", "title"] as const;

/** The group a field belongs to, or null for a field both kinds fill in. */
export function fieldGroup(field: SignFormField): SignatureKind | null {
  if ((ORGANIZATION_FIELDS as readonly string[]).includes(field)) return "organization";
  if ((INDIVIDUAL_FIELDS as readonly string[]).includes(field)) return "individual";
  return null;
}

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

/** The sign form's fields that say who signs, as read (the public form and the organizers' hand entry name them alike). */
export interface SignatoryFields {
  kind: SignatureKind;
  organization_name: string | null;
  website: string | null;
  contact_name: string | null;
  contact_role: string | null;
  name: string | null;
  organization: string | null;
  title: string | null;
  city: string | null;
  country: string | null;
}

/**
 * Who signs, from a sign form's fields once read (the public sign form, the organizers' hand entry):
 * for an organization, its public name is organization_name, and only it has a website and a contact
 * (private); only an individual has an affiliation and a title. Both: city and country. A missing
 * name is "" (the schemas refuse it first).
 */
export function signatoryFromForm(form: SignatoryFields): SignatoryDetails & OrganizationContact {
  const organization = form.kind === "organization";
  return {
    kind: form.kind,
    // For an organization, the public name is the organization's; its contact stays private.
    name: (organization ? form.organization_name : form.name) ?? "",
    organization: organization ? null : form.organization,
    title: organization ? null : form.title,
    city: form.city,
    country: form.country,
    website: organization ? form.website : null,
    contactName: organization ? form.contact_name : null,
    contactRole: organization ? form.contact_role : null,
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
  /**
   * The signer ticked "Email me when this letter is delivered" (the form's notify_delivery, the API's
   * too): their consent, of the wording domain/delivery-notices.ts DELIVERY_NOTICE_CONSENT names, is
   * stored with the signature. Absent: not ticked (imports, hand entries, queue messages from before).
   */
  notifyDelivery?: boolean;
}

/**
 * An individual's signature as the form gives it when only the name, the email (normalized) and
 * perhaps the city and country (ISO 3166-1 alpha-2) are filled in: listed by name, no organization,
 * title, website or contact. For signers made up by the bench (src/routes/bench.ts) and the tests.
 */
export function individualSignatureInput(fields: {
  name: string;
  email: string;
  city?: string | null;
  country?: string | null;
}): SignatureInput {
  return {
    kind: "individual",
    name: fields.name,
    organization: null,
    title: null,
    city: fields.city ?? null,
    country: fields.country ?? null,
    website: null,
    contactName: null,
    contactRole: null,
    authorized: false,
    email: fields.email,
    isPublic: true,
  };
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
  // Absent from queue messages sent before the delivery notice existed (migrations/0036).
  notifyDelivery: _default(boolean(), false),
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
  | {
      code:
        | "repeated"
        | "not-text"
        | "kind"
        | "name-missing"
        | "organization-name-missing"
        | "contact-name-missing"
        | "authorized-missing"
        | "website"
        | "country"
        | "email-missing"
        | "email-invalid";
    }
  /** A field of the other kind's group was filled in: `kind` is the one chosen. */
  | { code: "other-group"; kind: SignatureKind }
  | { code: "website-too-long"; max: number }
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

/** A public text field (or, with `max` alone, a private one: the same rules for text); null when empty. */
function publicText(label: string, maxLength: number) {
  return singleText(label, (value, ctx): string | null => {
    const problem = publicTextIssue(value, maxLength);
    if (problem)
      return refuse(ctx, publicTextProblem(value, label, maxLength)!, coded({ code: "text", problem, max: maxLength }));
    return normalizeText(value) || null;
  });
}

const KIND_MESSAGE = "Choose whether you sign for an organization or as an individual.";
const EMAIL_MESSAGE = "Enter your email address, like name@example.org.";

/**
 * The English message for a field of the other kind's group filled in (the API answers it; pages word
 * it in their language): nothing filled in is ever dropped without a word.
 */
export function otherGroupMessage(kind: SignatureKind): string {
  return kind === "organization"
    ? "You chose to sign for an organization: this field is for individuals. Clear it, or choose “As an individual”."
    : "You chose to sign as an individual: this field is for organizations. Clear it, or choose “For an organization”.";
}

/** Every field present, absent ones as "", so each field's own rule decides whether it may be empty. */
function withEveryField(raw: unknown): Record<SignFormField, unknown> {
  const form = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(
    SIGN_FORM_FIELDS.map((field) => [field, Object.hasOwn(form, field) ? form[field] : ""]),
  ) as Record<SignFormField, unknown>;
}

/** Whether a field's raw value says something (a value other than blank); a repeated or file field does. */
function filledIn(value: unknown): boolean {
  return typeof value !== "string" || value.trim() !== "";
}

/**
 * Each field's value paired with the kind chosen, so that a group's field can refuse itself when the
 * other kind was chosen (and say so), and be required for its own.
 */
function withKind(raw: unknown): Record<SignFormField, unknown> {
  const fields = withEveryField(raw);
  const chosen = textOf(fields.kind);
  const kind = chosen === "organization" || chosen === "individual" ? chosen : null;
  return Object.fromEntries(
    SIGN_FORM_FIELDS.map((field): [SignFormField, KindedValue] => [field, { value: fields[field], kind }]),
  ) as Record<SignFormField, unknown>;
}

/** A field's raw value, paired with the kind chosen (see withKind). */
interface KindedValue {
  value: unknown;
  kind: SignatureKind | null;
}

/** A rule that reads a field's text: its value, null when empty, or a refusal (see refuse). */
type TextRule<T> = (text: string, ctx: core.ParsePayload) => T | null;

/** Reads `text` as public text of at most `maxLength` characters (see domain/text.ts); null when empty. */
function textRule(label: string, maxLength: number): TextRule<string> {
  return (value, ctx) => {
    const problem = publicTextIssue(value, maxLength);
    if (problem)
      return refuse(ctx, publicTextProblem(value, label, maxLength)!, coded({ code: "text", problem, max: maxLength }));
    return normalizeText(value) || null;
  };
}

type MissingCode = "name-missing" | "organization-name-missing" | "contact-name-missing" | "authorized-missing";

/**
 * A field of `group`'s (see ORGANIZATION_FIELDS, INDIVIDUAL_FIELDS), read by `rule`. When the other
 * kind was chosen, it is refused ("other-group") if filled in, and null when left empty. When its own
 * kind was chosen and `missing` is given, an empty field is refused with that message and issue code.
 */
function groupField<T>(group: SignatureKind, label: string, rule: TextRule<T>, missing?: [string, MissingCode]) {
  return pipe(
    unknown(),
    transform((raw, ctx): T | null => {
      const { value, kind } = raw as KindedValue;
      if (kind !== null && kind !== group) {
        if (filledIn(value)) return refuse(ctx, otherGroupMessage(kind), coded({ code: "other-group", kind }));
        return null;
      }
      if (Array.isArray(value))
        return refuse(ctx, `${label} was sent more than once. Please send it once.`, coded({ code: "repeated" }));
      if (typeof value !== "string")
        return refuse(ctx, `${label} must be text, not a file.`, coded({ code: "not-text" }));
      const before = ctx.issues.length;
      const read = rule(value, ctx);
      if (ctx.issues.length > before) return null;
      if (read === null && missing && kind === group) return refuse(ctx, missing[0], coded({ code: missing[1] }));
      return read;
    }),
  );
}

/** A field both kinds fill in, read by `schema` (a singleText). */
function sharedField<S extends ReturnType<typeof singleText>>(schema: S) {
  return pipe(
    transform((raw: unknown) => (raw as KindedValue).value),
    schema,
  );
}

/**
 * The sign form (POST /letters/{slug}/signatures) and the API's SignatureRequest, once made text. Every
 * field is checked independently so the page can show a message beside each bad one; a field of the
 * group the signer did not choose is refused when filled in, never dropped (issue 14). For an
 * organization: its name (public), optional website (public), its contact's name (private) and
 * optional role (private), and `authorized` ticked; for an individual: name, optional affiliation and
 * title. Both: city, country, email (private), hide_name, notify_delivery (an unticked box: consent
 * to one email when the letter is delivered, domain/delivery-notices.ts).
 */
export const signFormSchema = pipe(
  transform(withKind),
  pipe(
    object({
      kind: sharedField(
        singleText("The kind of signature", (value, ctx): SignatureKind =>
          value === "organization" || value === "individual"
            ? value
            : refuse(ctx, KIND_MESSAGE, coded({ code: "kind" })),
        ),
      ),
      organization_name: groupField(
        "organization",
        "The organization's name",
        textRule("The organization's name", FIELD_LIMITS.name),
        ["Enter the organization's name.", "organization-name-missing"],
      ),
      website: groupField("organization", "The website", (value, ctx): string | null => {
        const website = readWebsite(value);
        if (website === "not-a-website")
          return refuse(
            ctx,
            "Enter the organization's website, like example.org, or leave it empty.",
            coded({ code: "website" }),
          );
        if (website === "too-long")
          return refuse(
            ctx,
            `The website must be at most ${FIELD_LIMITS.website} characters long.`,
            coded({ code: "website-too-long", max: FIELD_LIMITS.website }),
          );
        return website?.url ?? null;
      }),
      contact_name: groupField(
        "organization",
        "The contact person's name",
        textRule("The contact person's name", FIELD_LIMITS.contactName),
        ["Enter the name of the person signing for the organization (kept private).", "contact-name-missing"],
      ),
      contact_role: groupField(
        "organization",
        "The contact person's role",
        textRule("The contact person's role", FIELD_LIMITS.contactRole),
      ),
      authorized: groupField(
        "organization",
        "The statement of authorization",
        (value): true | null => (value.trim() ? true : null),
        ["Tick the box to state that you are authorized to sign on behalf of this organization.", "authorized-missing"],
      ),
      name: groupField("individual", "The name", textRule("The name", FIELD_LIMITS.name), [
        "Enter your full name.",
        "name-missing",
      ]),
      organization: groupField(
        "individual",
        "The organization",
        textRule("The organization", FIELD_LIMITS.organization),
      ),
      title: groupField("individual", "The title or role", textRule("The title or role", FIELD_LIMITS.title)),
      city: sharedField(publicText("The city", FIELD_LIMITS.city)),
      country: sharedField(
        singleText("The country", (value, ctx): string | null => {
          const code = value.trim().toUpperCase();
          if (!code) return null;
          return isCountryCode(code)
            ? code
            : refuse(ctx, "Choose a country from the list.", coded({ code: "country" }));
        }),
      ),
      email: sharedField(
        singleText("The email address", (value, ctx): string => {
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
      ),
      hide_name: sharedField(singleText("The choice to hide your name", (value) => value !== "")),
      notify_delivery: sharedField(
        singleText("The choice to be emailed when the letter is delivered", (value) => value !== ""),
      ),
    }),
    transform((form): SignatureInput => {
      return {
        ...signatoryFromForm(form),
        authorized: form.kind === "organization" && form.authorized === true,
        email: form.email,
        isPublic: !form.hide_name,
        notifyDelivery: form.notify_delivery,
      };
    }),
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
