/**
 * The organizer area's letters: the editor (create, save, preview), the
 * stages from draft to delivered, deleting an unsigned draft, the text's
 * history (mounted at /admin/letters, behind organizerPages()); and the
 * draft's shareable preview link, public but for the key it carries.
 */
import { adminHtml, previewOptions, requireOrganizerLetter } from "../http/organizer-area";
import { Hono, type Context } from "hono";
import { draftPreviewKey, isDraftPreviewKey } from "../domain/draft-preview";
import { canChangeState, isSlug, letterState, STATE_CHANGES, type Letter, type StateChange } from "../domain/letter";
import {
  isDay,
  letterFormValues,
  letterFormValuesOf,
  readLetterForm,
  type LetterFormErrors,
  type LetterFormValues,
  type LetterInput,
} from "../domain/letter-form";
import { renderMarkdown } from "../domain/markdown";
import { isEmailAddress, normalizeEmail } from "../domain/signature";
import { normalizeText } from "../domain/text";
import { newWebhookSecret, webhookUrlProblem } from "../domain/webhook";
import { requireSecretKey } from "../env";
import { type AppEnv } from "../http/app-env";
import { Problem } from "../app/problem";
import { methodNotAllowed } from "../http/errors";
import { organizerPages, privateHeaders } from "../http/authentication";
import { absoluteUrl } from "../http/urls";
import { adminPaths, paths } from "../domain/paths";
import { changeLetterState, deleteDraftLetter, insertDraftLetter, updateLetter } from "../storage/letter-edits";
import { findRevision, listRevisions } from "../storage/letter-revisions";
import { findEditableLetter, findLetter, type EditableLetter } from "../storage/letters";
import { findNotificationSettings, recentDeliveries, saveNotificationSettings } from "../storage/webhooks";
import { LetterEditorPage, PreviewProblems } from "../views/admin/letter-editor-page";
import type { NotificationsProps } from "../views/admin/notifications-section";
import { renderDocument } from "../views/layout";
import { RevisionPage } from "../views/admin/revision-page";
import { GET_ONLY, renderLetterPage } from "../http/public-letter";
import { HTML_CONTENT_TYPE } from "../http/responses";

const POST_ONLY = methodNotAllowed(["POST"]);
/** Addresses the organizer area uses itself, so no letter may take them. */
const RESERVED_SLUGS = new Set(["new", "preview"]);

const DONE: Record<string, string> = {
  notifications: "Notifications saved.",
  "translation-deleted": "The translation is deleted.",
  created: "The draft is saved. Publish it when it is ready.",
  saved: "Saved.",
  publish: "Published: the letter is open for signatures.",
  close: "Signing is closed.",
  reopen: "The letter is open for signatures again.",
  deliver: "The letter is marked as delivered.",
  unpublish: "The letter is a draft again: it is no longer public.",
};

/** The editor for `letter` (null for a new one) with the given values and problems. */
async function editorPage(
  c: Context<AppEnv>,
  letter: EditableLetter | null,
  values: LetterFormValues,
  errors: LetterFormErrors,
  status: 200 | 409 | 422 = 200,
  notificationForm: Pick<NotificationsProps, "values" | "errors"> = {},
): Promise<Response> {
  c.set("ownScriptsAndFrames", true);
  const secret = requireSecretKey(c.env);
  return adminHtml(
    c,
    <LetterEditorPage
      csrf={c.var.organizer!.csrf}
      letter={letter}
      values={values}
      errors={errors}
      flash={DONE[c.req.query("done") ?? ""] ?? null}
      revisions={letter ? await listRevisions(c.var.db, letter.id) : []}
      previewLink={
        letter ? absoluteUrl(c, paths.draftPreview(letter.slug, await draftPreviewKey(secret, letter.id))) : null
      }
      publicLink={letter && letter.status !== "draft" ? absoluteUrl(c, paths.letter(letter.slug)) : null}
      now={new Date()}
      notifications={
        letter
          ? {
              settings: await findNotificationSettings(c.var.db, letter.id),
              deliveries: await recentDeliveries(c.var.db, letter.id, 20),
              ...notificationForm,
            }
          : undefined
      }
    />,
    status,
  );
}

