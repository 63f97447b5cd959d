/**
 * Organizers' accounts (issue 15): signing in by an emailed link, owners
 * inviting colleagues and changing their roles or disabling them, and each
 * person's own account (name, sessions). Links are single-use and stored
 * hashed (storage/sign-in-links.ts); a session is the route's business
 * (http/authentication.ts startSession) once a link is used here.
 */
import { hmacHex } from "../domain/crypto";
import { ConfigurationError } from "../env";
import {
  invitationMail,
  linkLifetimeSeconds,
  linkPath,
  linkTokenHash,
  nameKey,
  newLinkToken,
  SIGN_IN_LINK_ADDRESS_SECONDS,
  SIGN_IN_LINK_SECONDS,
  SIGN_IN_LINKS_PER_ADDRESS,
  SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT,
  SIGN_IN_LINKS_PER_CLIENT_PER_MINUTE,
  signInLinkMail,
  type GoneLink,
  type LinkPurpose,
  type LinkState,
} from "../domain/organizer-accounts";
import { adminMessagesFor, LOCALES, type Locale } from "../domain/i18n";
import { BOOTSTRAP_ORGANIZER_ID, type Actor, type NamedPerson, type Role } from "../domain/organizer-roles";
import { configuredAdminToken } from "../domain/organizer-session";
import { checkRecentHits } from "../integrations/rate-limit";
import {
  type SessionVia,
  endSessionOf,
  endSessionsOf,
  sessionsOf,
  type SessionSummary,
} from "../storage/organizer-sessions";
import {
  activeOrganizerByNameKey,
  changeOrganizerRole,
  couldBeDisabled,
  disableOrganizer,
  enableOrganizer,
  insertOrganizer,
  listOrganizers,
  organizerByEmail,
  organizerById,
  organizersWithoutNameKey,
  renameOrganizer,
  setNameKeys,
  type OrganizerAccount,
} from "../storage/organizers";
import { endLinks, insertSignInLink, signInLinkState, useSignInLink } from "../storage/sign-in-links";
import { activityRow, recordActivity } from "./activity";
import { organizerProblem, type Problem } from "./problem";
import { clientHash } from "./organizer-login";
import type { AppDeps } from "./deps";
import { activityDetail } from "../domain/activity-details";

/**
 * An action on a person who is not there: 404. The other refusals of People's actions are 409s;
 * all are organizerProblem codes, worded from the catalogs' `problems` by http/errors.tsx.
 */
function unknownPerson(): Problem {
  return organizerProblem(404, "personNotFound");
}

/** Who a refusal is about, as its words name them (the catalogs' people.nameOf): their id and name, nothing else. */
function named(person: OrganizerAccount): NamedPerson {
  return { id: person.id, name: person.name };
}

/** The deployment's name in emails: the host of its public address ("letters.example.org"). */
function siteOf(deps: AppDeps): string {
  return deps.origin ? new URL(deps.origin).host : "Undersigned";
}

/**
 * The origin every emailed sign-in and invitation link is built on:
 * PUBLIC_URL (deps.origin; on a loopback development host, its own). Never
 * the request's Host: a link mailed to a colleague must not point wherever
 * the request that asked for it said it was (a forged Host would send the
 * link's secret to another site).
 *
 * @returns the origin, e.g. "https://letters.example.org" (no trailing slash)
 * @throws ConfigurationError when there is none (PUBLIC_URL unset, not on a loopback host)
 */
function requirePublicUrl(deps: AppDeps): string {
  if (!deps.origin) {
    throw new ConfigurationError(
      "PUBLIC_URL is not set, so no emailed link or passkey can name this site: set PUBLIC_URL to its address (https://letters.example.org).",
    );
  }
  return deps.origin;
}

/** `path` (starting with "/") on the public origin. @throws ConfigurationError without one (requirePublicUrl) */
function absolute(deps: AppDeps, path: string): string {
  return `${requirePublicUrl(deps)}${path}`;
}

/** Whether emails can be sent (the login page offers sign-in links, owners can invite). */
export function canSendMail(deps: AppDeps): boolean {
  return deps.mailer() !== null;
}

/** A new link for `organizerId`: its token (for the email only) and what is stored of it. */
async function newLink(deps: AppDeps, organizerId: number, purpose: LinkPurpose) {
  const token = newLinkToken();
  const createdAt = deps.now();
  return {
    token,
    row: {
      tokenHash: await linkTokenHash(token),
      organizerId,
      purpose,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + linkLifetimeSeconds(purpose) * 1000),
    },
  };
}

