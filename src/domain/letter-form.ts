/**
 * The organizers' letter editor form and a translation's: what each field
 * accepts, and the letter it describes, with one message per field that is
 * wrong, as zod schemas the routes validate with. The same rules as a letter
 * file (domain/letter-file.ts), read from a web form. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, transform } from "zod/mini";
import { field, fieldErrors, formValues, refuse, type FormIssues } from "./form-fields";
import { isSlug, SLUG_MAX_LENGTH, STATE_CHANGES, type StateChange } from "./letter";
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

/** Addresses the organizer area uses itself (/admin/letters/new, /admin/letters/preview), so no letter may take them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "preview"]);

function multiline(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => normalizeText(line))
    .filter(Boolean)
    .join("\n");
}

/** The fields a letter and each of its translations have: its text. */
const textFields = {
  title: field((text, ctx) => {
    if (!normalizeText(text)) return refuse(ctx, "Give the letter a title.");
    const problem = publicTextProblem(text, "The title", TITLE_MAX_LENGTH);
    return problem ? refuse(ctx, problem) : normalizeText(text);
  }),
  addressee: field((text, ctx) => {
    const addressee = multiline(text);
    if (!addressee) return refuse(ctx, "Enter who the letter is addressed to, one line per line of the address.");
    if (addressee.length > ADDRESSEE_MAX_LENGTH)
      return refuse(ctx, `The addressee block can be at most ${ADDRESSEE_MAX_LENGTH} characters.`);
    if (!addressee.isWellFormed() || /[\u0000-\u0008\u000B-\u001F\u007F]/.test(addressee))
      return refuse(ctx, "The addressee block contains characters that could not be read.");
    return addressee;
  }),
  summary: field((text, ctx) => {
    const summary = normalizeText(text);
    if (summary.length > SUMMARY_MAX_LENGTH)
      return refuse(ctx, `The summary can be at most ${SUMMARY_MAX_LENGTH} characters.`);
    if (summary && (!summary.isWellFormed() || /\p{Cc}/u.test(summary)))
      return refuse(ctx, "The summary contains characters that could not be read.");
    return summary;
  }),
  body: field((text, ctx) => {
    const body = text.replace(/\r\n?/g, "\n").trim();
    if (!body) return refuse(ctx, "Write the letter's text.");
    if (body.length > BODY_MAX_LENGTH)
      return refuse(ctx, `The letter's text can be at most ${BODY_MAX_LENGTH.toLocaleString("en")} characters.`);
    if (!body.isWellFormed() || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(body))
      return refuse(ctx, "The letter's text contains characters that could not be read. Paste it again as plain text.");
    return body;
  }),
};

/**
 * The editor's form (POST /admin/letters and /admin/letters/{slug}, and its
 * preview): the letter it describes. Every field is checked on its own, so
 * the editor shows a message beside each bad one.
 */
