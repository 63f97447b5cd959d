/**
 * Organizers' letters: finding one (drafts included), writing it (a new
 * draft, or an edit of its text and settings), moving it from stage to
 * stage (publish, close, reopen, deliver, back to draft), deleting an
 * unsigned draft, and what the editor shows beside it. Each change refreshes
 * the letter's public copies when what they show changed.
 */
import { draftPreviewKey, isDraftPreviewKey } from "../domain/draft-preview";
import {
  canChangeState,
  isSlug,
  letterState,
  SLUG_MAX_LENGTH,
  wasPublished,
  type Letter,
  type LetterState,
  type StateChange,
} from "../domain/letter";
import { activityNotes, type ActivityAction } from "../domain/activity";
import type { Delivery, LetterInput } from "../domain/letter-form";
import { wallClockTime } from "../domain/time-zones";
import {
  changeLetterState,
  deleteDraftLetter,
  insertDraftLetter,
  letterPreviewSeed,
  renewLetterPreviewSecret,
  updateLetter,
} from "../storage/letters";
import { listRevisions, findRevision, type LetterRevision } from "../storage/letter-revisions";
import { findEditableLetter, findLetter, listAllLetters, type EditableLetter } from "../storage/letters";
import { recordActivity } from "./activity";
import { queueDeliveryNoticesOf } from "./delivery-notices";
import { rememberLetterLanguageChoice, rememberTimeZone } from "./organizer-preferences";
import type { AppDeps } from "./deps";
import { organizerProblem, Problem } from "./problem";
import { issueAs, type IssueArgs, type IssueCode, type OrganizerIssue } from "../domain/organizer-words";
import { activityDetail } from "../domain/activity-details";

/** Why a letter's text and settings were not saved: the field to show it beside, and the answer's status. */
export interface LetterRefusal {
  field: "slug" | "language";
  status: 409 | 422;
  /** In English; `issue` words it in the organizer's language (domain/organizer-words.ts issueWords). */
  message: string;
  issue: OrganizerIssue;
}

/** A refusal's English message and its issue code, for the page to word in the organizer's language. */
function worded<K extends IssueCode>(code: K, ...args: IssueArgs<K>): { message: string; issue: OrganizerIssue } {
  const { message, params } = issueAs(code, ...args);
  return { message, issue: params.organizerIssue };
}

const SLUG_TAKEN: LetterRefusal = {
  field: "slug",
  status: 409,
  ...worded("slugTaken"),
};

/** Every letter, drafts included, the most recently changed first. */
export function listLetters(deps: AppDeps): Promise<Letter[]> {
  return listAllLetters(deps.db);
}

function letterNotFound(): Problem {
  return organizerProblem(404, "letterNotFound");
}

/**
 * The letter at `slug`, drafts included (without touching D1 for a slug that can't exist).
 *
 * @throws Problem 404 when there is none
 */
export async function requireLetter(deps: AppDeps, slug: string): Promise<Letter> {
  const letter = isSlug(slug) ? await findLetter(deps.db, slug) : null;
  if (!letter) throw letterNotFound();
  return letter;
}

/**
 * The letter at `slug` with its Markdown source, for the editor.
 *
 * @throws Problem 404 when there is none
 */
export async function requireEditableLetter(deps: AppDeps, slug: string): Promise<EditableLetter> {
  const letter = isSlug(slug) ? await findEditableLetter(deps.db, slug) : null;
  if (!letter) throw letterNotFound();
  return letter;
}

/** How many other addresses ("{slug}-2" … "{slug}-9") are tried when the one made from the title is taken. */
const SUGGESTED_SLUG_TRIES = 8;

/**
 * Runs `save` with the input's address, and, when the address was made from
 * the title (the organizer left it empty) and is taken, with "-2", "-3" …
 * added, cut to fit SLUG_MAX_LENGTH. `save` returns false when the address is taken.
 *
 * @returns the address saved, or null when every one tried was taken
 */