/** Logs a refused sign-in-link request: never the address, never a token, never whether it has an account. */
function refused(reason: "client" | "address-and-client" | "address" | "mail-failed"): void {
  console.log(JSON.stringify({ event: "sign_in_refused", via: "magic-link", reason }));
}

/**
 * "Email me a sign-in link", first: counts the request against its limits, each exact over its
 * period (integrations/rate-limit.ts checkRecentHits), all counted before the address is looked up,
 * so that an address with an account and one without are limited, and logged, alike:
 * SIGN_IN_LINKS_PER_CLIENT_PER_MINUTE (10) requests a minute from a connection;
 * SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT (3) for one address from one connection in 15 minutes (a
 * stranger can't use up a colleague's); and SIGN_IN_LINKS_PER_ADDRESS (10) for one address from
 * everyone in an hour (a mailbox is never flooded). A connection is its IPv6 /64 or its IPv4
 * address (domain/client-network.ts), known only through a keyed hash. The caller says that a
 * request refused here was refused (nothing in that tells whether the address has an account);
 * otherwise it answers, the same whatever the address, and then calls sendSignInLink.
 *
 * @param email normalized (domain/organizer-accounts.ts signInLinkFormSchema)
 * @param address the connection's IP address (CF-Connecting-IP)
 * @returns null when admitted (or when no mailer is set up: nothing will be sent), else how long to
 *   wait before asking again (seconds): the first limit's that refused it
 * @throws StorageUnavailable when D1 failed
 */
export async function admitSignInLinkRequest(
  deps: AppDeps,
  email: string,
  address: string,
): Promise<{ retryAfterSeconds: number } | null> {
  if (!deps.mailer()) return null;
  const client = await clientHash(deps, "sign-in-link", address);
  const mailbox = await hmacHex(deps.secretKey(), "email", `sign-in-link:${email}`);
  const now = deps.now().getTime();
  const limits = [
    { key: `sign-in-link:${client}`, limit: SIGN_IN_LINKS_PER_CLIENT_PER_MINUTE, seconds: 60, reason: "client" },
    {
      key: `sign-in-link:${mailbox}:${client}`,
      limit: SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT,
      seconds: SIGN_IN_LINK_SECONDS,
      reason: "address-and-client",
    },
    {
      key: `sign-in-link:${mailbox}`,
      limit: SIGN_IN_LINKS_PER_ADDRESS,
      seconds: SIGN_IN_LINK_ADDRESS_SECONDS,
      reason: "address",
    },
  ] as const;
  for (const { key, limit, seconds, reason } of limits) {
    const verdict = await checkRecentHits(deps.db, key, limit, now, seconds);
    if (!verdict.allowed) {
      refused(reason);
      return { retryAfterSeconds: verdict.retryAfterSeconds };
    }
  }
  return null;
}

/**
 * "Email me a sign-in link", then: sends a link (valid 15 minutes) to `email` when it is an active
 * organizer's, after admitSignInLinkRequest admitted the request. The caller runs it after
 * answering (ExecutionContext.waitUntil): the email, sent only for an account, would otherwise make
 * the answer about a known address slower. So this never rejects: a failure is logged, without the
 * address.
 *
 * @param email normalized (domain/organizer-accounts.ts signInLinkFormSchema)
 * @param next where the link leads once used (a path under /admin)
 * @param language the email's language when the account has no preference of its own (organizers.language):
 *   the one the request's organizer area is in
 */
export async function sendSignInLink(deps: AppDeps, email: string, next: string, language: Locale): Promise<void> {
  try {
    await emailSignInLink(deps, email, next, language);
  } catch (error) {
    console.error(JSON.stringify({ event: "sign_in_link_not_sent", error: String(error) }));
  }
}

