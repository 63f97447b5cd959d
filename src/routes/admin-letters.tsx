/**
 * The organizer area's letters: the editor (create, save, preview), the
 * stages from draft to delivered, deleting an unsigned draft, the text's
 * history (mounted at /admin/letters, behind organizerPages()); and the
 * draft's shareable preview link, public but for the key it carries.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import { safeParse } from "zod/mini";
import {
  changeLetterStage,
  createDraft,
  deleteDraft,
  editLetter,
  letterHistory,
  previewedLetter,
  previewOfForm,
  refuseInapplicableChange,
  renewPreviewLink,
  requireEditableLetter,
  requireRevision,
} from "../app/letters";
import { newLetterDefaults } from "../app/organizer-preferences";
import { notificationsOf, saveNotifications, sendTestDelivery } from "../app/notifications";
import { Problem } from "../app/problem";
import { issueWords } from "../domain/organizer-words";
import { draftPreviewQuerySchema } from "../domain/draft-preview";
import { doneQuery, problemsOf, textOf } from "../domain/form-fields";
import { letterState, wasPublished, type StateChange } from "../domain/letter";
import { can } from "../domain/organizer-roles";
import {
  deliveryErrors,
  deliveryValues,
  deliveryValuesOf,
  letterFormErrors,
  letterFormSchema,
  letterFormValues,
  letterFormValuesOf,
  stageFormSchema,
  type DeliveryErrors,
  type DeliveryValues,
  type LetterFormErrors,
  type LetterFormValues,
} from "../domain/letter-form";
import { renderMarkdown } from "../domain/markdown";
import { wallClockTime } from "../domain/time-zones";
import {
  notificationErrors,
  localNotificationSettingsSchema,
  notificationSettingsSchema,
  notificationValues,
} from "../domain/notification-settings";
import { CONFIRM_FIELD, REVISE_VALUE } from "../domain/organizer-forms";
import { adminPaths, paths } from "../domain/paths";
import { pageShell, type AppEnv } from "../http/app-env";
import { allow, organizerPages, privateHeaders } from "../http/authentication";
import { pagePolicy } from "../http/security";
import {
  adminHtml,
  confirmFirst,
  organizerLetter,
  previewOptions,
  requestTimeZone,
  type LetterEnv,
} from "../http/organizer-area";
import { validation } from "../http/validation";
import { adminLocale, adminWords, words } from "../http/language";
import { adminMessagesFor, type AdminMessages } from "../domain/i18n";
import { renderLetterPage } from "../http/public-letter";
import { HTML_CONTENT_TYPE } from "../http/responses";
import { absoluteUrl, webhookLoopbackAllowed } from "../http/urls";
import type { EditableLetter } from "../storage/letters";
import { LetterEditorPage, PreviewProblems } from "../views/admin/letter-editor-page";
import { WebhookTestPage, type NotificationsProps } from "../views/admin/notifications-section";
import type { ConfirmPrompt } from "../views/admin/confirm-page";
import { RevisionPage } from "../views/admin/revision-page";
import { renderDocument } from "../views/layout";

/** The stage changes asked about first (see confirmFirst): what each does, in words. */
const STAGE_PROMPTS: Partial<Record<StateChange, (letter: EditableLetter, t: AdminMessages) => ConfirmPrompt>> = {
  close: (letter, { stage }) => ({
    question: stage.closeQuestion(letter.title),
    consequences: stage.closeConsequences,
    confirm: stage.closeConfirm,
    back: adminPaths.letter(letter.slug),
  }),
  unpublish: (letter, { stage }) => ({
    question: stage.unpublishQuestion(letter.title),
    consequences: stage.unpublishConsequences,
    confirm: stage.unpublishConfirm,
    back: adminPaths.letter(letter.slug),
  }),
};

/** Deleting a draft, asked about first; a letter that can't be deleted is refused without asking (null). */
function deletePrompt(letter: EditableLetter, now: Date, { stage }: AdminMessages): ConfirmPrompt | null {
  const deletable =
    letterState(letter, now) === "draft" && letter.counts.total + letter.pendingCount === 0 && !wasPublished(letter);
  if (!deletable) return null;
  return {
    question: stage.deleteQuestion(letter.title),
    consequences: stage.deleteConsequences,
    confirm: stage.deleteConfirm,
    back: adminPaths.letter(letter.slug),
    danger: true,
  };
}

/** A new webhook signing secret, asked about first: the receiver must be given it. */
function rotatePrompt(letter: EditableLetter, { notifications }: AdminMessages): ConfirmPrompt {
  return {
    question: notifications.rotateQuestion,
    consequences: notifications.rotateConsequences,
    confirm: notifications.rotateConfirm,
    back: `${adminPaths.letter(letter.slug)}#notifications`,
  };
}

