/**
 * A person's API tokens (issue 15): made, listed and revoked by their own
 * person only (the actor of `deps`), each logged in the activity log by its
 * label (never the token). A token acts with its person's role, checked on
 * each request (app/organizer-login.ts checkBearer).
 */
import { API_TOKENS_PER_PERSON, newApiToken } from "../domain/api-tokens";
import type { Actor } from "../domain/organizer-roles";
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken as revokeStoredToken,
  type ApiTokenListing,
} from "../storage/api-tokens";
import { BOOTSTRAP_ORGANIZER_ID } from "../domain/organizer-roles";
import { recordActivity } from "./activity";
import type { AppDeps } from "./deps";
import { Problem } from "./problem";

function actorOf(deps: AppDeps): Actor {
  if (!deps.actor) throw new Problem(401, "Organizers only", "Log in to the organizer area first.");
  return deps.actor;
}

/**
 * The admin token's account holds no API token: a credential of its own would outlive a
 * change of ADMIN_TOKEN, the way to shut out someone who learnt it. Owners who want
 * tokens invite themselves by email. (Its passkeys are refused alike: app/passkeys.ts.)
 *
 * @throws Problem 403 for the bootstrap owner
 */
function refuseBootstrap(actor: Actor): void {
  if (actor.id !== BOOTSTRAP_ORGANIZER_ID) return;
  throw new Problem(
    403,
    "Not for the admin token's account",
    "The admin token's account can't hold API tokens: they would keep working after the admin token changes. Invite yourself by email as an owner (People), sign in with that account, and make tokens there.",
  );
}

/** The working tokens of the person acting, newest first. */
export async function ownApiTokens(deps: AppDeps): Promise<ApiTokenListing[]> {
  return listApiTokens(deps.db, actorOf(deps).id);
}

/**
 * Makes a token for the person acting, labelled `label` (1 to 100
 * characters, already read by domain/api-tokens.ts apiTokenFormSchema).
 *
 * @returns the token (to show once: only its hash is kept) and its id; or
 *   `{ refused: "too-many" }` when the person has API_TOKENS_PER_PERSON working tokens
 */
export async function createApiToken(
  deps: AppDeps,
  label: string,
): Promise<{ token: string; id: number } | { refused: "too-many" }> {
  const actor = actorOf(deps);
  refuseBootstrap(actor);
  if ((await listApiTokens(deps.db, actor.id)).length >= API_TOKENS_PER_PERSON) return { refused: "too-many" };
  const { token, hash } = await newApiToken();
  const id = await insertApiToken(deps.db, { organizerId: actor.id, hash, label, createdAt: deps.now() });
  await recordActivity(deps, { action: "api-token-created", detail: label });
  return { token, id };
}

/** The working token `id` of the person acting. @throws Problem 404 when it is another's, revoked or unknown */
export async function ownApiToken(deps: AppDeps, id: number): Promise<ApiTokenListing> {
  const token = await findApiToken(deps.db, actorOf(deps).id, id);
  if (!token) throw new Problem(404, "No such token", "That token is not one of yours, or it was revoked already.");
  return token;
}

/** Revokes token `id` of the person acting: it stops working at once. @throws Problem 404 as ownApiToken */
export async function revokeApiToken(deps: AppDeps, id: number): Promise<void> {
  const token = await ownApiToken(deps, id);
  if (!(await revokeStoredToken(deps.db, actorOf(deps).id, id, deps.now()))) {
    throw new Problem(404, "No such token", "That token is not one of yours, or it was revoked already.");
  }
  await recordActivity(deps, { action: "api-token-revoked", detail: token.label });
}
