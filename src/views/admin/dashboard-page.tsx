/** The organizers' home: every letter, drafts included, with its state and counts. */
import { letterState, type Letter } from "../../domain/letter";
import { formatDate, formatNumber } from "../format";
import { AdminLayout } from "./admin-layout";
import { Can, ROLE_WORDS } from "./can";
import { exportPaths } from "./export-links";
import { usePageShell } from "../layout";

export function StateBadge({ letter, now }: { letter: Letter; now: Date }) {
  const state = letterState(letter, now);
  return <span class={`badge badge-${state}`}>{state}</span>;
}

export function DashboardPage({
  letters,
  csrf,
  now,
  flash,
}: {
  letters: readonly Letter[];
  csrf: string | null;
  now: Date;
  flash?: string | null;
}) {
  const role = usePageShell().organizerRole;
  return (
    <AdminLayout title="Letters" csrf={csrf}>
      <h1>Letters</h1>
      {role && (
        <p class="hint" id="your-role">
          Your role: <strong>{ROLE_WORDS[role].name}</strong>. {ROLE_WORDS[role].may}
        </p>
      )}
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <Can permission="edit-letters">
        <p class="actions">
          <a class="button" href="/admin/letters/new">
            New letter
          </a>
        </p>
      </Can>
      {letters.length === 0 ? (
        <p>There are no letters yet. Write the first one.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Every letter, most recently changed first</caption>
            <thead>
              <tr>
                <th scope="col">Letter</th>
                <th scope="col">State</th>
                <th scope="col" class="number">
                  Signatures
                </th>
                <th scope="col" class="number">
                  Waiting
                </th>
                <th scope="col">Dated</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr>
                  <td>
                    <a href={`/admin/letters/${letter.slug}`} lang={letter.language}>
                      {letter.title}
                    </a>
                    <br />
                    <span class="meta">/letters/{letter.slug}</span>
                    <br />
                    <span class="meta">
                      Export:{" "}
                      <Can permission="moderate">
                        <a href={exportPaths.csv(letter.slug)}>signatures (CSV)</a> ·{" "}
                      </Can>
                      <a href={exportPaths.delivery(letter.slug)}>delivery document</a>
                    </span>
                  </td>
                  <td>
                    <StateBadge letter={letter} now={now} />
                  </td>
                  <td class="number">{formatNumber(letter.counts.total)}</td>
                  <td class="number">
                    {letter.pendingCount > 0 ? (
                      <Can permission="moderate" otherwise={formatNumber(letter.pendingCount)}>
                        <a href={`/admin/letters/${letter.slug}/signatures`}>{formatNumber(letter.pendingCount)}</a>
                      </Can>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td>
                    <time datetime={letter.date}>{formatDate(letter.date)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
