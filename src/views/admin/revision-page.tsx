/** One earlier version of a letter's text, as it read then. */
import { raw } from "hono/html";
import type { Letter } from "../../domain/letter";
import type { LetterRevision } from "../../storage/letter-revisions";
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";

export function RevisionPage({
  letter,
  revision,
  bodyHtml,
  csrf,
}: {
  letter: Letter;
  revision: LetterRevision;
  bodyHtml: string;
  csrf: string | null;
}) {
  const t = useAdminWords();
  const w = t.revision;
  const when = t.time(revision.createdAt, letter.closesTimeZone);
  return (
    <AdminLayout title={w.title(when, letter.title)} csrf={csrf}>
      <p>
        <a href={`/admin/letters/${letter.slug}`}>{w.back}</a>
      </p>
      <p class="notice">
        <time datetime={revision.createdAt}>
          {revision.publishedLaterAt
            ? w.savedPublishedLater(
                when,
                t.time(revision.publishedLaterAt, letter.closesTimeZone),
                revision.signatureCount,
              )
            : revision.published
              ? w.savedPublished(when, revision.signatureCount)
              : w.savedDraft(when)}
        </time>
      </p>
      <article class="letter" lang={revision.language}>
        <h1>{revision.title}</h1>
        <p class="addressee">
          {revision.addressee.split("\n").map((line, index, lines) => (
            <>
              {line}
              {index < lines.length - 1 && <br />}
            </>
          ))}
        </p>
        <div class="letter-body">{raw(bodyHtml)}</div>
      </article>
    </AdminLayout>
  );
}
