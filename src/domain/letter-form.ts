/**
 * The organizers' letter editor form and a translation's: what each field
 * accepts, and the letter it describes, with one message per field that is
 * wrong, as zod schemas the routes validate with. The same rules as a letter
 * file (domain/letter-file.ts), read from a web form. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object, pipe, transform } from "zod/mini";
import { field, fieldErrors, formValues, type FormIssues } from "./form-fields";
import { issueAs, refuseAs } from "./organizer-words";
import { LOCALES } from "./i18n";
import { formatLanguageName } from "./locales/format";
import { isSlug, slugFromTitle, SLUG_MAX_LENGTH, STATE_CHANGES, type StateChange } from "./letter";
import { firstParagraphText, renderMarkdown } from "./markdown";
import { hasUnreadableCharacter, normalizeText, publicTextIssue } from "./text";
import { DEFAULT_TIME_ZONE, instantOfWallClock, isPastYear9999, isTimeZone, wallClockTime } from "./time-zones";

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
  "closes_time_zone",
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
  /** The UTC instant signing closes (ISO 8601), from the wall-clock time typed in `closesTimeZone`. */
  closesAt: string | null;
  /** The IANA zone the closing time is typed and shown in (domain/time-zones.ts isTimeZone). */
  closesTimeZone: string;
  /** True when the address was left empty and made from the title: another may be tried if it is taken. */
  slugFromTitle: boolean;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * The languages the editor offers for a letter's text (BCP 47 tags): the
 * interface's own (LOCALES, whose pages are then entirely in that language)
 * and others coalitions write in, whose pages speak English around the text.
 */
export const OTHER_LETTER_LANGUAGES = [
  "am",
  "ar",
  "ay",
  "bn",
  "ca",
  "cs",
  "da",
  "de",
  "el",
  "eu",
  "fa",
  "fi",
  "fil",
  "gl",
  "gn",
  "ha",
  "he",
  "hi",
  "ht",
  "hu",
  "id",
  "ig",
  "it",
  "ja",
  "ko",
  "ms",
  "nb",
  "nl",
  "pl",
  "qu",
  "ro",
  "ru",
  "sv",
  "sw",
  "tr",
  "uk",
  "ur",
  "vi",
  "wo",
  "yo",
  "zh",
  "zu",
] as const;

/** A language as the editor offers it: its tag, and its name in the area's language. */
export interface LanguageOption {
  tag: string;
  name: string;
}

const languageOptionsByLocale = new Map<string, { interface: LanguageOption[]; other: LanguageOption[] }>();

/**
 * The editor's choice of language, named in `locale` (locales/format.ts formatLanguageName):
 * the interface's languages, then the others, each group by name; `current`
 * (a stored tag the list lacks, such as "es-HN") is added to the others.
 */
export function letterLanguageOptions(
  locale: string,
  current?: string,
): { interface: LanguageOption[]; other: LanguageOption[] } {
  let options = languageOptionsByLocale.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    const named = (tags: readonly string[]) =>
      tags
        .map((tag) => ({ tag, name: formatLanguageName(tag, locale) }))
        .sort((a, b) => collator.compare(a.name, b.name));
    options = { interface: named(LOCALES), other: named(OTHER_LETTER_LANGUAGES) };
    languageOptionsByLocale.set(locale, options);
  }
  if (!current || [...options.interface, ...options.other].some((option) => option.tag === current)) return options;
  const name = formatLanguageName(current, locale);
  return { interface: options.interface, other: [...options.other, { tag: current, name: `${name} (${current})` }] };
}

