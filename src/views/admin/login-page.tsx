/**
 * The organizers' login page: "Email me a sign-in link" (when the site can
 * send email) beside the admin token, exchanged for a session; or a passkey.
 */
import { languageName, LOCALES } from "../../domain/i18n";
import type { PasskeysHere } from "../../domain/passkeys";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { ProblemSummary, WithCode } from "./form-fields";
import { PASSKEY_SCRIPT_PATH } from "./passkey-script";
import { PasskeySignIn } from "./passkey-sign-in";

export interface LoginPageProps {
  /** Where to go after logging in (a path under /admin). */
  next: string;
  /** What the page's address says besides `next` (a logout's `out`, a `why`), kept by its language links. */
  keep?: Readonly<Record<string, string>>;
  /** What the logout that led here did ("You are logged out."), or null. */
  notice?: string | null;
  error?: string | null;
  /** False when ADMIN_TOKEN is not set: the page says how to set it. */
  configured: boolean;
  /** Whether the site can send email: then the page offers a sign-in link by email. */
  mail?: boolean;
  /** The problem with the email typed for a sign-in link. */
  emailError?: string | null;
  /** The email as typed, drawn again beside its problem. */
  email?: string;
  /** Whether this address can use passkeys (not at an IP address). */
  passkeys: PasskeysHere;
  /** Why a passkey did not sign the person in (the page answers its form). */
  passkeyError?: string | null;
}

/**
 * The other languages of the area as plain links to this page in each (GET /admin/login?lang=…: the
 * choice is kept in a cookie for the visitor's next pages), each named in its own language.
 */
function LoginLanguages({ next, keep }: { next: string; keep: Readonly<Record<string, string>> }) {
  const t = useAdminWords();
  return (
    <nav class="language-switcher" aria-label={t.login.languages}>
      <span aria-hidden="true">{t.login.languages}:</span>{" "}
      {LOCALES.filter((locale) => locale !== t.locale).map((locale) => (
        <>
          <a
            href={`/admin/login?${new URLSearchParams({ next, ...keep, lang: locale })}`}
            lang={locale}
            hreflang={locale}
            title={t.layout.switchTo(languageName(locale))}
          >
            {languageName(locale)}
          </a>{" "}
        </>
      ))}
    </nav>
  );
}

export function LoginPage({
  next,
  keep = {},
  notice = null,
  error,
  configured,
  mail = false,
  emailError,
  email,
  passkeys,
  passkeyError,
}: LoginPageProps) {
  const t = useAdminWords().login;
  const words = useAdminWords().passkeys;
  return (
    <AdminLayout title={t.title} error={Boolean(error || emailError || passkeyError)} scripts={[PASSKEY_SCRIPT_PATH]}>
      <LoginLanguages next={next} keep={keep} />
      <h1>{t.heading}</h1>
      {notice && (
        <p class="flash" role="status">
          {notice}
        </p>
      )}
      <ProblemSummary
        id="passkey-error-summary"
        title={words.signInProblemTitle}
        problems={passkeyError ? [{ text: passkeyError, href: "#passkey-sign-in-title" }] : []}
      />
      {mail && (
        <section>
          <h2>{t.byEmail}</h2>
          <form method="post" action="/admin/login/link" novalidate>
            <ProblemSummary
              id="email-problems"
              title={t.emailProblemTitle}
              problems={emailError ? [{ text: emailError, href: "#email" }] : []}
            />
            <input type="hidden" name="next" value={next} />
            <div class={`field${emailError ? " field-invalid" : ""}`}>
              <label for="email">{t.emailLabel}</label>
              <span class="hint" id="email-hint">
                {t.emailHint}
              </span>
              <input
                type="email"
                id="email"
                name="email"
                value={email}
                required
                autocomplete="email"
                aria-describedby="email-hint"
                aria-invalid={emailError ? "true" : undefined}
              />
            </div>
            <button type="submit">{t.emailSubmit}</button>
          </form>
        </section>
      )}
      {!configured ? (
        <p class="notice">
          <span class="hint-main">{t.closed}</span>{" "}
          <small class="hint-technical">
            <WithCode text={t.closedTechnical} />
          </small>
        </p>
      ) : (
        <section>
          {mail && <h2>{t.byToken}</h2>}
          <form method="post" action="/admin/login" novalidate>
            <ProblemSummary title={t.problemTitle} problems={error ? [{ text: error, href: "#token" }] : []} />
            <input type="hidden" name="next" value={next} />
            <div class={`field${error ? " field-invalid" : ""}`}>
              <label for="token">{t.tokenLabel}</label>
              {/* Plain words first; the setting's technical name after, for whoever runs the site. */}
              <span class="hint" id="token-hint">
                <span class="hint-main">{t.tokenHint}</span>{" "}
                <small class="hint-technical">
                  <WithCode text={t.tokenTechnical} />
                </small>
              </span>
              <input
                type="password"
                id="token"
                name="token"
                required
                autocomplete="current-password"
                aria-describedby="token-hint"
                aria-invalid={error ? "true" : undefined}
              />
            </div>
            <button type="submit">{t.submit}</button>
          </form>
        </section>
      )}
      <PasskeySignIn next={next} here={passkeys} />
    </AdminLayout>
  );
}