/**
 * Saving an open letter with a closing time that has already passed closes
 * its signing at once: asked about first, saying so (null: the save closes
 * nothing, or the form is refused anyway and the validator answers it).
 */
function pastClosingPrompt(c: Context<EditorEnv>, form: FormData): ConfirmPrompt | null {
  const letter = c.var.letter;
  const now = c.var.deps.now();
  if (letterState(letter, now) !== "open") return null;
  const read = safeParse(letterFormSchema, Object.fromEntries(form));
  if (!read.success || read.data.closesAt === null || Date.parse(read.data.closesAt) > now.getTime()) return null;
  const t = adminWords(c);
  return {
    question: t.stage.pastCloseQuestion(letter.title),
    consequences: t.stage.pastCloseConsequences(
      t.time(read.data.closesAt, read.data.closesTimeZone, { deadline: true }),
    ),
    confirm: t.stage.pastCloseConfirm,
    back: adminPaths.letter(letter.slug),
    revise: t.stage.pastCloseRevise,
  };
}

/** What the editor says after each change it leads back from (its ?done=): the catalogs' `done`. */
const DONE = Object.keys(adminMessagesFor("en").done) as (keyof AdminMessages["done"])[];

const editorQuery = zValidator("query", doneQuery(DONE));

/** The editor for `letter` (null for a new one) with the given values and problems. */
async function editorPage<E extends AppEnv>(
  c: Context<E>,
  letter: EditableLetter | null,
  values: LetterFormValues,
  errors: LetterFormErrors,
  status: 200 | 409 | 422 = 200,
  {
    flash = null,
    previewLinkRenewed = false,
    notificationForm = {},
    deliveryForm,
  }: {
    flash?: string | null;
    /** The preview link was just made anew (said in its section). */
    previewLinkRenewed?: boolean;
    notificationForm?: Pick<NotificationsProps, "values" | "errors">;
    /** The delivery form as sent, with its problems, when it was refused. */
    deliveryForm?: { values: DeliveryValues; errors: DeliveryErrors };
  } = {},
): Promise<Response> {
  // The route's own variables, as every route of the area has them (E only adds to them).
  const { deps, organizer } = c.var as AppEnv["Variables"];
  const history = letter ? await letterHistory(deps, letter) : null;
  return adminHtml(
    c,
    <LetterEditorPage
      csrf={organizer!.csrf}
      letter={letter}
      // A published letter's address is shown as it is, whatever was sent.
      values={letter && letter.status !== "draft" ? { ...values, slug: letter.slug } : values}
      errors={errors}
      flash={flash}
      previewLinkRenewed={previewLinkRenewed}
      revisions={history?.revisions ?? []}
      previewLink={letter && history ? absoluteUrl(c, paths.draftPreview(letter.slug, history.previewKey)) : null}
      publicLink={letter && letter.status !== "draft" ? absoluteUrl(c, paths.letter(letter.slug)) : null}
      now={deps.now()}
      // Webhooks (their secret) and the daily summary's address are owners'.
      notifications={
        letter && can(organizer!.role, "administer")
          ? { ...(await notificationsOf(deps, letter)), ...notificationForm }
          : undefined
      }
      deliveryForm={deliveryForm}
    />,
    status,
  );
}

/** A preview frame's page: the letter as the public will see it. */
async function previewPage<E extends AppEnv>(
  c: Context<E>,
  letter: Parameters<typeof renderLetterPage>[1],
  typed = true,
): Promise<Response> {
  return c.body(
    await renderLetterPage(c, letter, { values: {}, errors: {} }, previewOptions(letter, adminWords(c), typed)),
    200,
    {
      "Content-Type": HTML_CONTENT_TYPE,
    },
  );
}

/** What the preview frame shows while the form can't make a letter yet (200: the frame shows it as a page). */
async function previewProblems<E extends AppEnv>(c: Context<E>, problems: readonly string[]): Promise<Response> {
  return c.body(await renderDocument(<PreviewProblems problems={problems} />, pageShell(c)), 200, {
    "Content-Type": HTML_CONTENT_TYPE,
  });
}

/** A route about one letter in the editor: `c.var.letter` has its Markdown source. */
type EditorEnv = LetterEnv<EditableLetter>;

const editableLetter = organizerLetter(requireEditableLetter);
/**
 * The editor runs our own script and frames our own preview: granted to every route here, since
 * any of them may answer with the editor (a refused stage change, delivery or notification form
 * draws it again; granted per route, those answers blocked the page's own script and preview).
 */
const editorPolicy = pagePolicy("own-scripts-and-frames");
const validate = validation<AppEnv>();
const validateEditor = validation<EditorEnv>();

export const adminLetters = new Hono<AppEnv>();

adminLetters.use(organizerPages());
adminLetters.use(editorPolicy);

