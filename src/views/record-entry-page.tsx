/**
 * One entry of a letter's public record, for the signer checking their own
 * (and anyone else): its number, what happened (worded for people, the
 * organizers' actions named as theirs), when, its public fields (none once
 * erased), its digest and hash, what happened to the same signature after
 * it, and the command that checks it is still in the record. Also the note
 * on the thank-you and confirmed pages that gives a signer their entry.
 */
import { isolate } from "../domain/bidi";
import type { Messages } from "../domain/i18n";
import type { Letter } from "../domain/letter";
import type { SealedRecordEntry } from "../domain/record";
import { parseTextVersionRef } from "../domain/text-versions";
import type { LanguageLink } from "./language-switcher";
import type { PageMeta } from "./layout";
import { LetterSubpage } from "./letter-subpage";
import { SignatoryEntry } from "./signatory-list";

/**
 * What the entry says publicly: the signatory's words, that they were erased,
 * or that none were listed; for a text entry, which version, and where it is
 * published (`versions`, the versions page).
 */
function EntryDetails({ entry, versions, t }: { entry: SealedRecordEntry; versions: string; t: Messages }) {
  if (entry.event === "text") {
    const named = parseTextVersionRef(entry.ref);
    return (
      <>
        {t.recordEntry.textVersion(entry.ref)}{" "}
        <a href={named ? `${versions}#version-${named.language}-${named.number}` : versions}>
          {t.versionsPage.heading}
        </a>
      </>
    );
  }
  // An erased entry shows nothing, whatever its row holds (see domain/letter-json.ts recordEntryJson).
  if (entry.salt === null) return <>{t.recordEntry.erased}</>;
  if (entry.name === null || entry.kind === null) return <>{t.recordEntry.unlisted}</>;
  return <SignatoryEntry signatory={{ ...entry, kind: entry.kind, name: entry.name, website: null }} t={t} />;
}

/** The entry's time as the page's language writes the date, and exactly as the leaf covers it. */
function EntryTime({ at, t }: { at: string; t: Messages }) {
  return (
    <>
      <time datetime={at}>{t.date(at)}</time> (<code>{at}</code>)
    </>
  );
}

export function RecordEntryPage(props: {
  /** The letter, in the language the page is drawn in. */
  letter: Letter;
  entry: SealedRecordEntry;
  later: readonly SealedRecordEntry[];
  /** The sealed tree the entry is in: its size and root (hex). */
  size: number;
  root: string;
  links: {
    letter: string;
    canonical: string;
    /** The page of an entry, by its number. */
    entry: (seq: number) => string;
    json: string;
    record: string;
    /** The record's overview page. */
    overview: string;
    /** The versions page, where a text entry's version is published. */
    versions: string;
    languages: readonly LanguageLink[];
    alternates: PageMeta["alternates"];
  };
  /** The command that checks the entry against the letter's record (`npm run verify -- … --entry SEQ:HASH`). */
  verifyCommand: string;
  t: Messages;
}) {
  const { letter, entry, later, links, t } = props;
  const words = t.recordEntry;
  return (
    <LetterSubpage
      letter={letter}
      links={links}
      t={t}
      meta={{
        title: words.title(entry.seq, isolate(letter.title)),
        description: words.events[entry.event],
        // A withdrawn name is erased here at once; a search engine's copy would keep it.
        noindex: true,
      }}
      words={{ back: words.back, heading: words.heading(entry.seq), of: words.of }}
    >
      <p class="meta">{words.intro}</p>
      <dl class="record-entry">
        <dt>{words.number}</dt>
        <dd>{t.number(entry.seq)}</dd>
        <dt>{words.event}</dt>
        <dd class="record-event">{words.events[entry.event]}</dd>
        <dt>{words.time}</dt>
        <dd>
          <EntryTime at={entry.at} t={t} />
        </dd>
        {entry.kind && (
          <>
            <dt>{words.kind}</dt>
            <dd>{words.kinds[entry.kind]}</dd>
          </>
        )}
        <dt>{words.details}</dt>
        <dd class="record-details">
          <EntryDetails entry={entry} versions={links.versions} t={t} />
        </dd>
        <dt>{words.reference}</dt>
        <dd>
          <code class="hash">{entry.ref}</code>
        </dd>
        <dt>{words.digest}</dt>
        <dd>
          <code class="hash">{entry.digest}</code>
        </dd>
        <dt>{words.hash}</dt>
        <dd>
          <code class="hash record-hash">{entry.hash}</code>
        </dd>
      </dl>
      <h2>{words.later}</h2>
      {later.length === 0 ? (
        <p>{entry.event === "text" ? words.nothingLaterText : words.nothingLater}</p>
      ) : (
        <ol class="record-later">
          {later.map((next) => (
            <li>
              <a href={links.entry(next.seq)}>{words.laterItem(next.seq)}</a>: {words.events[next.event]},{" "}
              <time datetime={next.at}>{t.date(next.at)}</time>
            </li>
          ))}
        </ol>
      )}
      <h2>{words.check}</h2>
      <p>{words.inTree(props.size)}</p>
      <p>
        <code class="hash">{props.root}</code>
      </p>
      <p>{words.checkIntro}</p>
      <p class="command">
        <code>{props.verifyCommand}</code>
      </p>
      <ul>
        <li>
          <a href={links.json}>{words.json}</a>
        </li>
        <li>
          <a href={links.overview}>{t.recordPage.overview}</a>
        </li>
        <li>
          <a href={links.record}>{words.record}</a>
        </li>
      </ul>
    </LetterSubpage>
  );
}

/** What a thank-you or confirmed page says about the signer's entry (see app/record-entries.ts ReceiptEntry). */
export type SignerEntryNote =
  { state: "entry"; seq: number; hash: string; url: string } | { state: "review" | "queued" | "in-email" | "none" };

/** The signer's entry in the public record: its number, its hash and its page, or why there is none to show. */
export function SignerEntry({ note, t }: { note: SignerEntryNote; t: Messages }) {
  const words = t.yourEntry;
  return (
    <section class="your-entry" aria-labelledby="your-entry">
      <h2 id="your-entry">{words.heading}</h2>
      {note.state === "entry" ? (
        <>
          <p>
            {words.isEntry(note.seq)} <code class="hash record-hash">{note.hash}</code>
          </p>
          <p>
            <a href={note.url}>{words.see}</a>
          </p>
        </>
      ) : (
        <p>{{ review: words.review, queued: words.queued, "in-email": words.inEmail, none: words.none }[note.state]}</p>
      )}
    </section>
  );
}
