/** The page for every error a visitor can meet: what happened, in plain words, and where to go next. */
import { Layout } from "./layout";

export function ErrorPage({ status, title, message, back }: { status: number; title: string; message: string; back?: { href: string; label: string } }) {
  return (
    <Layout meta={{ title, noindex: true }}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={back?.href ?? "/"}>{back?.label ?? "Go to the list of letters"}</a>
      </p>
      <p class="meta">Error {status}</p>
    </Layout>
  );
}
