/**
 * The signed-in person's passkeys (mounted at /admin/account/passkeys,
 * behind organizerPages(): any role, each person only their own): the list,
 * the options for adding one (JSON, for the page's script), adding it,
 * renaming and removing one (asked first). The work is app/passkeys.ts's.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono, type Context } from "hono";
import {
  addPasskey,
  listPasskeys,
  PasskeyRefused,
  passkeyRegistrationOptions,
  removeOwnPasskey,
  renameOwnPasskey,
} from "../app/passkeys";
import { doneQuery, fieldErrors, formValues } from "../domain/form-fields";
import { BOOTSTRAP_ORGANIZER_ID, type Actor } from "../domain/organizer-roles";
import {
  ADD_PASSKEY_FIELDS,
  addPasskeySchema,
  nameRefusalWords,
  passkeysHere,
  refusalWords,
  relyingPartyOf,
  renamePasskeySchema,
} from "../domain/passkeys";
import type { AppEnv } from "../http/app-env";
import { organizerPages } from "../http/authentication";
import { adminWords } from "../http/language";
import { adminHtml, confirmFirst } from "../http/organizer-area";
import { pagePolicy } from "../http/security";
import { validation } from "../http/validation";
import { PasskeysPage, PASSKEYS_PATH, type PasskeysPageProps } from "../views/admin/passkeys-page";
import { Problem } from "../app/problem";
import { SITE_NAME } from "../views/layout";
import { requireLinkOrigin } from "../http/urls";

export const adminPasskeys = new Hono<AppEnv>();

adminPasskeys.use(organizerPages());
// Its pages run the passkey script, which asks this sub-app for the options.
adminPasskeys.use(pagePolicy("own-scripts-and-requests"));

const validate = validation<AppEnv>();

function actorOf(c: Context<AppEnv>): Actor {
  return c.var.deps.actor!;
}

/** The 404 for a passkey that is not (or no longer) one of the person's, in their words. */
function noSuchPasskey(c: Context<AppEnv>): Problem {
  const words = adminWords(c).passkeys;
  return new Problem(404, words.notFoundTitle, words.notFound);
}

function relyingParty(c: Context<AppEnv>) {
  return relyingPartyOf(requireLinkOrigin(c), SITE_NAME);
}

async function passkeysPage(
  c: Context<AppEnv>,
  props: Pick<PasskeysPageProps, "flash" | "add" | "rename"> = {},
  status: 200 | 422 = 200,
): Promise<Response> {
  return adminHtml(
    c,
    <PasskeysPage
      passkeys={await listPasskeys(c.var.deps, actorOf(c))}
      csrf={c.var.organizer!.csrf}
      here={passkeysHere(c.req.url)}
      adminToken={actorOf(c).id === BOOTSTRAP_ORGANIZER_ID}
      {...props}
    />,
    status,
  );
}

adminPasskeys.get("/", zValidator("query", doneQuery(["added", "renamed", "removed"])), async (c) => {
  const { done } = c.req.valid("query");
  return passkeysPage(c, { flash: done ? adminWords(c).passkeys.done[done] : null });
});

/** The options for navigator.credentials.create (PublicKeyCredentialCreationOptionsJSON). */
adminPasskeys.post("/options", async (c) =>
  c.json(await passkeyRegistrationOptions(c.var.deps, relyingParty(c), actorOf(c))),
);

adminPasskeys.post(
  "/",
  validate("form", addPasskeySchema, async (result, c) => {
    if (result.success) return;
    const errors = fieldErrors(result.error, ["name", "credential"] as const);
    const t = adminWords(c);
    const name = formValues(result.data, ADD_PASSKEY_FIELDS).name;
    // A name to fix first: the browser is asked once the name is good.
    const add = errors.name
      ? { name, nameError: nameRefusalWords(t, name) }
      : { name, credentialError: t.passkeys.noCredential };
    return passkeysPage(c, { add }, 422);
  }),
  async (c) => {
    const { name, credential } = c.req.valid("form");
    try {
      await addPasskey(c.var.deps, relyingParty(c), actorOf(c), name, credential);
    } catch (error) {
      if (!(error instanceof PasskeyRefused)) throw error;
      const credentialError = refusalWords(adminWords(c).passkeys, error.reason, "registration");
      return passkeysPage(c, { add: { name, credentialError } }, 422);
    }
    return c.redirect(`${PASSKEYS_PATH}?done=added`, 303);
  },
);

adminPasskeys.post(
  "/:id/rename",
  validate("form", renamePasskeySchema, async (result, c) => {
    if (result.success) return;
    const name = formValues(result.data, ["name"] as const).name ?? "";
    const rename = {
      credentialId: c.req.param("id") ?? "",
      name,
      error: nameRefusalWords(adminWords(c), name),
    };
    return passkeysPage(c, { rename }, 422);
  }),
  async (c) => {
    if (!(await renameOwnPasskey(c.var.deps, actorOf(c), c.req.param("id"), c.req.valid("form").name))) {
      throw noSuchPasskey(c);
    }
    return c.redirect(`${PASSKEYS_PATH}?done=renamed`, 303);
  },
);

adminPasskeys.post(
  "/:id/remove",
  confirmFirst<AppEnv>(async (c) => {
    const passkey = (await listPasskeys(c.var.deps, actorOf(c))).find((key) => key.credentialId === c.req.param("id"));
    // None of yours by that id: the action answers 404 without asking.
    if (!passkey) return null;
    const words = adminWords(c).passkeys;
    return {
      question: words.removeQuestion(passkey.name),
      consequences: words.removeConsequences,
      confirm: words.removeConfirm,
      back: PASSKEYS_PATH,
      danger: true,
    };
  }),
  async (c) => {
    if ((await removeOwnPasskey(c.var.deps, actorOf(c), c.req.param("id"))) === null) throw noSuchPasskey(c);
    return c.redirect(`${PASSKEYS_PATH}?done=removed`, 303);
  },
);