async function emailSignInLink(deps: AppDeps, email: string, next: string, language: Locale): Promise<void> {
  const mailer = deps.mailer();
  if (!mailer) return;
  const account = await organizerByEmail(deps.db, email);
  if (!account || account.disabledAt !== null || account.email === null) return;
  const link = await newLink(deps, account.id, "sign-in");
  const url = absolute(deps, linkPath(link.token, next));
  await insertSignInLink(deps.db, link.row);
  try {
    await mailer.send(signInLinkMail(account.email, account.name, url, siteOf(deps), account.language ?? language));
  } catch (error) {
    console.error(JSON.stringify({ event: "sign_in_link_not_sent", error: String(error) }));
    return refused("mail-failed");
  }
  await recordActivity(deps, { action: "sign-in-link-sent", actor: actorOf(account) });
}

function actorOf(account: OrganizerAccount): Actor {
  return { id: account.id, name: account.name, role: account.role };
}

/**
 * Logs a sign-in by organizer `organizerId`, once the route started the session (never before:
 * a sign-in whose session could not start is no sign-in).
 *
 * @param via how they signed in
 * @param purpose what the emailed link was for: an invitation's first use is logged as its acceptance
 */
export async function recordSignIn(
  deps: AppDeps,
  organizerId: number,
  via: SessionVia,
  purpose: LinkPurpose = "sign-in",
): Promise<void> {
  const account = await organizerById(deps.db, organizerId);
  if (account)
    await recordActivity(deps, {
      action: purpose === "invitation" ? "invitation-accepted" : "sign-in",
      actor: actorOf(account),
      detail: activityDetail("signedInWith", via),
    });
}

/** What the page of a link (by its token) says before its button is pressed; never uses it up. */
export async function linkState(deps: AppDeps, token: string | null): Promise<LinkState> {
  if (token === null) return { state: "unknown" };
  return signInLinkState(deps.db, await linkTokenHash(token), deps.now());
}

/**
 * Uses the link with `token` up (its button was pressed). The caller then
 * starts a session for the person ("magic-link") and logs it (recordSignIn):
 * it checks first that a session can start (http/authentication.ts
 * requireSessionCookie), so that no link is used up where none can.
 *
 * @returns the person and what the link was for; else, for a link that is unknown or no longer works, its
 *   state as its page tells it (why it ended: used, replaced, superseded, withdrawn, withdrawn and since
 *   restored; or expired)
 */
export async function useLink(
  deps: AppDeps,
  token: string | null,
): Promise<{ used: { organizerId: number; purpose: LinkPurpose } } | { gone: GoneLink }> {
  if (token === null) return { gone: { state: "unknown" } };
  const tokenHash = await linkTokenHash(token);
  const now = deps.now();
  const used = await useSignInLink(deps.db, tokenHash, now);
  if (used) return { used };
  const link = await signInLinkState(deps.db, tokenHash, now);
  // Usable now only if its account was disabled at the UPDATE and enabled again since (an ended link
  // never comes back, time never goes back): refused for a removal of access since undone.
  return {
    gone: link.state === "usable" ? { state: "restored", purpose: link.purpose, language: link.language } : link,
  };
}

/** Every account, for the People page (owners only: it shows emails). */
export function listPeople(deps: AppDeps): Promise<OrganizerAccount[]> {
  return listOrganizers(deps.db);
}

/**
 * Emails `person` a new invitation, in their saved language (organizers.language), else in `language`.
 *
 * @returns whether the email went out
 */
async function sendInvitation(deps: AppDeps, person: OrganizerAccount, language: Locale): Promise<boolean> {
  const mailer = deps.mailer();
  if (!mailer || person.email === null) return false;
  // A new invitation ends the earlier ones: only the latest email's link works.
  await endLinks(deps.db, person.id, deps.now(), "replaced", "invitation");
  const link = await newLink(deps, person.id, "invitation");
  const url = absolute(deps, linkPath(link.token));
  await insertSignInLink(deps.db, link.row);
  try {
    await mailer.send(
      invitationMail(
        person.email,
        { name: person.name, role: person.role, invitedBy: deps.actor ?? null },
        url,
        siteOf(deps),
        person.language ?? language,
      ),
    );
    return true;
  } catch (error) {
    console.error(JSON.stringify({ event: "invitation_not_sent", organizer: person.id, error: String(error) }));
    return false;
  }
}

/** What inviting someone came to. */
export type InvitationOutcome =
  | { status: "invited"; person: OrganizerAccount; sent: boolean }
  | { status: "exists"; person: OrganizerAccount }
  | { status: "name-taken"; person: OrganizerAccount };

