/**
 * When the database fails while someone signs: nothing was saved, and the
 * form comes back filled in so they can send it again. Drawn without the
 * database, so it works while D1 does not.
 */
import { Layout } from "./layout";
import { SignForm, type SignFormExtras, type SignFormState } from "./sign-form";

export function SignAgainPage(props: { slug: string; title: string | null; message: string; form: SignFormState; extras: SignFormExtras }) {
  return (
    <Layout meta={{ title: "Please send your signature again", noindex: true }}>
      <h1>Please send your signature again</h1>
      {props.title && (
        <p>
          <a href={`/letters/${props.slug}`}>{props.title}</a>
        </p>
      )}
      <p class="notice" role="alert">
        {props.message}
      </p>
      <section class="sign" id="sign" aria-labelledby="sign-title">
        <h2 id="sign-title">Sign this letter</h2>
        <SignForm action={`/letters/${props.slug}/signatures`} state={props.form} extras={props.extras} />
      </section>
    </Layout>
  );
}