adminLetters.get("/new", allow("edit-letters"), async (c) => {
  // The area's language (English, Spanish, French or Portuguese: each one a letter can be written in),
  // unless the person last wrote a letter in another.
  const { timeZone, language } = await newLetterDefaults(c.var.deps, adminLocale(c), requestTimeZone(c));
  return editorPage(
    c,
    null,
    {
      // Today where the organizer's deadlines are read (their zone, else the request's: never simply UTC's day).
      date: wallClockTime(c.var.deps.now().toISOString(), timeZone).slice(0, 10),
      language,
      confirm_signatures: "default",
      closes_time_zone: timeZone,
    },
    {},
  );
});

adminLetters.post(
  "/",
  allow("edit-letters"),
  validate("form", letterFormSchema, (result, c) => {
    if (!result.success) return editorPage(c, null, letterFormValues(result.data), letterFormErrors(result.error), 422);
  }),
  async (c) => {
    const input = c.req.valid("form");
    const created = await createDraft(c.var.deps, input);
    if ("field" in created)
      return editorPage(
        c,
        null,
        letterFormValuesOf(input),
        { [created.field]: issueWords(adminWords(c), created.issue) },
        created.status,
      );
    return c.redirect(adminPaths.letter(created.slug, "created"), 303);
  },
);

/** The public page as the editor's values would make it, for the preview frame. */
adminLetters.post(
  "/preview",
  allow("edit-letters"),
  pagePolicy("framable-by-self"),
  validate("form", letterFormSchema, (result, c) => {
    if (!result.success) return previewProblems(c, problemsOf(result.error));
  }),
  async (c) => previewPage(c, await previewOfForm(c.var.deps, c.req.valid("form"))),
);

adminLetters.get("/:slug", allow("read-letters"), editableLetter, editorQuery, (c) => {
  const { done } = c.req.valid("query");
  // A new preview link is said beside it, where the page comes back (#share-preview-title), not at the top.
  return editorPage(c, c.var.letter, letterFormValuesOf(c.var.letter), {}, 200, {
    flash: done && done !== "previewLink" ? adminWords(c).done[done] : null,
    previewLinkRenewed: done === "previewLink",
  });
});

adminLetters.post(
  "/:slug",
  allow("edit-letters"),
  editableLetter,
  // Declining the question below: the editor again, as typed, nothing saved.
  async (c, next) => {
    const form = await c.req.formData();
    if (form.get(CONFIRM_FIELD) !== REVISE_VALUE) return next();
    return editorPage(c, c.var.letter, letterFormValues(Object.fromEntries(form)), {});
  },
  confirmFirst<EditorEnv>(pastClosingPrompt),
  validateEditor("form", letterFormSchema, (result, c) => {
    if (!result.success)
      return editorPage(c, c.var.letter, letterFormValues(result.data), letterFormErrors(result.error), 422);
  }),
  async (c) => {
    const input = c.req.valid("form");
    const saved = await editLetter(c.var.deps, c.var.letter, input);
    if ("field" in saved) {
      const values = letterFormValuesOf(input);
      return editorPage(
        c,
        c.var.letter,
        values,
        { [saved.field]: issueWords(adminWords(c), saved.issue) },
        saved.status,
      );
    }
    return c.redirect(adminPaths.letter(saved.slug, "saved"), 303);
  },
);

/** The stored letter's public page, for the editor's preview frame before anything is typed. */
adminLetters.get("/:slug/preview", allow("read-letters"), pagePolicy("framable-by-self"), editableLetter, (c) =>
  previewPage(c, c.var.letter, false),
);

/** "New preview link": the draft's shareable link is made anew, the one before stops working. */
adminLetters.post("/:slug/preview-link", allow("edit-letters"), editableLetter, async (c) => {
  await renewPreviewLink(c.var.deps, c.var.letter);
  return c.redirect(`${adminPaths.letter(c.var.letter.slug, "previewLink")}#share-preview-title`, 303);
});

