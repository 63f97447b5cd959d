/**
 * The second step of a bulk action: how many signatures it will change, and
 * their names (the first hundred), before anything changes.
 */
import { Isolated } from "../bidi";
import type { Letter } from "../../domain/letter";
import type { SignatureFilter } from "../../domain/signature-filter";
import type { ModerationAction } from "../../domain/signing";
import type { ReviewedSignature } from "../../app/moderation";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";
import { Time } from "./time";
import { FilterFields } from "./signatures-page";

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
  /** Which counts stopped at their bound, "more than" (app/moderation.ts previewBulkModeration). */
  more?: { applicable: boolean; considered: boolean };
  /** The first of those it changes, by name. */
  names: readonly ReviewedSignature[];
  /** The selected signatures it leaves as they are (their status does not allow it), the first of them; none for a filter. */
  unaffected?: readonly ReviewedSignature[];
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
  more,
  names,
  unaffected = [],
  limit,
  back,
}: BulkReviewProps) {
  const t = useAdminWords();
  const w = t.bulk;
  const verb = t.signatures.actions[action];
  const changing = Math.min(applicable, limit);
  return (
    <AdminLayout title={w.title(verb)} csrf={csrf}>
      <h1 tabindex={-1} autofocus>
        {w.question(verb, changing)}
      </h1>
      <p>
        {more
          ? w.appliesBeyond(considered, more.considered, applicable, more.applicable, t.moderation.moderated[action])
          : w.applies(scope, considered, applicable, t.moderation.moderated[action])}
      </p>
      {(applicable > limit || (more?.applicable && applicable >= limit)) && <p class="notice">{w.limit(limit)}</p>}
      {names.length > 0 && (
        <section aria-labelledby="review-names">
          <h2 id="review-names">
            {Math.min(applicable, limit) > names.length ? w.firstNames(names.length) : w.allNames}
          </h2>
          <ul class="review-names">
            {names.map((signature) => (
              <li>
                <strong>
                  <Isolated text={signature.name} />
                </strong>{" "}
                <span class="meta">
                  ({signature.kind === "organization" ? w.organization : w.person}, {w.signed}{" "}
                  <Time iso={signature.createdAt} zone={letter.closesTimeZone} />)
                </span>
              </li>
            ))}
          </ul>
          {Math.min(applicable, limit) > names.length && (
            <p class="meta">{w.more(Math.min(applicable, limit) - names.length)}</p>
          )}
        </section>
      )}
      {unaffected.length > 0 && (
        <section aria-labelledby="review-unaffected">
          <h2 id="review-unaffected">{w.unaffected}</h2>
          <ul class="review-names">
            {unaffected.map((signature) => (
              <li>
                <strong>
                  <Isolated text={signature.name} />
                </strong>{" "}
                <span class="meta">({t.signatures.statuses[signature.status]})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {applicable === 0 ? (
        <p>
          {w.nothing} <a href={back}>{w.back}</a>
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
            {w.button(verb, changing)}
          </button>
          <a href={back}>{w.cancel}</a>
        </form>
      )}
    </AdminLayout>
  );
}
