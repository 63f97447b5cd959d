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
import { englishTextProblem, normalizeText, publicTextIssue, type TextProblem } from "./text";

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

/**
 * Sign-in links asked for one address from one connection (its IPv6 /64 or IPv4 address:
 * domain/client-network.ts) within SIGN_IN_LINK_SECONDS (more are refused, silently). Counted per
 * connection, so that a stranger asking for a colleague's links never uses up the colleague's own.
 */
export const SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT = 3;
/** Sign-in links asked for one address from everyone in SIGN_IN_LINK_ADDRESS_SECONDS: a mailbox is never flooded. */
export const SIGN_IN_LINKS_PER_ADDRESS = 10;
/** The window of SIGN_IN_LINKS_PER_ADDRESS: an hour. */
export const SIGN_IN_LINK_ADDRESS_SECONDS = 60 * 60;
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

/**
 * Format characters (Unicode Cf: bidirectional marks, overrides and isolates, zero-width spaces,
 * word joiners, tag characters…) but the two joiners writing needs (U+200C in Persian and Indic
 * scripts, U+200D in emoji), and the Hangul fillers: letters that draw nothing. Beyond what
 * domain/text.ts refuses in public names: a colleague's name must read as what it is.
 */
const HIDDEN_IN_NAMES = /(?![\u200C\u200D])\p{Cf}|[\u115F\u1160\u3164\uFFA0]/u;

/** Why a person's name is refused: the public names' reasons (domain/text.ts), or "missing". */
export type OrganizerNameProblem = TextProblem | "missing";

/**
 * A person's name as colleagues and the activity log will read it: normalized like a signer's
 * (NFC, trimmed, single spaces) and held to the same rules (no control or invisible formatting
 * characters, nothing a spreadsheet runs, no markup or addresses: it is written into emails and
 * the activity CSV), with every format character refused.
 */
export function organizerNameProblem(text: string): OrganizerNameProblem | undefined {
  if (normalizeText(text) === "") return "missing";
  const problem = publicTextIssue(text, NAME_LIMIT);
  if (problem) return problem;
  return HIDDEN_IN_NAMES.test(text) ? "invisible" : undefined;
}

const nameField = field((text, ctx): string => {
  const problem = organizerNameProblem(text);
  if (problem === "missing") return refuse(ctx, "Enter the person's name.", { nameProblem: problem });
  if (problem) {
    return refuse(ctx, englishTextProblem("The name", problem, NAME_LIMIT), { nameProblem: problem, max: NAME_LIMIT });
  }
  return normalizeText(text);
});

/**
 * What two names are compared by, to refuse a name a colleague already goes by: compatibility
 * forms folded (NFKC: "ﬁ" is "fi", fullwidth letters are plain), case ignored, spaces left out.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

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

/** Why a name is refused when an active colleague (named `theirs`) goes by it already. */
export function nameTaken(theirs: string): string {
  return `${theirs} goes by this name already. Add something that tells you apart, such as a surname or your team.`;
}

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