export const letterFormSchema = pipe(
  object({
    title: textFields.title,
    slug: field((text, ctx) => {
      const slug = text.trim().toLowerCase();
      if (!slug) return refuse(ctx, "Choose the letter's address, such as honduras-new-elections-2017.");
      if (!isSlug(slug))
        return refuse(
          ctx,
          `The address may use only lower-case letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters.`,
        );
      if (RESERVED_SLUGS.has(slug))
        return refuse(ctx, "This address is used by the organizer area itself. Choose another.");
      return slug;
    }),
    date: field((text, ctx) =>
      isDay(text.trim()) ? text.trim() : refuse(ctx, "Enter the date the letter bears, such as 2017-12-20."),
    ),
    language: field((text, ctx) =>
      LANGUAGE_TAG.test(text.trim())
        ? text.trim()
        : refuse(ctx, "Enter the language of the letter's text as a code, such as en, es, fr or pt."),
    ),
    addressee: textFields.addressee,
    summary: textFields.summary,
    body: textFields.body,
    confirm_signatures: field((text, ctx): boolean | null => {
      const confirm = text || "default";
      if (confirm === "default") return null;
      if (confirm === "yes" || confirm === "no") return confirm === "yes";
      return refuse(ctx, "Choose how signatures are confirmed.");
    }),
    review_organizations: field((text) => text !== ""),
    closes_at: field((text, ctx): string | null => {
      const closes = text.trim();
      if (!closes) return null;
      const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(closes);
      if (!match || !isDay(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59) {
        return refuse(
          ctx,
          "Enter the closing time as a date and time, such as 2018-01-31 23:59 (UTC), or leave it empty.",
        );
      }
      return new Date(`${match[1]}T${match[2]}:${match[3]}:00Z`).toISOString();
    }),
  }),
  transform((form): LetterInput => ({
    title: form.title,
    slug: form.slug,
    date: form.date,
    language: form.language,
    addressee: form.addressee,
    summary: form.summary || summaryOf(form.body),
    bodyMarkdown: form.body,
    bodyHtml: renderMarkdown(form.body),
    confirmSignatures: form.confirm_signatures,
    reviewOrganizations: form.review_organizations,
    closesAt: form.closes_at,
  })),
);

/** The editor's values to fill it with again. */
export function letterFormValues(data: unknown): LetterFormValues {
  return formValues(data, LETTER_FORM_FIELDS);
}

/** The editor's problems, one beside each field. */
export function letterFormErrors(error: FormIssues): LetterFormErrors {
  return fieldErrors(error, LETTER_FORM_FIELDS);
}

/** A translation's fields: the letter's text, in another language. */
export const TRANSLATION_FIELDS = ["title", "addressee", "summary", "body"] as const;
export type TranslationField = (typeof TRANSLATION_FIELDS)[number];

/** What a translation says, in the language its address names. */
export type TranslationInput = Pick<LetterInput, "title" | "summary" | "addressee" | "bodyMarkdown" | "bodyHtml">;

/**
 * A translation's form (POST /admin/letters/{slug}/translations/{lang}, and
 * its preview): the same rules as the letter's own text.
 */
export const translationFormSchema = pipe(
  object(textFields),
  transform((form): TranslationInput => ({
    title: form.title,
    summary: form.summary || summaryOf(form.body),
    addressee: form.addressee,
    bodyMarkdown: form.body,
    bodyHtml: renderMarkdown(form.body),
  })),
);

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

/** The longest delivery note: one line, as the letter's page shows it. */
export const DELIVERY_NOTE_MAX_LENGTH = 300;

/**
 * A change of the letter's stage (POST /admin/letters/{slug}/state): the
 * change, and for "deliver" the day it was delivered and a note.
 */
export const stageFormSchema = pipe(
  object({
    change: field((text, ctx): StateChange =>
      (STATE_CHANGES as readonly string[]).includes(text)
        ? (text as StateChange)
        : refuse(ctx, `The change must be one of ${STATE_CHANGES.join(", ")}.`),
    ),
    delivered_on: field((text) => text.trim()),
    delivery_note: field((text) => normalizeText(text)),
  }),
  transform(({ change, delivered_on, delivery_note }, ctx) => {
    if (change !== "deliver") return { change, delivery: null };
    if (!isDay(delivered_on)) {
      ctx.issues.push({
        code: "custom",
        message: "Enter the day the letter was delivered, such as 2017-12-20. Go back and try again.",
        input: delivered_on,
        path: ["delivered_on"],
      });
    }
    if (delivery_note.length > DELIVERY_NOTE_MAX_LENGTH || /\p{Cc}/u.test(delivery_note)) {
      ctx.issues.push({
        code: "custom",
        message: `The delivery note can be at most ${DELIVERY_NOTE_MAX_LENGTH} characters on one line.`,
        input: delivery_note,
        path: ["delivery_note"],
      });
    }
    return { change, delivery: { on: delivered_on, note: delivery_note || null } };
  }),
);
