/** The second step of a bulk action: how many signatures it will change, before anything changes. */
import type { Letter } from "../../domain/letter";
import type { SignatureFilter } from "../../domain/signature-filter";
import { MODERATED, type ModerationAction } from "../../domain/signing";
import { formatNumber } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ACTION_LABELS, FilterFields } from "./signatures-page";

export interface BulkReviewProps {
  letter: Letter;
  csrf: string | null;
  action: ModerationAction;
  scope: "selected" | "matching";
  refs: readonly string[];
  filter: SignatureFilter;
  /** How many the action applies to, and how many were considered. */
  applicable: number;
  considered: number;
  /** The most one submission changes. */
  limit: number;
  back: string;
}

export function BulkReviewPage({
  letter,
  csrf,
  action,
  scope,
  refs,
  filter,
  applicable,
  considered,
  limit,
  back,
}: BulkReviewProps) {
  const verb = ACTION_LABELS[action];
  const changing = Math.min(applicable, limit);
  const noun = (count: number) => (count === 1 ? "signature" : "signatures");
  return (
    <AdminLayout title={`${verb} signatures`} csrf={csrf}>
      <h1>
        {verb} {formatNumber(changing)} {noun(changing)}?
      </h1>
      <p>
        {scope === "selected"
          ? `Of the ${formatNumber(considered)} you selected`
          : `Of the ${formatNumber(considered)} that match the filter`}
        , {formatNumber(applicable)} can be {MODERATED[action]}
        {applicable < considered ? `; the other ${formatNumber(considered - applicable)} are not affected` : ""}.
      </p>
      {applicable > limit && (
        <p class="notice">This changes the first {formatNumber(limit)} now. Run the same change again for the rest.</p>
      )}
      {applicable === 0 ? (
        <p>
          Nothing to change. <a href={back}>Back to the signatures</a>
        </p>
      ) : (
        <form method="post" action={`/admin/letters/${letter.slug}/signatures/bulk`} class="actions">
          <CsrfField token={csrf} />
          <FilterFields filter={filter} />
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="scope" value={scope} />
          {refs.map((ref) => (
            <input type="hidden" name="ref" value={ref} />
          ))}
          <button type="submit" name="step" value="apply">
            {verb} {formatNumber(changing)} {noun(changing)}
          </button>
          <a href={back}>Cancel</a>
        </form>
      )}
    </AdminLayout>
  );
}
