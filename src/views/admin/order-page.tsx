/**
 * The order of a letter's organizations: coalitions place the lead
 * organizations first. Numbered ones come first in that order; the rest
 * follow in signing order.
 */
import type { Letter } from "../../domain/letter";
import { UNRANKED_POSITION } from "../../domain/signature";
import type { OrganizerSignatureRow } from "../../storage/signatures";
import { AdminLayout, CsrfField } from "./admin-layout";
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
  return (
    <AdminLayout title={`Order of organizations: ${letter.title}`} csrf={csrf} error={Boolean(error)}>
      <p>
        <a href={`/admin/letters/${letter.slug}/signatures`}>← Signatures</a>
      </p>
      <h1>Order of organizations</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <p>
        Organizations are listed before individuals. Number the ones to show first (1 first); leave the others empty and
        they follow in the order they signed. Two with the same number keep their signing order.
      </p>
      {letter.managedBy === "file" && (
        <p class="notice">
          This letter comes from <code>content/{letter.slug}.md</code>. Saving an order here takes it over: loading the
          files will leave it alone from then on.
        </p>
      )}
      <ProblemSummary problems={error ? [{ text: error }] : []} />
      {organizations.length === 0 ? (
        <p>No organization has signed yet.</p>
      ) : (
        <form method="post" action={`/admin/letters/${letter.slug}/order`}>
          <CsrfField token={csrf} />
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Organizations in their current order</caption>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col">Organization</th>
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
          <button type="submit">Save the order</button>
        </form>
      )}
    </AdminLayout>
  );
}