adminLetters.post(
  "/:slug/state",
  allow("edit-letters"),
  editableLetter,
  confirmFirst<EditorEnv>((c, form) => {
    const change = form.get("change") as StateChange;
    const prompt = Object.hasOwn(STAGE_PROMPTS, change) ? STAGE_PROMPTS[change] : undefined;
    if (!prompt) return null;
    // A change that does not apply is refused (409) rather than asked about.
    refuseInapplicableChange(c.var.letter, change, c.var.deps.now());
    return prompt(c.var.letter, adminWords(c));
  }),
  validateEditor("form", stageFormSchema, (result, c) => {
    if (result.success) return;
    const refused = new Set(result.error.issues.map((issue) => issue.path[0]));
    const message = (field: string) => result.error.issues.find((issue) => issue.path[0] === field)!.message;
    if (refused.has("change")) throw new Problem(400, adminWords(c).stage.unknownChange, message("change"));
    // A change that does not apply is refused as such (409) before its delivery fields are read.
    refuseInapplicableChange(
      c.var.letter,
      textOf((result.data as { change?: unknown }).change) as StateChange,
      c.var.deps.now(),
    );
    const letter = c.var.letter;
    return editorPage(c, letter, letterFormValuesOf(letter), {}, 422, {
      deliveryForm: { values: deliveryValues(result.data), errors: deliveryErrors(result.error) },
    });
  }),
  async (c) => {
    const { change, delivery } = c.req.valid("form");
    const refused = await changeLetterStage(c.var.deps, c.var.letter, change, delivery);
    if (refused) {
      const letter = c.var.letter;
      return editorPage(c, letter, letterFormValuesOf(letter), {}, refused.status, {
        deliveryForm: {
          values: deliveryValuesOf(delivery!),
          errors: { [refused.field]: issueWords(adminWords(c), refused.issue) },
        },
      });
    }
    // The delivery form posts to #delivery (its problems show there); once saved, the stage it led to shows.
    const fragment = change === "deliver" ? "#stage-title" : "";
    return c.redirect(`${adminPaths.letter(c.var.letter.slug, change)}${fragment}`, 303);
  },
);

/** The notification settings' form, read with the schema for public receivers or for this machine's too. */
function notificationValidator(loopback: boolean) {
  return validateEditor(
    "form",
    loopback ? localNotificationSettingsSchema : notificationSettingsSchema,
    (result, c) => {
      if (result.success) return;
      const letter = c.var.letter;
      return editorPage(c, letter, letterFormValuesOf(letter), {}, 422, {
        notificationForm: { values: notificationValues(result.data), errors: notificationErrors(result.error) },
      });
    },
  );
}
const validateNotifications = notificationValidator(false);
const validateLocalNotifications = notificationValidator(true);
/** A receiver on this machine is accepted only while the Worker runs on it (npm start): see webhookLoopbackAllowed. */
const validateNotificationsHere: typeof validateNotifications = (c, next) =>
  (webhookLoopbackAllowed(c) ? validateLocalNotifications : validateNotifications)(c, next);

adminLetters.post(
  "/:slug/notifications",
  allow("administer"),
  editableLetter,
  confirmFirst<EditorEnv>((c, form) =>
    form.get("rotate_secret") === "1" ? rotatePrompt(c.var.letter, adminWords(c)) : null,
  ),
  validateNotificationsHere,
  async (c) => {
    await saveNotifications(c.var.deps, c.var.letter, c.req.valid("form"));
    return c.redirect(`${adminPaths.letter(c.var.letter.slug, "notifications")}#notifications`, 303);
  },
);

/** A test delivery to the letter's webhook, and what its receiver answered. */
adminLetters.post("/:slug/notifications/test", allow("administer"), editableLetter, async (c) =>
  adminHtml(
    c,
    <WebhookTestPage
      letter={c.var.letter}
      csrf={c.var.organizer!.csrf}
      result={await sendTestDelivery(c.var.deps, c.var.letter, { loopback: webhookLoopbackAllowed(c) })}
    />,
  ),
);

adminLetters.post(
  "/:slug/delete",
  allow("edit-letters"),
  editableLetter,
  confirmFirst<EditorEnv>((c) => deletePrompt(c.var.letter, c.var.deps.now(), adminWords(c))),
  async (c) => {
    await deleteDraft(c.var.deps, c.var.letter);
    return c.redirect("/admin?done=deleted", 303);
  },
);

adminLetters.get("/:slug/revisions/:id{[0-9]{1,15}}", allow("read-letters"), editableLetter, async (c) => {
  const letter = c.var.letter;
  const revision = await requireRevision(c.var.deps, letter, Number(c.req.param("id")));
  return adminHtml(
    c,
    <RevisionPage
      letter={letter}
      revision={revision}
      bodyHtml={renderMarkdown(revision.bodyMarkdown)}
      csrf={c.var.organizer!.csrf}
    />,
  );
});

/** A draft's shareable preview: no login, the key in the link; never cached or indexed. */
export const draftPreview = new Hono<AppEnv>();

draftPreview.get("/letters/:slug/preview", zValidator("query", draftPreviewQuerySchema), async (c) => {
  privateHeaders(c);
  const letter = await previewedLetter(c.var.deps, c.req.param("slug"), c.req.valid("query").key).catch(
    (error: unknown) => {
      // A link that opens nothing is told in the reader's language (the public catalogs): it names no letter.
      if (!(error instanceof Problem) || error.status !== 404) throw error;
      const { title, message } = words(c).errors.previewNotFound;
      throw new Problem(404, title, message);
    },
  );
  if (letter.status !== "draft") return c.redirect(paths.letter(letter.slug), 303);
  return previewPage(c, letter);
});