/** Reads the editor form; a slug reserved, or changed on a published letter, is a problem too. */
async function readEditor(
  c: Context<AppEnv>,
  letter: EditableLetter | null,
): Promise<{ values: LetterFormValues } & ({ input: LetterInput } | { errors: LetterFormErrors })> {
  const values = letterFormValues(await c.req.formData());
  if (letter && letter.status !== "draft") values.slug = letter.slug;
  const result = readLetterForm(values);
  if ("input" in result && RESERVED_SLUGS.has(result.input.slug)) {
    return { values, errors: { slug: "This address is used by the organizer area itself. Choose another." } };
  }
  if ("input" in result && letter && letter.languages.slice(1).includes(result.input.language)) {
    return {
      values,
      errors: {
        language:
          "The letter already has a translation in this language. Delete that translation first, or keep the letter's language.",
      },
    };
  }
  return { values, ...result };
}

const SLUG_TAKEN = "Another letter already has this address. Choose another.";

export const adminLetters = new Hono<AppEnv>();

adminLetters.use(organizerPages());

adminLetters.get("/new", (c) =>
  editorPage(
    c,
    null,
    { date: new Date().toISOString().slice(0, 10), language: "en", confirm_signatures: "default" },
    {},
  ),
);
adminLetters.all("/new", GET_ONLY);

adminLetters.post("/", async (c) => {
  const form = await readEditor(c, null);
  if ("errors" in form) return editorPage(c, null, form.values, form.errors, 422);
  const id = await insertDraftLetter(c.var.db, form.input);
  if (id === null) return editorPage(c, null, form.values, { slug: SLUG_TAKEN }, 409);
  return c.redirect(adminPaths.letter(form.input.slug, "created"), 303);
});
adminLetters.all("/", POST_ONLY);

/** The public page as the editor's values would make it, for the preview frame. */
adminLetters.post("/preview", async (c) => {
  c.set("framableBySelf", true);
  const values = letterFormValues(await c.req.formData());
  const result = readLetterForm(values);
  const stored = values.slug && isSlug(values.slug.trim()) ? await findLetter(c.var.db, values.slug.trim()) : null;
  if ("errors" in result) {
    const problems = Object.values(result.errors).filter((message) => message !== undefined);
    return c.body(await renderDocument(<PreviewProblems problems={problems} />), 200, {
      "Content-Type": HTML_CONTENT_TYPE,
    });
  }
  const letter = previewLetter(result.input, stored);
  return c.body(await renderLetterPage(c, letter, { values: {}, errors: {} }, previewOptions(letter)), 200, {
    "Content-Type": HTML_CONTENT_TYPE,
  });
});
adminLetters.all("/preview", POST_ONLY);

/** A letter as the form describes it, with the stored letter's id, stage and counts when there is one. */
function previewLetter(input: LetterInput, stored: Letter | null): Letter {
  const now = new Date().toISOString();
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
    bodyHtml: input.bodyHtml,
    counts: stored?.counts ?? { total: 0, organizations: 0, individuals: 0 },
    pendingCount: stored?.pendingCount ?? 0,
    confirmSignatures: input.confirmSignatures,
    reviewOrganizations: input.reviewOrganizations,
    record: stored?.record ?? { length: 0, sealed: 0, head: null },
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
    deliveredOn: stored?.deliveredOn ?? null,
    deliveryNote: stored?.deliveryNote ?? null,
    textUpdatedAt: stored?.textUpdatedAt ?? null,
    managedBy: "admin",
  };
}

adminLetters.get("/:slug", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  return editorPage(c, letter, letterFormValuesOf(letter), {});
});

adminLetters.post("/:slug", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  const form = await readEditor(c, letter);
  if ("errors" in form) return editorPage(c, letter, form.values, form.errors, 422);
  if (!(await updateLetter(c.var.db, letter.id, form.input)))
    return editorPage(c, letter, form.values, { slug: SLUG_TAKEN }, 409);
  await c.var.deps.publicCopies.letterChanged(letter.slug);
  return c.redirect(adminPaths.letter(form.input.slug, "saved"), 303);
});
adminLetters.all("/:slug", methodNotAllowed(["GET", "HEAD", "POST"]));

/** The stored letter's public page, for the editor's preview frame before anything is typed. */
adminLetters.get("/:slug/preview", async (c) => {
  c.set("framableBySelf", true);
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  return c.body(await renderLetterPage(c, letter, { values: {}, errors: {} }, previewOptions(letter)), 200, {
    "Content-Type": HTML_CONTENT_TYPE,
  });
});
adminLetters.all("/:slug/preview", GET_ONLY);