async function saveWithFreeSlug(
  input: LetterInput,
  save: (input: LetterInput) => Promise<boolean>,
): Promise<string | null> {
  if (await save(input)) return input.slug;
  if (!input.slugFromTitle) return null;
  for (let n = 2; n < 2 + SUGGESTED_SLUG_TRIES; n++) {
    const suffix = `-${n}`;
    const slug = `${input.slug.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (await save({ ...input, slug })) return slug;
  }
  return null;
}

/**
 * Saves a new draft written in the organizer area. An address made from the
 * title that another letter has is numbered ("-2"…) rather than refused.
 *
 * @returns the draft's address, or why it was not saved (another letter has its address: 409)
 */
export async function createDraft(deps: AppDeps, input: LetterInput): Promise<{ slug: string } | LetterRefusal> {
  let id: number | null = null;
  const slug = await saveWithFreeSlug(
    input,
    async (attempt) => (id = await insertDraftLetter(deps.db, attempt)) !== null,
  );
  if (slug === null || id === null) return SLUG_TAKEN;
  if (input.closesAt !== null) await rememberTimeZone(deps, input.closesTimeZone);
  // The person's next new letter starts in this one's language.
  await rememberLetterLanguageChoice(deps, input.language);
  await recordActivity(deps, { action: "letter-created", letterId: id, after: { title: input.title, slug } });
  return { slug };
}

/**
 * Whether this deployment confirms signatures by email when a letter leaves it to the site (it
 * has a mailer: domain/signing.ts signingPolicy); false when the mail settings can't be read.
 */
function confirmsByDefault(deps: AppDeps): boolean {
  try {
    return deps.mailer() !== null;
  } catch {
    return false;
  }
}

/**
 * What the activity log keeps of a letter's text and settings: its short fields (the body is
 * told by "text changed", and kept whole in the letter's history). Email confirmation left to the
 * site is kept as what the site's default was then (`byEmail`: confirmsByDefault), so that the
 * log says "the site's default (email confirmation)" rather than "none".
 */
function loggedSettings(
  byEmail: boolean,
  letter: Pick<
    Letter,
    | "title"
    | "slug"
    | "date"
    | "language"
    | "addressee"
    | "summary"
    | "confirmSignatures"
    | "reviewOrganizations"
    | "closesAt"
    | "closesTimeZone"
  >,
) {
  return {
    title: letter.title,
    slug: letter.slug,
    date: letter.date,
    language: letter.language,
    addressee: letter.addressee,
    summary: letter.summary,
    confirmSignatures:
      letter.confirmSignatures ?? (byEmail ? ("site-default-email" as const) : ("site-default-at-once" as const)),
    reviewOrganizations: letter.reviewOrganizations,
    closesAt: letter.closesAt,
    closesTimeZone: letter.closesTimeZone,
  };
}

/**
 * Saves the letter's text and settings, keeping the old text in its
 * history, and refreshes its public copies. A letter that was ever published
 * keeps its address whatever the form says (domain/letter.ts wasPublished).
 *
 * @returns the letter's address after saving, or why nothing was saved: the
 *   language is one it has a translation in (422), or another letter has
 *   the address (409)
 */
export async function editLetter(
  deps: AppDeps,
  letter: EditableLetter,
  input: LetterInput,
): Promise<{ slug: string } | LetterRefusal> {
  const saved = wasPublished(letter) ? { ...input, slug: letter.slug } : input;
  if (letter.languages.slice(1).includes(saved.language)) {
    return {
      field: "language",
      status: 422,
      ...worded("languageTranslated"),
    };
  }
  const slug = await saveWithFreeSlug(saved, (attempt) => updateLetter(deps.db, letter.id, attempt));
  if (slug === null) return SLUG_TAKEN;
  if (saved.closesAt !== null) await rememberTimeZone(deps, saved.closesTimeZone);
  if (saved.language !== letter.language) await rememberLetterLanguageChoice(deps, saved.language);
  await deps.publicCopies.letterChanged(letter.slug);
  const textChanged = saved.bodyMarkdown !== letter.bodyMarkdown;
  const byEmail = confirmsByDefault(deps);
  await recordActivity(deps, {
    action: "letter-edited",
    letterId: letter.id,
    before: loggedSettings(byEmail, letter),
    after: loggedSettings(byEmail, { ...saved, slug }),
    detail: textChanged ? activityDetail("textChanged") : null,
  });
  return { slug };
}

/**
 * Refuses `change` when it does not apply to the letter as read: its stage
 * at `now`, and whether anyone has signed (a signed letter can't go back
 * to being a draft). Checked before anything else about the change is read.
 *
 * @throws Problem 409, with the reason
 */
export function refuseInapplicableChange(letter: Letter, change: StateChange, now: Date): void {
  const state = letterState(letter, now);
  if (canChangeState(change, state, letter.counts.total + letter.pendingCount)) return;
  throw organizerProblem(409, "changeInapplicable", [state, change === "unpublish"]);
}

/** Why a delivery was not recorded: the field to show it beside, and the answer's status. */
export interface DeliveryRefusal {
  field: "delivered_on";
  status: 422;
  /** In English; `issue` words it in the organizer's language. */
  message: string;
  issue: OrganizerIssue;
}

/**
 * Moves the letter to another stage and refreshes its public copies; a
 * delivery records its day and its note in each language (notes for
 * languages the letter has no translation in are ignored), and queues the delivery notices of the
 * signers who asked for one (app/delivery-notices.ts).
 *
 * @returns null, or why the delivery was refused: its day has not come yet
 *   in the letter's time zone (422; a letter can't be delivered in the future)
 * @throws Problem 409 when the change does not apply, or the letter changed meanwhile
 */
export async function changeLetterStage(
  deps: AppDeps,
  letter: Letter,
  change: StateChange,
  delivery: Delivery | null,
): Promise<DeliveryRefusal | null> {
  const now = deps.now();
  refuseInapplicableChange(letter, change, now);
  if (change === "deliver" && delivery) {
    const today = wallClockTime(now.toISOString(), letter.closesTimeZone).slice(0, 10);
    if (delivery.on > today) {
      return {
        field: "delivered_on",
        status: 422,
        ...worded("deliveredOnFuture", today, letter.closesTimeZone),
      };
    }
    const translated = new Set(letter.languages.slice(1));
    delivery = {
      ...delivery,
      translations: Object.fromEntries(
        Object.entries(delivery.translations).filter(([language]) => translated.has(language)),
      ),
    };
  }
  if (!(await changeLetterState(deps.db, letter.id, change, now, change === "deliver" ? delivery : null))) {
    throw organizerProblem(409, "letterChanged");
  }
  await deps.publicCopies.letterChanged(letter.slug);
  await recordActivity(deps, {
    action: STAGE_ACTIONS[change],
    letterId: letter.id,
    before: {
      stage: letterState(letter, now),
      ...(change === "deliver" && letter.deliveredOn !== null
        ? loggedDelivery(letter.deliveredOn, letter.language, letter.deliveryNote, letter.translatedDeliveryNotes)
        : {}),
    },
    after: {
      stage: STAGE_AFTER[change],
      ...(change === "deliver" && delivery
        ? loggedDelivery(delivery.on, letter.language, delivery.note, delivery.translations)
        : {}),
    },
  });
  // The signers who asked to be told (app/delivery-notices.ts): queued now, sent by the minute cron.
  // A correction of the delivery queues only those who had none (each signer is written to once); a
  // failure here answers 503, and marking it delivered again queues what was missed.
  if (change === "deliver") await queueDeliveryNoticesOf(deps, letter);
  return null;
}

/**
 * A delivery as the log keeps it: its day, and its public notes by language (`note` in the
 * letter's `language`, `translations` in theirs; shortened), so that a correction shows what it
 * changed.
 */
function loggedDelivery(
  on: string,
  language: string,
  note: string | null,
  translations: Readonly<Record<string, string | null>>,
): { deliveredOn: string; deliveryNotes?: Record<string, string> } {
  const notes = activityNotes({ [language]: note, ...translations });
  return notes ? { deliveredOn: on, deliveryNotes: notes } : { deliveredOn: on };
}

/** The activity log's action for each stage change. */
const STAGE_ACTIONS: Record<StateChange, ActivityAction> = {
  publish: "letter-published",
  close: "letter-closed",
  reopen: "letter-reopened",
  deliver: "letter-delivered",
  unpublish: "letter-unpublished",
};

/** The stage each change leads to (domain/letter.ts letterState's names). */
const STAGE_AFTER: Record<StateChange, LetterState> = {
  publish: "open",
  close: "closed",
  reopen: "open",
  deliver: "delivered",
  unpublish: "draft",
};

/**
 * Deletes a draft nobody has signed (it was never public: nothing to refresh).
 *
 * @throws Problem 409 for any other letter
 */
export async function deleteDraft(deps: AppDeps, letter: Letter): Promise<void> {
  if (!(await deleteDraftLetter(deps.db, letter.id))) {
    throw organizerProblem(409, "notDeletable");
  }
  // The letter is gone: the entry names it by its title and address.
  await recordActivity(deps, { action: "letter-deleted", before: { title: letter.title, slug: letter.slug } });
}

/**
 * What the editor shows beside a letter: its versions, and the key of its shareable preview link.
 *
 * @throws Problem 404 when the letter was deleted meanwhile
 */
export async function letterHistory(
  deps: AppDeps,
  letter: Letter,
): Promise<{ revisions: LetterRevision[]; previewKey: string }> {
  const [revisions, seed] = await Promise.all([
    listRevisions(deps.db, letter.id),
    letterPreviewSeed(deps.db, letter.id),
  ]);
  if (!seed) throw letterNotFound();
  return { revisions, previewKey: await draftPreviewKey(deps.secretKey(), seed) };
}

/**
 * Makes a new shareable preview link for `letter` ("New preview link" in the editor): the link
 * before stops working at once (a link sent to the wrong person is taken back). Logged
 * (preview-link-renewed), never with the link's key.
 *
 * @throws Problem 404 when the letter was deleted meanwhile
 */
export async function renewPreviewLink(deps: AppDeps, letter: Letter): Promise<void> {
  if (!(await renewLetterPreviewSecret(deps.db, letter.id))) throw letterNotFound();
  await recordActivity(deps, { action: "preview-link-renewed", letterId: letter.id });
}

/**
 * One version of the letter's text.
 *
 * @throws Problem 404 when the letter has no version `id`
 */
export async function requireRevision(deps: AppDeps, letter: Letter, id: number): Promise<LetterRevision> {
  const revision = await findRevision(deps.db, letter.id, id);
  if (!revision) throw organizerProblem(404, "revisionNotFound");
  return revision;
}

/**
 * The letter a draft's shareable preview link shows: the one at `slug`,
 * when `key` is its preview key (of its present generation: a link made
 * before "New preview link" was pressed opens nothing).
 *
 * @throws Problem 404 for any other link (a wrong key is told apart from no letter by nobody)
 */
export async function previewedLetter(deps: AppDeps, slug: string, key: string): Promise<Letter> {
  const letter = isSlug(slug) ? await findLetter(deps.db, slug) : null;
  const seed = letter && /^[A-Za-z0-9_-]{32}$/.test(key) ? await letterPreviewSeed(deps.db, letter.id) : null;
  if (!letter || seed === null || !(await isDraftPreviewKey(deps.secretKey(), seed, key))) {
    throw new Problem(
      404,
      "Preview not found",
      "This preview link is not valid. Ask the letter's organizers for a new one.",
    );
  }
  return letter;
}

/**
 * The letter as the editor's form describes it, for the preview frame: with
 * the stored letter's id, stage and counts when one has its address.
 */
export async function previewOfForm(deps: AppDeps, input: LetterInput): Promise<Letter> {
  const stored = await findLetter(deps.db, input.slug);
  const now = deps.now().toISOString();
  return {
    id: stored?.id ?? 0,
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    date: input.date,
    addressee: input.addressee,
    language: input.language,
    // The preview shows the text being edited, in its own language only.
    languages: [input.language],
    status: stored?.status ?? "draft",
    closesAt: input.closesAt,
    closesTimeZone: input.closesTimeZone,
    closedAt: stored?.closedAt ?? null,
    bodyHtml: input.bodyHtml,
    counts: stored?.counts ?? { total: 0, organizations: 0, individuals: 0 },
    pendingCount: stored?.pendingCount ?? 0,
    confirmSignatures: input.confirmSignatures,
    reviewOrganizations: input.reviewOrganizations,
    record: stored?.record ?? { length: 0, sealed: 0, root: null },
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
    deliveredOn: stored?.deliveredOn ?? null,
    deliveryNote: stored?.deliveryNote ?? null,
    translatedDeliveryNotes: {},
    textUpdatedAt: stored?.textUpdatedAt ?? null,
    managedBy: "admin",
    textSeq: stored?.textSeq ?? 0,
  };
}
