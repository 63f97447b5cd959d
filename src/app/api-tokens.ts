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
import { organizerProblem } from "./problem";
import { activityDetail } from "../domain/activity-details";

function actorOf(deps: AppDeps): Actor {
  if (!deps.actor) throw organizerProblem(401, "organizersOnly");
  return deps.actor;
}

/** Why a token was not made: too many already, or the admin token's account (see createApiToken). */
export type ApiTokenRefusal = "too-many" | "admin-token-account";

/** The working tokens of the person acting, newest first. */
export async function ownApiTokens(deps: AppDeps): Promise<ApiTokenListing[]> {
  return listApiTokens(deps.db, actorOf(deps).id);
}

/**
 * Makes a token for the person acting, labelled `label` (1 to 100
 * characters, already read by domain/api-tokens.ts apiTokenFormSchema).
 *
 * The admin token's account holds no API token: a credential of its own would outlive a
 * change of ADMIN_TOKEN, the way to shut out someone who learnt it. Owners who want
 * tokens invite themselves by email. (Its passkeys are refused alike: app/passkeys.ts.)
 *
 * @returns the token (to show once: only its hash is kept) and its id; or why none was made:
 *   "too-many" when the person has API_TOKENS_PER_PERSON working tokens, "admin-token-account" for the
 *   bootstrap owner (the route answers 403)
 */
export async function createApiToken(
  deps: AppDeps,
  label: string,
): Promise<{ token: string; id: number } | { refused: ApiTokenRefusal }> {
  const actor = actorOf(deps);
  if (actor.id === BOOTSTRAP_ORGANIZER_ID) return { refused: "admin-token-account" };
  const { token, hash } = await newApiToken();
  const id = await insertApiToken(
    deps.db,
    { organizerId: actor.id, hash, label, createdAt: deps.now() },
    API_TOKENS_PER_PERSON,
  );
  if (id === null) return { refused: "too-many" };
  await recordActivity(deps, { action: "api-token-created", detail: activityDetail("tokenLabel", label) });
  return { token, id };
}

/** The working token `id` of the person acting; null when it is another's, revoked or unknown. */
export function ownApiToken(deps: AppDeps, id: number): Promise<ApiTokenListing | null> {
  return findApiToken(deps.db, actorOf(deps).id, id);
}

/**
 * Revokes token `id` of the person acting: it stops working at once.
 *
 * @returns false (nothing done) when it is another's, revoked already or unknown
 */
export async function revokeApiToken(deps: AppDeps, id: number): Promise<boolean> {
  const token = await ownApiToken(deps, id);
  if (!token || !(await revokeStoredToken(deps.db, actorOf(deps).id, id, deps.now()))) return false;
  await recordActivity(deps, { action: "api-token-revoked", detail: activityDetail("tokenLabel", token.label) });
  return true;
}
