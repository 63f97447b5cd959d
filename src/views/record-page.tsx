/**
 * A letter's public record, as an overview for people (/letters/{slug}/record): what it is, how
 * many entries it has and the root that covers the sealed ones, where to read it (its newest and
 * first entries' pages, the whole record as JSON, the signed checkpoints, the record key, the
 * versions of the text), and the command that checks all of it. No script.
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { LanguageLink } from "./language-switcher";
import type { PageMeta } from "./layout";
import { LetterSubpage } from "./letter-subpage";

export function RecordPage(props: {
  /** The letter, in the language the page is drawn in. */
  letter: Letter;
  links: {
    letter: string;
    canonical: string;
    /** The page of an entry, by its number. */
    entry: (seq: number) => string;
    /** The whole record as JSON. */
    json: string;
    checkpoints: string;
    key: string;
    /** The versions page. */
    versions: string;
    languages: readonly LanguageLink[];
    alternates: PageMeta["alternates"];
  };
  /** The command that checks the letter's whole record (`npm run verify -- {letter's address}`). */
  verifyCommand: string;
  t: Messages;
}) {
  const { letter, links, t } = props;
  const words = t.recordPage;
  const { length, sealed, root } = letter.record;
  return (
    <LetterSubpage
      letter={letter}
      links={links}
      t={t}
      meta={{
        title: words.title(isolate(letter.title)),
        description: t.recordEntry.intro,
      }}
      words={{ back: t.recordEntry.back, heading: words.heading, of: words.of }}
    >
      <p>{t.recordEntry.intro}</p>
      {length === 0 ? (
        <p>{words.empty}</p>
      ) : (
        <>
          <p>{words.size(length, sealed)}</p>
          {root && (
            <p>
              <code class="hash record-hash">{root}</code>
            </p>
          )}
        </>
      )}
      <h2>{words.read}</h2>
      <ul>
        {sealed > 0 && (
          <>
            <li>
              <a href={links.entry(sealed)}>{words.newest(sealed)}</a>
            </li>
            <li>
              <a href={links.entry(1)}>{words.first}</a>
            </li>
          </>
        )}
        <li>
          <a href={links.versions}>{t.versionsPage.heading}</a>
        </li>
        <li>
          <a href={links.json}>{t.recordEntry.record}</a>
        </li>
        <li>
          <a href={links.checkpoints}>{words.checkpoints}</a>
        </li>
        <li>
          <a href={links.key}>{words.key}</a>
        </li>
      </ul>
      <h2>{t.recordEntry.check}</h2>
      <p>{words.checkIntro}</p>
      <p class="command">
        <code>{props.verifyCommand}</code>
      </p>
    </LetterSubpage>
  );
}
