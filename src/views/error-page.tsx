/** The page for every error a visitor can meet: what happened, in plain words and their language, and where to go next. */
import { messagesFor, type Messages } from "../domain/i18n";
import { Layout } from "./layout";

export function ErrorPage({
  status,
  title,
  message,
  back,
  t = messagesFor("en"),
}: {
  status: number;
  title: string;
  message: string;
  back?: { href: string; label: string };
  t?: Messages;
}) {
  return (
    <Layout meta={{ title, noindex: true, lang: t.locale }} t={t}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={back?.href ?? "/"}>{back?.label ?? t.errors.backHome}</a>
      </p>
      <p class="meta">{t.errors.status(status)}</p>
    </Layout>
  );
}
