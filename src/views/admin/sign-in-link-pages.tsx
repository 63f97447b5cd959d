/**
 * The pages of sign-in links and invitations: "a link is on its way" (the
 * same whatever the address), the page a link opens (a button that uses it:
 * opening the link alone never does, as mail scanners fetch links), and the
 * page of a link that no longer works, with a way to ask for a new one.
 */
import { ROLE_DESCRIPTIONS, type LinkState } from "../../domain/organizer-accounts";
import { isRole } from "../../domain/organizer-roles";
import { AdminLayout } from "./admin-layout";

/** The answer to "Email me a sign-in link", whoever the address belongs to. */
export function LinkSentPage({ next }: { next: string }) {
  return (
    <AdminLayout title="Check your email">
      <h1>Check your email</h1>
      <p role="status">
        If that address belongs to an organizer, a link is on its way. It signs you in once, within 15 minutes.
      </p>
      <p>Nothing arrived after a few minutes? Look in your spam folder, or check the address and ask again.</p>
      <p>
        <a href={`/admin/login?${new URLSearchParams({ next })}`}>Back to the login page</a>
      </p>
    </AdminLayout>
  );
}

/** The page a usable link opens: who it signs in, and the button that does it. */
export function LinkPage({
  token,
  next,
  link,
}: {
  token: string;
  next: string;
  link: Extract<LinkState, { state: "usable" }>;
}) {
  const invitation = link.purpose === "invitation";
  const role = isRole(link.role) ? ROLE_DESCRIPTIONS[link.role] : null;
  return (
    <AdminLayout title={invitation ? "Accept the invitation" : "Sign in"}>
      <h1>{invitation ? `Welcome, ${link.name}` : `Sign in as ${link.name}`}</h1>
      {invitation && role && (
        <p>
          You are invited to the organizer area as <strong>{role.name.toLowerCase()}</strong>: {role.does}.
        </p>
      )}
      <form method="post" action="/admin/link">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="next" value={next} />
        <button type="submit">{invitation ? "Accept and sign in" : "Sign in"}</button>
      </form>
      <p class="meta">The link works once. If you did not ask for it, close this page.</p>
    </AdminLayout>
  );
}

/** The page of a link that does not work (any more), with a way to ask for a new one. */
export function LinkGonePage({ link, mail }: { link: LinkState; mail: boolean }) {
  const invitation = link.state !== "unknown" && link.state !== "usable" && link.purpose === "invitation";
  const title =
    link.state === "expired"
      ? invitation
        ? "This invitation has expired"
        : "This sign-in link has expired"
      : link.state === "used"
        ? invitation
          ? "This invitation was used already"
          : "This sign-in link was used already"
        : "This link does not work";
  return (
    <AdminLayout title={title}>
      <h1>{title}</h1>
      <p>
        {link.state === "expired"
          ? invitation
            ? "Invitations work for 7 days. "
            : "Sign-in links work for 15 minutes. "
          : "Each link works once, and only for an active account. "}
        {invitation
          ? "Ask the owner who invited you to send a new invitation, or, if you accepted it already, ask for a sign-in link."
          : "Ask for a new one: it takes a minute."}
      </p>
      <p>
        <a class="button" href="/admin/login">
          {mail ? "Email me a new sign-in link" : "Go to the login page"}
        </a>
      </p>
    </AdminLayout>
  );
}
