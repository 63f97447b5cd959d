/**
 * The login page's "Sign in with a passkey": a form the passkey script
 * (views/admin/passkey-script.ts) shows and sends once the browser has
 * answered; drawn hidden, so that without a script, or in a browser without
 * passkeys, the page offers only the ways that work there.
 */
import type { PasskeysHere } from "../../domain/passkeys";
import { useAdminWords } from "./admin-words";

export const PASSKEY_SIGN_IN_PATH = "/admin/login/passkey";

export function PasskeySignIn({ next, here }: { next: string; here: PasskeysHere }) {
  const t = useAdminWords().passkeys;
  const [before, link, after] = t.localhostToSignIn;
  return (
    <section aria-labelledby="passkey-sign-in-title" class="passkey-sign-in">
      <h2 id="passkey-sign-in-title">{t.signInHeading}</h2>
      {here.available ? (
        <>
          <p data-passkey-needs-script>{t.signInNeedsScript}</p>
          <form
            method="post"
            action={PASSKEY_SIGN_IN_PATH}
            data-passkey="get"
            data-options={`${PASSKEY_SIGN_IN_PATH}/options`}
            data-words={JSON.stringify(t.script)}
            hidden
          >
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="credential" value="" />
            <p class="hint">{t.signInHint}</p>
            <p role="status" class="passkey-status"></p>
            <button type="submit">{t.signInButton}</button>
          </form>
        </>
      ) : (
        <p>
          {t.ipAddress}
          {here.instead && (
            <>
              {" "}
              {before}
              <a href={here.instead}>{link}</a>
              {after}
            </>
          )}
        </p>
      )}
    </section>
  );
}
