/**
 * How many sign attempts the letter turned away after they passed
 * validation, and why (app/sign-attempts.ts): a person refused was shown the
 * form again with what to do, so a high count means people had to try twice,
 * or robots tried. Counts only: nothing about who.
 */
import { REFUSAL_REASON_NAMES, REFUSAL_REASONS } from "../../domain/bots";
import type { RefusedAttemptCount } from "../../storage/refused-sign-attempts";
import { formatNumber } from "../format";

export function RefusedAttempts({
  counts,
  recentDays,
}: {
  counts: readonly RefusedAttemptCount[];
  recentDays: number;
}) {
  const byReason = new Map(counts.map((count) => [count.reason, count]));
  return (
    <section aria-labelledby="refused-title">
      <h2 id="refused-title">Sign attempts refused</h2>
      {counts.length === 0 ? (
        <p>No sign attempt has been refused.</p>
      ) : (
        <>
          <p class="hint">
            Attempts that were filled in correctly but not kept: the signer was shown the form again, filled in, and
            asked to send it once more (or to wait). Nothing about who tried is kept.
          </p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Refused sign attempts by reason</caption>
              <thead>
                <tr>
                  <th scope="col">Why</th>
                  <th scope="col">Last {recentDays} days</th>
                  <th scope="col">In all</th>
                </tr>
              </thead>
              <tbody>
                {REFUSAL_REASON_NAMES.filter((reason) => byReason.has(reason)).map((reason) => (
                  <tr data-reason={reason}>
                    <th scope="row">{REFUSAL_REASONS[reason]}</th>
                    <td>{formatNumber(byReason.get(reason)!.recent)}</td>
                    <td>{formatNumber(byReason.get(reason)!.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
