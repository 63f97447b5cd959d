/** The organizers' home: every letter, drafts included, with its state and counts. */
import { letterState, type Letter } from "../../domain/letter";
import { AdminLayout } from "./admin-layout";
import { Can, usePermission } from "./can";
import { useAdminWords } from "./admin-words";
import { exportPaths } from "./export-links";
import { usePageShell } from "../layout";

export function StateBadge({ letter, now }: { letter: Letter; now: Date }) {
  const t = useAdminWords();
  const state = letterState(letter, now);
  return <span class={`badge badge-${state}`}>{t.states[state]}</span>;
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
  const t = useAdminWords();
  const w = t.dashboard;
  const role = usePageShell().signedIn?.role;
  return (
    <AdminLayout title={w.title} csrf={csrf}>
      <h1>{w.title}</h1>
      {role && (
        <p class="hint" id="your-role">
          {t.roles.yours} <strong>{t.roles.names[role]}</strong>. {t.roles.may[role]}
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
            {t.layout.newLetter}
          </a>
        </p>
      </Can>
      {letters.length === 0 ? (
        <p>{usePermission("edit-letters") ? w.empty : w.emptyRead}</p>
      ) : (
        <div class="table-wrap">
          <table class="stacked-table">
            <caption class="visually-hidden">{w.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.letter}</th>
                <th scope="col">{w.state}</th>
                <th scope="col" class="number">
                  {w.signatures}
                </th>
                <th scope="col" class="number">
                  {w.waiting}
                </th>
                <th scope="col">{w.dated}</th>
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
                      {w.export}{" "}
                      <Can permission="moderate">
                        <a href={exportPaths.csv(letter.slug)}>{w.exportCsv}</a> ·{" "}
                      </Can>
                      <a href={exportPaths.delivery(letter.slug)}>{w.exportDelivery}</a>
                    </span>
                  </td>
                  <td data-label={w.state}>
                    <StateBadge letter={letter} now={now} />
                  </td>
                  <td class="number" data-label={w.signatures}>
                    {t.number(letter.counts.total)}
                  </td>
                  <td class="number" data-label={w.waiting}>
                    {letter.pendingCount > 0 ? (
                      <Can permission="moderate" otherwise={t.number(letter.pendingCount)}>
                        <a href={`/admin/letters/${letter.slug}/signatures`}>{t.number(letter.pendingCount)}</a>
                      </Can>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td data-label={w.dated}>
                    <time datetime={letter.date}>{t.date(letter.date)}</time>
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
