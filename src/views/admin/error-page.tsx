/**
 * The page for an error met in the organizer area (a 403 for a role, a 404
 * under /admin, a 429 after too many attempts): what happened in the
 * organizer's words, when to try again, and the way back into the area, in
 * the organizer layout. It names nothing about the request.
 */
import { AdminLayout } from "./admin-layout";
import { useAdminWords } from "./admin-words";

export function AdminErrorPage({
  status,
  title,
  message,
  retryAfterSeconds,
  csrf,
}: {
  status: number;
  title: string;
  message: string;
  /** A 429's or 503's Retry-After (seconds), said in words. */
  retryAfterSeconds?: number | null;
  csrf?: string | null;
}) {
  const t = useAdminWords();
  return (
    <AdminLayout title={title} csrf={csrf}>
      <h1>{title}</h1>
      <p>{message}</p>
      {retryAfterSeconds ? <p>{t.errorPage.tryAgainIn(retryAfterSeconds)}</p> : null}
      <p>
        <a href="/admin">{t.layout.backToArea}</a>
      </p>
      <p class="meta">{t.errorPage.status(status)}</p>
    </AdminLayout>
  );
}
