/**
 * Organizers' accounts (issue 15): the links that sign them in or invite
 * them (single-use, short-lived, stored as a SHA-256 only), the forms of the
 * People and "Your account" pages and of the login page's "Email me a
 * sign-in link", and the emails those links travel in. A refused field
 * carries its code in the catalogs' `issues` (domain/organizer-words.ts
 * refuseAs), worded in the organizer's language. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { object } from "zod/mini";
import { confusableLowerCase } from "./confusables";
import { randomToken, sha256Hex } from "./crypto";
import { field, refuse } from "./form-fields";
import { adminMessagesFor, isLocale, type Locale } from "./i18n";
import type { MailMessage } from "./mail";
import { normalizeEmail } from "./mailbox";
import { isRole, type NamedPerson, type Role } from "./organizer-roles";
import { refuseAs } from "./organizer-words";
import { safeNext } from "./organizer-session";
import { isEmailAddress } from "./signature";
import { normalizeText, organizerTextIssue, publicTextIssue, type TextProblem } from "./text";
import { isTimeZone } from "./time-zones";

/** What a link is for: signing in (asked for on the login page) or joining (an owner's invitation). */
export type LinkPurpose = "sign-in" | "invitation";

/** What a link's page says about it before anyone presses its button. */
export type LinkState =
  | {
      state: "usable";
      organizerId: number;
      purpose: LinkPurpose;
      name: string;
      role: string;
      /** The person's organizer area language (organizers.language): their link's page is in it. */
      language: Locale | null;
    }
  | {
      /**
       * Why it no longer works: ended for a LinkEnd, or past its time; "restored": ended when its
       * account's access was removed ("withdrawn"), which has been given back since (a link's page
       * says "removed" only while the account is disabled).
       */
      state: LinkEnd | "expired" | "restored";
      purpose: LinkPurpose;
      /** The person's organizer area language, as for a usable link: the page telling them is in it. */
      language: Locale | null;
    }
  | { state: "unknown" };

/** A link that does not work (any more): what its page says. */
export type GoneLink = Exclude<LinkState, { state: "usable" }>;

/**
 * Why a link stopped working before its time (sign_in_links.end_reason, migrations/0031):
 * "used", its own button was pressed; "replaced", a newer invitation was sent (an owner's
 * "Resend"); "superseded", the person signed in with another of their links; "withdrawn", an owner
 * disabled the account. A newer sign-in link never replaces an older one: anyone may ask for a
 * link to a colleague's address, and must not be able to end the one in their mailbox.
 */
export type LinkEnd = "used" | "replaced" | "superseded" | "withdrawn";

/** Whether `text` is a LinkEnd (a stored sign_in_links.end_reason). */
export function isLinkEnd(text: unknown): text is LinkEnd {
  return text === "used" || text === "replaced" || text === "superseded" || text === "withdrawn";
}

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
 * domain/client-network.ts) within SIGN_IN_LINK_SECONDS (more are refused, and the page says so). Counted per
 * connection, so that a stranger asking for a colleague's links never uses up the colleague's own.
 */
export const SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT = 3;
/** Sign-in links asked for one address from everyone in SIGN_IN_LINK_ADDRESS_SECONDS: a mailbox is never flooded. */
export const SIGN_IN_LINKS_PER_ADDRESS = 10;
/** The window of SIGN_IN_LINKS_PER_ADDRESS: an hour. */
export const SIGN_IN_LINK_ADDRESS_SECONDS = 60 * 60;
/** Sign-in links asked for from one connection in any 60 seconds (integrations/rate-limit.ts checkRecentHits). */
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

/** Why a person's name is refused: the public names' reasons (domain/text.ts), or "missing". */
export type OrganizerNameProblem = TextProblem | "missing";

/**
 * A person's name as colleagues and the activity log will read it: normalized like a signer's
 * (NFC, trimmed, single spaces) and held to the same rules (no control or invisible formatting
 * characters, nothing a spreadsheet runs, no markup or addresses: it is written into emails and
 * the activity CSV), with every format character refused (domain/text.ts organizerTextIssue).
 */
export function organizerNameProblem(text: string): OrganizerNameProblem | undefined {
  if (normalizeText(text) === "") return "missing";
  return organizerTextIssue(text) ?? publicTextIssue(text, NAME_LIMIT);
}

const nameField = field((text, ctx): string => {
  const problem = organizerNameProblem(text);
  if (problem === "missing") return refuseAs(ctx, "nameMissing");
  if (problem) return refuseAs(ctx, "text", "name", problem, NAME_LIMIT);
  return normalizeText(text);
});

