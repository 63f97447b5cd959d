/**
 * The organizers' letter editor form: what each field accepts, and the
 * letter it describes, with one message per field that is wrong. The same
 * rules as a letter file (domain/letter-file.ts), read from a web form.
 * Pure: no I/O.
 */
import { isSlug, SLUG_MAX_LENGTH } from "./letter";
import { firstParagraphText, renderMarkdown } from "./markdown";
import { normalizeText, publicTextProblem } from "./text";

export const LETTER_FORM_FIELDS = [
  "title",
  "slug",
  "date",
  "language",
  "addressee",
  "summary",
  "body",
  "confirm_signatures",
  "review_organizations",
  "closes_at",
] as const;
export type LetterFormField = (typeof LETTER_FORM_FIELDS)[number];
export type LetterFormValues = Partial<Record<LetterFormField, string>>;
export type LetterFormErrors = Partial<Record<LetterFormField, string>>;

export const TITLE_MAX_LENGTH = 200;
export const SUMMARY_MAX_LENGTH = 300;
export const ADDRESSEE_MAX_LENGTH = 1_000;
export const BODY_MAX_LENGTH = 100_000;

/** What the editor saves: the letter's text and settings (its stage changes separately). */
export interface LetterInput {
  title: string;
  slug: string;
  date: string;
  language: string;
  addressee: string;
  summary: string;
  bodyMarkdown: string;
  bodyHtml: string;
  confirmSignatures: boolean | null;
  reviewOrganizations: boolean;
  closesAt: string | null;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A calendar day written YYYY-MM-DD that exists. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** A description for search engines and link previews: the first real paragraph, cut at a word. */
export function summaryOf(bodyMarkdown: string): string {
  const text = firstParagraphText(bodyMarkdown);
  if (text.length <= SUMMARY_MAX_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_MAX_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUMMARY_MAX_LENGTH / 2))}…`;
}

/** The form's fields as single strings (a repeated field keeps its first value; files count as empty). */
export function letterFormValues(form: FormData | Record<string, unknown>): LetterFormValues {
  const values: LetterFormValues = {};
  for (const field of LETTER_FORM_FIELDS) {
    const value = form instanceof FormData ? form.get(field) : form[field];
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

function multiline(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => normalizeText(line))
    .filter(Boolean)
    .join("\n");
}

/** The letter the form describes, or the problems to show beside each field. */
export function readLetterForm(values: LetterFormValues): { input: LetterInput } | { errors: LetterFormErrors } {
  const errors: LetterFormErrors = {};
  const text = (field: LetterFormField) => values[field] ?? "";

  const rawTitle = text("title");
  const title = normalizeText(rawTitle);
  if (!title) errors.title = "Give the letter a title.";
  else errors.title = publicTextProblem(rawTitle, "The title", TITLE_MAX_LENGTH);

  const slug = text("slug").trim().toLowerCase();
  if (!slug) errors.slug = "Choose the letter's address, such as honduras-new-elections-2017.";
  else if (!isSlug(slug))
    errors.slug = `The address may use only lower-case letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters.`;

  const date = text("date").trim();
  if (!isDay(date)) errors.date = "Enter the date the letter bears, such as 2017-12-20.";

  const language = text("language").trim();
  if (!LANGUAGE_TAG.test(language))
    errors.language = "Enter the language of the letter's text as a code, such as en, es, fr or pt.";

  const addressee = multiline(text("addressee"));
  if (!addressee) errors.addressee = "Enter who the letter is addressed to, one line per line of the address.";
  else if (addressee.length > ADDRESSEE_MAX_LENGTH)
    errors.addressee = `The addressee block can be at most ${ADDRESSEE_MAX_LENGTH} characters.`;
  else if (!addressee.isWellFormed() || /[\u0000-\u0008\u000B-\u001F\u007F]/.test(addressee))
    errors.addressee = "The addressee block contains characters that could not be read.";

  const body = text("body").replace(/\r\n?/g, "\n").trim();
  if (!body) errors.body = "Write the letter's text.";
  else if (body.length > BODY_MAX_LENGTH)
    errors.body = `The letter's text can be at most ${BODY_MAX_LENGTH.toLocaleString("en")} characters.`;
  else if (!body.isWellFormed() || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(body))
    errors.body = "The letter's text contains characters that could not be read. Paste it again as plain text.";

  const rawSummary = text("summary");
  const summary = normalizeText(rawSummary);
  if (summary.length > SUMMARY_MAX_LENGTH)
    errors.summary = `The summary can be at most ${SUMMARY_MAX_LENGTH} characters.`;
  else if (summary && (!summary.isWellFormed() || /\p{Cc}/u.test(summary)))
    errors.summary = "The summary contains characters that could not be read.";

  const confirm = text("confirm_signatures") || "default";
  if (!["default", "yes", "no"].includes(confirm)) errors.confirm_signatures = "Choose how signatures are confirmed.";

  const closes = text("closes_at").trim();
  let closesAt: string | null = null;
  if (closes) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(closes);
    if (!match || !isDay(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59) {
      errors.closes_at =
        "Enter the closing time as a date and time, such as 2018-01-31 23:59 (UTC), or leave it empty.";
    } else {
      closesAt = new Date(`${match[1]}T${match[2]}:${match[3]}:00Z`).toISOString();
    }
  }

  for (const field of LETTER_FORM_FIELDS) if (errors[field] === undefined) delete errors[field];
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      title,
      slug,
      date,
      language,
      addressee,
      summary: summary || summaryOf(body),
      bodyMarkdown: body,
      bodyHtml: renderMarkdown(body),
      confirmSignatures: confirm === "default" ? null : confirm === "yes",
      reviewOrganizations: text("review_organizations") !== "",
      closesAt,
    },
  };
}

/** The form's values for a stored letter, for the editor. */
export function letterFormValuesOf(letter: Omit<LetterInput, "bodyHtml">): LetterFormValues {
  return {
    title: letter.title,
    slug: letter.slug,
    date: letter.date,
    language: letter.language,
    addressee: letter.addressee,
    summary: letter.summary,
    body: letter.bodyMarkdown,
    confirm_signatures: letter.confirmSignatures === null ? "default" : letter.confirmSignatures ? "yes" : "no",
    review_organizations: letter.reviewOrganizations ? "1" : "",
    closes_at: letter.closesAt ? letter.closesAt.slice(0, 16) : "",
  };
}
