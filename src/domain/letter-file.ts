/**
 * The letter files under content/: Markdown with a YAML front matter block.
 * Parses and validates one file into everything the loader stores, with the
 * body already rendered to safe HTML. Pure: no I/O.
 *
 *   ---
 *   slug: honduras-new-elections-2017
 *   title: …
 *   date: 2017-12-20
 *   language: en
 *   status: open            # draft | open | closed
 *   closes_at: 2018-01-31   # optional: a date (end of day UTC) or an ISO 8601 time
 *   summary: …              # optional: the description for search engines and link previews
 *   confirm_signatures: true  # optional: signatures count once confirmed by email (default: when a mailer is set up)
 *   review_organizations: true # optional: organizations' signatures wait for the organizers' approval
 *   addressee: |
 *     The Honorable …
 *   signatories:
 *     organizations: [AFL-CIO, { name: Alianza Americas, city: Chicago, country: US }]
 *     individuals: [{ name: Ana Pérez, organization: …, title: …, city: …, country: … }]
 *   ---
 *   Dear …
 *
 * A translation is a file of its own, content/<slug>.<language>.md, in one of
 * the interface's languages (domain/i18n.ts):
 *
 *   ---
 *   translation_of: honduras-new-elections-2017
 *   language: es
 *   title: …
 *   summary: …              # optional, as for the letter
 *   addressee: |
 *     …
 *   ---
 *   Estimado …
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isCountryCode } from "./countries";
import { isLocale, LOCALES } from "./i18n";
import { isSlug, LETTER_STATUSES, type LetterStatus, type LetterTranslation } from "./letter";
import { BODY_MAX_LENGTH } from "./letter-form";
import { firstParagraphText, renderMarkdown } from "./markdown";
import { organizationKey } from "./organization";
import { FIELD_LIMITS, type SignatoryDetails } from "./signature";
import { hasUnreadableCharacter, normalizeText, publicTextProblem } from "./text";
import { isPastYear9999 } from "./time-zones";

export interface InitialSignatory extends SignatoryDetails {
  /** 1-based place in the letter's own list, per kind. */
  position: number;
}

export interface LetterDocument {
  slug: string;
  title: string;
  summary: string;
  date: string;
  language: string;
  status: LetterStatus;
  closesAt: string | null;
  /** true or false when the file says; null for the default (confirm by email when a mailer is set up). */
  confirmSignatures: boolean | null;
  reviewOrganizations: boolean;
  addressee: string;
  bodyMarkdown: string;
  bodyHtml: string;
  signatories: InitialSignatory[];
  /** The letter's translations, from their own files (the loader attaches them). */
  translations?: TranslationDocument[];
}

/** A translation file: the letter it translates, and its text in `language`. */
export interface TranslationDocument extends Omit<LetterTranslation, "createdAt" | "updatedAt"> {
  translationOf: string;
}

export class LetterFileError extends Error {
  override name = "LetterFileError";
}

const SUMMARY_MAX_LENGTH = 300;

/** Whether a text holds no character no one can have meant to type (domain/text.ts hasUnreadableCharacter). */
const readable = (value: string) => !hasUnreadableCharacter(value);
const UNREADABLE_MESSAGE = "contains characters that could not be read (U+FFFD, a noncharacter or a lone surrogate)";

function safeText(label: string, max: number) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = publicTextProblem(value, label, max);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      else if (!normalizeText(value)) ctx.addIssue({ code: "custom", message: `${label} is empty.` });
    })
    .transform(normalizeText);
}

const country = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .refine(isCountryCode, "is not an ISO 3166-1 alpha-2 country code");

const signatoryDetails = {
  title: safeText("The title", FIELD_LIMITS.title).optional(),
  city: safeText("The city", FIELD_LIMITS.city).optional(),
  country: country.optional(),
};

/** A signatory is written as its bare name, or as an object with details. */
const nameOrDetails = (value: unknown) => (typeof value === "string" ? { name: value } : value);

