/**
 * The login page's "Sign in with a passkey": a form the passkey script
 * (views/admin/passkey-script.ts) shows and sends once the browser has
 * answered; drawn hidden, so that without a script, or in a browser without
 * passkeys, the page offers only the ways that work there.
 */
import type { PasskeysHere } from "../../domain/passkeys";

export const PASSKEY_SIGN_IN_PATH = "/admin/login/passkey";

export function PasskeySignIn({ next, here }: { next: string; here: PasskeysHere }) {
  return (
    <section aria-labelledby="passkey-sign-in-title" class="passkey-sign-in">
      <h2 id="passkey-sign-in-title">Sign in with a passkey</h2>
      {here.available ? (
        <>
          <p data-passkey-needs-script>
            Signing in with a passkey needs JavaScript and a browser that supports passkeys. You can still sign in
            another way on this page.
          </p>
          <form
            method="post"
            action={PASSKEY_SIGN_IN_PATH}
            data-passkey="get"
            data-options={`${PASSKEY_SIGN_IN_PATH}/options`}
            hidden
          >
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="credential" value="" />
            <p class="hint">
              If you added a passkey to your account, your device's screen lock, fingerprint, face or security key signs
              you in: no email or token to type.
            </p>
            <p role="status" class="passkey-status"></p>
            <button type="submit">Sign in with a passkey</button>
          </form>
        </>
      ) : (
        <p>
          Browsers offer passkeys only at a domain name, not at an IP address.
          {here.instead && (
            <>
              {" "}
              Open <a href={here.instead}>this page at localhost</a> to sign in with one.
            </>
          )}
        </p>
      )}
    </section>
  );
}
