/** One earlier version of a letter's text, as it read then. */
import { raw } from "hono/html";
import type { Letter } from "../../domain/letter";
import type { LetterRevision } from "../../storage/letter-revisions";
import { formatDate, formatNumber } from "../format";
import { AdminLayout } from "./admin-layout";

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
  return (
    <AdminLayout title={`Version of ${formatDate(revision.createdAt)}: ${letter.title}`} csrf={csrf}>
      <p>
        <a href={`/admin/letters/${letter.slug}`}>Back to the letter</a>
      </p>
      <p class="notice">
        The text as saved on {formatDate(revision.createdAt)} at {revision.createdAt.slice(11, 16)} UTC
        {revision.published
          ? `, when the letter was public with ${formatNumber(revision.signatureCount)} signatures`
          : ", while it was a draft"}
        .
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
