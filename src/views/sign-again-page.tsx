/**
 * When the database fails while someone signs: nothing was saved, and the
 * form comes back filled in so they can send it again. Drawn without the
 * database, so it works while D1 does not.
 */
import type { Messages } from "../domain/i18n";
import { Layout } from "./layout";
import { SignForm, type SignFormExtras, type SignFormState } from "./sign-form";

export function SignAgainPage(props: {
  slug: string;
  title: string | null;
  message: string;
  form: SignFormState;
  extras: SignFormExtras;
  /** Where the form posts, and the letter's address, both in the signer's language. */
  links: { sign: string; letter: string };
  language: string;
  t: Messages;
}) {
  const { t } = props;
  return (
    <Layout meta={{ title: t.signAgain.title, noindex: true, lang: t.locale, error: true }} t={t}>
      <h1>{t.signAgain.title}</h1>
      {props.title && (
        <p>
          <a href={props.links.letter}>{props.title}</a>
        </p>
      )}
      <p class="notice" role="alert">
        {props.message}
      </p>
      <section class="sign" id="sign" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t.letter.signThisLetter}</h2>
        <SignForm action={props.links.sign} state={props.form} extras={props.extras} t={t} language={props.language} />
      </section>
    </Layout>
  );
}