/**
 * Keys the names of accounts stored before names were keyed (migrations/0029 keyed those of
 * printable ASCII; nameKey needs Unicode's confusables, which SQL has not): a few rows at most,
 * once. An active one whose key an active colleague holds stays unkeyed (see setNameKeys).
 */
async function keyNames(deps: AppDeps): Promise<void> {
  const unkeyed = await organizersWithoutNameKey(deps.db);
  await setNameKeys(
    deps.db,
    unkeyed.map(({ id, name }) => ({ id, key: nameKey(name) })),
  );
}

/**
 * The active colleague (other than `exceptId`) who goes by `name` already, compared by
 * domain/organizer-accounts.ts nameKey (case, spaces, compatibility forms and look-alike letters
 * aside), or null: two people named alike could pass for each other in the activity log and in
 * emails. A name is compared with each one the area shows for them (the admin token's account's,
 * in each of its languages: the catalogs' people.nameOf). The writes check the stored key again in
 * their own statement (storage/organizers.ts): this check words the refusal, they keep the rule
 * when two requests come at once.
 */
async function nameTakenBy(deps: AppDeps, name: string, exceptId: number | null): Promise<OrganizerAccount | null> {
  const key = nameKey(name);
  await keyNames(deps);
  const byKey = await activeOrganizerByNameKey(deps.db, key, exceptId);
  if (byKey) return byKey;
  const people = await listOrganizers(deps.db);
  const shownAs = (p: OrganizerAccount) => LOCALES.map((locale) => nameKey(adminMessagesFor(locale).people.nameOf(p)));
  return people.find((p) => p.id !== exceptId && p.disabledAt === null && shownAs(p).includes(key)) ?? null;
}

/**
 * Invites a colleague (an owner's action): their account, with `role` and
 * `language` as their organizer area's language, and an email in that
 * language with a link valid 7 days that signs them in. An address that
 * already has an account is not invited again ("exists"), nor anyone by a
 * name an active colleague goes by ("name-taken").
 *
 * @param invitation the name, the normalized email, the role and the language (domain/organizer-accounts.ts
 *   inviteFormSchema)
 * @returns what came of it
 * @throws Problem 409 noMailer when no mailer is configured (nothing is stored then)
 */
export async function invite(
  deps: AppDeps,
  invitation: { name: string; email: string; role: Role; language: Locale },
): Promise<InvitationOutcome> {
  if (!deps.mailer()) throw organizerProblem(409, "noMailer");
  // Before the account is made: an invitation without a link would leave it unreachable.
  requirePublicUrl(deps);
  const key = nameKey(invitation.name);
  let id: number | null = null;
  // A second try only when another request took the address or the name between the checks and the
  // insert, and gave it up again before it could be read.
  for (let attempt = 0; id === null; attempt++) {
    const existing = await organizerByEmail(deps.db, invitation.email);
    if (existing) return { status: "exists", person: existing };
    const namesake = await nameTakenBy(deps, invitation.name, null);
    if (namesake) return { status: "name-taken", person: namesake };
    if (attempt === 2) throw organizerProblem(409, "peopleKeptChanging");
    id = await insertOrganizer(deps.db, {
      ...invitation,
      nameKey: key,
      invitedBy: deps.actor?.id ?? null,
      createdAt: deps.now(),
    });
  }
  const person = (await organizerById(deps.db, id))!;
  const sent = await sendInvitation(deps, person, invitation.language);
  await recordActivity(deps, {
    action: "invitation-sent",
    // The detail says it all, in one sentence (views/admin/activity-page.tsx entrySentence).
    detail: activityDetail("invited", person.name, invitation.email, person.role, sent),
  });
  return { status: "invited", person, sent };
}

/**
 * Sends someone who has not signed in yet a new invitation (the earlier
 * links stop working), in their saved language, else in `language`.
 *
 * @returns whether the email went out
 * @throws Problem 404 personNotFound, 409 nothingToResend (one who is disabled or has signed in already), 409
 *   noMailer
 */
export async function resendInvitation(deps: AppDeps, id: number, language: Locale): Promise<{ sent: boolean }> {
  const person = await organizerById(deps.db, id);
  if (!person) throw unknownPerson();
  if (person.disabledAt !== null || person.lastSignedInAt !== null || person.email === null) {
    throw organizerProblem(409, "nothingToResend", [named(person)]);
  }
  if (!deps.mailer()) throw organizerProblem(409, "noMailer");
  const sent = await sendInvitation(deps, person, language);
  await recordActivity(deps, {
    action: "invitation-sent",
    detail: activityDetail("invitedAgain", person.name, person.email, sent),
  });
  return { sent };
}

