/**
 * How many sign attempts the letter turned away after they passed
 * validation, and why (app/sign-attempts.ts): a person refused was shown the
 * form again with what to do, so a high count means people had to try twice,
 * or robots tried. Counts only: nothing about who.
 */
import { MINIMUM_FILL_MS, REFUSAL_REASON_NAMES, type RefusalReason } from "../../domain/bots";
import type { RefusedAttemptCount } from "../../storage/refused-sign-attempts";
import { useAdminWords } from "./admin-words";

export function RefusedAttempts({
  counts,
  recentDays,
}: {
  counts: readonly RefusedAttemptCount[];
  recentDays: number;
}) {
  const t = useAdminWords();
  const w = t.refused;
  const byReason = new Map(counts.map((count) => [count.reason, count]));
  const reasonWords = (reason: RefusalReason) => {
    const words = w.reasons[reason];
    return typeof words === "function" ? words(MINIMUM_FILL_MS / 1_000) : words;
  };
  return (
    <section aria-labelledby="refused-title">
      <h2 id="refused-title">{w.title}</h2>
      {counts.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          <p class="hint">{w.hint}</p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.why}</th>
                  <th scope="col">{w.recent(recentDays)}</th>
                  <th scope="col">{w.total}</th>
                </tr>
              </thead>
              <tbody>
                {REFUSAL_REASON_NAMES.filter((reason) => byReason.has(reason)).map((reason) => (
                  <tr data-reason={reason}>
                    <th scope="row">{reasonWords(reason)}</th>
                    <td>{t.number(byReason.get(reason)!.recent)}</td>
                    <td>{t.number(byReason.get(reason)!.total)}</td>
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
