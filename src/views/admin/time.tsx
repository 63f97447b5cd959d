/**
 * A moment on an organizer page: a `<time>` element whose text is the area's
 * one format (views/format.ts formatTime, the catalogs' `time`), read in
 * `zone` and naming it: on a letter's pages its closing-time zone, else UTC.
 */
import { DEFAULT_TIME_ZONE } from "../../domain/time-zones";
import { useAdminWords } from "./admin-words";

export function Time({ iso, zone = DEFAULT_TIME_ZONE }: { iso: string; zone?: string }) {
  const t = useAdminWords();
  return <time datetime={iso}>{t.time(iso, zone)}</time>;
}