/**
 * What two names are compared by, to refuse a name a colleague already goes by (stored as
 * organizers.name_key, unique among active accounts: migrations/0029): compatibility forms folded
 * (NFKC: "ﬁ" is "fi", fullwidth letters are plain), letters of other scripts that look like Latin
 * ones read as those (UTS #39 confusables beyond ASCII: domain/confusables.ts; "Аna Owner" with a
 * Cyrillic А is "ana owner"), case ignored, spaces left out. A name of printable ASCII is its lower
 * case without spaces, as SQLite's lower() and replace() make it (the migration keys those).
 */
export function nameKey(name: string): string {
  return confusableLowerCase(name.normalize("NFKC")).replace(/\s+/gu, "");
}

const emailField = field((text, ctx): string => {
  const email = normalizeEmail(text);
  if (email === "") return refuseAs(ctx, "emailMissing");
  return isEmailAddress(email) ? email : refuseAs(ctx, "emailMalformed");
});

const roleField = field((text, ctx): Role => (isRole(text) ? text : refuseAs(ctx, "roleMissing")));

/** A language of the organizer area; left out, null (the page that takes it picks one). */
const languageField = field((text, ctx): Locale | null =>
  text === "" ? null : isLocale(text) ? text : refuseAs(ctx, "languageMissing"),
);

/** The login page's "Email me a sign-in link" (POST /admin/login/link). */
export const signInLinkFormSchema = object({ email: emailField, next: field(safeNext) });

/** A link's page (GET /admin/link?token=&next=) and its button (POST /admin/link). */
export const linkFormSchema = object({
  token: field((text) => (isLinkToken(text) ? text : null)),
  next: field(safeNext),
});

/**
 * The invitation form of the People page (POST /admin/people): the
 * invitee's name, email and role, and the language their invitation is
 * written in and their organizer area opens in (null when the form left it
 * out: the inviting owner's).
 */
export const INVITE_FIELDS = ["name", "email", "role", "language"] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];
export const inviteFormSchema = object({
  name: nameField,
  email: emailField,
  role: roleField,
  language: languageField,
});

/** A change of role on the People page (POST /admin/people/{id}/role). */
export const roleFormSchema = object({ role: roleField });

/** "Your name" on the account page (POST /admin/account/name). */
export const nameFormSchema = object({ name: nameField });

/** Your time zone (POST /admin/account/time-zone): one of the letter form's zones (time-zones.ts isTimeZone). */
export const timeZoneFormSchema = object({
  time_zone: field((text, ctx): string => (isTimeZone(text.trim()) ? text.trim() : refuseAs(ctx, "timeZoneInvalid"))),
});

/** Ending one of your sessions (POST /admin/account/sessions/end): its id_hash. */
export const endSessionFormSchema = object({
  session: field((text, ctx): string => (/^[0-9a-f]{64}$/.test(text) ? text : refuseAs(ctx, "sessionMissing"))),
});

/**
 * The email with a sign-in link (valid SIGN_IN_LINK_SECONDS), in `language`
 * (the account's preference, else the language the link was asked for in).
 * It names nothing the link could be guessed from, and says what to do if
 * the reader did not ask for it.
 */
export function signInLinkMail(to: string, name: string, link: string, site: string, language: Locale): MailMessage {
  const t = adminMessagesFor(language).mail;
  return {
    to,
    subject: t.signInSubject(site),
    text: t.signIn({ name, site, minutes: SIGN_IN_LINK_SECONDS / 60, link }).join("\n"),
  };
}

/**
 * The email of an owner's invitation (valid INVITATION_SECONDS), in
 * `language` (the one the owner chose for it): who invited (null: "an
 * owner"; the admin token's account by its name in that language), as
 * what, and the link.
 */
export function invitationMail(
  to: string,
  invitation: { name: string; role: Role; invitedBy: NamedPerson | null },
  link: string,
  site: string,
  language: Locale,
): MailMessage {
  const t = adminMessagesFor(language);
  const invitedBy = invitation.invitedBy ? t.people.nameOf(invitation.invitedBy) : t.mail.anOwner;
  return {
    to,
    subject: t.mail.invitationSubject(invitedBy, site),
    text: t.mail
      .invitation({
        name: invitation.name,
        invitedBy,
        site,
        role: t.layout.roleNames[invitation.role],
        does: t.people.roleDoes[invitation.role],
        days: INVITATION_SECONDS / 86_400,
        link,
      })
      .join("\n"),
  };
}

/** A person's number in the People page's addresses (/admin/people/{id}/…); anything else is a 404. */
export const personParamSchema = object({
  id: field((text, ctx): number =>
    /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : refuse(ctx, "There is no such person."),
  ),
});
