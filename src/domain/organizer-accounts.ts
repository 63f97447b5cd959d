/**
 * Organizers' accounts (issue 15): the links that sign them in or invite
 * them (single-use, short-lived, stored as a SHA-256 only), the forms of the
 * People and "Your account" pages and of the login page's "Email me a
 * sign-in link", and the emails those links travel in. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { randomToken, sha256Hex } from "./crypto";
import { field, fieldErrors, refuse, type FormIssues } from "./form-fields";
import type { MailMessage } from "./mail";
import { normalizeEmail } from "./mailbox";
import { isRole, type Role } from "./organizer-roles";
import { safeNext } from "./organizer-session";
import { isEmailAddress } from "./signature";

/** What a link is for: signing in (asked for on the login page) or joining (an owner's invitation). */
export type LinkPurpose = "sign-in" | "invitation";

/** What a link's page says about it before anyone presses its button. */
export type LinkState =
  | { state: "usable"; organizerId: number; purpose: LinkPurpose; name: string; role: string }
  | { state: "used" | "expired"; purpose: LinkPurpose }
  | { state: "unknown" };

/** How long a sign-in link works: 15 minutes (long enough to open one's mail, short enough to be worthless later). */
export const SIGN_IN_LINK_SECONDS = 15 * 60;
/** How long an invitation works: 7 days (a colleague may be away for a few days). */
export const INVITATION_SECONDS = 7 * 24 * 60 * 60;

/** Seconds a link of `purpose` lasts. */
export function linkLifetimeSeconds(purpose: LinkPurpose): number {
  return purpose === "sign-in" ? SIGN_IN_LINK_SECONDS : INVITATION_SECONDS;
}

/** Sign-in links sent to one address within SIGN_IN_LINK_SECONDS (more are refused, silently). */
export const SIGN_IN_LINKS_PER_ADDRESS = 3;
/** Sign-in links asked for from one connection in a sliding minute (integrations/rate-limit.ts). */
export const SIGN_IN_LINKS_PER_CLIENT_PER_MINUTE = 10;

/** A new link's token (256 random bits, base64url: 43 characters), for the email only; never stored. */
export function newLinkToken(): string {
  return randomToken();
}

/** What is stored of a link's token: hex SHA-256 (64 characters). */
export function linkTokenHash(token: string): Promise<string> {
  return sha256Hex(`sign-in-link:${token}`);
}

/** Whether `text` has the shape of a link's token (anything else is not looked up). */
export function isLinkToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** The path a link opens (a page with a button: a GET never uses a link up, as mail scanners fetch links). */
export function linkPath(token: string, next?: string): string {
  const query = new URLSearchParams({ token });
  if (next && next !== "/admin") query.set("next", next);
  return `/admin/link?${query}`;
}

/** The most characters of a person's name (migrations/0022). */
export const NAME_LIMIT = 100;

const nameField = field((text, ctx): string => {
  const name = text.trim().replace(/\s+/g, " ");
  if (name === "") return refuse(ctx, "Enter the person's name.");
  if (name.length > NAME_LIMIT) return refuse(ctx, `Use at most ${NAME_LIMIT} characters.`);
  return name;
});

const emailField = field((text, ctx): string => {
  const email = normalizeEmail(text);
  if (email === "") return refuse(ctx, "Enter an email address.");
  return isEmailAddress(email) ? email : refuse(ctx, "Enter an email address like name@example.org.");
});

const roleField = field((text, ctx): Role => (isRole(text) ? text : refuse(ctx, "Choose a role.")));

/** The login page's "Email me a sign-in link" (POST /admin/login/link). */
export const signInLinkFormSchema = object({ email: emailField, next: field(safeNext) });

/** A link's page (GET /admin/link?token=&next=) and its button (POST /admin/link). */
export const linkFormSchema = object({
  token: field((text) => (isLinkToken(text) ? text : null)),
  next: field(safeNext),
});

/** The invitation form of the People page (POST /admin/people). */
export const INVITE_FIELDS = ["name", "email", "role"] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];
export const inviteFormSchema = object({ name: nameField, email: emailField, role: roleField });

/** The refused invitation's messages, one per field. */
export function inviteErrors(error: FormIssues): Partial<Record<InviteField, string>> {
  return fieldErrors(error, INVITE_FIELDS);
}

/** A change of role on the People page (POST /admin/people/{id}/role). */
export const roleFormSchema = object({ role: roleField });

/** "Your name" on the account page (POST /admin/account/name). */
export const nameFormSchema = object({ name: nameField });

/** Ending one of your sessions (POST /admin/account/sessions/end): its id_hash. */
export const endSessionFormSchema = object({
  session: field((text, ctx): string => (/^[0-9a-f]{64}$/.test(text) ? text : refuse(ctx, "Choose a session."))),
});

/** How each role is described to people choosing one (domain/organizer-roles.ts). */
export const ROLE_DESCRIPTIONS: Record<Role, { name: string; does: string }> = {
  owner: { name: "Owner", does: "everything: people, settings, webhooks, letters and signatures" },
  editor: { name: "Editor", does: "letters: text, translations, stages, order of organizations" },
  moderator: { name: "Moderator", does: "signatures: review, hide, restore, hand entry, import, exports" },
  viewer: { name: "Viewer", does: "reads letters and counts; no personal data" },
};

/**
 * The email with a sign-in link (valid SIGN_IN_LINK_SECONDS). It names
 * nothing the link could be guessed from, and says what to do if the reader
 * did not ask for it.
 */
export function signInLinkMail(to: string, name: string, link: string, site: string): MailMessage {
  return {
    to,
    subject: `Your sign-in link for ${site}`,
    text: [
      `Hello ${name},`,
      "",
      `Open this link to sign in to the organizer area of ${site}. It works once, within ${SIGN_IN_LINK_SECONDS / 60} minutes:`,
      "",
      link,
      "",
      "If you did not ask for it, ignore this email: nobody can sign in without the link.",
    ].join("\n"),
  };
}

/** The email of an owner's invitation (valid INVITATION_SECONDS): who invited, as what, and the link. */
export function invitationMail(
  to: string,
  invitation: { name: string; role: Role; invitedBy: string },
  link: string,
  site: string,
): MailMessage {
  const role = ROLE_DESCRIPTIONS[invitation.role];
  return {
    to,
    subject: `${invitation.invitedBy} invites you to the organizer area of ${site}`,
    text: [
      `Hello ${invitation.name},`,
      "",
      `${invitation.invitedBy} invites you to help run the letters of ${site}, as ${role.name.toLowerCase()} (${role.does}).`,
      "",
      `Open this link to accept. It works once, within ${INVITATION_SECONDS / 86_400} days:`,
      "",
      link,
      "",
      "Later, sign in with a link sent to this address from the organizer area's login page.",
      "If you did not expect this invitation, ignore this email.",
    ].join("\n"),
  };
}

/** A person's number in the People page's addresses (/admin/people/{id}/…); anything else is a 404. */
export const personParamSchema = object({
  id: field((text, ctx): number =>
    /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : refuse(ctx, "There is no such person."),
  ),
});