/**
 * Whether the bootstrap owner counts towards "never zero active owners": only
 * while ADMIN_TOKEN is usable (set, and strong enough: domain/token-strength.ts),
 * its only way in once anyone is invited. Without it, a deployment whose named
 * owners all stepped down would have nobody able to manage the people.
 */
function bootstrapCounts(deps: AppDeps): boolean {
  return configuredAdminToken(deps.env.ADMIN_TOKEN) !== null;
}

/**
 * The people who can't be disabled or given another role now: each active owner when no other
 * active owner counts (the admin token's account only while ADMIN_TOKEN is usable: see
 * bootstrapCounts), as storage/organizers.ts checks when it writes. For People to leave out what
 * would be refused (409 lastOwner), and to say why.
 */
export function lastOwners(
  deps: AppDeps,
  people: readonly Pick<OrganizerAccount, "id" | "role" | "disabledAt">[],
): ReadonlySet<number> {
  const counts = bootstrapCounts(deps);
  const active = people.filter((p) => p.role === "owner" && p.disabledAt === null);
  const counted = active.filter((p) => p.id !== BOOTSTRAP_ORGANIZER_ID || counts);
  return new Set(active.filter((p) => !counted.some((other) => other.id !== p.id)).map((p) => p.id));
}

/** Why someone can't step down or be disabled: the last owner (saying so when the admin token's account doesn't count). */
function lastOwner(deps: AppDeps, person: OrganizerAccount): Problem {
  return organizerProblem(409, "lastOwner", [named(person), bootstrapCounts(deps)]);
}

/**
 * Changes someone's role. The bootstrap owner (the admin token) stays an
 * owner, and the last active owner can't be demoted: someone must always be
 * able to manage the people.
 *
 * @returns "changed", or "unchanged" when they had that role already
 * @throws Problem 404 personNotFound; 409 adminTokenStaysOwner, personDisabled, lastOwner
 */
export async function setRole(deps: AppDeps, id: number, role: Role): Promise<"changed" | "unchanged"> {
  const person = await organizerById(deps.db, id);
  if (!person) throw unknownPerson();
  if (person.role === role) return "unchanged";
  if (person.id === BOOTSTRAP_ORGANIZER_ID) throw organizerProblem(409, "adminTokenStaysOwner");
  if (person.disabledAt !== null) throw organizerProblem(409, "personDisabled", [named(person)]);
  // Logged in the change's own batch, from the role it had then (storage/organizers.ts changeOrganizerRole).
  const entry = activityRow(deps, {
    action: "role-changed",
    after: { role },
    detail: activityDetail("person", person.name),
  });
  if (await changeOrganizerRole(deps.db, id, role, bootstrapCounts(deps), entry)) return "changed";
  // Not changed: another request gave them this role meanwhile, disabled them, or they are the last owner.
  const now = await organizerById(deps.db, id);
  if (now?.role === role) return "unchanged";
  if (now && now.disabledAt !== null) throw organizerProblem(409, "personDisabled", [named(now)]);
  throw lastOwner(deps, person);
}

/**
 * Why `id` can't be disabled, known before asking (the confirmation page says so at once rather
 * than after it): a Problem 409 lastOwner or alreadyDisabled, else null (nobody by that number
 * too: the action answers 404). disable checks again as it writes.
 */
export async function disableRefusal(deps: AppDeps, id: number): Promise<Problem | null> {
  const person = await organizerById(deps.db, id);
  if (!person) return null;
  if (person.disabledAt !== null) return organizerProblem(409, "alreadyDisabled", [named(person)]);
  return (await couldBeDisabled(deps.db, id, bootstrapCounts(deps))) ? null : lastOwner(deps, person);
}

/**
 * Disables someone: their sessions end at once, their links stop working
 * and they can't sign in. Never the last active owner (the bootstrap owner,
 * too, only while another active owner exists).
 *
 * @returns the number of sessions the person had (ended now)
 * @throws Problem 404 personNotFound; 409 alreadyDisabled, lastOwner
 */