adminLetters.post("/:slug/state", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  const form = await c.req.formData();
  const change = form.get("change");
  if (typeof change !== "string" || !(STATE_CHANGES as readonly string[]).includes(change)) {
    throw new Problem(400, "Unknown change", `The change must be one of ${STATE_CHANGES.join(", ")}.`);
  }
  const now = new Date();
  const state = letterState(letter, now);
  if (!canChangeState(change as StateChange, state, letter.counts.total + letter.pendingCount)) {
    throw new Problem(
      409,
      "That change does not apply",
      change === "unpublish"
        ? "People have signed this letter: it can't go back to being a draft. Close it instead."
        : `A letter that is ${state} can't be changed that way. Reload the page to see its stage.`,
    );
  }
  let delivery: { on: string; note: string | null } | null = null;
  if (change === "deliver") {
    const on = String(form.get("delivered_on") ?? "").trim();
    const note = normalizeText(String(form.get("delivery_note") ?? ""));
    if (!isDay(on))
      throw new Problem(
        422,
        "The delivery date is missing",
        "Enter the day the letter was delivered, such as 2017-12-20. Go back and try again.",
      );
    if (note.length > 300 || /\p{Cc}/u.test(note))
      throw new Problem(422, "The note is too long", "The delivery note can be at most 300 characters on one line.");
    delivery = { on, note: note || null };
  }
  if (!(await changeLetterState(c.var.db, letter.id, change as StateChange, now, delivery))) {
    throw new Problem(
      409,
      "The letter changed meanwhile",
      "Someone changed this letter at the same time. Reload the page and try again.",
    );
  }
  await c.var.deps.publicCopies.letterChanged(letter.slug);
  return c.redirect(adminPaths.letter(letter.slug, change), 303);
});
adminLetters.all("/:slug/state", POST_ONLY);

adminLetters.post("/:slug/notifications", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  const form = await c.req.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const values = {
    webhook_url: field("webhook_url"),
    summary_email: field("summary_email"),
    ...(field("webhook_includes_email") ? { webhook_includes_email: "1" } : {}),
  };
  const errors: NotificationsProps["errors"] & {} = {};
  const webhookUrl = values.webhook_url || null;
  if (webhookUrl) errors.webhook_url = webhookUrlProblem(webhookUrl);
  const summaryEmail = normalizeEmail(values.summary_email) || null;
  if (summaryEmail && !isEmailAddress(summaryEmail))
    errors.summary_email = "Enter a valid email address, or leave it empty.";
  if (errors.webhook_url || errors.summary_email) {
    return editorPage(c, letter, letterFormValuesOf(letter), {}, 422, {
      values,
      errors: { webhook_url: errors.webhook_url, summary_email: errors.summary_email },
    });
  }
  const current = await findNotificationSettings(c.var.db, letter.id);
  const newSecret = webhookUrl && (!current.webhookSecret || field("rotate_secret")) ? newWebhookSecret() : null;
  await saveNotificationSettings(c.var.db, letter.id, {
    webhookUrl,
    includeEmail: values.webhook_includes_email !== undefined,
    summaryEmail,
    newSecret,
  });
  return c.redirect(`${adminPaths.letter(letter.slug, "notifications")}#notifications`, 303);
});
adminLetters.all("/:slug/notifications", POST_ONLY);

adminLetters.post("/:slug/delete", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  if (!(await deleteDraftLetter(c.var.db, letter.id))) {
    throw new Problem(
      409,
      "This letter can't be deleted",
      "Only a draft nobody has signed can be deleted. Close the letter instead.",
    );
  }
  return c.redirect("/admin?done=deleted", 303);
});
adminLetters.all("/:slug/delete", POST_ONLY);

adminLetters.get("/:slug/revisions/:id{[0-9]{1,15}}", async (c) => {
  const letter = await requireOrganizerLetter(c, findEditableLetter);
  const revision = await findRevision(c.var.db, letter.id, Number(c.req.param("id")));
  if (!revision) throw new Problem(404, "Version not found", "This letter has no version with this number.");
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

draftPreview.get("/letters/:slug/preview", async (c) => {
  privateHeaders(c);
  const slug = c.req.param("slug");
  const key = c.req.query("key") ?? "";
  const letter = isSlug(slug) ? await findLetter(c.var.db, slug) : null;
  if (
    !letter ||
    !/^[A-Za-z0-9_-]{32}$/.test(key) ||
    !(await isDraftPreviewKey(requireSecretKey(c.env), letter.id, key))
  ) {
    throw new Problem(
      404,
      "Preview not found",
      "This preview link is not valid. Ask the letter's organizers for a new one.",
    );
  }
  if (letter.status !== "draft") return c.redirect(paths.letter(slug), 303);
  return c.body(await renderLetterPage(c, letter, { values: {}, errors: {} }, previewOptions(letter)), 200, {
    "Content-Type": HTML_CONTENT_TYPE,
  });
});
draftPreview.all("/letters/:slug/preview", GET_ONLY);
