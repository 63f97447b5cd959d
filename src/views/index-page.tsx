/** The home page: every published letter, newest first, with its counts. */
import { messagesFor } from "../domain/i18n";
import { publicStatus, type Letter } from "../domain/letter";
import { formatDate, formatNumber } from "./format";
import { Layout, SITE_NAME } from "./layout";
import { LetterStatus } from "./letter-page";

// The home page stays in English (its <html lang> says so); each letter's title is in the letter's own language.
const t = messagesFor("en");

export function IndexPage({
  letters,
  canonical,
  image,
  now,
}: {
  letters: readonly Letter[];
  canonical: string;
  image: string;
  now: Date;
}) {
  return (
    <Layout
      meta={{
        title: SITE_NAME,
        description: "Open letters from civil-society coalitions. Read them, and add your name or your organization's.",
        canonical,
        image,
      }}
    >
      <h1>Open letters</h1>
      {letters.length === 0 ? (
        <p>No letters have been published yet.</p>
      ) : (
        <ol class="letter-list">
          {letters.map((letter) => (
            <li lang={letter.language}>
              <h2>
                <a href={`/letters/${letter.slug}`}>{letter.title}</a>
              </h2>
              <p class="meta">
                <time datetime={letter.date}>{formatDate(letter.date, letter.language)}</time> · To{" "}
                {letter.addressee.split("\n")[0]}
              </p>
              <p lang="en">
                <LetterStatus letter={letter} status={publicStatus(letter, now)} t={t} />{" "}
                <strong>{formatNumber(letter.counts.total)}</strong>{" "}
                {letter.counts.total === 1 ? "signature" : "signatures"}
                {` (${formatNumber(letter.counts.organizations)} organizations, ${formatNumber(letter.counts.individuals)} individuals)`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