export async function disable(deps: AppDeps, id: number): Promise<{ ended: number }> {
  const person = await organizerById(deps.db, id);
  if (!person) throw unknownPerson();
  if (person.disabledAt !== null) throw organizerProblem(409, "alreadyDisabled", [named(person)]);
  const sessions = (await sessionsOf(deps.db, id, deps.now())).length;
  if (!(await disableOrganizer(deps.db, id, deps.now(), bootstrapCounts(deps)))) throw lastOwner(deps, person);
  await recordActivity(deps, {
    action: "account-disabled",
    detail: activityDetail("accessRemoved", person.name, sessions),
  });
  return { ended: sessions };
}

/**
 * Enables a disabled account again (they sign in anew), unless an active colleague goes by their
 * name now (invited under it meanwhile): two people named alike could pass for each other.
 *
 * @throws Problem 404 personNotFound; 409 enableNameTaken, naming the person and the colleague
 */
export async function enable(deps: AppDeps, id: number): Promise<void> {
  const person = await organizerById(deps.db, id);
  if (!person) throw unknownPerson();
  if (person.disabledAt === null) return;
  const namesake = await nameTakenBy(deps, person.name, id);
  if (namesake) throw organizerProblem(409, "enableNameTaken", [named(person), named(namesake)]);
  if (await enableOrganizer(deps.db, id)) {
    await recordActivity(deps, { action: "account-enabled", detail: activityDetail("person", person.name) });
    return;
  }
  const holder = await organizerById(deps.db, id);
  if (holder?.disabledAt === null) return;
  // Still disabled: its name was taken since the check above.
  const now = await nameTakenBy(deps, person.name, id);
  if (now) throw organizerProblem(409, "enableNameTaken", [named(person), named(now)]);
}

/** Your account: who you are and your live sessions (newest first). @throws Problem 404 personNotFound for an unknown id */
export async function yourAccount(
  deps: AppDeps,
  id: number,
): Promise<{ account: OrganizerAccount; sessions: SessionSummary[] }> {
  const account = await organizerById(deps.db, id);
  if (!account) throw unknownPerson();
  return { account, sessions: await sessionsOf(deps.db, id, deps.now()) };
}

/**
 * Changes your name (as colleagues and the activity log see it), logged when it changed; never to
 * a name an active colleague goes by (see nameTakenBy). Nothing happens for an unknown id.
 *
 * @returns "renamed" (or unchanged), or that colleague as "taken"
 */
export async function renameYourself(
  deps: AppDeps,
  id: number,
  name: string,
): Promise<{ status: "renamed" } | { status: "taken"; person: OrganizerAccount }> {
  const before = await organizerById(deps.db, id);
  if (!before || before.name === name) return { status: "renamed" };
  const namesake = await nameTakenBy(deps, name, id);
  if (namesake) return { status: "taken", person: namesake };
  const key = nameKey(name);
  // The entry names them by their new name: the log's readers know them by it from now on. Its
  // before is the name they had when the change was made (storage/organizers.ts renameOrganizer).
  const entry = activityRow(deps, {
    action: "account-renamed",
    actor: { id, name, role: before.role },
    after: { name },
  });
  if (!(await renameOrganizer(deps.db, id, name, key, entry))) {
    // A colleague took that name since the check above (or it is theirs already, or the account is gone).
    const holder = await activeOrganizerByNameKey(deps.db, key, id);
    return holder ? { status: "taken", person: holder } : { status: "renamed" };
  }
  return { status: "renamed" };
}

/** Ends one of your sessions (`idHash`); another person's is never touched. @returns whether one ended */
export async function endYourSession(deps: AppDeps, id: number, idHash: string): Promise<boolean> {
  const ended = await endSessionOf(deps.db, id, idHash, deps.now());
  if (ended) await recordActivity(deps, { action: "session-ended", detail: activityDetail("oneSessionEnded") });
  return ended;
}

/** "Log out everywhere": ends all your sessions, this one included. @returns how many ended */
export async function endAllYourSessions(deps: AppDeps, id: number): Promise<number> {
  const ended = await endSessionsOf(deps.db, id, deps.now());
  await recordActivity(deps, {
    action: "session-ended",
    detail: activityDetail("loggedOutEverywhere", ended),
  });
  return ended;
}

/** One person's account, for an owner's page about them; null for an unknown id. */
export function person(deps: AppDeps, id: number): Promise<OrganizerAccount | null> {
  return organizerById(deps.db, id);
}
