/**
 * The second step of a bulk action: how many signatures it will change, and
 * their names (the first hundred), before anything changes.
 */
import type { Letter } from "../../domain/letter";
import type { SignatureFilter } from "../../domain/signature-filter";
import { MODERATED, type ModerationAction } from "../../domain/signing";
import type { ReviewedSignature } from "../../app/moderation";
import { formatDateTime, formatNumber } from "../format";
import { AdminLayout, CsrfField } from "./admin-layout";
import { ACTION_LABELS, FilterFields } from "./signatures-page";

export interface BulkReviewProps {
  letter: Letter;
  csrf: string | null;
  action: ModerationAction;
  /** The rows ticked, every row of the page shown, or every one matching the filter. */
  scope: "selected" | "page" | "matching";
  refs: readonly string[];
  filter: SignatureFilter;
  /** How many the action applies to, and how many were considered. */
  applicable: number;
  considered: number;
  /** The first of those it changes, by name. */
  names: readonly ReviewedSignature[];
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
  names,
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
          : scope === "page"
            ? `Of the ${formatNumber(considered)} on the page`
            : `Of the ${formatNumber(considered)} that match the filter`}
        , {formatNumber(applicable)} can be {MODERATED[action]}
        {applicable < considered ? `; the other ${formatNumber(considered - applicable)} are not affected` : ""}.
      </p>
      {applicable > limit && (
        <p class="notice">This changes the first {formatNumber(limit)} now. Run the same change again for the rest.</p>
      )}
      {names.length > 0 && (
        <section aria-labelledby="review-names">
          <h2 id="review-names">
            {Math.min(applicable, limit) > names.length
              ? `The first ${formatNumber(names.length)} it changes`
              : "The signatures it changes"}
          </h2>
          <ul class="review-names">
            {names.map((signature) => (
              <li>
                <strong>{signature.name}</strong>{" "}
                <span class="meta">
                  ({signature.kind === "organization" ? "organization" : "person"}, signed{" "}
                  <time datetime={signature.createdAt}>{formatDateTime(signature.createdAt)}</time>)
                </span>
              </li>
            ))}
          </ul>
          {Math.min(applicable, limit) > names.length && (
            <p class="meta">…and {formatNumber(Math.min(applicable, limit) - names.length)} more.</p>
          )}
        </section>
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
          <input type="hidden" name="scope" value={scope === "page" ? "selected" : scope} />
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