/** A calendar day written YYYY-MM-DD that exists. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // Month 13 or day 99 makes an invalid Date (toISOString would throw); February 30 rolls over to March.
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
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
    if (!normalizeText(text)) return refuseAs(ctx, "titleMissing");
    const problem = publicTextIssue(text, TITLE_MAX_LENGTH);
    return problem ? refuseAs(ctx, "text", "title", problem, TITLE_MAX_LENGTH) : normalizeText(text);
  }),
  addressee: field((text, ctx) => {
    const addressee = multiline(text);
    if (!addressee) return refuseAs(ctx, "addresseeMissing");
    if (addressee.length > ADDRESSEE_MAX_LENGTH) return refuseAs(ctx, "addresseeTooLong", ADDRESSEE_MAX_LENGTH);
    if (hasUnreadableCharacter(addressee) || /[\u0000-\u0008\u000B-\u001F\u007F]/.test(addressee))
      return refuseAs(ctx, "addresseeUnreadable");
    return addressee;
  }),
  summary: field((text, ctx) => {
    const summary = normalizeText(text);
    if (summary.length > SUMMARY_MAX_LENGTH) return refuseAs(ctx, "summaryTooLong", SUMMARY_MAX_LENGTH);
    if (summary && (hasUnreadableCharacter(summary) || /\p{Cc}/u.test(summary)))
      return refuseAs(ctx, "summaryUnreadable");
    return summary;
  }),
  body: field((text, ctx) => {
    const body = text.replace(/\r\n?/g, "\n").trim();
    if (!body) return refuseAs(ctx, "bodyMissing");
    if (body.length > BODY_MAX_LENGTH) return refuseAs(ctx, "bodyTooLong", BODY_MAX_LENGTH);
    if (hasUnreadableCharacter(body) || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(body))
      return refuseAs(ctx, "bodyUnreadable");
    return body;
  }),
};

/**
 * The editor's form (POST /admin/letters and /admin/letters/{slug}, and its
 * preview): the letter it describes. Every field is checked on its own, so
 * the editor shows a message beside each bad one.
 */