const organizationEntry = z.preprocess(
  nameOrDetails,
  z.strictObject({ name: safeText("The name", FIELD_LIMITS.name), ...signatoryDetails }),
);

const individualEntry = z.preprocess(
  nameOrDetails,
  z.strictObject({
    name: safeText("The name", FIELD_LIMITS.name),
    organization: safeText("The organization", FIELD_LIMITS.organization).optional(),
    ...signatoryDetails,
  }),
);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-12-20")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "is not a real date",
  );

const addressee = z
  .string()
  .transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n"),
  )
  .pipe(z.string().min(1, "is empty").max(1_000).refine(readable, UNREADABLE_MESSAGE));

const summary = z.string().trim().min(1).max(SUMMARY_MAX_LENGTH).refine(readable, UNREADABLE_MESSAGE).optional();

const translationSchema = z.strictObject({
  translation_of: z.string().refine(isSlug, "must be the slug of the letter this file translates"),
  language: z.string().refine(isLocale, `must be one of the interface's languages: ${LOCALES.join(", ")}`),
  title: safeText("The title", 200),
  summary,
  addressee,
});

const frontMatterSchema = z.strictObject({
  slug: z.string().refine(isSlug, "must be lower-case words joined by hyphens, at most 100 characters"),
  title: safeText("The title", 200),
  summary,
  date: isoDate,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or es-419"),
  status: z.enum(LETTER_STATUSES),
  closes_at: z
    .string()
    .transform((value, ctx) => {
      // A bare date closes at the end of that day, UTC.
      const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T23:59:59Z`) : Date.parse(value);
      if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
        ctx.addIssue({ code: "custom", message: "must be a date (2018-01-31) or an ISO 8601 time" });
        return z.NEVER;
      }
      const instant = new Date(time).toISOString();
      // "9999-12-31T23:59-06:00" is in year 10000 in UTC: stored, it would sort before every time as text.
      if (isPastYear9999(instant)) {
        ctx.addIssue({ code: "custom", message: "must be before the year 10000 in UTC" });
        return z.NEVER;
      }
      return instant;
    })
    .optional(),
  confirm_signatures: z.boolean().optional(),
  review_organizations: z.boolean().optional(),
  addressee,
  signatories: z
    .strictObject({
      organizations: z.array(organizationEntry).default([]),
      individuals: z.array(individualEntry).default([]),
    })
    .default({ organizations: [], individuals: [] }),
});

/** Splits `---\nYAML\n---\nbody` into its two parts. */
function splitFrontMatter(source: string): { yaml: string; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
  if (!match) throw new LetterFileError("The file must begin with a front matter block between two lines of ---.");
  return { yaml: match[1]!, body: match[2]! };
}

/** The front matter as YAML data, and the body. */
function readFile(source: string, fileName: string): { data: unknown; body: string } {
  const { yaml, body } = splitFrontMatter(source);
  try {
    return { data: parseYaml(yaml), body };
  } catch (error) {
    throw new LetterFileError(`${fileName}: the front matter is not valid YAML: ${(error as Error).message}`);
  }
}

function checked<T extends z.ZodType>(schema: T, data: unknown, fileName: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(front matter)"}: ${issue.message}`,
    );
    throw new LetterFileError(`${fileName}: the front matter has problems:\n${problems.join("\n")}`);
  }
  return result.data;
}

/**
 * Refuses a text longer than the editor accepts (BODY_MAX_LENGTH characters,
 * line ends counted as one), or holding what the editor refuses as unreadable
 * (U+FFFD, noncharacters, lone surrogates), so a file can't publish what the
 * editor couldn't save. @throws LetterFileError naming the length and the limit, or the problem
 */
function checkBodyLength(bodyMarkdown: string, fileName: string): void {
  if (hasUnreadableCharacter(bodyMarkdown))
    throw new LetterFileError(
      `${fileName}: the text after the front matter ${UNREADABLE_MESSAGE}; save it again as plain UTF-8 text.`,
    );
  const length = bodyMarkdown.replace(/\r\n?/g, "\n").length;
  if (length > BODY_MAX_LENGTH)
    throw new LetterFileError(
      `${fileName}: the text after the front matter is ${length.toLocaleString("en")} characters long; a letter's text can be at most ${BODY_MAX_LENGTH.toLocaleString("en")}.`,
    );
}

/** True when the file is a translation (its front matter names the letter it translates). */
function isTranslation(data: unknown): boolean {
  return typeof data === "object" && data !== null && Object.hasOwn(data, "translation_of");
}

/** Parses a file of content/: a letter, or a translation of one. */
export function parseContentFile(
  source: string,
  fileName = "letter",
): { kind: "letter"; letter: LetterDocument } | { kind: "translation"; translation: TranslationDocument } {
  const { data } = readFile(source, fileName);
  return isTranslation(data)
    ? { kind: "translation", translation: parseTranslationFile(source, fileName) }
    : { kind: "letter", letter: parseLetterFile(source, fileName) };
}

/** Parses one translation file; `fileName` only makes error messages point at the right file. */
export function parseTranslationFile(source: string, fileName = "translation"): TranslationDocument {
  const { data, body } = readFile(source, fileName);
  const front = checked(translationSchema, data, fileName);
  const bodyMarkdown = body.trim();
  if (!bodyMarkdown) throw new LetterFileError(`${fileName}: the translation has no text after its front matter.`);
  checkBodyLength(bodyMarkdown, fileName);
  return {
    translationOf: front.translation_of,
    language: front.language,
    title: front.title,
    summary: front.summary ?? truncate(firstParagraphText(bodyMarkdown), SUMMARY_MAX_LENGTH),
    addressee: front.addressee,
    bodyMarkdown,
    bodyHtml: renderMarkdown(bodyMarkdown),
  };
}

/** Parses one letter file; `fileName` only makes error messages point at the right file. */
export function parseLetterFile(source: string, fileName = "letter"): LetterDocument {
  const { data, body } = readFile(source, fileName);
  if (isTranslation(data))
    throw new LetterFileError(`${fileName}: this is a translation (translation_of), not a letter.`);
  const front = checked(frontMatterSchema, data, fileName);
  const bodyMarkdown = body.trim();
  if (!bodyMarkdown) throw new LetterFileError(`${fileName}: the letter has no text after its front matter.`);
  checkBodyLength(bodyMarkdown, fileName);
  if (
    // Two spellings of one organization ("AFL-CIO", "AFL CIO") are one organization (domain/organization.ts).
    new Set(front.signatories.organizations.map((s) => organizationKey(s.name) ?? s.name)).size !==
      front.signatories.organizations.length ||
    new Set(front.signatories.individuals.map((s) => s.name)).size !== front.signatories.individuals.length
  ) {
    throw new LetterFileError(`${fileName}: a signatory is listed twice.`);
  }
  const signatories: InitialSignatory[] = [
    ...front.signatories.organizations.map((entry, index) => ({
      kind: "organization" as const,
      name: entry.name,
      organization: null,
      title: entry.title ?? null,
      city: entry.city ?? null,
      country: entry.country ?? null,
      website: null,
      position: index + 1,
    })),
    ...front.signatories.individuals.map((entry, index) => ({
      kind: "individual" as const,
      name: entry.name,
      organization: entry.organization ?? null,
      title: entry.title ?? null,
      city: entry.city ?? null,
      country: entry.country ?? null,
      website: null,
      position: index + 1,
    })),
  ];
  const summary = front.summary ?? truncate(firstParagraphText(bodyMarkdown), SUMMARY_MAX_LENGTH);
  return {
    slug: front.slug,
    title: front.title,
    summary,
    date: front.date,
    language: front.language,
    status: front.status,
    closesAt: front.closes_at ?? null,
    confirmSignatures: front.confirm_signatures ?? null,
    reviewOrganizations: front.review_organizations ?? false,
    addressee: front.addressee,
    bodyMarkdown,
    bodyHtml: renderMarkdown(bodyMarkdown),
    signatories,
  };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}
