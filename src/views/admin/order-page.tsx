/**
 * The order of a letter's organizations: coalitions place the lead
 * organizations first. Numbered ones come first in that order; the rest
 * follow in signing order.
 */
import type { Letter } from "../../domain/letter";
import { UNRANKED_POSITION } from "../../domain/signature";
import type { OrganizerSignatureRow } from "../../storage/signatures";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Can } from "./can";
import { ProblemSummary } from "./form-fields";

export function OrderPage({
  letter,
  csrf,
  organizations,
  error,
  flash,
}: {
  letter: Letter;
  csrf: string | null;
  organizations: readonly OrganizerSignatureRow[];
  error?: string | null;
  flash?: string | null;
}) {
  const w = useAdminWords().order;
  return (
    <AdminLayout title={w.title(letter.title)} csrf={csrf} error={Boolean(error)}>
      <p>
        {/* Back where an editor who can't moderate came from: the letter's page. */}
        <Can permission="moderate" otherwise={<a href={`/admin/letters/${letter.slug}`}>← {letter.title}</a>}>
          <a href={`/admin/letters/${letter.slug}/signatures`}>{w.back}</a>
        </Can>
      </p>
      <h1>{w.heading}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>{w.intro}</p>
      {letter.managedBy === "file" && (
        <p class="notice">
          {w.fromFile[0]}
          <code>content/{letter.slug}.md</code>
          {w.fromFile[1]}
        </p>
      )}
      <ProblemSummary problems={error ? [{ text: error }] : []} />
      {organizations.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <form method="post" action={`/admin/letters/${letter.slug}/order`}>
          <CsrfField token={csrf} />
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.place}</th>
                  <th scope="col">{w.organization}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((organization) => (
                  <tr>
                    <td>
                      <input
                        type="number"
                        min={1}
                        max={99999}
                        inputmode="numeric"
                        name={`position-${organization.ref}`}
                        id={`position-${organization.ref}`}
                        value={organization.position < UNRANKED_POSITION ? String(organization.position) : ""}
                        class="position-input"
                      />
                    </td>
                    <td>
                      <label for={`position-${organization.ref}`}>{organization.name}</label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">{w.save}</button>
        </form>
      )}
    </AdminLayout>
  );
}