export const letterFormSchema = pipe(
  pipe(
    object({
      title: textFields.title,
      // Left empty, the address is made from the title (below).
      slug: field((text, ctx) => {
        const slug = text.trim().toLowerCase();
        if (!slug) return "";
        if (!isSlug(slug)) return refuseAs(ctx, "slugInvalid", SLUG_MAX_LENGTH);
        if (RESERVED_SLUGS.has(slug)) return refuseAs(ctx, "slugReserved");
        return slug;
      }),
      date: field((text, ctx) => (isDay(text.trim()) ? text.trim() : refuseAs(ctx, "dateInvalid"))),
      language: field((text, ctx) => (LANGUAGE_TAG.test(text.trim()) ? text.trim() : refuseAs(ctx, "languageInvalid"))),
      addressee: textFields.addressee,
      summary: textFields.summary,
      body: textFields.body,
      confirm_signatures: field((text, ctx): boolean | null => {
        const confirm = text || "default";
        if (confirm === "default") return null;
        if (confirm === "yes" || confirm === "no") return confirm === "yes";
        return refuseAs(ctx, "confirmInvalid");
      }),
      review_organizations: field((text) => text !== ""),
      // The wall-clock time as typed ("YYYY-MM-DDTHH:MM"), read in the chosen zone below.
      closes_at: field((text, ctx): string | null => {
        const closes = text.trim().replace(" ", "T");
        if (!closes) return null;
        const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(closes);
        if (!match || !isDay(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59) {
          return refuseAs(ctx, "closesAtInvalid");
        }
        return `${match[1]}T${match[2]}:${match[3]}`;
      }),
      closes_time_zone: field((text, ctx) => {
        const zone = text.trim() || DEFAULT_TIME_ZONE;
        return isTimeZone(zone) ? zone : refuseAs(ctx, "timeZoneInvalid");
      }),
    }),
    transform((form, ctx) => {
      const slug = form.slug || slugFromTitle(form.title);
      if (!slug)
        ctx.issues.push({
          code: "custom",
          ...issueAs("slugMissing"),
          input: form.slug,
          path: ["slug"],
        });
      else if (RESERVED_SLUGS.has(slug))
        ctx.issues.push({
          code: "custom",
          ...issueAs("slugReserved"),
          input: slug,
          path: ["slug"],
        });
      const closesAt = form.closes_at === null ? null : instantOfWallClock(form.closes_at, form.closes_time_zone);
      if (form.closes_at !== null && closesAt === null)
        ctx.issues.push({
          code: "custom",
          ...issueAs("closesAtSkipped", form.closes_at.slice(0, 10), form.closes_time_zone),
          input: form.closes_at,
          path: ["closes_at"],
        });
      // 9999-12-31 23:59 west of UTC is in year 10000 in UTC: stored, it would sort before every
      // time as text, and the letter would close at once.
      else if (closesAt !== null && isPastYear9999(closesAt))
        ctx.issues.push({
          code: "custom",
          ...issueAs("closesAtTooLate"),
          input: form.closes_at,
          path: ["closes_at"],
        });
      return { ...form, slug, slugFromTitle: !form.slug, closesAt };
    }),
  ),
  transform((form): LetterInput => ({
    title: form.title,
    slug: form.slug,
    slugFromTitle: form.slugFromTitle,
    date: form.date,
    language: form.language,
    addressee: form.addressee,
    summary: form.summary || summaryOf(form.body),
    bodyMarkdown: form.body,
    bodyHtml: renderMarkdown(form.body),
    confirmSignatures: form.confirm_signatures,
    reviewOrganizations: form.review_organizations,
    closesAt: form.closesAt,
    closesTimeZone: form.closes_time_zone,
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
export function letterFormValuesOf(letter: Omit<LetterInput, "bodyHtml" | "slugFromTitle">): LetterFormValues {
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
    closes_at: letter.closesAt ? wallClockTime(letter.closesAt, letter.closesTimeZone) : "",
    closes_time_zone: letter.closesTimeZone,
  };
}

/** The longest delivery note: one line, as the letter's page shows it. */
export const DELIVERY_NOTE_MAX_LENGTH = 300;

/** The delivery form's field for the note in a translation's `language` (the original's is `delivery_note`). */
export function deliveryNoteField(language: string): `delivery_note_${string}` {
  return `delivery_note_${language}`;
}

/** The delivery form's fields (its change is `change`). */
export const DELIVERY_FIELDS = ["delivered_on", "delivery_note", ...LOCALES.map(deliveryNoteField)] as const;
export type DeliveryField = (typeof DELIVERY_FIELDS)[number];
export type DeliveryErrors = Partial<Record<DeliveryField, string>>;
export type DeliveryValues = Partial<Record<DeliveryField, string>>;

/** A delivery: its day, its public note in the letter's original language, and each translation's (language → note). */
export interface Delivery {
  /** YYYY-MM-DD. */
  on: string;
  note: string | null;
  /** A translation's own note by its language; null: none (the page shows the original's). */
  translations: Record<string, string | null>;
}

const deliveryNote = field((text, ctx) => {
  const note = normalizeText(text);
  if (note.length > DELIVERY_NOTE_MAX_LENGTH || /\p{Cc}/u.test(note))
    return refuseAs(ctx, "deliveryNoteTooLong", DELIVERY_NOTE_MAX_LENGTH);
  if (hasUnreadableCharacter(note)) return refuseAs(ctx, "deliveryNoteUnreadable");
  return note;
});

/**
 * A change of the letter's stage (POST /admin/letters/{slug}/state): the
 * change, and for "deliver" the day it was delivered and its notes, one per
 * language (`delivery_note` in the original's, `delivery_note_{tag}` in each
 * translation's: see deliveryNoteField). Whether the day has come yet is the
 * app's to check (app/letters.ts changeLetterStage): it needs the clock.
 */
export const stageFormSchema = pipe(
  object({
    change: field((text, ctx): StateChange =>
      (STATE_CHANGES as readonly string[]).includes(text) ? (text as StateChange) : refuseAs(ctx, "changeInvalid"),
    ),
    delivered_on: field((text) => text.trim()),
    delivery_note: deliveryNote,
    ...(Object.fromEntries(LOCALES.map((language) => [deliveryNoteField(language), deliveryNote])) as Record<
      `delivery_note_${(typeof LOCALES)[number]}`,
      typeof deliveryNote
    >),
  }),
  transform((form, ctx): { change: StateChange; delivery: Delivery | null } => {
    if (form.change !== "deliver") return { change: form.change, delivery: null };
    if (!isDay(form.delivered_on)) {
      ctx.issues.push({
        code: "custom",
        ...issueAs("deliveredOnInvalid"),
        input: form.delivered_on,
        path: ["delivered_on"],
      });
    }
    const translations = Object.fromEntries(
      LOCALES.map((language) => [
        language,
        form[deliveryNoteField(language) as `delivery_note_${typeof language}`] || null,
      ]),
    );
    return { change: form.change, delivery: { on: form.delivered_on, note: form.delivery_note || null, translations } };
  }),
);

/** The delivery form's values to fill it with again. */
export function deliveryValues(data: unknown): DeliveryValues {
  return formValues(data, DELIVERY_FIELDS);
}

/** The delivery form's problems, one beside each field. */
export function deliveryErrors(error: FormIssues): DeliveryErrors {
  return fieldErrors(error, DELIVERY_FIELDS);
}

/** The delivery form's values for a delivery as read, to fill it with again. */
export function deliveryValuesOf(delivery: Delivery): DeliveryValues {
  const values: DeliveryValues = { delivered_on: delivery.on, delivery_note: delivery.note ?? "" };
  for (const [language, note] of Object.entries(delivery.translations)) {
    const name = deliveryNoteField(language);
    if ((DELIVERY_FIELDS as readonly string[]).includes(name)) values[name as DeliveryField] = note ?? "";
  }
  return values;
}
