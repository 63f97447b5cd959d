/**
 * What organizers take away from a letter: its signatures a page at a time
 * in the public list's order (for the CSV file and the delivery document,
 * so a letter of any size is never held in memory), and the letter in the
 * language it is delivered in.
 */
import { activityDetail, type ActivityDetail } from "../domain/activity-details";
import { inLanguage, originalLanguage, type Letter } from "../domain/letter";
import { signatureQuery, type SignatureFilter } from "../domain/signature-filter";
import { findLetterTranslation } from "../storage/letter-translations";
import { listSignaturesInOrder, type OrganizerSignatureRow } from "../storage/signatures";
import { recordActivity, recordActivityUnlessSince } from "./activity";
import type { AppDeps } from "./deps";
import { organizerProblem } from "./problem";

/** Rows read per D1 query: a few hundred KB of result, well under D1's limits. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * The letter's signatures that `filter` matches, page after page in the
 * public list's order. The first page is read before this returns, so that
 * a database that does not answer is an error before a response starts,
 * rather than an empty file. Who downloaded the CSV file (personal data:
 * emails, contacts, hidden names) is logged (export-downloaded) once the
 * first page is read; the delivery document is not: it holds what the public
 * page shows (public names, the others only counted), no personal data.
 *
 * @param download what is being made of the pages: the signatures' CSV file, or the delivery document
 * @throws StorageUnavailable when D1 fails on the first page
 */
export async function signaturePages(
  deps: AppDeps,
  letter: Letter,
  filter: SignatureFilter,
  download: "csv" | "delivery",
): Promise<AsyncIterable<OrganizerSignatureRow[]>> {
  // The filter's days are the letter's, as its pages show its times.
  const query = signatureQuery(filter, letter.closesTimeZone);
  const first = await listSignaturesInOrder(deps.db, letter.id, query, { limit: EXPORT_PAGE_SIZE });
  if (download === "csv")
    await recordActivity(deps, { action: "export-downloaded", letterId: letter.id, detail: downloadDetail(filter) });
  return (async function* pages() {
    yield first.signatures;
    let after = first.next;
    while (after) {
      const page = await listSignaturesInOrder(deps.db, letter.id, query, { after, limit: EXPORT_PAGE_SIZE });
      yield page.signatures;
      after = page.next;
    }
  })();
}

/** How long one read of a letter's signatures through the API stands for the next ones (ms): an hour. */
export const API_READ_LOG_MS = 60 * 60 * 1000;

/**
 * Notes in the activity log (export-downloaded, detail signaturesApi) that the actor read `letter`'s
 * signatures, signers' emails among them, through the organizers' JSON API (GET
 * /admin/api/letters/{slug}/signatures), as the CSV file's download is: at most once per person,
 * letter and way in (each API token, ADMIN_TOKEN, a session) in API_READ_LOG_MS (an hour), so that a program walking a list page by page, or
 * polling it, makes one entry an hour rather than one per request. Any page counts, not only the
 * first (a walk that starts from a cursor it kept is logged too). The entry says which token it
 * came through (app/activity.ts activityRow), and each token is noted apart: a program polling
 * through one token never hides a read through another of the same person. The check and the entry are one statement: requests
 * at the same moment (a program reading pages in parallel) make one entry between them.
 *
 * @throws StorageUnavailable when D1 does not answer
 */
export async function noteApiRead(deps: AppDeps, letter: Letter): Promise<void> {
  if (!deps.actor) return;
  const since = new Date(deps.now().getTime() - API_READ_LOG_MS);
  await recordActivityUnlessSince(
    deps,
    { action: "export-downloaded", letterId: letter.id, detail: activityDetail("signaturesApi") },
    since,
  );
}

/**
 * What a download held, for the activity log: never the search text (it may be a signer's email
 * address), only that there was a filter.
 */
function downloadDetail(filter: SignatureFilter): ActivityDetail {
  const { status, ...rest } = filter;
  const narrowed = Object.values(rest).some((value) => value !== undefined);
  return activityDetail("signaturesCsv", status ?? null, narrowed);
}

/**
 * The letter in `language` (one of its own), or in its original when none is asked for.
 *
 * @throws Problem 400 for a language the letter has no text in
 */
export async function letterInLanguage(deps: AppDeps, letter: Letter, language: string | null): Promise<Letter> {
  if (!language || language === originalLanguage(letter)) return letter;
  const translation = letter.languages.includes(language)
    ? await findLetterTranslation(deps.db, letter.id, language)
    : null;
  if (!translation) {
    throw organizerProblem(400, "deliveryLanguage", [letter.languages]);
  }
  return inLanguage(letter, translation);
}
