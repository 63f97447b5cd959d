/** The local development outbox: the emails `npm start` would have sent, with their links. */
import type { StoredMail } from "../storage/local-mail";
import { Layout } from "./layout";

/** Plain text with its web addresses as links. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return <>{parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}</>;
}

export function DevMailPage({ messages }: { messages: readonly StoredMail[] }) {
  return (
    <Layout meta={{ title: "Local outbox", noindex: true }}>
      <h1>Local outbox</h1>
      <p>
        The emails Undersigned sent while running locally (MAILER=local). Nothing here left this machine. Newest first.
      </p>
      {messages.length === 0 && <p>No emails yet. Sign a letter to see its confirmation email here.</p>}
      {messages.map((message) => (
        <article class="notice" aria-labelledby={`mail-${message.id}`}>
          <h2 id={`mail-${message.id}`}>{message.subject}</h2>
          <p class="meta">
            To {message.to} · {message.createdAt}
          </p>
          {message.headers && (
            <dl class="mail-headers">
              {Object.entries(message.headers).map(([name, value]) => (
                <>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </>
              ))}
            </dl>
          )}
          <pre class="mail-body">
            <LinkedText text={message.text} />
          </pre>
        </article>
      ))}
    </Layout>
  );
}
