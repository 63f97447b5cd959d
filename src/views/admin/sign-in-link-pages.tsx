/**
 * The pages of sign-in links and invitations: "a link is on its way" (the
 * same whatever the address), the page a link opens (a button that uses it:
 * opening the link alone never does, as mail scanners fetch links), and the
 * page of a link that no longer works, with a way to ask for a new one. In
 * the organizer area's language of the request (a link's page: the
 * browser's, as nobody is signed in yet; an invitation's: the language the
 * owner chose for it).
 */
import {
  INVITATION_SECONDS,
  SIGN_IN_LINK_SECONDS,
  type GoneLink,
  type LinkState,
} from "../../domain/organizer-accounts";
import { isRole } from "../../domain/organizer-roles";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";

const MINUTES = SIGN_IN_LINK_SECONDS / 60;
const DAYS = INVITATION_SECONDS / 86_400;

/** The answer to "Email me a sign-in link", whoever the address belongs to. */
export function LinkSentPage({ next }: { next: string }) {
  const t = useAdminWords().signInLinks;
  return (
    <AdminLayout title={t.sentTitle}>
      <h1>{t.sentTitle}</h1>
      <p role="status">{t.sent(MINUTES)}</p>
      <p>{t.nothingArrived}</p>
      <p>
        <a href={`/admin/login?${new URLSearchParams({ next })}`}>{t.backToLogin}</a>
      </p>
    </AdminLayout>
  );
}

/**
 * A sign-in link request past the limits (429): nothing was sent, how long to wait, and that a link
 * sent earlier still works; the same words whether or not the address has an account.
 */
export function LinkRefusedPage({ next, retryAfterSeconds }: { next: string; retryAfterSeconds: number }) {
  const t = useAdminWords().signInLinks;
  return (
    <AdminLayout title={t.tooManyTitle}>
      <h1>{t.tooManyTitle}</h1>
      <p role="status">{t.tooMany(retryAfterSeconds)}</p>
      <p>
        <a href={`/admin/login?${new URLSearchParams({ next })}`}>{t.backToLogin}</a>
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
  const words = useAdminWords();
  const t = words.signInLinks;
  const invitation = link.purpose === "invitation";
  return (
    <AdminLayout title={invitation ? t.acceptTitle : t.signInTitle}>
      <h1>{invitation ? t.welcome(link.name) : t.signInAs(link.name)}</h1>
      {invitation && isRole(link.role) && (
        <p>{t.invitedAs(words.layout.roleNames[link.role], words.people.roleDoes[link.role])}</p>
      )}
      <form method="post" action="/admin/link">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="next" value={next} />
        <button type="submit">{invitation ? t.accept : t.signIn}</button>
      </form>
      <p class="meta">{t.onceOnly}</p>
    </AdminLayout>
  );
}

/** What the page of a link that no longer works says: why, and what to do now. */
function goneWords(
  link: GoneLink,
  t: ReturnType<typeof useAdminWords>["signInLinks"],
): { title: string; said: string } {
  if (link.state === "unknown") return { title: t.unknown, said: `${t.onceAndActive} ${t.askAgain}` };
  const invitation = link.purpose === "invitation";
  const ask = invitation ? t.askOwner : t.askAgain;
  switch (link.state) {
    case "expired":
      return {
        title: invitation ? t.expiredInvitation : t.expiredLink,
        said: `${invitation ? t.invitationsLast(DAYS) : t.linksLast(MINUTES)} ${ask}`,
      };
    case "used":
      return { title: invitation ? t.usedInvitation : t.usedLink, said: `${t.onceAndActive} ${ask}` };
    case "replaced":
      return { title: invitation ? t.replacedInvitation : t.replacedLink, said: t.useLatest };
    case "superseded":
      return invitation
        ? { title: t.joinedAlready, said: t.joinedSaid }
        : { title: t.supersededLink, said: `${t.supersededSaid} ${t.askAgain}` };
    case "withdrawn":
      return { title: invitation ? t.withdrawnInvitation : t.withdrawnLink, said: t.withdrawnSaid };
    case "restored":
      return { title: invitation ? t.restoredInvitation : t.restoredLink, said: `${t.restoredSaid} ${ask}` };
  }
}

/**
 * The page of a link that does not work (any more), saying why (replaced by a newer invitation,
 * used, ended by another link's use, withdrawn, withdrawn and given back since, expired), with a
 * way to ask for a new one, except for an account whose access is removed (it gets none).
 */
export function LinkGonePage({ link, mail }: { link: GoneLink; mail: boolean }) {
  const t = useAdminWords().signInLinks;
  const { title, said } = goneWords(link, t);
  return (
    <AdminLayout title={title}>
      <h1>{title}</h1>
      <p>{said}</p>
      {link.state !== "withdrawn" && (
        <p>
          <a class="button" href="/admin/login">
            {mail ? t.newLink : t.toLogin}
          </a>
        </p>
      )}
    </AdminLayout>
  );
}
