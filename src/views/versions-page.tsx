/**
 * Every published version of a letter's text, per language, oldest first:
 * each with its number, date, record entry and digest, and what changed
 * from the version before, word by word (<ins>/<del>, with the words
 * "added:"/"removed:" for screen readers, which announce neither element;
 * spaced, so that a removed word and an added one are never read as one).
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import { languageName } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import { wordChanges, type TextChange } from "../domain/text-diff";
import type { StoredTextVersion } from "../storage/text-versions";
import type { LanguageLink } from "./language-switcher";
import type { PageMeta } from "./layout";
import { LetterSubpage } from "./letter-subpage";

type Field = "title" | "summary" | "addressee" | "bodyMarkdown";

const FIELDS: readonly { field: Field; label: keyof Messages["versionsPage"]["fields"] }[] = [
  { field: "title", label: "title" },
  { field: "summary", label: "summary" },
  { field: "addressee", label: "addressee" },
  { field: "bodyMarkdown", label: "body" },
];

/** A text with what changed in it marked: runs added, removed, or the same. */
function Changes({ changes, t }: { changes: readonly TextChange[]; t: Messages }) {
  return (
    <div class="version-text">
      {changes.map((change) =>
        change.kind === "added" ? (
          <ins>
            <span class="visually-hidden">{` ${t.versionsPage.added} `}</span>
            {change.text}
          </ins>
        ) : change.kind === "removed" ? (
          <del>
            <span class="visually-hidden">{` ${t.versionsPage.removed} `}</span>
            {change.text}
          </del>
        ) : (
          change.text
        ),
      )}
    </div>
  );
}

function Version({
  version,
  previous,
  entry,
  t,
}: {
  version: StoredTextVersion;
  previous: StoredTextVersion | null;
  /** The page of its record entry. */
  entry: string;
  t: Messages;
}) {
  // A first version is shown whole; a later one shows the fields that changed, marked.
  const fields = FIELDS.filter(({ field }) => !previous || previous[field] !== version[field]).map((shown) => ({
    ...shown,
    changes: previous
      ? wordChanges(previous[shown.field], version[shown.field])
      : [{ kind: "same" as const, text: version[shown.field] }],
  }));
  const wordsChanged = fields.some(({ changes }) => changes.some((change) => change.kind !== "same"));
  const id = `version-${version.language}-${version.number}`;
  return (
    <li class="version" id={id}>
      <h3>{t.versionsPage.version(version.number)}</h3>
      <dl class="version-facts">
        <dt>{t.versionsPage.publishedOn}</dt>
        <dd>
          <time datetime={version.publishedAt}>{t.date(version.publishedAt)}</time>
        </dd>
        <dt>{t.versionsPage.recordEntry}</dt>
        <dd>
          <a href={entry}>{t.number(version.seq)}</a>
        </dd>
        <dt>{t.versionsPage.digest}</dt>
        <dd>
          <code class="digest">{version.digest}</code>
        </dd>
      </dl>
      <p>{previous ? t.versionsPage.changes(previous.number) : t.versionsPage.first}</p>
      {previous && !wordsChanged && <p>{t.versionsPage.spacingOnly}</p>}
      <dl class="version-fields" lang={version.language}>
        {fields.map(({ label, changes }) => (
          <>
            <dt lang={t.locale}>{t.versionsPage.fields[label]}</dt>
            <dd>
              <Changes changes={changes} t={t} />
            </dd>
          </>
        ))}
      </dl>
    </li>
  );
}

export function VersionsPage(props: {
  letter: Letter;
  versions: readonly StoredTextVersion[];
  links: {
    letter: string;
    json: string;
    /** The page of the record entry numbered `seq`. */
    entry: (seq: number) => string;
    canonical: string;
    languages: readonly LanguageLink[];
    alternates: PageMeta["alternates"];
  };
  t: Messages;
}) {
  const { letter, versions, links, t } = props;
  // The language being read first, then the others in the letter's order.
  const languages = [...new Set([letter.language, ...letter.languages, ...versions.map((v) => v.language)])].filter(
    (language) => versions.some((version) => version.language === language),
  );
  return (
    <LetterSubpage
      letter={letter}
      links={links}
      t={t}
      meta={{
        title: t.versionsPage.title(isolate(letter.title)),
        description: t.versionsPage.intro,
      }}
      words={{ back: t.versionsPage.back, heading: t.versionsPage.heading, of: t.versionsPage.of }}
    >
      <p>{t.versionsPage.intro}</p>
      <p>
        {t.versionsPage.recordNote} <a href={links.json}>{t.versionsPage.json}</a>
      </p>
      {languages.length === 0 && <p>{t.versionsPage.none}</p>}
      {languages.map((language) => {
        const inLanguage = versions.filter((version) => version.language === language);
        return (
          <section aria-labelledby={`versions-${language}`}>
            <h2 id={`versions-${language}`} lang={language}>
              {languageName(language)}
            </h2>
            <ol class="versions">
              {inLanguage.map((version, index) => (
                <Version
                  version={version}
                  previous={inLanguage[index - 1] ?? null}
                  entry={links.entry(version.seq)}
                  t={t}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </LetterSubpage>
  );
}
